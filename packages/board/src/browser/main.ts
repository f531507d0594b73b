import { areaPage } from './area.ts';
import { type Lang, t } from './i18n.ts';
import { noticePage } from './notice.ts';
import { wireSession } from './session.ts';
import { type Config, type Env, type PlaceEntry, esc, failed, getJson, named } from './ui.ts';
import { villagePage } from './village.ts';

/**
 * The board's one script. It reads the suite's public JSON routes (names and phones arrive masked: it never sees
 * more) and renders the page for `?place=` (a village, township or county) or a notice at `/notice`.
 */
async function render(): Promise<void> {
  const url = new URL(location.href);
  const lang: Lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh-CN';
  document.documentElement.lang = lang;
  const main = document.getElementById('main')!;
  const header = document.getElementById('top')!;
  const other = new URL(url);
  if (lang === 'en') other.searchParams.delete('lang');
  else other.searchParams.set('lang', 'en');
  header.innerHTML = `<a class="brand" href="/${lang === 'en' ? '?lang=en' : ''}">${esc(t(lang, 'board'))}</a>
    <a class="lang" href="${esc(other.pathname + other.search)}" lang="${lang === 'en' ? 'zh-CN' : 'en'}" aria-label="${esc(t(lang, 'switchLangLabel'))}">${esc(
      t(lang, 'switchLang'),
    )}</a>`;
  document.querySelector<HTMLAnchorElement>('.skip')!.textContent = t(lang, 'skip');
  const env0 = { lang, url, places: [] as PlaceEntry[], config: { home: '', signIn: 'none' } as Config };
  try {
    const [places, config] = await Promise.all([
      getJson<PlaceEntry[]>(env0, '/board/places.json'),
      getJson<Config>(env0, '/board/config.json'),
    ]);
    const env: Env = { ...env0, places, config };
    if (location.pathname === '/notice') {
      document.body.classList.add('notice-page');
      return await noticePage(env, main);
    }
    const place = url.searchParams.get('place') ?? config.home;
    const entry = places.find((p) => p.path === place);
    if (!entry) {
      main.innerHTML = `<h1>${esc(t(lang, 'notFound'))}</h1>`;
      return;
    }
    document.title = `${named(entry, lang)} · ${t(lang, 'board')}`;
    if (entry.kind === 'village' || entry.kind === 'community') {
      await villagePage(env, main, place);
      wireSession(env, main, place, () => void render());
    } else await areaPage(env, main, place, entry.kind);
  } catch (err) {
    main.innerHTML = `<h1>${esc(t(lang, 'board'))}</h1>${failed(env0, err)}`;
  } finally {
    main.setAttribute('aria-busy', 'false');
    document.body.dataset.ready = 'true';
  }
}

void render();
