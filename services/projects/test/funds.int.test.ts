import { describe, expect, it } from 'vitest';
import { SubsidyAwarded } from '@cocreate/contracts';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { newId, resourceNames } from '@cocreate/kernel';
import { localClients } from '@cocreate/local/clients';
import { type RouteBody, eventually, publishEvent } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { demoDirectory } from '@cocreate/places/directory';
import {
  PATH_TO_CONSTRUCTION,
  V,
  addMilestone,
  api,
  cadre3,
  eventuallyOnBus,
  ledgerOk,
  move,
  moveAll,
  openProject,
  receive,
  secretary,
  stack,
  supervisor,
  supervisor2,
  today,
  treasurer,
} from './helpers.ts';
import { allocateFunds, checkLedger, getPool, listPostings, recordReceipt, reversePosting, transferToVillage } from '../handlers/pools.ts';
import { approveDisbursement, countersignDisbursement, rejectDisbursement, requestDisbursement } from '../handlers/disbursements.ts';
import { completeMilestone } from '../handlers/milestones.ts';
import { getProject } from '../handlers/projects.ts';
import { recordContribution } from '../handlers/contributions.ts';
import { villageBoard } from '../handlers/board.ts';

const township = api.official('t-qiliping-2', 'township-official', demo.qiliping);
const fengshuTreasurer = 'p-fengshu-02';

/** A project in construction with one milestone and `amount` allocated from a source of its own. */
async function fundedProject(amount: number, plan: Record<string, unknown> = {}) {
  const { projectId, project } = await openProject({ budget: 10_000_000, ...plan });
  await moveAll(projectId, PATH_TO_CONSTRUCTION);
  const milestone = await addMilestone(projectId, { title: '材料进场', weight: 10 });
  const source = await receive(V, amount, { restriction: { projects: [projectId] }, from: '马家桥村乡贤', source: 'worthies-donation' });
  const alloc = await api.call(
    allocateFunds,
    { params: { projectId }, body: { amount, sources: [{ sourceId: source.sourceId, amount }] } },
    { as: secretary },
  );
  expect(alloc.status, JSON.stringify(alloc.body)).toBe(201);
  return { projectId, project, milestone, source };
}

/** Moves money between available and held on a project's allocation account behind the service's back (tampering). */
async function moveHeld(projectId: string, sourceId: string, held: number): Promise<void> {
  const { dynamodb } = localClients({ dynamodb: stack.dynamodb, s3: stack.s3, eventbridge: stack.eventbridge });
  await dynamodb.send(
    new UpdateItemCommand({
      TableName: resourceNames.table('projects'),
      Key: { pk: { S: `POOL#${V}` }, sk: { S: `ACCT#alloc:${projectId}:${sourceId}` } },
      UpdateExpression: 'ADD #held :held, #available :available',
      ExpressionAttributeNames: { '#held': 'held', '#available': 'available' },
      ExpressionAttributeValues: { ':held': { N: String(held) }, ':available': { N: String(-held) } },
    }),
  );
}

type Disbursement = RouteBody<typeof requestDisbursement>;
const requestBody = (milestoneId: string, amount: number, extra: Partial<Disbursement> = {}): Disbursement => ({
  milestoneId,
  amount,
  purpose: 'materials',
  payee: { kind: 'organisation', name: '七里坪建材店' },
  description: '水泥 10 吨',
  ...extra,
});

describe('money coming into a pool', () => {
  it('books a receipt as a source with its restriction, announced as FundsReceived', async () => {
    const s = await receive(V, 5_000_000, {
      source: 'department-funds',
      from: '红安县住建局',
      restriction: { categories: ['roads', 'water'] },
    });
    expect(s).toMatchObject({
      pool: V,
      source: 'department-funds',
      amount: 5_000_000,
      origin: 'manual',
      recordedBy: treasurer,
      restriction: { categories: ['roads', 'water'] },
    });
    const [ev] = await eventuallyOnBus('FundsReceived', (d) => d.entryId === s.sourceId);
    expect(ev.data).toEqual({
      entryId: s.sourceId,
      pool: V,
      source: 'department-funds',
      amount: 5_000_000,
      from: '红安县住建局',
      restriction: { categories: ['roads', 'water'] },
    });
    const pool = await api.call(getPool, { query: { pool: V } }, { as: secretary });
    expect(pool.body.sources.find((x: any) => x.sourceId === s.sourceId)).toMatchObject({
      unallocated: 5_000_000,
      allocated: 0,
      spent: 0,
      reversed: 0,
    });
  });

  it('keeps each county to its own pools: a treasurer of county A cannot touch county B’s pool', async () => {
    const r = await api.call(
      recordReceipt,
      { body: { pool: demo.fengshu, source: 'self-raised', amount: 100, from: 'x' } },
      { as: treasurer },
    );
    expect(r.status).toBe(403);
    expect((await api.call(getPool, { query: { pool: demo.fengshu } }, { as: treasurer })).status).toBe(403);
    expect((await api.call(checkLedger, { query: { pool: V } }, { as: fengshuTreasurer })).status).toBe(403);
    // …and not the township's pool above their own village either.
    expect(
      (await api.call(recordReceipt, { body: { pool: demo.qiliping, source: 'self-raised', amount: 100, from: 'x' } }, { as: treasurer }))
        .status,
    ).toBe(403);
    // Their own pool works.
    const own = await api.call(
      recordReceipt,
      { body: { pool: demo.fengshu, source: 'self-raised', amount: 100, from: '枫树村群众' } },
      { as: fengshuTreasurer },
    );
    expect(own.status).toBe(201);
  });

  it('refuses bad input naming the field, and places that keep no pool', async () => {
    // raw: invalid input on purpose
    const bad = await api.post('/projects/pools/receipts', { pool: V, source: 'lottery', amount: 10.5, from: '' }, { as: treasurer });
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((e: any) => e.pointer).sort()).toEqual(['/amount', '/from', '/source']);
    const group = await api.call(
      recordReceipt,
      { body: { pool: `${V}/g1`, source: 'self-raised', amount: 10, from: 'x' } },
      { as: treasurer },
    );
    expect(group.status).toBe(422);
    expect(group.body.code).toBe('not-a-pool');
    const elsewhere = await api.call(
      recordReceipt,
      { body: { pool: V, source: 'self-raised', amount: 10, from: 'x', restriction: { projects: [newId()] } } },
      { as: treasurer },
    );
    expect(elsewhere.body.code).toBe('unknown-project');
    expect(
      (await api.call(recordReceipt, { body: { pool: V, source: 'self-raised', amount: 10, from: 'x' } }, { as: 'p-majiaqiao-07' })).status,
    ).toBe(403);
  });

  it('pays an award in lieu of subsidy (以奖代补) into the village pool once, with the round’s restriction', async () => {
    const awardId = newId();
    const award = {
      awardId,
      roundId: newId(),
      village: V,
      amount: 15_000_000,
      title: `2026 年红安县以奖代补 ${awardId.slice(-4)}`,
      restriction: { categories: ['public-space' as const] },
    };
    await publishEvent(stack.eventbridge, SubsidyAwarded, award, { place: V });
    await publishEvent(stack.eventbridge, SubsidyAwarded, award, { place: V }); // a second copy under another event id
    const [ev] = await eventuallyOnBus('FundsReceived', (d) => d.from === award.title);
    expect(ev.data).toMatchObject({ pool: V, source: 'fiscal-award', amount: 15_000_000, restriction: { categories: ['public-space'] } });
    await new Promise((r) => setTimeout(r, 800));
    const pool = await api.call(getPool, { query: { pool: V } }, { as: secretary });
    const paid = pool.body.sources.filter((s: any) => s.awardId === awardId);
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({
      source: 'fiscal-award',
      origin: 'award',
      unallocated: 15_000_000,
      restriction: { categories: ['public-space'] },
    });
  });

  it('lets a township pass money on to one of its villages, source and restriction unchanged', async () => {
    const s = await receive(
      demo.qiliping,
      3_000_000,
      { source: 'township-subsidy', from: '七里坪镇财政所', restriction: { categories: ['sanitation'] } },
      township,
    );
    expect(
      (
        await api.call(
          transferToVillage,
          { body: { pool: demo.qiliping, toVillage: demo.fengshu, sourceId: s.sourceId, amount: 1 } },
          { as: township },
        )
      ).body.code,
    ).toBe('not-a-village-of-township');
    // Only a township pool passes money on: a village pool is not one, whoever asks.
    const fromVillage = await api.call(
      transferToVillage,
      { body: { pool: V, toVillage: demo.fengshu, sourceId: s.sourceId, amount: 1 } },
      { as: township },
    );
    expect(fromVillage.status).toBe(422);
    expect(fromVillage.body).toMatchObject({ code: 'not-a-township-pool', errors: [{ pointer: '/pool' }] });
    expect(
      (
        await api.call(
          transferToVillage,
          { body: { pool: demo.qiliping, toVillage: V, sourceId: s.sourceId, amount: 3_000_001 } },
          { as: township },
        )
      ).body.code,
    ).toBe('insufficient-source');
    const t = await api.call(
      transferToVillage,
      { body: { pool: demo.qiliping, toVillage: V, sourceId: s.sourceId, amount: 1_000_000 } },
      { as: township },
    );
    expect(t.status).toBe(201);
    expect(t.body.source).toMatchObject({
      pool: V,
      source: 'township-subsidy',
      amount: 1_000_000,
      restriction: { categories: ['sanitation'] },
      origin: 'transfer',
      viaPool: demo.qiliping,
      viaSource: s.sourceId,
    });
    const town = await api.call(getPool, { query: { pool: demo.qiliping } }, { as: township });
    expect(town.body.sources.find((x: any) => x.sourceId === s.sourceId)).toMatchObject({ unallocated: 2_000_000, transferred: 1_000_000 });
    expect((await ledgerOk(demo.qiliping, township)).ok).toBe(true);
    expect(
      (
        await api.call(
          transferToVillage,
          { body: { pool: demo.qiliping, toVillage: V, sourceId: s.sourceId, amount: 1 } },
          { as: treasurer },
        )
      ).status,
    ).toBe(403);
  });
});

describe('allocation: channels not mixed, purposes unchanged (渠道不乱、用途不变)', () => {
  it('refuses restricted money for a forbidden purpose, and writes nothing', async () => {
    const { projectId } = await openProject({ category: 'roads', budget: 10_000_000 });
    await moveAll(projectId, PATH_TO_CONSTRUCTION);
    const lighting = await receive(V, 800_000, { source: 'department-funds', from: '县供电所', restriction: { categories: ['lighting'] } });
    const otherProject = await receive(V, 500_000, {
      source: 'self-raised',
      from: 'x',
      restriction: { projects: [(await openProject()).projectId] },
    });
    for (const s of [lighting, otherProject]) {
      const r = await api.call(
        allocateFunds,
        { params: { projectId }, body: { amount: 100_000, sources: [{ sourceId: s.sourceId, amount: 100_000 }] } },
        { as: secretary },
      );
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ code: 'restricted-source', sourceIds: [s.sourceId], errors: [{ pointer: '/sources' }] });
    }
    const pool = await api.call(getPool, { query: { pool: V } }, { as: secretary });
    expect(pool.body.sources.find((x: any) => x.sourceId === lighting.sourceId)!.unallocated).toBe(800_000);
    const p = await api.call(getProject, { params: { projectId } }, { as: secretary });
    expect(p.body.funds).toMatchObject({ allocated: 0, available: 0 });

    // The same money is fine for what it was given for.
    const { projectId: lamps } = await openProject({ category: 'lighting', budget: 10_000_000 });
    await moveAll(lamps, PATH_TO_CONSTRUCTION);
    const ok = await api.call(
      allocateFunds,
      { params: { projectId: lamps }, body: { amount: 100_000, sources: [{ sourceId: lighting.sourceId, amount: 100_000 }] } },
      { as: secretary },
    );
    expect(ok.status).toBe(201);
    expect(ok.body.sources).toEqual([{ sourceId: lighting.sourceId, source: 'department-funds', amount: 100_000 }]);
    const [ev] = await eventuallyOnBus('FundsAllocated', (d) => d.postingId === ok.body.postingId);
    expect(ev.data).toMatchObject({ projectId: lamps, amount: 100_000, pool: V });
  });

  it('never allocates beyond the budget or before approval, and only by the two committees', async () => {
    const { projectId } = await openProject({ budget: 50_000 });
    const s = await receive(V, 200_000, { restriction: { projects: [projectId] } });
    const early = await api.call(
      allocateFunds,
      { params: { projectId }, body: { amount: 10_000, sources: [{ sourceId: s.sourceId, amount: 10_000 }] } },
      { as: secretary },
    );
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('not-spending-stage');
    await moveAll(projectId, PATH_TO_CONSTRUCTION);
    const over = await api.call(
      allocateFunds,
      { params: { projectId }, body: { amount: 50_001, sources: [{ sourceId: s.sourceId, amount: 50_001 }] } },
      { as: secretary },
    );
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'over-budget', room: 50_000 });
    expect((await api.call(allocateFunds, { params: { projectId }, body: { amount: 10_000 } }, { as: supervisor })).status).toBe(403);
    expect(
      (
        await api.call(
          allocateFunds,
          { params: { projectId }, body: { amount: 10_000, sources: [{ sourceId: s.sourceId, amount: 9_000 }] } },
          { as: secretary },
        )
      ).body.code,
    ).toBe('sources-do-not-add-up');
    const twice = await api.call(
      allocateFunds,
      {
        params: { projectId },
        body: {
          amount: 10_000,
          sources: [
            { sourceId: s.sourceId, amount: 5_000 },
            { sourceId: s.sourceId, amount: 5_000 },
          ],
        },
      },
      { as: secretary },
    );
    expect(twice.status).toBe(422);
    expect(twice.body).toMatchObject({ code: 'duplicate-source', errors: [{ pointer: '/sources' }] });
    // Concurrent allocations cannot together pass the budget.
    const all = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.call(
          allocateFunds,
          { params: { projectId }, body: { amount: 10_000, sources: [{ sourceId: s.sourceId, amount: 10_000 }] } },
          { as: secretary },
        ),
      ),
    );
    expect(all.filter((r) => r.status === 201)).toHaveLength(5);
    expect(all.filter((r) => r.status === 409).every((r) => r.body.code === 'over-budget')).toBe(true);
    expect((await api.call(getProject, { params: { projectId } }, { as: secretary })).body.funds.allocated).toBe(50_000);
  });
});

describe('dual control of every disbursement (双签)', () => {
  it('holds on request, needs the committee then the supervision committee — two people — and only then posts', async () => {
    const { projectId, milestone, source } = await fundedProject(1_000_000);
    const d = await api.call(
      requestDisbursement,
      { params: { projectId }, body: requestBody(milestone.milestoneId, 300_000) },
      {
        as: treasurer,
      },
    );
    expect(d.status).toBe(201);
    expect(d.body).toMatchObject({
      status: 'requested',
      requestedBy: treasurer,
      draws: [{ sourceId: source.sourceId, source: 'worthies-donation', amount: 300_000 }],
    });
    const id = d.body.disbursementId;
    const url = (step: string) => `/projects/projects/${projectId}/disbursements/${id}/${step}`;
    let funds = (await api.call(getProject, { params: { projectId } }, { as: secretary })).body.funds;
    expect(funds).toMatchObject({ available: 700_000, held: 300_000, spent: 0 });

    // Countersigning before approval, and a supervision member approving as the committee, are refused.
    expect((await api.post(url('countersign'), {}, { as: supervisor })).body.code).toBe('wrong-status');
    expect((await api.post(url('approve'), {}, { as: supervisor })).status).toBe(403);
    expect((await api.post(url('approve'), {}, { as: api.person(supervisor, [{ role: 'cadre', place: V }]) })).status).toBe(403);
    // Nobody approves their own request.
    const own = await api.post(url('approve'), {}, { as: treasurer });
    expect(own.status).toBe(403);
    expect(own.body.rule).toBe('own-request');
    expect(own.body.reason).toBe('own-request');

    const approved = await api.post(url('approve'), {}, { as: secretary });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: secretary });
    expect((await api.post(url('approve'), {}, { as: cadre3 })).body.code).toBe('wrong-status');
    // The same person twice: the approver cannot countersign, even holding a supervisor grant.
    const twice = await api.post(url('countersign'), {}, { as: api.person(secretary, [{ role: 'supervisor', place: V }]) });
    expect(twice.status).toBe(403);
    // (The approver sits on the two committees, not on the supervision committee: refused for that first.)
    expect(twice.body).toMatchObject({ reason: 'not-supervision-member', requiredBody: 'supervision-committee' });
    // A cadre cannot countersign; another county's supervisor cannot either.
    expect((await api.post(url('countersign'), {}, { as: cadre3 })).status).toBe(403);
    expect((await api.post(url('countersign'), {}, { as: 'p-fengshu-10' })).status).toBe(403);
    funds = (await api.call(getProject, { params: { projectId } }, { as: secretary })).body.funds;
    expect(funds).toMatchObject({ held: 300_000, spent: 0 });

    // Books tampered with: the money this request held is gone from its allocation account. The countersignature
    // is refused and posts nothing; once the books are put right it goes through.
    await moveHeld(projectId, source.sourceId, -300_000);
    const tampered = await api.post(url('countersign'), {}, { as: supervisor });
    expect(tampered.status).toBe(409);
    expect(tampered.body.code).toBe('hold-missing');
    await moveHeld(projectId, source.sourceId, 300_000);

    const signed = await api.post(url('countersign'), {}, { as: supervisor });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'disbursed', approvedBy: secretary, countersignedBy: supervisor });
    expect((await api.post(url('countersign'), {}, { as: supervisor2 })).body.code).toBe('wrong-status');
    funds = (await api.call(getProject, { params: { projectId } }, { as: secretary })).body.funds;
    expect(funds).toMatchObject({ available: 700_000, held: 0, spent: 300_000, allocated: 1_000_000 });

    const [paid] = await eventuallyOnBus('FundsDisbursed', (x) => x.disbursementId === id);
    expect(paid.data).toMatchObject({
      projectId,
      milestoneId: milestone.milestoneId,
      amount: 300_000,
      payee: { kind: 'organisation', name: '七里坪建材店' },
      sources: [{ sourceId: source.sourceId, source: 'worthies-donation', amount: 300_000 }],
      requestedBy: treasurer,
      approvedBy: secretary,
      countersignedBy: supervisor,
    });
    expect(await eventuallyOnBus('DisbursementRequested', (x) => x.disbursementId === id)).toHaveLength(1);
    expect(await eventuallyOnBus('DisbursementApproved', (x) => x.disbursementId === id)).toHaveLength(1);
    expect((await ledgerOk(V)).ok).toBe(true);
  });

  it('lets either control reject; the held money goes back', async () => {
    const { projectId, milestone } = await fundedProject(100_000);
    const d = await api.call(
      requestDisbursement,
      { params: { projectId }, body: requestBody(milestone.milestoneId, 60_000) },
      { as: cadre3 },
    );
    const id = d.body.disbursementId;
    expect(
      (await api.call(requestDisbursement, { params: { projectId }, body: requestBody(milestone.milestoneId, 40_001) }, { as: treasurer }))
        .body,
    ).toMatchObject({
      code: 'insufficient-allocation',
      available: 40_000,
    });
    expect(
      (await api.call(rejectDisbursement, { params: { projectId, disbursementId: id }, body: { reason: '' } }, { as: supervisor })).status,
    ).toBe(422);
    const stranger = await api.call(
      rejectDisbursement,
      { params: { projectId, disbursementId: id }, body: { reason: '无发票' } },
      { as: api.person('p-majiaqiao-07', [{ role: 'supervisor', place: V }]) },
    );
    expect(stranger.status).toBe(403);
    expect(stranger.body.reason).toBe('not-a-controller');
    expect(
      (
        await api.call(
          rejectDisbursement,
          { params: { projectId, disbursementId: id }, body: { reason: '无发票' } },
          { as: 'p-majiaqiao-07' },
        )
      ).status,
    ).toBe(403);
    const r = await api.call(
      rejectDisbursement,
      { params: { projectId, disbursementId: id }, body: { reason: '发票不全' } },
      { as: supervisor },
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'rejected', rejectedBy: supervisor, reason: '发票不全' });
    expect((await api.call(getProject, { params: { projectId } }, { as: secretary })).body.funds).toMatchObject({
      available: 100_000,
      held: 0,
      spent: 0,
    });
    expect(
      (await api.call(approveDisbursement, { params: { projectId, disbursementId: id }, body: {} }, { as: secretary })).body.code,
    ).toBe('wrong-status');
    expect(await eventuallyOnBus('DisbursementRejected', (x) => x.disbursementId === id)).toHaveLength(1);
  });

  it('refuses requests outside the rules: wrong milestone, unknown payee, another county, before approval', async () => {
    const { projectId, milestone } = await fundedProject(50_000);
    expect(
      (await api.call(requestDisbursement, { params: { projectId }, body: requestBody(newId(), 10) }, { as: treasurer })).body.code,
    ).toBe('unknown-milestone');
    expect(
      (
        await api.call(
          requestDisbursement,
          { params: { projectId }, body: requestBody(milestone.milestoneId, 10, { payee: { kind: 'person', person: 'p-nobody' } }) },
          { as: treasurer },
        )
      ).body.code,
    ).toBe('unknown-person');
    expect(
      (
        await api.call(
          requestDisbursement,
          { params: { projectId }, body: requestBody(milestone.milestoneId, 10) },
          { as: fengshuTreasurer },
        )
      ).status,
    ).toBe(403);
    expect(
      (await api.call(requestDisbursement, { params: { projectId }, body: requestBody(milestone.milestoneId, 10) }, { as: supervisor }))
        .status,
    ).toBe(403);
    // raw: invalid input on purpose
    const bad = await api.post(
      `/projects/projects/${projectId}/disbursements`,
      { ...requestBody(milestone.milestoneId, -5), purpose: 'gifts' },
      { as: treasurer },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((e: any) => e.pointer).sort()).toEqual(['/amount', '/purpose']);
    // Wages are only paid against wages due (see the contributions tests for the paid path).
    expect(
      (
        await api.call(
          requestDisbursement,
          {
            params: { projectId },
            body: requestBody(milestone.milestoneId, 10, { purpose: 'wages', payee: { kind: 'person', person: 'p-majiaqiao-07' } }),
          },
          { as: treasurer },
        )
      ).body.code,
    ).toBe('wages-not-due');
  });

  it('closes the books only when every disbursement is settled', async () => {
    const { projectId, milestone } = await fundedProject(10_000);
    const d = await api.call(
      requestDisbursement,
      { params: { projectId }, body: requestBody(milestone.milestoneId, 1_000) },
      { as: treasurer },
    );
    await api.call(completeMilestone, { params: { projectId, milestoneId: milestone.milestoneId }, body: {} }, { as: secretary });
    await move(projectId, 'initial-acceptance', { representatives: ['p-majiaqiao-03'] });
    await move(projectId, 'final-acceptance');
    const refused = await move(projectId, 'final-accounts');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'disbursements-open', held: 1_000 });
    await api.call(approveDisbursement, { params: { projectId, disbursementId: d.body.disbursementId }, body: {} }, { as: secretary });
    await api.call(
      countersignDisbursement,
      { params: { projectId, disbursementId: d.body.disbursementId }, body: {} },
      { as: supervisor2 },
    );
    expect((await move(projectId, 'final-accounts')).status).toBe(200);
    expect(
      (await api.call(requestDisbursement, { params: { projectId }, body: requestBody(milestone.milestoneId, 1_000) }, { as: treasurer }))
        .body.code,
    ).toBe('not-spending-stage');
    // Final acceptance came before the last payment posted: it reported what was spent then.
    const [final] = await eventuallyOnBus('ProjectAccepted', (x) => x.projectId === projectId && x.acceptance === 'final');
    expect(final.data.spent).toBe(0);
    expect((await api.call(getProject, { params: { projectId } }, { as: secretary })).body.funds.spent).toBe(1_000);
  });
});

describe('corrections are reversing postings', () => {
  it('reverses a mistyped receipt once, and refuses to reverse money already used', async () => {
    const wrong = await receive(V, 999_999, { from: '录入错误' });
    const rev = await api.call(
      reversePosting,
      { params: { postingId: wrong.postingId }, body: { pool: V, reason: '金额录入错误' } },
      { as: secretary },
    );
    expect(rev.status).toBe(201);
    expect(rev.body).toMatchObject({ reverses: wrong.postingId, amount: 999_999 });
    expect(
      (await api.call(reversePosting, { params: { postingId: wrong.postingId }, body: { pool: V, reason: '再冲一次' } }, { as: secretary }))
        .body.code,
    ).toBe('already-reversed');
    const pool = await api.call(getPool, { query: { pool: V } }, { as: secretary });
    expect(pool.body.sources.find((s: any) => s.sourceId === wrong.sourceId)).toMatchObject({
      amount: 999_999,
      unallocated: 0,
      reversed: 999_999,
    });
    // The original stays in the journal; the reversal is a new posting.
    const journal = await api.call(listPostings, { query: { pool: V, limit: 200 } }, { as: supervisor });
    expect(journal.body.items.find((p: any) => p.postingId === wrong.postingId)).toBeDefined();
    expect(journal.body.items.find((p: any) => p.postingId === rev.body.reversalId)).toMatchObject({
      kind: 'reversal',
      reverses: wrong.postingId,
    });

    const { projectId, source } = await fundedProject(20_000);
    // Money a household contributed is corrected at the contribution, not by reversing its receipt in the pool.
    const given = await api.call(
      recordContribution,
      { params: { projectId }, body: { household: `${V}/g1/h01`, kind: 'money', amount: 500, contributedOn: await today() } },
      { as: treasurer },
    );
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    const contributed = (await api.call(getPool, { query: { pool: V } }, { as: secretary })).body.sources.find(
      (x) => x.sourceId === given.body.sourceId,
    );
    const notReversible = await api.call(
      reversePosting,
      { params: { postingId: contributed!.postingId }, body: { pool: V, reason: '录错' } },
      { as: secretary },
    );
    expect(notReversible.status).toBe(422);
    expect(notReversible.body.code).toBe('not-reversible');
    const used = await api.call(
      reversePosting,
      { params: { postingId: source.postingId }, body: { pool: V, reason: 'x' } },
      { as: secretary },
    );
    expect(used.status).toBe(409);
    expect(used.body.code).toBe('money-already-used');
    // Undo the allocation first, then the receipt.
    const allocation = journal.body.items.length
      ? (await api.call(listPostings, { query: { pool: V, limit: 200 } }, { as: supervisor })).body.items.find(
          (p) => p.kind === 'allocation' && p.projectId === projectId,
        )
      : undefined;
    expect(
      (
        await api.call(
          reversePosting,
          { params: { postingId: allocation!.postingId }, body: { pool: V, reason: '安排错误' } },
          { as: secretary },
        )
      ).status,
    ).toBe(201);
    expect((await api.call(getProject, { params: { projectId } }, { as: secretary })).body.funds.allocated).toBe(0);
    expect(
      (await api.call(reversePosting, { params: { postingId: source.postingId }, body: { pool: V, reason: '退回' } }, { as: secretary }))
        .status,
    ).toBe(201);
    expect(
      (await api.call(reversePosting, { params: { postingId: source.postingId }, body: { pool: V, reason: 'x' } }, { as: supervisor }))
        .status,
    ).toBe(403);
    expect((await ledgerOk(V)).ok).toBe(true);
  });
});

describe('the public disclosure board (公开)', () => {
  it('shows every project’s stage, budget, sources, schedule, progress, contributions and disbursements, names masked, without a token', async () => {
    const { projectId, milestone } = await fundedProject(500_000, { title: '公开栏测试道路' });
    const d = await api.call(
      requestDisbursement,
      {
        params: { projectId },
        body: requestBody(milestone.milestoneId, 120_000, {
          purpose: 'services',
          payee: { kind: 'person', person: 'p-majiaqiao-07' },
          description: '测量',
        }),
      },
      { as: treasurer },
    );
    await api.call(approveDisbursement, { params: { projectId, disbursementId: d.body.disbursementId }, body: {} }, { as: secretary });
    await api.call(countersignDisbursement, { params: { projectId, disbursementId: d.body.disbursementId }, body: {} }, { as: supervisor });
    const board = await api.call(villageBoard, { query: { village: V } }, { lang: 'zh-CN' });
    expect(board.status).toBe(200);
    expect(board.body.name).toBe('马家桥村');
    const p = board.body.projects.find((x: any) => x.projectId === projectId);
    expect(p).toMatchObject({
      title: '公开栏测试道路',
      stage: 'in-construction',
      stageLabel: '组织实施',
      budget: 10_000_000,
      money: { allocated: 500_000, spent: 120_000 },
    });
    expect(p!.sources).toEqual([
      expect.objectContaining({ source: 'worthies-donation', label: '乡贤捐助', from: '马家桥村乡贤', allocated: 500_000, spent: 120_000 }),
    ]);
    expect(p!.schedule.stages.map((s: any) => s.stage)).toEqual(PATH_TO_CONSTRUCTION);
    expect(p!.schedule.milestones).toEqual([expect.objectContaining({ title: '材料进场', weight: 10, completed: false })]);
    const shown = p!.disbursements[0];
    expect(shown).toMatchObject({
      amount: 120_000,
      purpose: '服务费',
      status: 'disbursed',
      milestone: '材料进场',
      sources: [{ label: '乡贤捐助 · 马家桥村乡贤', amount: 120_000 }],
    });
    // Names masked as public notices mask them; no ids, no full names.
    const full = (id: string) => demoDirectory.person(id)!.name;
    expect(shown!.payee).toMatch(/^.\*+.?$|^.\*$/);
    expect(shown!.payee).not.toBe(full('p-majiaqiao-07'));
    expect(shown!.approvedBy!.startsWith(full(secretary)[0]!)).toBe(true);
    expect(shown!.approvedBy).toContain('*');
    expect(shown!.countersignedBy).toContain('*');
    const text = JSON.stringify(board.body);
    for (const id of [secretary, supervisor, treasurer, 'p-majiaqiao-07']) {
      expect(text).not.toContain(id);
      expect(text).not.toContain(full(id));
    }
    const en = await api.call(villageBoard, { query: { village: V } }, { lang: 'en' });
    expect(en.body.projects.find((x: any) => x.projectId === projectId)!.stageLabel).toBe('In construction');
    expect((await api.call(villageBoard, { query: { village: `${V}-nowhere` } })).status).toBe(404);
  });
});

describe('the ledger after all of the above', () => {
  it('balances, every running balance equals the sum of its entries, nothing negative', async () => {
    const check = await eventually(
      async () => {
        const c = await ledgerOk(V);
        return c.ok ? c : undefined;
      },
      5_000,
      'a balanced ledger',
    );
    expect(check.totalDebits).toBe(check.totalCredits);
    expect(check.mismatches).toEqual([]);
    expect(check.negative).toEqual([]);
  });
});
