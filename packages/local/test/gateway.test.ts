import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalGateway } from '../src/gateway.ts';
import { stubService } from './stub-service.ts';

/** The gateway's own answers (no service handler runs for them), against a stub service. */
const manifest = stubService();

const gateway = new LocalGateway();
let base = '';

beforeAll(async () => {
  gateway.mount(manifest, async (event) => ({
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ routeKey: event.routeKey }),
  }));
  gateway.endpoint('GET', '/openapi.json', async () => ({ status: 200, body: {} }));
  base = await gateway.listen(0);
});
afterAll(() => gateway.close());

describe('the local gateway', () => {
  it('answers 405 with Allow for a method a known path does not take', async () => {
    const res = await fetch(`${base}/deliberation/needs`, { method: 'PUT', headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 405, code: 'method-not-allowed', instance: '/deliberation/needs' });

    const param = await fetch(`${base}/deliberation/needs/n1`, { method: 'GET' });
    expect(param.status).toBe(405);
    expect(param.headers.get('allow')).toBe('DELETE, OPTIONS');

    const local = await fetch(`${base}/openapi.json`, { method: 'POST' });
    expect(local.status).toBe(405);
    expect(local.headers.get('allow')).toBe('GET, OPTIONS');
  });

  it('explains the 405 in the caller’s language', async () => {
    const res = await fetch(`${base}/deliberation/needs`, { method: 'PATCH', headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(405);
    expect(((await res.json()) as { title: string }).title).toBe('不支持该方法');
  });

  it('still answers 404 for a path no route has, and routes a declared method', async () => {
    expect((await fetch(`${base}/deliberation/nothing-here`, { method: 'PUT' })).status).toBe(404);
    const ok = await fetch(`${base}/deliberation/needs/n1`, { method: 'DELETE' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ routeKey: 'DELETE /deliberation/needs/{needId}' });
  });
});
