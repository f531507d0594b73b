import { describe, expect, inject, it } from 'vitest';
import { ProjectAccepted, ProjectChangeRequested } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { type RouteBody, eventually, publishEvent } from '@cocreate/local/testing';
import {
  api,
  approveChain,
  busEvents,
  cadreOf,
  countyOfVillage,
  countyOfficial,
  draftPlan,
  eventuallyOnBus,
  head,
  members,
  passSteps,
  setFloor,
  townshipOfVillage,
  townshipOfficial,
  vote,
} from './helpers.ts';
import {
  decideChain,
  getChain,
  getChainHistory,
  getChainPolicy,
  getChainPolicyHistory,
  putChain,
  putChainPolicy,
} from '../handlers/settings.ts';
import { getProposal, listProposals, submitProposal } from '../handlers/proposals.ts';

/** 长胜村: configuring decision chains, and the projects service's events (changes, acceptance). */
const v = demo.changsheng;
const cadre = cadreOf(v);
const bus = () => inject('stack').eventbridge;

type Kind = RouteBody<typeof putChain>['kind'];
type Step = RouteBody<typeof putChain>['steps'][number];
type Required = RouteBody<typeof putChainPolicy>['required'][number];

const rule = (body: Step['body'], extra: Partial<Step> = {}): Step => ({
  body,
  quorum: { op: 'more-than', num: 1, den: 2 },
  passing: { of: 'cast', share: { op: 'more-than', num: 1, den: 2 } },
  onFail: 'return',
  ...extra,
});

const FOUR = ['party-branch', 'two-committees', 'party-members-meeting', 'representatives-assembly'];
const bodies = (chain: { body: string }[]) => chain.map((s) => s.body);

/** The chain in force for a kind (the four deliberations until the township approves another). */
const chainNow = async (kind: Kind) => (await api.call(getChain, { query: { village: v, kind } }, { as: head(v, 9) })).body;

const propose = async (kind: Kind, steps: Step[], reason = '两委提议') =>
  api.call(putChain, { body: { village: v, kind, steps, expectedVersion: (await chainNow(kind)).version, reason } }, { as: cadre });

async function configure(kind: Kind, steps: Step[]) {
  return approveChain(v, kind, steps);
}

describe('decision chains are policy with a floor (四议)', () => {
  it('the issue’s bypasses are refused: the two-member worthies’ council alone, the four bodies reversed, a weaker assembly', async () => {
    const four = await chainNow('project-plan');
    expect(four).toMatchObject({ isDefault: true, version: 0 });
    expect(bodies(four.chain)).toEqual(FOUR);
    expect(members(v, 'worthies-council')).toHaveLength(2);

    // One cadre replacing the project-plan chain with the 乡贤理事会: refused, naming the rule.
    const worthies = await propose('project-plan', [rule('worthies-council')], '乡贤理事会决定即可');
    expect(worthies.status).toBe(422);
    expect(worthies.body).toMatchObject({ code: 'chain-drops-required-body', errors: [{ pointer: '/steps/0' }] });
    // The four bodies in reverse order.
    const reversed = await propose('project-plan', [...four.chain].reverse());
    expect(reversed.status).toBe(422);
    expect(reversed.body.code).toBe('chain-reorders-required-bodies');
    // The representatives' assembly at a simple-majority quorum (the floor says ≥ 2/3).
    const weaker: Step[] = four.chain.map((s) =>
      s.body === 'representatives-assembly' ? { ...s, quorum: { op: 'more-than', num: 1, den: 2 } } : s,
    );
    const weak = await propose('project-plan', weaker);
    expect(weak.body).toMatchObject({ code: 'chain-weakens-required-step', errors: [{ pointer: '/steps/3' }] });
    // Three of the four: the party members' meeting dropped.
    const three = await propose(
      'project-plan',
      four.chain.filter((s) => s.body !== 'party-members-meeting'),
    );
    expect(three.body).toMatchObject({ code: 'chain-drops-required-body', required: 2 });
    // A resident cannot even propose.
    expect(
      (
        await api.call(
          putChain,
          { body: { village: v, kind: 'project-plan', steps: four.chain, expectedVersion: 0, reason: 'x' } },
          { as: head(v, 9) },
        )
      ).status,
    ).toBe(403);
    // Nothing changed, and nothing was proposed.
    expect(await chainNow('project-plan')).toMatchObject({ isDefault: true, version: 0 });
    expect((await api.call(getChainHistory, { query: { village: v, kind: 'project-plan' } }, { as: cadre })).body.items).toEqual([]);

    // So the ¥900,000 plan goes through the four bodies: two worthies' votes decide nothing.
    const plan = await draftPlan(v, { budget: 90_000_000 });
    const submitted = await api.call(submitProposal, { body: { kind: 'project-plan', village: v, planId: plan.planId } }, { as: cadre });
    expect(submitted.status).toBe(201);
    expect(bodies(submitted.body.chain)).toEqual(FOUR);
    const outsiders = members(v, 'worthies-council').filter((m) => !members(v, 'party-branch').includes(m));
    expect(outsiders.length).toBeGreaterThan(0);
    for (const m of outsiders)
      expect((await vote(submitted.body.proposalId, 0, m)).body).toMatchObject({ status: 403, reason: 'not-a-member' });
  });

  it('a village adds a worthies’ hearing: proposed with a reason, in force once the township approves, with its history and events', async () => {
    const four = (await chainNow('compact')).chain;
    const withHearing = [four[0]!, rule('worthies-council'), ...four.slice(1)];
    const proposed = await propose('compact', withHearing, '重大事项先听取乡贤意见');
    expect(proposed.status).toBe(202);
    expect(proposed.body).toMatchObject({ status: 'pending', baseVersion: 0, proposedBy: cadre, reason: '重大事项先听取乡贤意见' });
    expect(bodies(proposed.body.before)).toEqual(FOUR);
    // Pending: the chain in force is still the four; a proposal submitted now keeps it.
    expect(await chainNow('compact')).toMatchObject({ isDefault: true, version: 0 });
    const running = await api.call(
      submitProposal,
      { body: { kind: 'compact', village: v, compactId: newId(), version: 1, title: '长胜村环境管护公约' } },
      { as: cadre },
    );
    expect(bodies(running.body.chain)).toEqual(FOUR);

    const decision = `/deliberation/chains/changes/${proposed.body.changeId}/decision`;
    // The village's cadre cannot approve its own change.
    expect((await api.post(decision, { approve: true, reason: '自批' }, { as: cadre })).status).toBe(403);
    const approved = await api.post(decision, { approve: true, reason: '镇党委同意' }, { as: townshipOfficial(v) });
    expect(approved.body).toMatchObject({ status: 'approved', version: 1, decidedBy: townshipOfficial(v).sub });
    expect((await api.post(decision, { approve: false, reason: '再议' }, { as: townshipOfficial(v) })).body.code).toBe(
      'change-not-pending',
    );
    const now = await chainNow('compact');
    expect(now).toMatchObject({
      isDefault: false,
      version: 1,
      configuredBy: cadre,
      approvedBy: townshipOfficial(v).sub,
      changeId: proposed.body.changeId,
    });
    expect(bodies(now.chain)).toEqual(['party-branch', 'worthies-council', ...FOUR.slice(1)]);
    const [changed] = await eventuallyOnBus('DecisionChainChanged', (d) => d.changeId === proposed.body.changeId);
    expect(changed!.detail.data).toMatchObject({
      village: v,
      kind: 'compact',
      proposedBy: cadre,
      approvedBy: townshipOfficial(v).sub,
      reason: '重大事项先听取乡贤意见',
      version: 1,
    });
    expect(bodies(changed!.detail.data.before as { body: string }[])).toEqual(FOUR);
    expect((changed!.detail.data.after as unknown[]).length).toBe(5);
    await eventuallyOnBus('ChainChangeProposed', (d) => d.changeId === proposed.body.changeId);

    // A change based on the old version is stale; a declined change leaves the chain as it is.
    const stale = await api.call(
      putChain,
      { body: { village: v, kind: 'compact', steps: four, expectedVersion: 0, reason: '恢复' } },
      { as: cadre },
    );
    expect(stale.body.code).toBe('stale-version');
    const back = await propose('compact', four, '恢复四议');
    const declined = await api.call(
      decideChain,
      { params: { changeId: back.body.changeId }, body: { approve: false, reason: '乡贤听证有必要' } },
      { as: townshipOfficial(v) },
    );
    expect(declined.body).toMatchObject({ status: 'declined', decisionReason: '乡贤听证有必要' });
    await eventuallyOnBus('ChainChangeDeclined', (d) => d.changeId === back.body.changeId);
    expect((await chainNow('compact')).version).toBe(1);
    const history = await api.call(getChainHistory, { query: { village: v, kind: 'compact' } }, { as: head(v, 9) });
    expect(history.body.items.map((c: { status: string }) => c.status)).toEqual(['declined', 'approved']);

    // The running proposal keeps the chain it started with; a new one takes the new chain.
    const id = running.body.proposalId;
    await passSteps(id, v, 0, 1);
    const atCommittees = await api.call(getProposal, { params: { proposalId: id } }, { as: cadre });
    expect(atCommittees.body.steps.map((s: { body: string }) => s.body)).toEqual(['party-branch', 'two-committees']);
    const next = await api.call(
      submitProposal,
      { body: { kind: 'compact', village: v, compactId: newId(), version: 1, title: '另一个公约' } },
      { as: cadre },
    );
    expect(bodies(next.body.chain)).toEqual(['party-branch', 'worthies-council', ...FOUR.slice(1)]);
  });

  it('a county floor binds matters from its threshold up; raising it refuses the ¥900,000 plan on the old chain, with the policy’s history', async () => {
    const county = countyOfficial(v);
    const scope = countyOfVillage(v);
    const projectPlan = (await chainNow('project-plan')).chain;
    const [pb, ra] = [projectPlan[0]!, projectPlan[3]!];
    const req = (s: Step, also: Step['body'][] = []): Required => ({
      bodies: [s.body, ...also],
      quorum: s.quorum,
      passing: s.passing,
    });
    // Only a county official sets it, only for a county or the province.
    expect(
      (
        await api.call(
          putChainPolicy,
          { body: { scope, kind: 'project-plan', fromFen: 0, required: [req(pb)], reason: 'x', expectedVersion: 0 } },
          { as: cadre },
        )
      ).status,
    ).toBe(403);
    const township = await api.call(
      putChainPolicy,
      { body: { scope: townshipOfVillage(v), kind: 'project-plan', fromFen: 0, required: [req(pb)], reason: 'x', expectedVersion: 0 } },
      { as: api.official('c-hongan-1', 'county-official', scope) },
    );
    expect(township.body).toMatchObject({ code: 'policy-scope-not-county' });

    // Hong'an: the branch and the assembly (or villagers' meeting) for plans from ¥500,000 — the village takes that chain.
    await setFloor(v, 'project-plan', [req(pb), req(ra, ['villagers-meeting'])], 50_000_000);
    await configure('project-plan', [pb, ra]);
    const small = await draftPlan(v, { budget: 10_000_000 });
    expect(
      bodies(
        (await api.call(submitProposal, { body: { kind: 'project-plan', village: v, planId: small.planId } }, { as: cadre })).body.chain,
      ),
    ).toEqual(['party-branch', 'representatives-assembly']);
    // The county raises the floor to the four deliberations from ¥500,000: the village chain falls below it.
    const policy = await setFloor(
      v,
      'project-plan',
      (await chainNow('village-classification')).chain.map((s) => req(s)),
      50_000_000,
    );
    expect(policy).toMatchObject({ scope, kind: 'project-plan', fromFen: 50_000_000, version: 2, setBy: county.sub });
    const big = await draftPlan(v, { budget: 90_000_000 });
    const refused = await api.call(submitProposal, { body: { kind: 'project-plan', village: v, planId: big.planId } }, { as: cadre });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'chain-drops-required-body', errors: [{ pointer: '/chain/1' }] });
    // Below the threshold the floor does not bind.
    const small2 = await draftPlan(v, { budget: 10_000_000 });
    expect(
      (await api.call(submitProposal, { body: { kind: 'project-plan', village: v, planId: small2.planId } }, { as: cadre })).status,
    ).toBe(201);

    const history = await api.call(getChainPolicyHistory, { query: { scope, kind: 'project-plan' } }, { as: county });
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[0]).toMatchObject({ setting: 'chain-policy', changedBy: county.sub, reason: '县级决策链底线' });
    expect(history.body.items[0]!.before!.required).toHaveLength(2);
    expect(history.body.items[0]!.after.required).toHaveLength(4);
    const events = await eventuallyOnBus('ChainPolicyChanged', (d) => d.scope === scope && d.kind === 'project-plan' && d.version === 2);
    expect(events[0]!.detail.data).toMatchObject({ changedBy: county.sub, after: { fromFen: 50_000_000 } });
    // Other places of the county see the county's floor; the national floor elsewhere.
    expect(
      (await api.call(getChainPolicy, { query: { place: demo.majiaqiao, kind: 'project-plan' } }, { as: cadreOf(demo.majiaqiao) })).body,
    ).toMatchObject({ scope, version: 2 });
    expect(
      (await api.call(getChainPolicy, { query: { place: demo.fengshu, kind: 'project-plan' } }, { as: cadreOf(demo.fengshu) })).body,
    ).toMatchObject({ isDefault: true, fromFen: 0 });
  });
});

describe('the projects service’s events', () => {
  it('a requested project change becomes a project-change proposal ready for its chain, once per change', async () => {
    // Hong'an lets the representatives' assembly decide project changes alone; the village takes that chain.
    const { body: _b, onFail: _f, ...assembly } = rule('representatives-assembly', { quorum: { op: 'at-least', num: 2, den: 3 } });
    await setFloor(v, 'project-change', [{ bodies: ['representatives-assembly'], ...assembly }]);
    await configure('project-change', [rule('representatives-assembly', { onFail: 'end', quorum: { op: 'at-least', num: 2, den: 3 } })]);
    const change = {
      projectId: newId(),
      changeId: newId(),
      village: v,
      title: '道路延长 100 米',
      description: '延长至小学门口。',
      budget: 60_000_000,
      previousBudget: 48_000_000,
      requestedBy: cadre,
    };
    await publishEvent(bus(), ProjectChangeRequested, change, { place: v });
    const [submitted] = await eventuallyOnBus(
      'ProposalSubmitted',
      (d) => d.kind === 'project-change' && d.title === change.title && d.village === v,
    );
    const id = submitted!.detail.data.proposalId as string;
    const p = await api.call(getProposal, { params: { proposalId: id } }, { as: cadre });
    expect(p.body).toMatchObject({
      kind: 'project-change',
      status: 'voting',
      step: 0,
      subject: { projectId: change.projectId, changeId: change.changeId, budget: 60_000_000, previousBudget: 48_000_000 },
      steps: [{ body: 'representatives-assembly', status: 'open' }],
    });
    // The same change requested again (another event id): still one proposal.
    await publishEvent(bus(), ProjectChangeRequested, change, { place: v });
    await new Promise((r) => setTimeout(r, 1500));
    const list = await api.call(listProposals, { query: { village: v, limit: 100 } }, { as: cadre });
    expect(list.body.items.filter((x) => 'changeId' in x.subject && x.subject.changeId === change.changeId)).toHaveLength(1);

    await passSteps(id, v, 0, 1);
    await api.post('/_local/clock', { advance: 'P5DT1H' });
    const [decision] = await eventuallyOnBus('DecisionFinal', (d) => d.proposalId === id);
    expect(decision!.detail.data).toMatchObject({
      kind: 'project-change',
      change: { projectId: change.projectId, changeId: change.changeId, description: change.description, budget: 60_000_000 },
    });
  });

  it('final acceptance discloses the implementation result (second disclosure) once; initial acceptance does not', async () => {
    const proposalId = (
      await api.call(
        submitProposal,
        { body: { kind: 'compact', village: v, compactId: newId(), version: 1, title: '待验收' } },
        { as: cadre },
      )
    ).body.proposalId;
    const accepted = {
      projectId: newId(),
      proposalId,
      village: v,
      acceptedAt: '2026-09-20T10:00:00+08:00',
      beneficiaries: [`${v}/g1/h01`],
      spent: 46_500_000,
      budget: 48_000_000,
    };
    await publishEvent(bus(), ProjectAccepted, { ...accepted, acceptance: 'initial' }, { place: v });
    await publishEvent(bus(), ProjectAccepted, { ...accepted, acceptance: 'final' }, { place: v });
    const [disclosed] = await eventuallyOnBus('ImplementationDisclosed', (d) => d.proposalId === proposalId);
    expect(disclosed!.detail.data).toMatchObject({
      projectId: accepted.projectId,
      spent: 46_500_000,
      budget: 48_000_000,
      beneficiaries: accepted.beneficiaries,
    });
    const p = await api.call(getProposal, { params: { proposalId } }, { as: head(v, 9) });
    expect(p.body.implementation).toMatchObject({ projectId: accepted.projectId, spent: 46_500_000 });
    // Delivered again under another event id: disclosed once.
    await publishEvent(bus(), ProjectAccepted, { ...accepted, acceptance: 'final' }, { place: v });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await busEvents('ImplementationDisclosed', (d) => d.proposalId === proposalId)).toHaveLength(1);
  });

  it('an acceptance arriving before its proposal is known is still disclosed, and shows up with the proposal', async () => {
    const unknown = newId();
    await publishEvent(
      bus(),
      ProjectAccepted,
      {
        projectId: newId(),
        proposalId: unknown,
        village: v,
        acceptance: 'final',
        acceptedAt: '2026-09-21T10:00:00+08:00',
        beneficiaries: [],
        spent: 0,
        budget: 0,
      },
      { place: v },
    );
    await eventually(
      async () => (await busEvents('ImplementationDisclosed', (d) => d.proposalId === unknown)).length === 1,
      20_000,
      'disclosure of an unknown proposal',
    );
    const dead = await api.get('/_local/bus/dead-letters');
    expect(JSON.stringify(dead.body)).not.toContain(unknown);
  });
});
