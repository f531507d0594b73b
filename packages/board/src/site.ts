import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Place } from '@cocreate/places';

/** One file of the board as served: its bytes, media type and gzip form (what a phone on a slow link receives). */
export interface SiteAsset {
  body: Buffer;
  gzip: Buffer;
  type: string;
  /** The shell and its data change with a deployment; scripts and styles are named the same, so a short cache. */
  cacheControl: string;
}

/** URL path → asset. `/` and `/notice` are the one HTML shell; everything else lives under `/board/`. */
export type Site = ReadonlyMap<string, SiteAsset>;

export interface SiteOptions {
  /**
   * The public place tree: names and paths of the province, its counties, townships and villages (administrative
   * names are public; no household or person is in it). Pages use it for names, breadcrumbs and a township's or
   * county's villages: no public route lists places.
   */
  places: readonly Place[];
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

/** The kinds of place a board page exists for (households and groups are not on the board). */
const BOARD_KINDS = new Set(['province', 'city', 'county', 'township', 'village', 'community']);

/**
 * Builds the whole board in memory: the HTML shell, one bundled ES module (the page code with uPlot and
 * qrcode-generator inside it: nothing loads from a CDN), one stylesheet, the place index and the config. Served
 * locally by the gateway and, deployed, by the HTTP API's site function (the same bytes).
 */
export async function buildSite(opts: SiteOptions): Promise<Site> {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'browser', 'main.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.contents;
  const css = [readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'), readFileSync(join(SITE_DIR, 'board.css'), 'utf8')].join(
    '\n',
  );
  const shell = readFileSync(join(SITE_DIR, 'index.html'));
  const places = opts.places
    .filter((p) => BOARD_KINDS.has(p.kind) && !p.retired)
    .map((p) => ({ path: p.path, kind: p.kind, zh: p.name.zh, en: p.name.en }));
  const site = new Map<string, SiteAsset>();
  const put = (path: string, body: Buffer | Uint8Array | string, type: string, cacheControl = 'public, max-age=300') => {
    const bytes = Buffer.from(body);
    site.set(path, { body: bytes, gzip: gzipSync(bytes, { level: 9 }), type, cacheControl });
  };
  put('/', shell, 'text/html; charset=utf-8', 'no-cache');
  put('/notice', shell, 'text/html; charset=utf-8', 'no-cache');
  put('/board/board.js', js, 'text/javascript; charset=utf-8');
  put('/board/board.css', css, 'text/css; charset=utf-8');
  put('/board/places.json', JSON.stringify(places), 'application/json; charset=utf-8');
  put(
    '/board/config.json',
    JSON.stringify({ home: opts.home, signIn: opts.signIn, api: opts.api ?? {} }),
    'application/json; charset=utf-8',
    'no-cache',
  );
  return site;
}
