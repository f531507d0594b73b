import { describe, expect, inject, it } from 'vitest';
import { NeedRaised } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { LocalApi, eventually, publishEvent } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { asyncApiRoute, eventSchemaRoute, pullEventsRoute } from '../../services/feeds/handlers/feed.ts';
import { createSubscriptionRoute } from '../../services/feeds/handlers/subscriptions.ts';
import { registerAgencyRoute } from '../../services/feeds/handlers/agencies.ts';

/**
 * Issue 16 item 8: links are built from configuration, and only the deployment's web origins may read answers from
 * a browser. A caller who forges `X-Forwarded-Host` must not be able to make the feeds hand agencies a link to their
 * host; a page on a foreign origin must not be allowed to read what a signed-in resident's browser fetches.
 */
const stack = inject('stack');
const api = new LocalApi(stack.url);
const FORGED = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

describe('links the feeds hand out', () => {
  it('a forged X-Forwarded-Host changes nothing: subscription, pull feed, schema $id and catalog link to the deployment', async () => {
    const suffix = newId().slice(-8).toLowerCase();
    const agencyId = `links-${suffix}`;
    const member = `agency-user-${suffix}`;
    const ops = api.official(`ops-${suffix}`, 'ops-admin', demo.province);
    const registered = await api.call(
      registerAgencyRoute,
      {
        body: {
          agencyId,
          name: { zh: `测试机构 ${suffix}`, en: `Test agency ${suffix}` },
          jurisdiction: demo.hongan,
          contact: { name: '王科长', email: `ops+${suffix}@example.cn`, phone: '0713-5212345' },
          members: [member],
        },
      },
      { as: ops, headers: FORGED },
    );
    expect(registered.status).toBe(201);
    const agency = api.official(member, 'agency', demo.hongan);
    const sub = await api.call(
      createSubscriptionRoute,
      { params: { agencyId }, body: { name: 'needs', pattern: { source: ['cocreate.deliberation'] }, delivery: { mode: 'pull' } } },
      { as: agency, headers: FORGED },
    );
    expect(sub.status).toBe(201);
    expect(JSON.stringify(sub.body)).not.toContain('evil.example');

    const needId = newId();
    await publishEvent(
      stack.eventbridge,
      NeedRaised,
      { ...NeedRaised.example, needId, village: demo.majiaqiao, place: `${demo.majiaqiao}/g1` },
      { place: `${demo.majiaqiao}/g1` },
    );
    const event = await eventually(
      async () => {
        let after: string | undefined;
        for (let page = 0; page < 50; page++) {
          const res = await api.call(
            pullEventsRoute,
            { query: { limit: 500, after } },
            {
              as: agency,
              headers: FORGED,
            },
          );
          expect(res.status).toBe(200);
          const hit = res.body.items.find((e) => (e.data as { needId?: string }).needId === needId);
          if (hit) return hit as { dataschema: string };
          if (!res.body.more) return undefined;
          after = res.body.next;
        }
        return undefined;
      },
      30_000,
      'the need in the pull feed',
    );
    expect(event.dataschema).toBe(`${stack.url}/feeds/schemas/deliberation.NeedRaised.v1.data.json`);

    const schema = await api.call(eventSchemaRoute, { params: { file: 'deliberation.NeedRaised.v1.data.json' } }, { headers: FORGED });
    expect(schema.body.$id).toBe(`${stack.url}/feeds/schemas/deliberation.NeedRaised.v1.data.json`);
    const catalog = await api.call(asyncApiRoute, {}, { headers: FORGED });
    expect(catalog.status).toBe(200);
    expect(JSON.stringify(catalog.body)).not.toContain('evil.example');
    expect(JSON.stringify(catalog.body)).toContain(`${stack.url}/feeds/schemas/`);
  });
});

describe('CORS', () => {
  const path = `/deliberation/needs?village=${encodeURIComponent(demo.majiaqiao)}`;

  it('a foreign Origin gets no Access-Control-Allow-Origin, on answers and on preflights', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:1']) {
      const got = await fetch(`${stack.url}${path}`, { headers: { origin } });
      expect(got.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(got.headers.get('vary'), origin).toMatch(/Origin/);
      const preflight = await fetch(`${stack.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(preflight.headers.get('access-control-allow-methods'), origin).toBeNull();
    }
  });

  it('the local stack’s own origin is allowed, named exactly (never *)', async () => {
    const own = new URL(stack.url).origin;
    for (const origin of [own, `http://localhost:${new URL(stack.url).port}`]) {
      const preflight = await fetch(`${stack.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      const got = await fetch(`${stack.url}${path}`, { headers: { origin } });
      expect(got.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });
});
