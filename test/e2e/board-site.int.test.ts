import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { manifests } from '@cocreate/suite';
import { demo } from '@cocreate/places/seed';
import { deployments } from '../../infra/config/index.ts';
import { sitePackage } from '../../infra/lib/board-stack.ts';

/**
 * The site function as CDK packages it (bundle and built board, `sitePackage`), invoked the way the board's HTTP API
 * invokes it, with `BOARD_API` naming every service at the local stack: the deployed board, minus API Gateway.
 */
type Handler = (event: unknown) => Promise<{ statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: boolean }>;
let handler: Handler;
const url = inject('stack').url;

beforeAll(async () => {
  const dir = sitePackage(
    deployments.find((d) => d.id === 'demo-global')!,
    true,
  );
  process.env.BOARD_API = JSON.stringify(Object.fromEntries(manifests.map((m) => [m.name, url])));
  process.env.COCREATE_PUBLIC_BASE_URL = 'https://board.example.cn';
  ({ handler } = (await import(pathToFileURL(path.join(dir, 'index.mjs')).href)) as { handler: Handler });
}, 120_000);

const get = (rawPath: string, rawQueryString = '', gzip = true) =>
  handler({
    rawPath,
    rawQueryString,
    headers: gzip ? { 'accept-encoding': 'gzip, br' } : {},
    requestContext: { domainName: 'abc123.execute-api.cn-north-1.amazonaws.com.cn', http: { method: 'GET' } },
  });

const text = (r: Awaited<ReturnType<Handler>>) => {
  const bytes = Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8');
  return (r.headers['content-encoding'] === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
};

describe('the deployed board’s site function', () => {
  it('sends a village’s page rendered with its data, named as the register names it publicly', async () => {
    const page = await get('/', `place=${encodeURIComponent(demo.xingfu)}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = text(page);
    expect(html).toContain('data-rendered="true"');
    expect(html).toContain('<title>幸福社区');
    expect(html).toMatch(/<h1>幸福社区/);
    // Its config names where each service answers, as CloudFormation resolved it into the environment.
    expect(html).toContain(`&#34;registry&#34;:&#34;${url}&#34;`);
    const en = text(await get('/', `place=${encodeURIComponent(demo.xingfu)}&lang=en`, false));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Xingfu Community');
  });

  it('serves the built files gzipped and answers 404 for what the board does not have', async () => {
    const js = await get('/board/board.js');
    expect(js).toMatchObject({ statusCode: 200, isBase64Encoded: true, headers: { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } });
    expect(text(js).length).toBeGreaterThan(10_000);
    expect((await get('/board/nothing.js')).statusCode).toBe(404);
    expect((await get('/', `place=${encodeURIComponent(`${demo.xingfu}/nowhere`)}`)).statusCode).toBe(404);
  });
});
