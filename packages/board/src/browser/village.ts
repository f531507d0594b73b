import { t } from '../pages/i18n.ts';
import { type Env, empty, esc, failed, getJson, postJson, q, type Json } from '../pages/ui.ts';
import { PHOTOS_SHOWN, table } from '../pages/village.ts';

/** What the browser adds to a village's page: objections and ratings sent, and what a signed-in resident also sees. */

export async function enhanceVillage(env: Env, main: HTMLElement, year: number): Promise<void> {
  wireObjections(env, main);
  wireSignUps(env, main);
  wirePhotos(env, main);
  if (env.session) await signedInParts(env, main, year, env.session.token);
}

/**
 * 现场照片 are fetched by URLs that expire (minutes): a photo that fails — the page was left open, then scrolled — is
 * asked for again once, with the gallery's fresh URLs.
 */
function wirePhotos(env: Env, main: HTMLElement): void {
  main.querySelectorAll<HTMLElement>('ul.photos').forEach((list) => {
    let fresh: Promise<Json[]> | undefined;
    const retry = async (img: HTMLImageElement) => {
      if (img.dataset.retried) return;
      img.dataset.retried = 'true';
      fresh ??= getJson(env, `/projects/board/${encodeURIComponent(list.dataset.project!)}/photos${q({ limit: PHOTOS_SHOWN })}`)
        .then((r) => r.items as Json[])
        .catch(() => []);
      const item = (await fresh)[Number(img.dataset.index)];
      if (item) img.src = item.url;
    };
    list.querySelectorAll<HTMLImageElement>('img.photo').forEach((img) => {
      img.addEventListener('error', () => void retry(img));
      // Failed before this script ran.
      if (img.complete && img.naturalWidth === 0 && img.currentSrc) void retry(img);
    });
  });
}

/**
 * A resident's form on the page: sent once at a time (the button waits), "sending" while it goes, then the answer's
 * words in the result line — the button comes back after a refusal, or when `again` says the form can be used again.
 */
function onSubmit(
  env: Env,
  main: HTMLElement,
  selector: string,
  send: (form: HTMLFormElement) => Promise<{ ok: boolean; text: string; again?: boolean }>,
): void {
  main.querySelectorAll<HTMLFormElement>(selector).forEach((form) => {
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const out = form.querySelector<HTMLElement>('.result')!;
      const button = form.querySelector('button')!;
      button.disabled = true;
      out.textContent = t(env.lang, 'sending');
      const { ok, text, again } = await send(form);
      out.textContent = text;
      out.className = `result ${ok ? 'ok' : 'error'}`;
      if (!ok || again) button.disabled = false;
    });
  });
}

/** 报名: a signed-in resident takes a place, or a place on the waiting list when the activity is full. */
function wireSignUps(env: Env, main: HTMLElement): void {
  onSubmit(env, main, 'form.signup', async (form) => {
    const res = await postJson(
      env,
      `/rewards/activities/${encodeURIComponent(form.dataset.activity!)}/sign-ups`,
      undefined,
      env.session?.token,
    );
    const ok = res.status === 201 || res.status === 200;
    const said =
      res.body.status === 'waiting' ? t(env.lang, 'signedUpWaiting', { n: res.body.position ?? '' }) : t(env.lang, 'signedUpConfirmed');
    return { ok, text: ok ? said : (res.body.detail ?? String(res.status)) };
  });
}

/** 公示异议: anyone signed in files an objection while a decision is under notice; the form clears for another. */
function wireObjections(env: Env, main: HTMLElement): void {
  onSubmit(env, main, 'form.objection', async (form) => {
    const text = (form.elements.namedItem('text') as HTMLTextAreaElement).value;
    const res = await postJson(
      env,
      `/deliberation/proposals/${encodeURIComponent(form.dataset.proposal!)}/objections`,
      { text },
      env.session?.token,
    );
    const ok = res.status === 201;
    if (ok) form.reset();
    return {
      ok,
      again: true,
      text: ok ? `${t(env.lang, 'objectionFiled')} ${res.body.objectionId}` : (res.body.detail ?? String(res.status)),
    };
  });
}

/** What a signed-in resident also sees: owners' consent results and the points leaderboard (names masked). */
async function signedInParts(env: Env, main: HTMLElement, year: number, token: string): Promise<void> {
  const village = main.dataset.village!;
  const L = env.lang;
  await ratingForms(env, main, token);
  const [polls, board] = await Promise.allSettled([
    getJson(env, `/deliberation/consent-polls${q({ village })}`, token),
    getJson(env, `/rewards/leaderboard${q({ village, period: String(year), limit: 20 })}`, token),
  ]);
  const consent = main.querySelector<HTMLElement>('#consent-body')!;
  if (polls.status === 'fulfilled') {
    const closed = (polls.value.items as Json[]).filter((p) => p.result);
    consent.innerHTML = closed.length
      ? table(
          [t(L, 'poll'), t(L, 'agree'), t(L, 'outcome')],
          closed.map((p) => [
            esc(p.title),
            esc(`${p.result.owners.agree} / ${p.result.owners.eligible}`),
            esc(t(L, p.result.passed ? 'passed' : 'failed')),
          ]),
        )
      : empty(t(L, 'none'));
  } else consent.innerHTML = failed(env, polls.reason);
  const points = main.querySelector<HTMLElement>('#points-body')!;
  if (board.status === 'fulfilled') {
    const rows = board.value.rows as Json[];
    points.innerHTML = rows.length
      ? table(
          [t(L, 'rank'), t(L, 'name'), t(L, 'points')],
          rows.map((r) => [esc(r.rank), esc(r.name), esc(r.score)]),
        )
      : empty(t(L, 'none'));
  } else points.innerHTML = failed(env, board.reason);
}

interface Leaf {
  id: string;
  name: string;
  min: number;
  max: number;
}

function leavesOf(criteria: Json[], lang: Env['lang']): Leaf[] {
  return criteria.flatMap((c) =>
    c.children?.length
      ? leavesOf(c.children, lang)
      : [{ id: c.id ?? c.criterionId, name: lang === 'en' ? c.name?.en : c.name?.zh, min: c.scale?.min ?? 1, max: c.scale?.max ?? 5 }],
  );
}

/** 群众评价: a beneficiary household rates a project in an open review, one choice per criterion of its scheme. */
async function ratingForms(env: Env, main: HTMLElement, token: string): Promise<void> {
  const L = env.lang;
  for (const host of Array.from(main.querySelectorAll<HTMLElement>('.rate-form'))) {
    const schemeUrl = `/evaluation/schemes/${encodeURIComponent(host.dataset.scheme!)}`;
    // The version the review recorded; a template answers without one.
    const scheme = await getJson(env, `${schemeUrl}${q({ version: host.dataset.version })}`)
      .catch(() => getJson(env, schemeUrl))
      .catch(() => undefined);
    if (!scheme) continue;
    const leaves = leavesOf(scheme.version?.criteria ?? scheme.criteria ?? [], L);
    const id = host.dataset.review!;
    host.innerHTML = `<form class="rating">${leaves
      .map(
        (l) =>
          `<label for="${esc(`${id}-${l.id}`)}">${esc(l.name ?? l.id)}（${l.min}–${l.max}）</label><select id="${esc(`${id}-${l.id}`)}" name="${esc(l.id)}">${Array.from(
            { length: l.max - l.min + 1 },
            (_, k) => l.max - k,
          )
            .map((v) => `<option value="${v}">${v}</option>`)
            .join('')}</select>`,
      )
      .join('')}<button type="submit">${esc(t(L, 'rate'))}</button><p class="result" role="status" aria-live="polite"></p></form>`;
    const form = host.querySelector('form')!;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const out = form.querySelector<HTMLElement>('.result')!;
      out.textContent = t(L, 'sending');
      const scores = Object.fromEntries(leaves.map((l) => [l.id, Number((form.elements.namedItem(l.id) as HTMLSelectElement).value)]));
      const res = await postJson(env, `/evaluation/reviews/${encodeURIComponent(id)}/responses`, { scores }, token);
      out.textContent = res.status === 201 ? `${t(L, 'rated')} ${res.body.overall}` : (res.body.detail ?? String(res.status));
      out.className = `result ${res.status === 201 ? 'ok' : 'error'}`;
    });
  }
}
