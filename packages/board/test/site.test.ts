import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalGateway } from '@cocreate/local/gateway';
import { demo, demoSeed } from '@cocreate/places/seed';
import { type Site, buildSite } from '../src/site.ts';

/** The board as built and as the local gateway serves it: light, self-contained, no personal data of its own. */
let site: Site;
const gateway = new LocalGateway();
let base = '';

beforeAll(async () => {
  site = await buildSite({ home: demo.xingfu, signIn: 'local' });
  gateway.site = site;
  base = await gateway.listen(0);
});
afterAll(() => gateway.close());

describe('the built board', () => {
  it('is one shell, one script and one stylesheet, together far under 150 KB gzipped, loading nothing from elsewhere', () => {
    const shell = site.get('/')!;
    expect(site.get('/notice')!.body.equals(shell.body)).toBe(true);
    const transferred = ['/', '/board/board.js', '/board/board.css', '/board/config.json'].reduce(
      (sum, path) => sum + site.get(path)!.gzip.length,
      0,
    );
    expect(transferred).toBeLessThan(150 * 1024);
    for (const [path, asset] of site) {
      expect(gunzipSync(asset.gzip).equals(asset.body), path).toBe(true);
      // No CDN: nothing the pages load is named by an absolute URL.
      if (/html|css/.test(asset.type))
        expect(asset.body.toString('utf8'), path).not.toMatch(/(src|href)=["']?(https?:)?\/\/|url\((https?:)?\/\//);
    }
  });

  it('carries nothing of the register: no place, household or person — pages ask the register’s public route', () => {
    const text = [...site.values()].map((a) => a.body.toString('utf8')).join('\n');
    for (const person of demoSeed.people) expect(text).not.toContain(person.name);
    for (const place of demoSeed.places.filter((p) => p.kind === 'village' || p.kind === 'community'))
      expect(text).not.toContain(place.name.zh);
    expect(JSON.parse(site.get('/board/config.json')!.body.toString('utf8'))).toEqual({ home: demo.xingfu, signIn: 'local', api: {} });
  });
});

describe('the local gateway serving it', () => {
  it('answers / and /notice with a rendered page and /board/* with its files, gzipped when asked', async () => {
    // No services behind this gateway: the register cannot name the home place, so the page says it is not found.
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(404);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await home.text();
    expect(html).toContain('<main id="main" aria-busy="true" data-rendered="true"');
    expect(html).toMatch(/<h1>[^<]+<\/h1>/);
    expect((await fetch(`${base}/notice?kind=decision`)).status).toBe(404);

    const js = await fetch(`${base}/board/board.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('vary')).toBe('Accept-Encoding');

    expect((await fetch(`${base}/board/nothing.js`)).status).toBe(404);
    // Only reads: a POST to a page is not served the page.
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(404);
  });
});
