import { describe, expect, inject, it } from 'vitest';
import { manifests } from '@cocreate/suite';

/**
 * Errors in the caller's language. Every route that takes a body is sent a body of the wrong shape, as a zh-CN and
 * as an English caller: the field errors come back in that language — zod's own rules through its zh-CN locale, the
 * schemas' own rules through their bilingual messages — and every answer says its language and varies by it.
 */
const url = inject('stack').url;
const HAN = /\p{Script=Han}/u;
// What zod says in English for its built-in rules; none of it may reach a Chinese reader.
const ZOD_ENGLISH = /Invalid input|Too (big|small)|expected|received|Unrecognized key/;

async function token(): Promise<string> {
  const res = await fetch(`${url}/_local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: 'ops-languages', roles: [{ role: 'ops-admin', place: 'hubei' }] }),
  });
  return ((await res.json()) as { token: string }).token;
}

interface Answer {
  route: string;
  status: number;
  headers: Headers;
  body: { errors?: { pointer: string; message: string }[]; title?: string; detail?: string };
}

async function send(method: string, path: string, body: unknown, language: string, auth: string): Promise<Answer> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json', 'accept-language': language },
    body: JSON.stringify(body),
  });
  return { route: `${method} ${path}`, status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

describe('errors in the caller’s language', () => {
  it('every body route answers a wrong-shaped body with field errors in Chinese (zh-CN) and in English (en)', async () => {
    const auth = await token();
    const routes = manifests.flatMap((m) => m.routes).filter((r) => r.body && ['POST', 'PUT', 'PATCH'].includes(r.method));
    const chinese: Answer[] = [];
    const english: Answer[] = [];
    for (const r of routes) {
      const path = r.path.replace(/\{[^}]+\}/g, 'x');
      // A number where the schema wants an object (or an array): every route's validation must refuse it.
      chinese.push(await send(r.method, path, { wrong: 1, items: 'x', amount: 'many' }, 'zh-CN', auth));
      english.push(await send(r.method, path, { wrong: 1, items: 'x', amount: 'many' }, 'en', auth));
    }
    const withErrors = chinese.filter((a) => a.body.errors?.length);
    expect(withErrors.length).toBeGreaterThanOrEqual(10);
    const notChinese = withErrors.flatMap((a) =>
      a.body.errors!.filter((e) => !HAN.test(e.message) || ZOD_ENGLISH.test(e.message)).map((e) => `${a.route} ${e.pointer}: ${e.message}`),
    );
    expect(notChinese).toEqual([]);
    const notEnglish = english
      .filter((a) => a.body.errors?.length)
      .flatMap((a) => a.body.errors!.filter((e) => HAN.test(e.message)).map((e) => `${a.route} ${e.pointer}: ${e.message}`));
    expect(notEnglish).toEqual([]);
    for (const a of [...chinese, ...english]) {
      expect(a.headers.get('vary'), a.route).toMatch(/Accept-Language/);
      expect(['zh-CN', 'en'], a.route).toContain(a.headers.get('content-language'));
    }
  });

  it('a schema’s own rule reads in the caller’s language too', async () => {
    const auth = await token();
    const agency = {
      agencyId: 'A!',
      name: { zh: '住建局', en: 'Housing' },
      jurisdiction: 'hubei',
      contact: { name: '李', email: 'a@example.cn' },
      members: ['x'],
    };
    const zh = await send('POST', '/feeds/agencies', agency, 'zh-CN', auth);
    expect(zh.body.errors).toContainEqual(expect.objectContaining({ pointer: '/agencyId', message: '3–48 个小写字母、数字和连字符' }));
    const en = await send('POST', '/feeds/agencies', agency, 'en', auth);
    expect(en.body.errors).toContainEqual(
      expect.objectContaining({ pointer: '/agencyId', message: '3–48 lower-case letters, digits and dashes' }),
    );
  });

  it('a route’s own field errors (a rule checked after validation) read in the caller’s language too', async () => {
    const auth = await token();
    const ask = async (language: string) => {
      const res = await fetch(`${url}/projects/wage-rates?county=hubei/huanggang`, {
        headers: { authorization: `Bearer ${auth}`, 'accept-language': language },
      });
      return { status: res.status, body: (await res.json()) as Answer['body'] };
    };
    const zh = await ask('zh-CN');
    expect(zh.status).toBe(422);
    // The message is the refusal catalogue's text for the rule (projects' `not-a-county`), in the caller's language.
    expect(zh.body.errors).toEqual([
      expect.objectContaining({ pointer: '/county', rule: 'not-a-county', message: '请指定一个县（市、区）。' }),
    ]);
    expect((await ask('en')).body.errors).toEqual([expect.objectContaining({ pointer: '/county', message: 'Name a county.' })]);
  });

  it('says why a token was refused without the library’s English, and the gateway’s own 404 and 405 say their language', async () => {
    const bad = await fetch(`${url}/deliberation/needs`, {
      method: 'POST',
      headers: { authorization: 'Bearer not.a.token', 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: '{}',
    });
    expect(bad.status).toBe(401);
    const problem = (await bad.json()) as { detail: string };
    expect(problem.detail).toBe('令牌格式不正确。');
    for (const [method, path] of [
      ['GET', '/no-such-service/x'],
      ['DELETE', '/deliberation/needs'],
    ] as const) {
      const res = await fetch(`${url}${path}`, { method, headers: { 'accept-language': 'en' } });
      expect([404, 405]).toContain(res.status);
      expect(res.headers.get('content-language')).toBe('en');
      expect(res.headers.get('vary')).toMatch(/Accept-Language/);
      expect(HAN.test(((await res.json()) as { title: string }).title)).toBe(false);
    }
  });
});
