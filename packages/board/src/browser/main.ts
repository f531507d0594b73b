import { qrSvg } from '../pages/charts.ts';
import { t } from '../pages/i18n.ts';
import { type View, langOf, placeOf, renderView } from '../pages/page.ts';
import { type Config, type Env, esc, failed, getJson } from '../pages/ui.ts';
import { drawCharts } from './charts.ts';
import { storedSession, wireSession } from './session.ts';
import { enhanceVillage } from './village.ts';

/**
 * The board's one script. The server sends each page already rendered from the suite's public JSON routes (names and
 * phones arrive masked: neither ever sees more); this script draws the charts and wires what a resident does. Once a
 * resident signs in, it renders the village's page again here, with their token, and adds what only they may see.
 */
async function start(rerender = false): Promise<void> {
  const url = new URL(location.href);
  const lang = langOf(url);
  const main = document.getElementById('main')!;
  const config = (main.dataset.config ? JSON.parse(main.dataset.config) : await getJson(bare(lang, url), '/board/config.json')) as Config;
  const env0: Env = { lang, url, places: [], config };
  try {
    const village = main.dataset.village ?? (url.pathname === '/' ? placeOf(env0) : undefined);
    const session = storedSession(village);
    let view: Pick<View, 'village' | 'year' | 'notice'>;
    if (main.dataset.rendered === 'true' && !session && !rerender) {
      view = { village, year: Number(main.dataset.year), notice: url.pathname === '/notice' };
    } else {
      const rendered = await renderView({ ...env0, session });
      document.title = rendered.title;
      document.getElementById('top')!.innerHTML = rendered.header;
      main.innerHTML = rendered.main;
      if (rendered.village) main.dataset.village = rendered.village;
      if (rendered.year) main.dataset.year = String(rendered.year);
      view = rendered;
    }
    const env: Env = { ...env0, session };
    drawCharts(main);
    if (view.notice) {
      document.body.classList.add('notice-page');
      // The QR code opens the page as this reader reached it (the server knows only its own address).
      const qr = main.querySelector<HTMLElement>('.qr');
      if (qr && qr.dataset.url !== location.href) qr.outerHTML = qrSvg(location.href, qr.getAttribute('aria-label') ?? '');
      main.querySelector('#print')?.addEventListener('click', () => window.print());
    }
    if (view.village) {
      await enhanceVillage(env, main, view.year ?? new Date().getFullYear());
      wireSession(env, main, view.village, () => void start(true));
    }
  } catch (err) {
    main.innerHTML = `<h1>${esc(t(lang, 'board'))}</h1>${failed(env0, err)}`;
  } finally {
    main.setAttribute('aria-busy', 'false');
    document.body.dataset.ready = 'true';
  }
}

const bare = (lang: Env['lang'], url: URL): Env => ({ lang, url, places: [], config: { home: '', signIn: 'none' } });

void start();
