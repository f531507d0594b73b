import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

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

interface SiteIndexEntry {
  path: string;
  file: string;
  type: string;
  cacheControl: string;
}

/** Writes a built site into `dir` (each file, its gzip form, and `site.json` naming them): the function's package. */
export function writeSite(site: Site, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const index: SiteIndexEntry[] = [...site].map(([path, asset], i) => {
    const file = `${i}-${path === '/' ? 'index' : path.split('/').at(-1)}`;
    writeFileSync(join(dir, file), asset.body);
    writeFileSync(join(dir, `${file}.gz`), asset.gzip);
    return { path, file, type: asset.type, cacheControl: asset.cacheControl };
  });
  writeFileSync(join(dir, 'site.json'), JSON.stringify(index, null, 2));
}

/** Reads back what `writeSite` wrote (the site function does, once per cold start). */
export function readSite(dir: string): Site {
  const index = JSON.parse(readFileSync(join(dir, 'site.json'), 'utf8')) as SiteIndexEntry[];
  return new Map(
    index.map((e) => [
      e.path,
      { body: readFileSync(join(dir, e.file)), gzip: readFileSync(join(dir, `${e.file}.gz`)), type: e.type, cacheControl: e.cacheControl },
    ]),
  );
}

/**
 * The site with its config's service addresses replaced: deployed, each service's API URL is known only when
 * CloudFormation resolves it, so the site function gets them from its environment, not from the files built at synth.
 */
export function withApi(site: Site, api: Record<string, string>): Site {
  const config = site.get('/board/config.json');
  if (!config) throw new Error('the built board has no /board/config.json');
  const body = Buffer.from(JSON.stringify({ ...JSON.parse(config.body.toString('utf8')), api }));
  return new Map([...site, ['/board/config.json', { ...config, body, gzip: gzipSync(body, { level: 9 }) }]]);
}
