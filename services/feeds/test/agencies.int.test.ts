import { describe, expect, it } from 'vitest';
import { newId } from '@cocreate/kernel';
import { LocalApi, type RouteBody } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { opsAdmin, registerAgency, stack, subscribe } from './support.ts';
import { addAgencyMembersRoute, getAgencyRoute, listAgenciesRoute, myAgencyRoute, registerAgencyRoute } from '../handlers/agencies.ts';
import { createSubscriptionRoute, getSubscriptionRoute, listSubscriptionsRoute } from '../handlers/subscriptions.ts';

const api = new LocalApi(stack().url);

const agencyBody = (over: Record<string, unknown> = {}) => {
  const s = newId().slice(-8).toLowerCase();
  return {
    agencyId: `hongan-housing-${s}`,
    name: { zh: '红安县住房和城乡建设局', en: 'Hong’an County Housing Bureau' },
    jurisdiction: demo.hongan,
    contact: { name: '李科长', email: `zjj-${s}@example.cn`, phone: '0713-5241234' },
    members: [`agency-hongan-housing-${s}`],
    ...over,
  };
};

describe('agencies: registered by operations within their own subtree', () => {
  it('registers an agency; its member reads it and finds it as their own', async () => {
    const body = agencyBody();
    const res = await api.call(registerAgencyRoute, { body }, { as: opsAdmin(api, demo.city) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...body, version: 1, registeredAt: expect.any(String) });
    const member = api.official(body.members[0]!, 'agency', demo.hongan);
    expect((await api.call(getAgencyRoute, { params: { agencyId: body.agencyId } }, { as: member })).body.agencyId).toBe(body.agencyId);
    expect((await api.call(myAgencyRoute, {}, { as: member })).body.jurisdiction).toBe(demo.hongan);
    const listed = await api.call(listAgenciesRoute, { query: { scope: demo.hongan } }, { as: opsAdmin(api, demo.hongan) });
    expect(listed.body.items.map((a: any) => a.agencyId)).toContain(body.agencyId);
    const elsewhere = await api.call(listAgenciesRoute, { query: { scope: demo.macheng } }, { as: opsAdmin(api, demo.macheng) });
    expect(elsewhere.body.items.map((a: any) => a.agencyId)).not.toContain(body.agencyId);
  });

  it('refuses a jurisdiction outside the admin’s subtree, a non-admin, an unknown place, and bad input', async () => {
    const outside = await api.call(registerAgencyRoute, { body: agencyBody() }, { as: opsAdmin(api, demo.macheng) });
    expect(outside.status).toBe(403);
    const county = await api.call(registerAgencyRoute, { body: agencyBody() }, { as: api.official('t1', 'county-official', demo.hongan) });
    expect(county.status).toBe(403);
    const unknown = await api.call(
      registerAgencyRoute,
      { body: agencyBody({ jurisdiction: `${demo.hongan}/nowhere` }) },
      { as: opsAdmin(api) },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown-place', errors: [{ pointer: '/jurisdiction' }] });
    const bad = await api.call(registerAgencyRoute, { body: agencyBody({ agencyId: 'Bad Id', members: [] }) }, { as: opsAdmin(api) });
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((e: any) => e.pointer).sort()).toEqual(['/agencyId', '/members']);
    expect((await api.call(registerAgencyRoute, { body: agencyBody() }, {})).status).toBe(401);
    const twice = agencyBody();
    // raw: invalid input on purpose
    const repeated = await api.post('/feeds/agencies', { ...twice, members: [...twice.members, twice.members[0]] }, { as: opsAdmin(api) });
    expect(repeated.status).toBe(422);
    expect(repeated.body).toMatchObject({ code: 'duplicate-member', member: twice.members[0], errors: [{ pointer: '/members/1' }] });
    expect((await api.call(getAgencyRoute, { params: { agencyId: twice.agencyId } }, { as: opsAdmin(api) })).status).toBe(404);
  });

  it('refuses a second agency with the same id, or a user already in another agency — writing nothing', async () => {
    const first = agencyBody();
    expect((await api.call(registerAgencyRoute, { body: first }, { as: opsAdmin(api) })).status).toBe(201);
    const dup = await api.call(registerAgencyRoute, { body: { ...agencyBody(), agencyId: first.agencyId } }, { as: opsAdmin(api) });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('agency-exists');
    const second = agencyBody({ members: [`agency-new-${newId().toLowerCase()}`, first.members[0]] });
    const taken = await api.call(registerAgencyRoute, { body: second }, { as: opsAdmin(api) });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'member-of-another-agency', member: first.members[0] });
    expect((await api.call(getAgencyRoute, { params: { agencyId: second.agencyId } }, { as: opsAdmin(api) })).status).toBe(404);
    // Adding members: the new user joins; the taken one still cannot.
    const newcomer = `agency-newcomer-${newId().toLowerCase()}`;
    const added = await api.call(
      addAgencyMembersRoute,
      { params: { agencyId: first.agencyId }, body: { members: [newcomer] } },
      { as: opsAdmin(api) },
    );
    expect(added.status).toBe(200);
    expect(added.body.members).toEqual([...first.members, newcomer]);
  });

  it('lets only the agency’s own members (or operations) near it: other agency users see nothing', async () => {
    const a = await registerAgency(api, demo.hongan, 'hongan-housing');
    const { subscriptionId } = await subscribe(api, a, { delivery: { mode: 'pull' } });
    const sameCountyOtherAgency = api.official('agency-hongan-audit-someone', 'agency', demo.hongan);
    expect((await api.call(getAgencyRoute, { params: { agencyId: a.agencyId } }, { as: sameCountyOtherAgency })).status).toBe(404);
    expect(
      (await api.call(getSubscriptionRoute, { params: { agencyId: a.agencyId, subscriptionId } }, { as: sameCountyOtherAgency })).status,
    ).toBe(404);
    const otherCounty = api.official('agency-macheng-x', 'agency', demo.macheng);
    expect((await api.call(listSubscriptionsRoute, { params: { agencyId: a.agencyId } }, { as: otherCounty })).status).toBe(403);
    expect((await api.call(listSubscriptionsRoute, { params: { agencyId: a.agencyId } }, { as: opsAdmin(api, demo.hongan) })).status).toBe(
      200,
    );
    // Operations may look, but subscriptions are the agency's own to manage.
    const byOps = await api.call(
      createSubscriptionRoute,
      { params: { agencyId: a.agencyId }, body: { name: 'x', pattern: { source: ['cocreate.projects'] }, delivery: { mode: 'pull' } } },
      { as: opsAdmin(api) },
    );
    expect(byOps.status).toBe(403);
    expect((await api.call(getAgencyRoute, { params: { agencyId: 'no-such-agency' } }, { as: opsAdmin(api) })).status).toBe(404);
  });
});

describe('subscriptions: patterns validated as EventBridge does, webhook URLs checked', () => {
  it('refuses invalid patterns with EventBridge’s reasons, and patterns over 2,048 characters', async () => {
    const a = await registerAgency(api, demo.hongan, 'hongan-housing');
    const post = (pattern: unknown, delivery: unknown = { mode: 'pull' }) =>
      // raw: invalid input on purpose
      api.post(`/feeds/agencies/${a.agencyId}/subscriptions`, { name: 'test', pattern, delivery }, { as: a.as });
    const invalid = await post({ detail: { data: { amount: [{ numeric: ['>', 'ten'] }] } } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('invalid-pattern');
    expect(invalid.body.errors![0]).toMatchObject({
      pointer: '/pattern',
      rule: 'event-pattern',
      message: expect.stringContaining('detail.data.amount'),
    });
    // A Chinese caller is told in Chinese, with EventBridge's reason kept for the field it names.
    const patternInChinese = await api.call(
      createSubscriptionRoute,
      {
        params: { agencyId: a.agencyId },
        body: { name: 'test', pattern: { detail: { data: { amount: [{ numeric: ['>', 'ten'] }] } } }, delivery: { mode: 'pull' } },
      },
      { as: a.as, lang: 'zh-CN' },
    );
    expect(patternInChinese.body.errors![0]!.message).toMatch(/^事件模式不符合 EventBridge 的规则：.*detail\.data\.amount/);
    const empty = await post({ source: [] });
    expect(empty.body.code).toBe('invalid-pattern');
    const long = await post({ source: ['x'.repeat(2100)] });
    expect(long.status).toBe(422);
    expect(long.body.reasons.join()).toMatch(/2048 character limit/);
    expect((await post('{"source":["cocreate.projects"]}')).status).toBe(201);
    // Webhook URLs.
    const http = await post({ source: ['cocreate.projects'] }, { mode: 'webhook', url: 'http://agency.example.cn/hook' });
    expect(http.body).toMatchObject({ code: 'invalid-webhook-url', errors: [{ pointer: '/delivery/url' }] });
    const metadata = await post({ source: ['cocreate.projects'] }, { mode: 'webhook', url: 'https://169.254.169.254/latest' });
    expect(metadata.body.code).toBe('invalid-webhook-url');
    expect(metadata.body.errors![0]!.message).toBe('169.254.169.254 is link-local, where instance metadata lives (169.254.0.0/16)');
    // The reason in the caller's language, not only in English.
    const inChinese = await api.call(
      createSubscriptionRoute,
      {
        params: { agencyId: a.agencyId },
        body: {
          name: 'test',
          pattern: { source: ['cocreate.projects'] },
          delivery: { mode: 'webhook', url: 'https://[64:ff9b::a9fe:a9fe]/latest' },
        },
      },
      { as: a.as, lang: 'zh-CN' },
    );
    expect(inChinese.body.errors![0]!.message).toBe(
      '64:ff9b::a9fe:a9fe 是NAT64 地址（64:ff9b::/96），内嵌链路本地地址（云主机元数据所在）（169.254.0.0/16）',
    );
    // Non-public addresses in other spellings, and the Lambda Runtime API's port on loopback over https.
    for (const url of [
      'https://[64:ff9b::a9fe:a9fe]/latest',
      'https://[fec0::1]/x',
      'https://[::ffff:a9fe:a9fe]/x',
      'https://100.64.0.1/x',
    ]) {
      const refused = await post({ source: ['cocreate.projects'] }, { mode: 'webhook', url });
      expect([refused.status, refused.body.code], url).toEqual([422, 'invalid-webhook-url']);
    }
    const mode = await post({ source: ['cocreate.projects'] }, { mode: 'email' });
    expect(mode.status).toBe(422);
    expect(mode.body.errors![0]!.pointer).toBe('/delivery/mode');
  });

  it('shows the secret once; edits are optimistic on the version; deleting frees a slot', async () => {
    const a = await registerAgency(api, demo.hongan, 'hongan-housing');
    const created = await subscribe(api, a, { delivery: { mode: 'webhook', url: 'https://hooks.hongan.example.cn/cocreate' } });
    expect(created.secret).toMatch(/^whsec_/);
    const path = `/feeds/agencies/${a.agencyId}/subscriptions/${created.subscriptionId}`;
    const read = await api.get(path, { as: a.as });
    expect(JSON.stringify(read.body)).not.toContain(created.secret);
    expect(read.body.secrets[0].hint).toBe(`${created.secret!.slice(0, 10)}…`);
    const patched = await api.patch(path, { pattern: { 'detail-type': ['FundsDisbursed'] }, expectedVersion: 1 }, { as: a.as });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ version: 2, pattern: { 'detail-type': ['FundsDisbursed'] } });
    const stale = await api.patch(path, { name: 'renamed', expectedVersion: 1 }, { as: a.as });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale-version', currentVersion: 2 });
    expect((await api.patch(path, { expectedVersion: 2 }, { as: a.as })).status).toBe(422);
    expect((await api.delete(path, { as: a.as })).status).toBe(204);
    expect((await api.get(path, { as: a.as })).status).toBe(404);
  });

  it('holds the per-agency limit of 20 under concurrent creates', async () => {
    const a = await registerAgency(api, demo.hongan, 'hongan-housing');
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        api.call(
          createSubscriptionRoute,
          {
            params: { agencyId: a.agencyId },
            body: { name: `s${i}`, pattern: { source: ['cocreate.rewards'] }, delivery: { mode: 'pull' } },
          },
          { as: a.as },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(20);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(5);
    expect(refused.every((r) => r.status === 422 && r.body.code === 'too-many-subscriptions')).toBe(true);
    expect((await api.call(listSubscriptionsRoute, { params: { agencyId: a.agencyId } }, { as: a.as })).body.items).toHaveLength(20);
  });

  it('a retried create with the same Idempotency-Key creates one subscription and answers the same', async () => {
    const a = await registerAgency(api, demo.hongan, 'hongan-housing');
    const body: RouteBody<typeof createSubscriptionRoute> = {
      name: 'once',
      pattern: { source: ['cocreate.projects'] },
      delivery: { mode: 'pull' },
    };
    const key = `create-${newId()}`;
    const [r1, r2] = [
      await api.call(createSubscriptionRoute, { params: { agencyId: a.agencyId }, body }, { as: a.as, idempotencyKey: key }),
      await api.call(createSubscriptionRoute, { params: { agencyId: a.agencyId }, body }, { as: a.as, idempotencyKey: key }),
    ];
    expect(r1.status).toBe(201);
    expect(r2.body).toEqual(r1.body);
    expect((await api.call(listSubscriptionsRoute, { params: { agencyId: a.agencyId } }, { as: a.as })).body.items).toHaveLength(1);
  });
});
