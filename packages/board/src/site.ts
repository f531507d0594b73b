import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, buildSync } from 'esbuild';
import type { Site, SiteAsset } from './site-files.ts';

export type { Site, SiteAsset } from './site-files.ts';

export interface SiteOptions {
  /** The place `/` opens when no `?place=` is given (locally: the demo community, 幸福社区). */
  home: string;
  /**
   * How residents sign in to act from the page: `local` asks the local token issuer (`POST /_local/token`) for a
   * resident token of the village; `none` hides acting (a deployment whose identity provider is not wired yet).
   */
  signIn: 'local' | 'none';
  /**
   * Where each service's HTTP API answers, by the first segment of its routes (`deliberation` → its base URL).
   * Locally every route is on the page's own origin (the gateway), so none is given; deployed, each service has its
   * own HTTP API (with CORS) unless a custom domain maps them under one origin.
   */
  api?: Record<string, string>;
}

const SITE_DIR = join(import.meta.dirname, '..', 'site');
const require = createRequire(import.meta.url);

/** The browser code as one ES module (esbuild, the same options whether built at start-up or at synth). */
const browserBundle = {
  entryPoints: [join(import.meta.dirname, 'browser', 'main.ts')],
  bundle: true,
  minify: true,
  format: 'esm' as const,
  target: 'es2020',
  write: false as const,
  legalComments: 'none' as const,
  logLevel: 'silent' as const,
};

/**
 * Builds the whole board in memory: the HTML shell, one bundled ES module (the page code with uPlot and
 * qrcode-generator inside it: nothing loads from a CDN), one stylesheet and the config. Pages name places as the
 * register tells them publicly (`GET /registry/public/places`), so nothing of the register is built in. Served
 * locally by the gateway and, deployed, by the board's site function (the same bytes; `pagesOf` renders the pages).
 */
export async function buildSite(opts: SiteOptions): Promise<Site> {
  return siteOf((await build(browserBundle)).outputFiles[0]!.contents, opts);
}

/** The same, at once: what the CDK app builds into the site function's package at synth. */
export function buildSiteSync(opts: SiteOptions): Site {
  return siteOf(buildSync(browserBundle).outputFiles[0]!.contents, opts);
}

function siteOf(js: Uint8Array, opts: SiteOptions): Site {
  const css = [readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'), readFileSync(join(SITE_DIR, 'board.css'), 'utf8')].join(
    '\n',
  );
  const shell = readFileSync(join(SITE_DIR, 'index.html'));
  const site = new Map<string, SiteAsset>();
  const put = (path: string, body: Buffer | Uint8Array | string, type: string, cacheControl = 'public, max-age=300') => {
    const bytes = Buffer.from(body);
    site.set(path, { body: bytes, gzip: gzipSync(bytes, { level: 9 }), type, cacheControl });
  };
  put('/', shell, 'text/html; charset=utf-8', 'no-cache');
  put('/notice', shell, 'text/html; charset=utf-8', 'no-cache');
  put('/board/board.js', js, 'text/javascript; charset=utf-8');
  put('/board/board.css', css, 'text/css; charset=utf-8');
  put(
    '/board/config.json',
    JSON.stringify({ home: opts.home, signIn: opts.signIn, api: opts.api ?? {} }),
    'application/json; charset=utf-8',
    'no-cache',
  );
  return site;
}
