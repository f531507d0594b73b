import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import type { RequestOptions, RouteBody } from '@cocreate/local/testing';
import { api, cadreOf, draftPlan, eventuallyOnBus, head, members, passSteps, resolve, townshipOfficial, vote } from './helpers.ts';
import { closePollRoute, openPoll, respondToPoll } from '../handlers/consent.ts';
import { getCompoundEligibility, getCompoundEligibilityHistory, putCompoundEligibility } from '../handlers/settings.ts';
import { getProposal, submitProposal } from '../handlers/proposals.ts';

/**
 * 幸福社区, compound c1 (h01–h06, owners head 1–6): consent gates renovation. The issue's bypass — a renovation plan
 * submitted with no owners' consent poll at all — is tried again and refused with the rule, link by link.
 */
const v = demo.xingfu;
const c1 = `${v}/c1`;
const cadre = cadreOf(v);
const fee = { collected: 600_000, due: 1_000_000 };
const facts = { multiStorey: true, structurallySafe: true, onDemolitionPlan: false };

const renovation = (over: Record<string, unknown> = {}) =>
  draftPlan(v, { category: 'housing', renovationClass: 'basic', place: c1, beneficiaries: [`${c1}/h01`, `${c1}/h02`], ...over });
const submit = (planId: string, extra: Record<string, unknown> = {}) =>
  api.call(submitProposal, { body: { kind: 'project-plan', village: v, planId, ...extra } }, { as: cadre });

async function poll(scope: string, agreeing: number[], close = true) {
  const opened = await api.call(
    openPoll,
    { body: { scope, title: '改造意愿征询', matter: 'renovation', propertyFee: fee } },
    { as: cadre },
  );
  expect(opened.status).toBe(201);
  for (const n of agreeing)
    expect(
      (await api.call(respondToPoll, { params: { pollId: opened.body.pollId }, body: { choice: 'agree' } }, { as: head(v, n) })).status,
    ).toBe(201);
  if (close) await api.call(closePollRoute, { params: { pollId: opened.body.pollId } }, { as: cadre });
  return opened.body.pollId as string;
}

describe('a compound’s eligibility facts', () => {
  it('are recorded by cadres or the township, audited with before and after, and only for compounds', async () => {
    const put = (as: RequestOptions['as'], body: RouteBody<typeof putCompoundEligibility>) =>
      api.call(putCompoundEligibility, { body }, { as });
    expect((await put(head(v, 9), { compound: c1, ...facts, reason: '自报' })).status).toBe(403);
    expect((await put(cadre, { compound: v, ...facts, reason: '整个社区' })).body).toMatchObject({
      code: 'not-a-compound',
      errors: [{ pointer: '/compound' }],
    });
    expect((await put(cadre, { compound: c1, ...facts, onDemolitionPlan: true, reason: '初步排查' })).status).toBe(200);
    const fixed = await put(townshipOfficial(v), { compound: c1, ...facts, reason: '征收计划已调整，不含 1 号小区' });
    expect(fixed.body).toMatchObject({ compound: c1, village: v, onDemolitionPlan: false, recordedBy: townshipOfficial(v).sub });
    const now = await api.call(getCompoundEligibility, { query: { compound: c1 } }, { as: head(v, 9) });
    expect(now.body).toMatchObject({ eligible: true, failing: [] });
    const history = await api.call(getCompoundEligibilityHistory, { query: { compound: c1 } }, { as: head(v, 9) });
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[0]).toMatchObject({
      setting: 'compound-eligibility',
      before: { onDemolitionPlan: true },
      after: { onDemolitionPlan: false },
      changedBy: townshipOfficial(v).sub,
      reason: '征收计划已调整，不含 1 号小区',
    });
    expect(history.body.items[1]!.before).toBeUndefined();
    await eventuallyOnBus('CompoundEligibilityRecorded', (d) => d.compound === c1 && d.eligible === true);
  });
});

describe('consent gates renovation', () => {
  it('the issue’s bypass — a renovation plan with no consent poll — is refused; each link is checked; a passed poll on the compound lets it through', async () => {
    // A plan over the whole community names no compound.
    const whole = await renovation({ place: v });
    expect((await submit(whole.planId)).body).toMatchObject({ code: 'renovation-needs-compound' });
    const plan = await renovation();
    // The bypass: no poll at all.
    const bare = await submit(plan.planId);
    expect(bare.status).toBe(422);
    expect(bare.body).toMatchObject({ code: 'renovation-needs-consent', errors: [{ pointer: '/consentPollId' }] });
    // A poll over the whole community is not one over the compound.
    const community = await poll(v, [1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await submit(plan.planId, { consentPollId: community })).body.code).toBe('consent-poll-not-for-compound');
    // Still open; then closed without 2/3 (3 of 6).
    const open = await poll(c1, [1, 2, 3], false);
    expect((await submit(plan.planId, { consentPollId: open })).body.code).toBe('consent-not-passed');
    await api.call(closePollRoute, { params: { pollId: open } }, { as: cadre });
    expect((await submit(plan.planId, { consentPollId: open })).body.code).toBe('consent-not-passed');
    // 4 of 6 owners of c1: exactly 2/3, fees at 60 %.
    const passed = await poll(c1, [1, 2, 3, 4]);
    const ok = await submit(plan.planId, { consentPollId: passed });
    expect(ok.status).toBe(201);
    expect(ok.body.subject).toMatchObject({ plan: { compound: c1, consentPollId: passed } });
    // A plan version that names the poll itself needs nothing at submission.
    const named = await renovation({ consentPollId: passed });
    expect((await submit(named.planId)).status).toBe(201);
    // A rural plan with a renovation class is not an old-neighbourhood renovation: no gate.
    const rural = await draftPlan(demo.majiaqiao);
    expect(
      (
        await api.call(
          submitProposal,
          { body: { kind: 'project-plan', village: demo.majiaqiao, planId: rural.planId } },
          { as: cadreOf(demo.majiaqiao) },
        )
      ).status,
    ).toBe(201);
  });

  it('an ineligible compound is refused even with consent', async () => {
    const plan = await renovation();
    const passed = await poll(c1, [1, 2, 3, 4]);
    await api.call(
      putCompoundEligibility,
      { body: { compound: c1, ...facts, structurallySafe: false, reason: '鉴定为 C 级危房' } },
      { as: cadre },
    );
    const refused = await submit(plan.planId, { consentPollId: passed });
    expect(refused.body).toMatchObject({ code: 'compound-not-eligible', failing: ['not-structurally-safe'] });
    await api.call(putCompoundEligibility, { body: { compound: c1, ...facts, reason: '加固后复核为 B 级' } }, { as: cadre });
    expect((await submit(plan.planId, { consentPollId: passed })).status).toBe(201);
  });

  it('consent must still be in force on the day of adoption: a year later the last body cannot adopt it', async () => {
    const plan = await renovation();
    const passed = await poll(c1, [1, 2, 3, 4]);
    const submitted = await submit(plan.planId, { consentPollId: passed });
    const id = submitted.body.proposalId;
    await passSteps(id, v, 0, 3);
    await api.post('/_local/clock', { advance: 'P366D' });
    await Promise.all(members(v, 'representatives-assembly').map((m) => vote(id, 3, m)));
    const late = await resolve(id, v, 3);
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('consent-lapsed');
    expect((await api.call(getProposal, { params: { proposalId: id } }, { as: cadre })).body).toMatchObject({ status: 'voting', step: 3 });
  });
});
