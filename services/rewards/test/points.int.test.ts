import { describe, expect, it } from 'vitest';
import {
  AwardGranted,
  BallotCast,
  CandidateSupported,
  ContributionRecorded,
  DiscussionHeld,
  NeedTriaged,
  ReviewSubmitted,
  SpaceAdopted,
  UpkeepLogged,
  ViolationOverturned,
  ViolationRecorded,
} from '@cocreate/contracts';
import { demo } from '@cocreate/places/seed';
import { eventually, type RouteCall } from '@cocreate/local/testing';
import { periodKey } from '@cocreate/places';
import { advance, allEntries, api, audited, clockNow, onBus, publish, settle, shuffle, statement, ulid, waitFor } from './support.ts';
import {
  creditPointsRoute,
  getEarningRules,
  getEarningRulesHistory,
  getHouseholdPoints,
  getLeaderboard,
  getSourceFact,
  getStatement,
  putEarningRules,
  reversePoints,
} from '../handlers/points.ts';

/**
 * The points ledger through the gateway: crediting from every participation-bearing event, once-only under
 * duplicate and shuffled delivery, caps, deductions beyond the balance, overturned violations in either order,
 * manual credits and corrections with their roles, statements, household view, leaderboards, and expiry.
 */
const V = demo.majiaqiao;
const balance = async (p: string) => (await statement(p)).balance;

const ballot = (voter: string, channel: 'online' | 'paper' | 'proxy' = 'online') => ({
  proposalId: ulid(),
  village: V,
  body: 'representatives-assembly',
  step: 3,
  voter,
  channel,
});
const need = (raisedBy: string, outcome: 'accepted' | 'rejected' = 'accepted', village: string = V) => ({
  needId: ulid(),
  village,
  outcome,
  category: 'roads' as const,
  raisedBy,
});

describe('credits from the other services’ events', () => {
  it('each participation-bearing event credits the right person by the default rules', async () => {
    const now = (await clockNow()).toISOString();
    const people = [
      'p-majiaqiao-05-1',
      'p-majiaqiao-07-1',
      'p-majiaqiao-04-1',
      'p-majiaqiao-06',
      'p-majiaqiao-09',
      'p-majiaqiao-03',
      'p-majiaqiao-12',
      'p-majiaqiao-01-1',
    ];
    const before = Object.fromEntries(await Promise.all(people.map(async (p) => [p, await balance(p)] as const)));
    await Promise.all([
      publish(BallotCast, ballot('p-majiaqiao-05-1'), { place: V }), // +2
      publish(BallotCast, ballot('p-majiaqiao-05-1', 'proxy'), { place: V }), // proxy: 0
      publish(NeedTriaged, need('p-majiaqiao-07-1'), { place: V }), // +5
      publish(NeedTriaged, need('p-majiaqiao-07-1', 'rejected'), { place: V }), // 0
      publish(CandidateSupported, { candidateId: ulid(), village: V, supporter: 'p-majiaqiao-07-1', total: 3 }, { place: V }), // +1
      publish(
        DiscussionHeld,
        {
          sessionId: ulid(),
          village: V,
          planId: ulid(),
          planVersion: 2,
          heldAt: now,
          parties: ['government', 'residents'],
          residentAttendees: ['p-majiaqiao-04-1', 'p-majiaqiao-06', 'p-majiaqiao-09'],
          otherAttendees: 2,
        },
        { place: V },
      ), // +3 each
      // Labour with nobody named: the household head (h03's head is p-majiaqiao-03); 2.5 h × 2 = 5.
      publish(
        ContributionRecorded,
        {
          contributionId: ulid(),
          projectId: ulid(),
          village: V,
          household: `${V}/g1/h03`,
          kind: 'labour',
          value: 15_000,
          hours: 2.5,
          paid: false,
          contributedOn: now.slice(0, 10),
        },
        { place: V },
      ),
      // Paid labour is wages, not volunteering: 0.
      publish(
        ContributionRecorded,
        {
          contributionId: ulid(),
          projectId: ulid(),
          village: V,
          household: `${V}/g1/h03`,
          kind: 'labour',
          value: 15_000,
          hours: 4,
          paid: true,
          contributedOn: now.slice(0, 10),
        },
        { place: V },
      ),
      publish(
        ContributionRecorded,
        {
          contributionId: ulid(),
          projectId: ulid(),
          village: V,
          household: `${V}/g2/h12`,
          person: 'p-majiaqiao-12',
          kind: 'materials',
          value: 5_000,
          paid: false,
          contributedOn: now.slice(0, 10),
        },
        { place: V },
      ), // +3
      publish(
        SpaceAdopted,
        {
          spaceId: ulid(),
          village: V,
          spaceKind: 'green-plot',
          adopter: { kind: 'household', id: `${V}/g1/h03` },
          person: 'p-majiaqiao-03',
          household: `${V}/g1/h03`,
          adoptedOn: now.slice(0, 10),
        },
        { place: V },
      ), // +10
      publish(
        UpkeepLogged,
        { upkeepId: ulid(), spaceId: ulid(), village: V, person: 'p-majiaqiao-03', loggedAt: now, hasEvidence: true },
        { place: V },
      ), // +1
      publish(
        AwardGranted,
        {
          awardId: ulid(),
          competitionId: ulid(),
          village: V,
          title: '最美庭院',
          winner: { kind: 'household', id: `${V}/g2/h12` },
          person: 'p-majiaqiao-12',
          household: `${V}/g2/h12`,
          rank: 1,
        },
        { place: V },
      ), // +20
      publish(
        AwardGranted,
        { awardId: ulid(), competitionId: ulid(), village: V, title: '示范村', winner: { kind: 'village', id: V }, rank: 1 },
        { place: V },
      ), // village: nobody
      publish(
        ReviewSubmitted,
        { reviewId: ulid(), responseId: ulid(), village: V, purpose: 'satisfaction', reviewer: 'p-majiaqiao-01-1' },
        { place: V },
      ), // +1
    ]);
    const expected: Record<string, number> = {
      'p-majiaqiao-05-1': 2,
      'p-majiaqiao-07-1': 6,
      'p-majiaqiao-04-1': 3,
      'p-majiaqiao-06': 3,
      'p-majiaqiao-09': 3,
      'p-majiaqiao-03': 16,
      'p-majiaqiao-12': 23,
      'p-majiaqiao-01-1': 1,
    };
    for (const [p, pts] of Object.entries(expected)) {
      await waitFor(p, (s) => s.balance === before[p]! + pts, `${p} to earn ${pts}`);
    }
    await settle();
    for (const [p, pts] of Object.entries(expected)) expect(await balance(p)).toBe(before[p]! + pts);
    const labour = (await allEntries('p-majiaqiao-03')).filter((e) => e.activity === 'labour-hour');
    expect(labour.at(-1)).toMatchObject({ kind: 'credit', points: 5, household: `${V}/g1/h03` });
    for (const p of people) await audited(p);
  });

  it('credits each source fact once under duplicate and shuffled delivery, however it is re-sent', async () => {
    const person = 'p-majiaqiao-08-1';
    const now = (await clockNow()).toISOString();
    const before = await statement(person);
    const facts: { contract: Parameters<typeof publish>[0]; data: Record<string, unknown>; points: number }[] = [
      ...Array.from({ length: 4 }, () => ({ contract: BallotCast, data: ballot(person), points: 2 })),
      ...Array.from({ length: 3 }, () => ({
        contract: CandidateSupported,
        data: { candidateId: ulid(), village: V, supporter: person, total: 1 },
        points: 1,
      })),
      ...Array.from({ length: 2 }, () => ({
        contract: UpkeepLogged,
        data: { upkeepId: ulid(), spaceId: ulid(), village: V, person, loggedAt: now, hasEvidence: false },
        points: 1,
      })),
      { contract: NeedTriaged, data: need(person), points: 5 },
    ];
    // Each fact three times: the same event twice (a redelivery) and once more under a new event id (a re-send).
    const sends = facts.flatMap((f) => {
      const id = ulid();
      return [
        () => publish(f.contract, f.data as never, { place: V, id }),
        () => publish(f.contract, f.data as never, { place: V, id }),
        () => publish(f.contract, f.data as never, { place: V }),
      ];
    });
    await Promise.all(shuffle(sends, 7).map((send) => send()));
    const total = facts.reduce((s, f) => s + f.points, 0);
    await waitFor(person, (s) => s.balance === before.balance + total, `${person} to earn ${total}`);
    await settle(2_000);
    const entries = await audited(person);
    const fresh = entries.filter((e) => e.seq > before.entries.length);
    expect(fresh).toHaveLength(facts.length);
    expect(new Set(fresh.map((e) => e.source)).size).toBe(facts.length);
    expect((await statement(person)).balance).toBe(before.balance + total);
    const sources = new Set(fresh.map((e) => e.source));
    await onBus<{ person: string; source: string }>('PointsCredited', (d) => d.person === person && sources.has(d.source), facts.length);
  });
});

describe('caps per period', () => {
  const C = demo.changsheng;
  const cadre = 'p-changsheng-01';

  it('only the right people set rules; a village override caps what a resident earns per month', async () => {
    const override: NonNullable<RouteCall<typeof putEarningRules>['body']> = {
      scope: C,
      activities: { 'upkeep-logged': { points: 2, cap: { period: 'month', max: 5 } } },
      reason: '村民代表会议决定',
    };
    expect((await api.call(putEarningRules, { body: override }, { as: api.official('m-cs', 'merchant', C) })).status).toBe(403);
    expect((await api.call(putEarningRules, { body: override }, { as: 'p-changsheng-07' })).status).toBe(403);
    expect((await api.call(putEarningRules, { body: { ...override, scope: demo.hongan } }, { as: cadre })).status).toBe(403);
    const badRule = await api.call(
      putEarningRules,
      { body: { scope: C, activities: { 'upkeep-logged': { points: -1, cap: null } }, reason: '试' } },
      { as: cadre },
    );
    expect(badRule.status).toBe(422);
    expect(badRule.body.errors![0]!.pointer).toBe('/activities/upkeep-logged/points');
    // raw: invalid input on purpose
    expect((await api.put('/rewards/earning-rules', { ...override, scope: `${C}/g1` }, { as: cadre })).status).toBe(422);
    const set = await api.call(putEarningRules, { body: override }, { as: cadre });
    expect(set.status).toBe(200);
    const eff = await api.call(getEarningRules, { query: { village: C } }, { as: 'p-changsheng-07' });
    expect(eff.body.activities['upkeep-logged']).toEqual({ points: 2, cap: { period: 'month', max: 5 } });
    expect(eff.body.origin).toMatchObject({ 'upkeep-logged': 'village', 'ballot-cast': 'default' });
    expect(eff.body.county).toBe(demo.hongan);
    // Every change is audited: a reason is required, the history keeps before/after/who/when/why, an event is published.
    const { reason: _r, ...unreasoned } = override;
    // raw: invalid input on purpose
    expect((await api.put('/rewards/earning-rules', unreasoned, { as: cadre })).status).toBe(422);
    const history = await api.call(getEarningRulesHistory, { query: { scope: C } }, { as: 'p-changsheng-07' });
    expect(history.status).toBe(200);
    const [latest] = history.body.items;
    expect(latest).toMatchObject({
      setting: 'earning-rules',
      scope: C,
      after: { activities: override.activities },
      changedBy: cadre,
      reason: '村民代表会议决定',
    });
    await onBus<{ changeId: string; scope: string }>('EarningRulesChanged', (d) => d.changeId === latest!.changeId, 1);

    const person = 'p-changsheng-04-1';
    const now = (await clockNow()).toISOString();
    const before = await statement(person);
    await Promise.all(
      shuffle(
        Array.from({ length: 4 }, () => ({ upkeepId: ulid(), spaceId: ulid(), village: C, person, loggedAt: now, hasEvidence: true })),
        3,
      ).map((d) => publish(UpkeepLogged, d, { place: C })),
    );
    await waitFor(person, (s) => s.balance === before.balance + 5, 'the capped 5 points');
    await settle();
    const fresh = (await audited(person)).filter((e) => e.seq > before.entries.length);
    expect(fresh.map((e) => e.points).sort()).toEqual([1, 2, 2]);
    expect(fresh.every((e) => e.requested === 2 && e.capKey === `upkeep-logged#${periodKey(now, 'month')}`)).toBe(true);
    expect((await statement(person)).balance).toBe(before.balance + 5);
  });
});

describe('deductions (violations)', () => {
  const facts = (id: string, person: string, deduction: number, household = `${V}/g2/h11`) => ({
    recorded: {
      violationId: id,
      village: V,
      household,
      person,
      compactId: ulid(),
      compactVersion: 1,
      articleId: 'art-5',
      violationType: 'rubbish-not-sorted',
      occurredOn: '2026-10-12',
      handling: { pointsDeduction: deduction, publicListing: true },
    },
    overturned: { violationId: id, village: V, household, person, decidedAt: '2026-10-20T15:00:00+08:00', reason: '记录有误' },
  });
  const cadre = 'p-majiaqiao-01';
  const fact = async (source: string) => (await api.call(getSourceFact, { query: { source } }, { as: cadre })).body;

  it('beyond the balance: takes what there is, the rest is debt cleared by later credits; an overturn restores all', async () => {
    const person = 'p-majiaqiao-11-1';
    const b0 = await statement(person);
    expect(b0.debt).toBe(0);
    await publish(NeedTriaged, need(person), { place: V });
    await waitFor(person, (s) => s.balance === b0.balance + 5, 'a first credit');
    const v = facts(ulid(), person, b0.balance + 8);
    await publish(ViolationRecorded, v.recorded, { place: V });
    const owing = await waitFor(person, (s) => s.debt === 3, 'the debt');
    expect(owing.balance).toBe(0);
    const debited = await onBus<{ source: string; fromBalance: number; toDebt: number }>(
      'PointsDebited',
      (d) => d.source === `violation:${v.recorded.violationId}`,
      1,
    );
    expect(debited.map((e) => [e.data.fromBalance, e.data.toDebt])).toEqual([[b0.balance + 5, 3]]);
    // A later credit clears the debt first.
    await publish(NeedTriaged, need(person), { place: V });
    const cleared = await waitFor(person, (s) => s.debt === 0 && s.balance === 2, 'the debt cleared');
    expect(cleared.entries[0]).toMatchObject({ kind: 'credit', points: 5, debtChange: -3, balanceChange: 2 });
    // The violation is overturned: as if it never happened (5 + 5 on top of the opening balance), debt 0.
    await publish(ViolationOverturned, v.overturned, { place: V });
    const restored = await waitFor(person, (s) => s.balance === b0.balance + 10, 'the reversal');
    expect(restored).toMatchObject({ debt: 0 });
    expect(restored.entries[0]).toMatchObject({ kind: 'reversal', reason: 'violation-overturned', points: b0.balance + 8 });
    // Re-sent violation and overturn change nothing.
    await publish(ViolationRecorded, v.recorded, { place: V });
    await publish(ViolationOverturned, v.overturned, { place: V });
    await settle();
    expect(await statement(person)).toMatchObject({ balance: b0.balance + 10, debt: 0 });
    expect(await fact(`violation:${v.recorded.violationId}`)).toMatchObject({ outcome: 'reversed' });
    await audited(person);
  });

  it('an overturn that arrives before its violation means no deduction ever', async () => {
    const person = 'p-majiaqiao-11-2';
    await publish(NeedTriaged, need(person), { place: V });
    const start = await waitFor(person, (s) => s.balance >= 5, 'a first credit');
    const v = facts(ulid(), person, 4);
    await publish(ViolationOverturned, v.overturned, { place: V });
    await eventually(
      async () => (await fact(`violation:${v.recorded.violationId}`))?.outcome === 'overturned',
      60_000,
      'the overturn recorded',
    );
    await publish(ViolationRecorded, v.recorded, { place: V });
    await eventually(async () => !!(await fact(`violation:${v.recorded.violationId}`))?.recordedAt, 60_000, 'the late violation noted');
    await settle();
    const s = await statement(person);
    expect(s).toMatchObject({ balance: start.balance, debt: 0 });
    expect(s.entries.filter((e) => e.kind === 'debit')).toHaveLength(0);
  });

  it('violations and overturns shuffled, duplicated and concurrent end with no net deduction', async () => {
    const person = 'p-majiaqiao-05-2';
    await publish(NeedTriaged, need(person, 'accepted'), { place: V });
    const start = await waitFor(person, (s) => s.balance >= 5, 'a first credit');
    const vs = [2, 3, 4, 7].map((n) => facts(ulid(), person, n, `${V}/g1/h05`));
    const sends = vs.flatMap((v) => [
      () => publish(ViolationRecorded, v.recorded, { place: V }),
      () => publish(ViolationRecorded, v.recorded, { place: V }),
      () => publish(ViolationOverturned, v.overturned, { place: V }),
      () => publish(ViolationOverturned, v.overturned, { place: V }),
    ]);
    await Promise.all(shuffle(sends, 11).map((s) => s()));
    for (const v of vs) {
      await eventually(
        async () => {
          const f = await fact(`violation:${v.recorded.violationId}`);
          return f?.outcome === 'reversed' || (f?.outcome === 'overturned' && !!f.recordedAt);
        },
        60_000,
        'every violation settled',
      );
    }
    await settle();
    expect(await statement(person)).toMatchObject({ balance: start.balance, debt: 0 });
    await audited(person);
  });
});

describe('manual credits and corrections, by role', () => {
  const person = 'p-majiaqiao-10-1';
  const cadre = 'p-majiaqiao-02';
  const credit = (extra: Record<string, unknown> = {}) => ({ person, reference: `canteen-${ulid()}`, note: '爱心食堂帮厨', ...extra });

  it('a cadre credits volunteering once per reference; merchants, plain residents and outsiders cannot; nobody credits themselves', async () => {
    const before = await statement(person);
    const body = credit();
    const ok = await api.call(creditPointsRoute, { body }, { as: cadre, idempotencyKey: body.reference });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ outcome: 'credited', entry: { kind: 'credit', activity: 'volunteering', points: 5, actor: cadre } });
    const replay = await api.call(creditPointsRoute, { body }, { as: cadre, idempotencyKey: body.reference });
    expect(replay.status).toBe(201);
    expect(replay.body.entry!.entryId).toBe(ok.body.entry!.entryId);
    const again = await api.call(creditPointsRoute, { body }, { as: cadre });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already-credited');
    expect((await api.call(creditPointsRoute, { body: credit() }, { as: api.official('m-mjq', 'merchant', V) })).status).toBe(403);
    expect((await api.call(creditPointsRoute, { body: credit() }, { as: 'p-majiaqiao-10' })).status).toBe(403);
    expect((await api.call(creditPointsRoute, { body: credit() }, { as: 'p-fengshu-01' })).status).toBe(403);
    expect((await api.call(creditPointsRoute, { body: credit({ person: cadre }) }, { as: cadre })).status).toBe(403);
    expect((await api.call(creditPointsRoute, { body: credit({ person: 'p-nobody' }) }, { as: cadre })).status).toBe(404);
    const bad = await api.call(creditPointsRoute, { body: { person, reference: 'a b', note: '' } }, { as: cadre });
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/note', '/reference']);
    const future = await api.call(creditPointsRoute, { body: credit({ occurredOn: '2999-01-01' }) }, { as: cadre });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('occurred-in-future');
    expect((await statement(person)).balance).toBe(before.balance + 5);
  });

  it('a cadre corrects a wrong credit with a reversing entry, once; deductions are not corrected this way', async () => {
    const made = await api.call(creditPointsRoute, { body: credit() }, { as: cadre });
    const entryId = made.body.entry!.entryId;
    const balanceThen = made.body.entry!.balanceAfter;
    expect(
      (await api.call(reversePoints, { body: { entryId, reason: '重复登记' } }, { as: api.official('m-mjq', 'merchant', V) })).status,
    ).toBe(403);
    expect((await api.call(reversePoints, { body: { entryId, reason: '重复登记' } }, { as: 'p-majiaqiao-10' })).status).toBe(403);
    const rev = await api.call(reversePoints, { body: { entryId, reason: '重复登记' } }, { as: cadre });
    expect(rev.status).toBe(201);
    expect(rev.body).toMatchObject({ kind: 'reversal', reverses: entryId, reason: 'correction', balanceAfter: balanceThen - 5, points: 5 });
    const twice = await api.call(reversePoints, { body: { entryId, reason: '重复登记' } }, { as: cadre });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already-reversed');
    expect((await api.call(reversePoints, { body: { entryId: ulid(), reason: 'x' } }, { as: cadre })).status).toBe(404);
    // A deduction entry cannot be corrected by a cadre.
    const debitEntry = (await allEntries('p-majiaqiao-11-1')).find((e) => e.kind === 'debit')!;
    const refused = await api.call(reversePoints, { body: { entryId: debitEntry.entryId, reason: 'x' } }, { as: cadre });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('not-reversible');
    const events = await onBus<{ reverses: string; netChange: number }>('PointsReversed', (d) => d.reverses === entryId, 1);
    expect(events.map((e) => e.data.netChange)).toEqual([-5]);
    await audited(person);
  });
});

describe('statements, household view, leaderboards', () => {
  it('a resident reads their own statement; stewards of the village read anyone’s; others cannot', async () => {
    const person = 'p-majiaqiao-10-1';
    expect((await api.call(getStatement, { params: { person } }, { as: 'p-majiaqiao-07' })).status).toBe(403);
    expect((await api.call(getStatement, { params: { person } }, { as: 'p-majiaqiao-01' })).status).toBe(200);
    expect((await api.call(getStatement, { params: { person } }, { as: 'p-majiaqiao-grid' })).status).toBe(200);
    expect((await api.call(getStatement, { params: { person } }, { as: 'p-fengshu-01' })).status).toBe(403);
    expect((await api.call(getStatement, { params: { person } })).status).toBe(401);
    expect((await api.call(getStatement, { params: { person: 'p-nobody' } }, { as: 'p-majiaqiao-01' })).status).toBe(404);
    const month = periodKey(await clockNow(), 'month');
    const s = await api.call(getStatement, { params: { person }, query: { period: month } }, { as: person });
    expect(s.status).toBe(200);
    if (!('closing' in s.body) || !('opening' in s.body))
      return expect.unreachable('a statement for a period has opening and closing figures');
    expect(s.body.closing.balance - s.body.opening.balance).toBe(
      s.body.entries.reduce((t: number, e: { balanceChange: number }) => t + e.balanceChange, 0),
    );
    expect((await api.call(getStatement, { params: { person }, query: { period: '2026-13' } }, { as: person })).status).toBe(400);
  });

  it('household members see their household’s points; other residents do not', async () => {
    const hh = `${V}/g2/h11`;
    const view = await api.call(getHouseholdPoints, { query: { household: hh } }, { as: 'p-majiaqiao-11-2' });
    expect(view.status).toBe(200);
    expect(view.body.members.map((m: { person: string }) => m.person)).toEqual(['p-majiaqiao-11', 'p-majiaqiao-11-1', 'p-majiaqiao-11-2']);
    const sum = view.body.members.reduce((t: number, m: { balance: number }) => t + m.balance, 0);
    expect(view.body.total.balance).toBe(sum);
    expect(view.body.members.every((m: { name: string }) => m.name.includes('*'))).toBe(true);
    expect((await api.call(getHouseholdPoints, { query: { household: hh } }, { as: 'p-majiaqiao-07' })).status).toBe(403);
    expect((await api.call(getHouseholdPoints, { query: { household: hh } }, { as: 'p-majiaqiao-01' })).status).toBe(200);
  });

  it('ranks a village’s residents and households for a period, names masked', async () => {
    const month = periodKey(await clockNow(), 'month');
    const board = await api.call(getLeaderboard, { query: { village: V, period: month } }, { as: 'p-majiaqiao-07' });
    expect(board.status).toBe(200);
    const rows = board.body.rows as { rank: number; key: string; name: string; score: number; earned: number; deducted: number }[];
    expect(rows.length).toBeGreaterThan(5);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.score).toBeGreaterThanOrEqual(rows[i]!.score);
    expect(rows.every((r) => r.score === r.earned - r.deducted && r.name.includes('*'))).toBe(true);
    const byHousehold = await api.call(
      getLeaderboard,
      { query: { village: V, period: month.slice(0, 4), by: 'household' } },
      {
        as: 'p-majiaqiao-07',
      },
    );
    expect(byHousehold.body.rows.length).toBeGreaterThan(0);
    // Opaque ids, never a person id or a household path (issue 16 item 8).
    for (const r of [...rows, ...byHousehold.body.rows] as { key: string; name: string }[]) {
      expect(r.key).not.toMatch(/^p-|\//);
      expect(r.name).toContain('*');
    }
    // The top, not every row: the limit is honoured and the order is the full board's.
    const top3 = await api.call(getLeaderboard, { query: { village: V, period: month, limit: 3 } }, { as: 'p-majiaqiao-07' });
    expect(top3.body.rows).toEqual(rows.slice(0, 3));
    // A township is not a village: refused with the parameter to use, not an empty board.
    const township = await api.call(
      getLeaderboard,
      { query: { village: demo.qiliping, period: month } },
      {
        as: api.official('t-qlp', 'township-official', demo.qiliping),
      },
    );
    expect(township.status).toBe(422);
    expect(township.body).toMatchObject({ code: 'list-needs-a-village', parameter: 'village', scopeKind: 'township' });
    expect((await api.call(getLeaderboard, { query: { village: V, period: month } }, { as: 'p-changsheng-07' })).status).toBe(403);
  });
});

describe('expiry', () => {
  const F = demo.fengshu;
  const cadre = 'p-fengshu-01';
  const person = 'p-fengshu-02-1';

  it('expires at the configured age, oldest lots first, and a re-run expires nothing twice', async () => {
    expect(
      (await api.call(putEarningRules, { body: { scope: F, activities: {}, expiryDays: 10, reason: '缩短有效期' } }, { as: cadre })).status,
    ).toBe(200);
    const before = await statement(person);
    expect(before.balance).toBe(0);
    const first = await api.call(creditPointsRoute, { body: { person, reference: `clean-up-${ulid()}`, note: '清洁日' } }, { as: cadre });
    expect(first.status).toBe(201);
    const firstLot = first.body.entry!.lots[0]!.lot as string;
    await advance('P4D');
    const second = await api.call(creditPointsRoute, { body: { person, reference: `clean-up-${ulid()}`, note: '清洁日' } }, { as: cadre });
    const secondLot = second.body.entry!.lots[0]!.lot as string;
    expect(secondLot > firstLot).toBe(true);
    // A deduction of 3 takes from the oldest lot: 2 left there, 5 in the newer one.
    await publish(
      ViolationRecorded,
      {
        violationId: ulid(),
        village: F,
        household: `${F}/g1/h02`,
        person,
        compactId: ulid(),
        compactVersion: 1,
        articleId: 'art-2',
        violationType: 'littering',
        occurredOn: '2026-10-12',
        handling: { pointsDeduction: 3 },
      },
      { place: F },
    );
    const afterDebit = await waitFor(person, (s) => s.balance === 7, 'the deduction');
    expect(afterDebit.lots.map((l) => [l.lot, l.remaining])).toEqual([
      [firstLot, 2],
      [secondLot, 5],
    ]);

    await advance('P7D'); // 11 days after the first credit: its lot is due, the second is not
    const once = await waitFor(person, (s) => s.balance === 5, 'the first lot to expire');
    expect(once.entries[0]).toMatchObject({ kind: 'expiry', points: 2, lots: [{ lot: firstLot, points: 2 }] });
    const rerun = await api.post('/_local/jobs/rewards/expire-points', {});
    expect(rerun.status).toBe(200);
    await api.post('/_local/jobs/rewards/expire-points', {});
    expect((await allEntries(person)).filter((e) => e.kind === 'expiry')).toHaveLength(1);

    await advance('P4D');
    const all = await waitFor(person, (s) => s.balance === 0, 'the second lot to expire');
    expect(all.lots).toEqual([]);
    const expiries = (await audited(person)).filter((e) => e.kind === 'expiry');
    expect(expiries.map((e) => [e.lots[0]!.lot, e.points])).toEqual([
      [firstLot, 2],
      [secondLot, 5],
    ]);
    const events = await onBus<{ person: string; points: number }>('PointsExpired', (d) => d.person === person, 2);
    expect(events.map((e) => e.data.points)).toEqual([2, 5]);
  });
});
