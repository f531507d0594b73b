import { describe, expect, inject, it } from 'vitest';
import { ProjectAccepted, ProjectChangeRequested } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { eventually, publishEvent, q } from '@cocreate/local/testing';
import { api, busEvents, cadreOf, eventuallyOnBus, head, members, passSteps, resolve, vote } from './helpers.ts';

/** 长胜村: configuring decision chains, and the projects service's events (changes, acceptance). */
const v = demo.changsheng;
const cadre = cadreOf(v);
const bus = () => inject('stack').eventbridge;

const rule = (body: string, extra: Record<string, unknown> = {}) => ({
  body,
  quorum: { op: 'more-than', num: 1, den: 2 },
  passing: { of: 'cast', share: { op: 'more-than', num: 1, den: 2 } },
  onFail: 'return',
  ...extra,
});

async function configure(kind: string, steps: unknown[]) {
  const cur = await api.get(`/deliberation/chains${q({ village: v, kind })}`, { as: cadre });
  const res = await api.put('/deliberation/chains', { village: v, kind, steps, expectedVersion: cur.body.version }, { as: cadre });
  expect(res.status).toBe(200);
  return res.body;
}

describe('decision chains per village and kind', () => {
  it('defaults to the four deliberations; cadres configure; checks are exact; a running proposal keeps its chain', async () => {
    const fresh = await api.get(`/deliberation/chains${q({ village: v, kind: 'project-plan' })}`, { as: head(v, 9) });
    expect(fresh.body).toMatchObject({ isDefault: true, version: 0 });
    expect(fresh.body.chain.map((s: { body: string }) => s.body)).toEqual([
      'party-branch',
      'two-committees',
      'party-members-meeting',
      'representatives-assembly',
    ]);

    const steps = [
      rule('two-committees', { passing: { of: 'members', share: { op: 'more-than', num: 1, den: 2 } } }),
      rule('villagers-meeting', { onFail: 'end' }),
    ];
    expect(
      (await api.put('/deliberation/chains', { village: v, kind: 'compact', steps, expectedVersion: 0 }, { as: head(v, 9) })).status,
    ).toBe(403);
    const bad = await api.put(
      '/deliberation/chains',
      { village: v, kind: 'compact', steps: [rule('party-branch'), rule('supervision-committee')], expectedVersion: 0 },
      { as: cadre },
    );
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'chain-not-a-voting-body', errors: [{ pointer: '/steps/1/body' }] });
    const twice = await api.put(
      '/deliberation/chains',
      { village: v, kind: 'compact', steps: [rule('party-branch'), rule('party-branch')], expectedVersion: 0 },
      { as: cadre },
    );
    expect(twice.body.code).toBe('chain-duplicate-body');
    const overOne = await api.put(
      '/deliberation/chains',
      { village: v, kind: 'compact', steps: [rule('party-branch', { quorum: { op: 'at-least', num: 3, den: 2 } })], expectedVersion: 0 },
      { as: cadre },
    );
    expect(overOne.status).toBe(422);

    const configured = await configure('compact', steps);
    expect(configured).toMatchObject({ isDefault: false, configuredBy: cadre });
    const stale = await api.put(
      '/deliberation/chains',
      { village: v, kind: 'compact', steps, expectedVersion: configured.version - 1 },
      { as: cadre },
    );
    expect(stale.body.code).toBe('stale-version');

    const compactId = newId();
    const running = await api.post(
      '/deliberation/proposals',
      { kind: 'compact', village: v, compactId, version: 1, title: '长胜村环境管护公约' },
      { as: cadre },
    );
    expect(running.body.chain.map((s: { body: string }) => s.body)).toEqual(['two-committees', 'villagers-meeting']);

    // The village changes its chain: the running proposal keeps the one it started with; new ones take the new one.
    await configure('compact', [rule('party-branch')]);
    const id = running.body.proposalId;
    await passSteps(id, v, 0, 1);
    const atMeeting = await api.get(`/deliberation/proposals/${id}`, { as: cadre });
    expect(atMeeting.body).toMatchObject({
      step: 1,
      steps: [
        { body: 'two-committees', status: 'passed' },
        { body: 'villagers-meeting', status: 'open', members: 12 },
      ],
    });
    // Villagers' meeting: 12 members, more than half must vote (7); 7 votes of which 4 yes pass.
    const meeting = members(v, 'villagers-meeting');
    await Promise.all(meeting.slice(0, 7).map((m, i) => vote(id, 1, m, i < 4 ? 'yes' : 'no')));
    const adopted = await resolve(id, v, 1);
    expect(adopted.body).toMatchObject({ status: 'notice' });
    expect(adopted.body.steps[1].resolution).toMatchObject({
      quorum: { part: 7, whole: 12, needed: 7, margin: 0 },
      passing: { part: 4, whole: 7, needed: 4, margin: 0 },
    });
    const next = await api.post(
      '/deliberation/proposals',
      { kind: 'compact', village: v, compactId: newId(), version: 1, title: '另一个公约' },
      { as: cadre },
    );
    expect(next.body.chain.map((s: { body: string }) => s.body)).toEqual(['party-branch']);
  });
});

describe('the projects service’s events', () => {
  it('a requested project change becomes a project-change proposal ready for its chain, once per change', async () => {
    await configure('project-change', [rule('representatives-assembly', { onFail: 'end' })]);
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
    const p = await api.get(`/deliberation/proposals/${id}`, { as: cadre });
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
    const list = await api.get(`/deliberation/proposals${q({ village: v, limit: 100 })}`, { as: cadre });
    expect(list.body.items.filter((x: { subject: { changeId?: string } }) => x.subject.changeId === change.changeId)).toHaveLength(1);

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
      await api.post(
        '/deliberation/proposals',
        { kind: 'compact', village: v, compactId: newId(), version: 1, title: '待验收' },
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
    const p = await api.get(`/deliberation/proposals/${proposalId}`, { as: head(v, 9) });
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
