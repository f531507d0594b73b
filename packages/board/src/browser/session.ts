import { t } from './i18n.ts';
import { type Env, esc, postJson } from './ui.ts';

/**
 * Signing in to act from the page. Locally the local token issuer gives a resident token of the village (what a
 * deployment's identity provider does after its own sign-in); the token lives in this tab only (sessionStorage).
 */
const KEY = (village: string) => `cocreate-board-token:${village}`;

export function signedIn(village: string): string | undefined {
  return sessionStorage.getItem(KEY(village)) ?? undefined;
}

export function signInForm(env: Env, village: string): string {
  const L = env.lang;
  const who = sessionStorage.getItem(`${KEY(village)}:who`);
  if (signedIn(village))
    return `<p>${esc(t(L, 'signedInAs'))}<strong>${esc(who)}</strong> <button type="button" id="sign-out">${esc(t(L, 'signOut'))}</button></p>`;
  if (env.config.signIn !== 'local') return `<p>${esc(t(L, 'howToObject'))}</p>`;
  return `<p>${esc(t(L, 'signInFirst'))}</p>
    <form id="sign-in" class="inline">
      <label for="person">${esc(t(L, 'personId'))}</label>
      <input id="person" name="person" required autocomplete="username" placeholder="p-xingfu-09">
      <button type="submit">${esc(t(L, 'signIn'))}</button>
      <small>${esc(t(L, 'localSignIn'))}</small>
    </form>`;
}

/** Wires the sign-in and sign-out controls; `done` re-renders the page as the signed-in (or signed-out) resident. */
export function wireSession(env: Env, root: HTMLElement, village: string, done: () => void): void {
  root.querySelector<HTMLFormElement>('#sign-in')?.addEventListener('submit', async (e) => {
    e.preventDefault();
    const person = ((e.target as HTMLFormElement).elements.namedItem('person') as HTMLInputElement).value.trim();
    const res = await postJson(env, '/_local/token', { sub: person, roles: [{ role: 'resident', place: village }] });
    if (res.status !== 200 || !res.body.token) return;
    sessionStorage.setItem(KEY(village), res.body.token);
    sessionStorage.setItem(`${KEY(village)}:who`, person);
    done();
  });
  root.querySelector('#sign-out')?.addEventListener('click', () => {
    sessionStorage.removeItem(KEY(village));
    sessionStorage.removeItem(`${KEY(village)}:who`);
    done();
  });
}
