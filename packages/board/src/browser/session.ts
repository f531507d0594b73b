import type { Env, Session } from '../pages/ui.ts';
import { postJson } from '../pages/ui.ts';

/**
 * Signing in to act from the page. Locally the local token issuer gives a resident token of the village (what a
 * deployment's identity provider does after its own sign-in); the token lives in this tab only (sessionStorage).
 */
const KEY = (village: string) => `cocreate-board-token:${village}`;

export function storedSession(village: string | undefined): Session | undefined {
  if (!village) return undefined;
  const token = sessionStorage.getItem(KEY(village));
  return token ? { token, who: sessionStorage.getItem(`${KEY(village)}:who`) ?? '' } : undefined;
}

/** Wires the sign-in and sign-out controls; `done` renders the page again as the signed-in (or signed-out) resident. */
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
