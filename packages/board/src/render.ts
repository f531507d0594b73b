import { type View, langOf, renderView } from './pages/page.ts';
import type { Site } from './site-files.ts';
import type { Config } from './pages/ui.ts';
import { esc } from './pages/ui.ts';
import { t } from './pages/i18n.ts';

/**
 * Pages rendered on the server: the shell with the page's HTML already in it, so a phone on a slow link reads the
 * notice before any script arrives (and without one). The data comes from the same public routes the browser reads,
 * asked at `api` (the suite's own HTTP address): names and phones arrive masked, as on the JSON boards.
 */
export interface PageRendererOptions {
  shell: string;
  config: Config;
  /** Where the public routes answer for the renderer (locally the gateway itself). */
  api: string;
}

export type PageRenderer = (url: URL) => Promise<{ status: number; html: string }>;

export function pageRenderer(opts: PageRendererOptions): PageRenderer {
  return async (url) => {
    const lang = langOf(url);
    const view = await renderView({ lang, url, places: [], config: opts.config, base: opts.api });
    return { status: view.status, html: fill(opts.shell, view, lang, opts.config) };
  };
}

function fill(shell: string, view: View, lang: 'zh-CN' | 'en', config: Config): string {
  const data = [
    'data-rendered="true"',
    `data-config="${esc(JSON.stringify(config))}"`,
    ...(view.village ? [`data-village="${esc(view.village)}"`, `data-year="${view.year}"`] : []),
  ].join(' ');
  const swap = (html: string, pattern: RegExp, to: string) => {
    if (!pattern.test(html)) throw new Error(`the board's shell has no ${pattern}`);
    return html.replace(pattern, () => to);
  };
  let html = shell;
  html = swap(html, /<html lang="[^"]*">/, `<html lang="${lang}">`);
  html = swap(html, /<title>[^<]*<\/title>/, `<title>${esc(view.title)}</title>`);
  html = swap(html, /<body>/, view.notice ? '<body class="notice-page">' : '<body>');
  html = swap(html, /<a class="skip" href="#main">[^<]*<\/a>/, `<a class="skip" href="#main">${esc(t(lang, 'skip'))}</a>`);
  html = swap(html, /<header id="top" class="top">[\s\S]*?<\/header>/, `<header id="top" class="top">${view.header}</header>`);
  html = swap(html, /<main id="main" aria-busy="true">[\s\S]*?<\/main>/, `<main id="main" aria-busy="true" ${data}>${view.main}</main>`);
  return html;
}

/** The renderer of a built site: its shell and config, with the public routes asked at `api`. */
export function pagesOf(site: Site, api: string): PageRenderer {
  const text = (path: string) => {
    const asset = site.get(path);
    if (!asset) throw new Error(`the built board has no ${path}`);
    return asset.body.toString('utf8');
  };
  return pageRenderer({
    shell: text('/'),
    config: JSON.parse(text('/board/config.json')) as Config,
    api,
  });
}
