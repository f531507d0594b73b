import { areaHtml } from './area.ts';
import { type Lang, t } from './i18n.ts';
import { noticeHtml } from './notice.ts';
import { type Env, type PlaceEntry, esc, failed, getJson, named, q } from './ui.ts';
import { villageHtml } from './village.ts';

/** One page of the board as HTML: what the server sends first and what the browser renders again after a sign-in. */
export interface View {
  status: 200 | 404;
  title: string;
  /** The header's links: the board's home and the language switch. */
  header: string;
  main: string;
  /** Set on a village's page: what the browser wires (sign-in, objections, ratings) and the year it speaks of. */
  village?: string;
  year?: number;
  notice: boolean;
}

export const langOf = (url: URL): Lang => (url.searchParams.get('lang') === 'en' ? 'en' : 'zh-CN');

function header(url: URL, lang: Lang): string {
  const other = new URL(url);
  if (lang === 'en') other.searchParams.delete('lang');
  else other.searchParams.set('lang', 'en');
  return `<a class="brand" href="/${lang === 'en' ? '?lang=en' : ''}">${esc(t(lang, 'board'))}</a>
    <a class="lang" href="${esc(other.pathname + other.search)}" lang="${lang === 'en' ? 'zh-CN' : 'en'}" aria-label="${esc(t(lang, 'switchLangLabel'))}">${esc(
      t(lang, 'switchLang'),
    )}</a>`;
}

/** The place a page is about: `?place=`, else the deployment's home place. */
export const placeOf = (env: Env): string => env.url.searchParams.get('place') ?? env.config.home;

interface PublicPlace {
  path: string;
  kind: string;
  name: { zh: string; en: string };
}

/**
 * The places a page names: its own, those above it and the administrative places below it, as the register tells them
 * publicly now (a new village or a renamed one shows without a new deployment). Undefined when there is no such place.
 */
export async function placesFor(env: Env, place: string): Promise<PlaceEntry[] | undefined> {
  try {
    const r = await getJson<{ place: PublicPlace; above: PublicPlace[]; below: PublicPlace[] }>(
      env,
      `/registry/public/places${q({ path: place })}`,
    );
    return [...r.above, r.place, ...r.below].map((p) => ({ path: p.path, kind: p.kind, zh: p.name.zh, en: p.name.en }));
  } catch (err) {
    if ((err as { status?: number }).status === 404 || (err as { status?: number }).status === 400) return undefined;
    throw err;
  }
}

/** Renders the page `env.url` names: a notice at `/notice`, else a village's, township's or county's page. */
export async function renderView(env0: Env): Promise<View> {
  const L = env0.lang;
  const base = { header: header(env0.url, L), notice: false };
  const notice = env0.url.pathname === '/notice';
  const place = notice ? env0.url.searchParams.get('village') : placeOf(env0);
  let env = env0;
  try {
    const places = place ? await placesFor(env0, place) : [];
    if (!places) return { ...base, status: 404, title: t(L, 'notFound'), main: `<h1>${esc(t(L, 'notFound'))}</h1>` };
    env = { ...env0, places };
    if (notice) {
      const { title, html } = await noticeHtml(env);
      return { ...base, status: 200, title, main: html, notice: true };
    }
    const entry = env.places.find((p) => p.path === place);
    if (!entry) return { ...base, status: 404, title: t(L, 'notFound'), main: `<h1>${esc(t(L, 'notFound'))}</h1>` };
    const title = `${named(entry, L)} · ${t(L, 'board')}`;
    if (entry.kind === 'village' || entry.kind === 'community') {
      const { html, year } = await villageHtml(env, entry.path);
      return { ...base, status: 200, title, main: html, village: entry.path, year };
    }
    return { ...base, status: 200, title, main: await areaHtml(env, entry.path, entry.kind) };
  } catch (err) {
    if ((err as { status?: number }).status === 404)
      return { ...base, status: 404, title: t(L, 'notFound'), main: `<h1>${esc(t(L, 'notFound'))}</h1>` };
    return { ...base, status: 200, title: t(L, 'board'), main: `<h1>${esc(t(L, 'board'))}</h1>${failed(env, err)}` };
  }
}
