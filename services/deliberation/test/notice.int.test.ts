import { beforeAll, describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import {
  api,
  approveChain,
  busEvents,
  cadreOf,
  eventuallyOnBus,
  head,
  members,
  passSteps,
  setFloor,
  submitPlanProposal,
} from './helpers.ts';
import { answerObjectionRoute, listObjections, publicBoard, raiseObjectionRoute } from '../handlers/notice.ts';
import { getProposal, resubmitProposal, submitProposal } from '../handlers/proposals.ts';
import { type putChain, putSettings } from '../handlers/settings.ts';
import type { RouteBody } from '@cocreate/local/testing';

/**
 * 桃花村: public notice (公示), objections, the final decision and its filing (备案), the public board. The village
 * decides these kinds by its representatives' assembly alone (configured below), so each test reaches notice fast.
 */
const v = demo.taohua;
const cadre = cadreOf(v);
const official = api.official('t-chengguan', 'township-official', 'hubei/huanggang/hongan/chengguan');
const assemblyOnly: RouteBody<typeof putChain>['steps'] = [
  {
    body: 'representatives-assembly',
    quorum: { op: 'at-least', num: 2, den: 3 },
    passing: { of: 'cast', share: { op: 'more-than', num: 1, den: 2 } },
    onFail: 'end',
  },
];

beforeAll(async () => {
  // The county lets the representatives' assembly decide alone here, and the township approves the village's chain.
  const { body: _b, onFail: _f, ...rule } = assemblyOnly[0]!;
  for (const kind of ['project-plan', 'compact', 'village-classification'] as const) {
    await setFloor(v, kind, [{ bodies: ['representatives-assembly'], ...rule }]);
    await approveChain(v, kind, assemblyOnly);
  }
});

async function toNotice(extra: Record<string, unknown> = {}) {
  const { proposal } = await submitPlanProposal(v, extra);
  const adopted = await passSteps(proposal.proposalId, v, 0, 1);
  expect(adopted!.status).toBe('notice');
  return adopted;
}

const object = (id: string, as: string, text = '占用了我家的菜地') =>
  api.call(raiseObjectionRoute, { params: { proposalId: id }, body: { text } }, { as });
const answer = (id: string, objectionId: string, sustained: boolean, as = cadre) =>
  api.call(
    answerObjectionRoute,
    { params: { proposalId: id, objectionId }, body: { sustained, answer: sustained ? '异议成立，修改方案' : '经核实，不占用耕地' } },
    { as },
  );
const advance = (by: string) => api.post('/_local/clock', { advance: by });

describe('a sustained objection reopens the decision', () => {
  it('records the objection, answers it, reopens, and the revised proposal runs again', async () => {
    const p = await toNotice();
    const id = p!.proposalId;
    const o = await object(id, head(v, 11));
    expect(o.status).toBe(201);
    expect(o.body).toMatchObject({ status: 'pending', objector: head(v, 11), round: 1 });
    await eventuallyOnBus('ObjectionRaised', (d) => d.objectionId === o.body.objectionId);

    // Residents see the objection with the objector's name masked; cadres see who.
    const publicView = await api.call(listObjections, { params: { proposalId: id } }, { as: head(v, 9) });
    expect(publicView.body.items[0]).not.toHaveProperty('objector');
    expect(publicView.body.items[0]!.objectorName).toMatch(/\*/);
    expect((await api.call(listObjections, { params: { proposalId: id } }, { as: cadre })).body.items[0]!.objector).toBe(head(v, 11));

    expect((await answer(id, o.body.objectionId, true, head(v, 9))).status).toBe(403);
    const sustained = await answer(id, o.body.objectionId, true);
    expect(sustained.status).toBe(200);
    expect(sustained.body).toMatchObject({ status: 'sustained', proposalStatus: 'reopened' });
    expect((await answer(id, o.body.objectionId, false)).body.code).toBe('already-answered');
    await eventuallyOnBus('ProposalReopened', (d) => d.proposalId === id && d.objectionId === o.body.objectionId);

    const reopened = await api.call(getProposal, { params: { proposalId: id } }, { as: cadre });
    expect(reopened.body).toMatchObject({
      status: 'reopened',
      stoppedBy: { reason: 'objection-sustained', objectionId: o.body.objectionId },
    });
    expect(reopened.body.notice).toBeUndefined();
    expect((await object(id, head(v, 12))).body.code).toBe('not-in-notice');

    // Time passing does not make a reopened decision final.
    await advance('P8D');
    expect((await api.call(getProposal, { params: { proposalId: id } }, { as: cadre })).body.status).toBe('reopened');
    expect(await busEvents('DecisionFinal', (d) => d.proposalId === id)).toHaveLength(0);

    const again = await api.call(resubmitProposal, { params: { proposalId: id }, body: { title: '村口道路（修订）' } }, { as: cadre });
    expect(again.body).toMatchObject({ status: 'voting', round: 2, step: 0, title: '村口道路（修订）' });
    const adopted = await passSteps(id, v, 0, 1);
    expect(adopted).toMatchObject({ status: 'notice', round: 2, pendingObjections: 0 });
  });
});

describe('the notice period', () => {
  it('a pending objection holds the decision back; dismissed after the period, the decision is final at once', async () => {
    const p = await toNotice();
    const id = p!.proposalId;
    const o = await object(id, head(v, 10), '噪音扰民');
    await advance('P7DT1H');
    // The scheduled close ran: still noticed, because an objection awaits its answer.
    expect((await api.call(getProposal, { params: { proposalId: id } }, { as: cadre })).body).toMatchObject({
      status: 'notice',
      pendingObjections: 1,
    });
    expect((await object(id, head(v, 12))).body.code).toBe('notice-ended');
    const dismissed = await answer(id, o.body.objectionId, false);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', proposalStatus: 'final' });
    const [decision] = await eventuallyOnBus('DecisionFinal', (d) => d.proposalId === id);
    expect(decision!.detail.data).toMatchObject({ kind: 'project-plan', filedWith: 'hubei/huanggang/hongan/chengguan', village: v });
    await eventuallyOnBus('ObjectionAnswered', (d) => d.objectionId === o.body.objectionId && d.sustained === false);
  });

  it('without objections the scheduled close makes it final after the notice days the village set', async () => {
    const set = await api.call(
      putSettings,
      { body: { village: v, noticeDays: { compact: 10 }, reason: '村民代表会议决定公约公示 10 天' } },
      { as: cadre },
    );
    expect(set.body.noticeDays).toMatchObject({ compact: 10, 'project-plan': 7 });
    const compactId = '01JD7Z8Q9W3V4X5Y6Z7A8B9C0C';
    const submitted = await api.call(
      submitProposal,
      { body: { kind: 'compact', village: v, compactId, version: 2, title: '桃花村村规民约（修订）' } },
      { as: cadre },
    );
    expect(submitted.status).toBe(201);
    const id = submitted.body.proposalId;
    const adopted = await passSteps(id, v, 0, 1);
    expect(Date.parse(adopted!.notice!.endsAt) - Date.parse(adopted!.notice!.startsAt)).toBe(10 * 86_400_000);
    await advance('P9D');
    expect((await api.call(getProposal, { params: { proposalId: id } }, { as: cadre })).body.status).toBe('notice');
    await advance('P1DT1H');
    expect((await api.call(getProposal, { params: { proposalId: id } }, { as: cadre })).body.status).toBe('final');
    const [decision] = await eventuallyOnBus('DecisionFinal', (d) => d.proposalId === id);
    expect(decision!.detail.data).toMatchObject({ kind: 'compact', compact: { compactId, version: 2 }, title: '桃花村村规民约（修订）' });
    // Running the close again changes nothing.
    const rerun = await api.post('/_local/jobs/deliberation/close-due-notices', {});
    expect(rerun.status).toBe(200);
    expect(await busEvents('DecisionFinal', (d) => d.proposalId === id)).toHaveLength(1);
  });
});

describe('village classification (划分两类村) is decided the same way', () => {
  it('a township official submits it; once final the village is classified', async () => {
    const byResident = await api.call(
      submitProposal,
      { body: { kind: 'village-classification', village: v, classification: 'pilot' } },
      { as: head(v, 9) },
    );
    expect(byResident.status).toBe(403);
    const submitted = await api.call(
      submitProposal,
      { body: { kind: 'village-classification', village: v, classification: 'pilot', reasons: '群众参与度高' } },
      { as: official },
    );
    expect(submitted.status).toBe(201);
    // An official may submit classifications only.
    const plan = await api.call(
      submitProposal,
      { body: { kind: 'compact', village: v, compactId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0C', version: 3, title: 'x' } },
      { as: official },
    );
    expect(plan.status).toBe(403);
    expect(plan.body.reason).toBe('cadres-submit');
    const id = submitted.body.proposalId;
    await passSteps(id, v, 0, 1);
    await advance('P7DT1H');
    const [classified] = await eventuallyOnBus('VillageClassified', (d) => d.proposalId === id);
    expect(classified!.detail.data).toMatchObject({ village: v, class: 'pilot' });
    const [decision] = await eventuallyOnBus('DecisionFinal', (d) => d.proposalId === id);
    expect(decision!.detail.data).toMatchObject({ kind: 'village-classification', classification: 'pilot' });
  });
});

describe('the public board (公开栏)', () => {
  it('shows decisions under notice and final ones with each body’s vote, to anyone, without personal data', async () => {
    const p = await toNotice();
    const board = await api.call(publicBoard, { query: { village: v } });
    expect(board.status).toBe(200);
    const item = board.body.items.find((i: { proposalId: string }) => i.proposalId === p!.proposalId);
    expect(item).toMatchObject({
      status: 'notice',
      resolutions: [{ body: 'representatives-assembly', status: 'passed', members: members(v, 'representatives-assembly').length }],
    });
    expect(board.body.items.some((i: { status: string }) => i.status === 'final')).toBe(true);
    expect(JSON.stringify(board.body)).not.toMatch(/p-taohua-\d\d/);
    expect((await api.call(publicBoard, { query: { village: 'hubei/nowhere' } })).status).toBe(404);
  });
});
