import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { PATH_TO_CONSTRUCTION, addDays, api, eventuallyOnBus, ledgerOk, moveAll, openProject, today } from './helpers.ts';
import type { RouteBody } from '@cocreate/local/testing';
import { addMilestone } from '../handlers/milestones.ts';
import { allocateFunds, recordReceipt } from '../handlers/pools.ts';
import { approveDisbursement, countersignDisbursement, requestDisbursement } from '../handlers/disbursements.ts';
import { householdContributions, listProjectContributions, recordContribution } from '../handlers/contributions.ts';
import { listWageRates, setWageRate } from '../handlers/rates.ts';

/**
 * Contributions in 枫树村 (麻城, another county than the other tests' 马家桥村), so this file owns that county's
 * wage rates: labour is valued at the rate in force on its work date.
 */
const F = demo.fengshu;
const secretary = 'p-fengshu-01';
const treasurer = 'p-fengshu-02';
const supervisor = 'p-fengshu-10';
const grid = 'p-fengshu-grid';
const macheng = api.official('c-macheng-housing', 'county-official', demo.macheng);
const hongan = api.official('c-hongan-housing', 'county-official', demo.hongan);
const h3 = `${F}/g1/h03`;
const h5 = `${F}/g1/h05`;

const record = (projectId: string, body: RouteBody<typeof recordContribution>, as = secretary) =>
  api.call(recordContribution, { params: { projectId }, body }, { as });
const setRate = (effectiveFrom: string, hourlyWage: number, as: any = macheng) =>
  api.call(setWageRate, { body: { county: demo.macheng, effectiveFrom, hourlyWage, reason: '县人社局工资标准' } }, { as });

async function openHere(plan: Record<string, unknown> = {}) {
  const opened = await openProject({ budget: 5_000_000, beneficiaries: [h3, h5], place: F, ...plan }, { village: F });
  await moveAll(opened.projectId, PATH_TO_CONSTRUCTION, secretary);
  return opened;
}

describe('labour valued at the county’s hourly wage in force on the work date (当地工时费)', () => {
  it('uses each date’s rate, pays it as wages on a cooperative-built project, and disburses the wages like any spend', async () => {
    const t = await today();
    // Only the county sets rates, only from today on, and a rate in force is fixed.
    expect((await setRate(t, 2000, hongan)).status).toBe(403);
    expect((await setRate(t, 2000, treasurer)).status).toBe(403);
    expect((await setRate(addDays(t, -1), 2000)).body.code).toBe('backdated');
    const r1 = await setRate(t, 2000);
    expect(r1.status).toBe(201);
    expect((await setRate(t, 2100)).body.code).toBe('rate-in-force');
    expect((await setRate(addDays(t, 2), 2500)).status).toBe(201);
    const replaced = await setRate(addDays(t, 2), 2600); // not yet in force: may still be corrected
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ hourlyWage: 2600, version: 2 });
    expect(
      (
        await api.call(
          setWageRate,
          { body: { county: F, effectiveFrom: t, hourlyWage: 1, reason: '试' } },
          { as: api.official('c2', 'county-official', F) },
        )
      ).body.code,
    ).toBe('not-a-county');
    const [set] = await eventuallyOnBus('WageRateSet', (d) => d.county === demo.macheng && d.effectiveFrom === t);
    expect(set.data.hourlyWage).toBe(2000);

    const { projectId } = await openHere({ builder: 'cooperative', title: '合作社修渠' });
    const worker = 'p-fengshu-03';
    const day1 = await record(projectId, { kind: 'labour', household: h3, person: worker, hours: 8, contributedOn: t });
    expect(day1.status).toBe(201);
    expect(day1.body).toMatchObject({ kind: 'labour', hours: 8, hourlyWage: 2000, value: 16_000, paid: true });
    expect(
      (await record(projectId, { kind: 'labour', household: h3, person: worker, hours: 8, contributedOn: addDays(t, 2) })).body.code,
    ).toBe('future-date');
    expect(
      (await record(projectId, { kind: 'labour', household: h3, person: worker, hours: 8, contributedOn: addDays(t, -1) })).body.code,
    ).toBe('no-wage-rate');

    // Two days on, the day before the new rate still uses the old one; the day itself uses the new one.
    expect((await api.post('/_local/clock', { advance: 'P2D' })).status).toBe(200);
    const day2 = await record(projectId, { kind: 'labour', household: h3, person: worker, hours: 7.5, contributedOn: addDays(t, 1) }, grid);
    expect(day2.body).toMatchObject({ hourlyWage: 2000, value: 15_000 });
    const day3 = await record(projectId, { kind: 'labour', household: h3, person: worker, hours: 8, contributedOn: addDays(t, 2) });
    expect(day3.body).toMatchObject({ hourlyWage: 2600, value: 20_800 });
    const rates = await api.call(listWageRates, { query: { county: demo.macheng } }, { as: secretary });
    expect(rates.body.inForce).toMatchObject({ effectiveFrom: addDays(t, 2), hourlyWage: 2600 });
    const [ev] = await eventuallyOnBus('ContributionRecorded', (d) => d.contributionId === day3.body.contributionId);
    expect(ev.data).toMatchObject({
      projectId,
      household: h3,
      person: worker,
      kind: 'labour',
      value: 20_800,
      hours: 8,
      paid: true,
      contributedOn: addDays(t, 2),
    });

    // The wages payable are disbursed like any spend: allocated money, a request, approval and countersignature.
    const due = 16_000 + 15_000 + 20_800;
    const list = await api.call(listProjectContributions, { params: { projectId } }, { as: secretary });
    expect(list.body.wages).toEqual([{ person: worker, accrued: due, due, paid: 0 }]);
    expect(list.body.totals).toMatchObject({ count: 3, labour: due, wagesValue: due, inKindValue: 0, hours: 23.5 });
    const src = await api.call(
      recordReceipt,
      { body: { pool: F, source: 'township-subsidy', amount: 100_000, from: '龟山镇', restriction: { projects: [projectId] } } },
      { as: treasurer },
    );
    await api.call(
      allocateFunds,
      { params: { projectId }, body: { amount: 100_000, sources: [{ sourceId: src.body.sourceId, amount: 100_000 }] } },
      { as: secretary },
    );
    const milestone = (await api.call(addMilestone, { params: { projectId }, body: { title: '渠道开挖', weight: 1 } }, { as: secretary }))
      .body;
    const wages = (amount: number): RouteBody<typeof requestDisbursement> => ({
      milestoneId: milestone.milestoneId,
      amount,
      purpose: 'wages',
      payee: { kind: 'person', person: worker },
      description: '务工工资',
    });
    const tooMuch = await api.call(requestDisbursement, { params: { projectId }, body: wages(due + 1) }, { as: treasurer });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'wages-not-due', due });
    const toOrg = await api.call(
      requestDisbursement,
      { params: { projectId }, body: { ...wages(100), payee: { kind: 'organisation', name: '合作社' } } },
      { as: treasurer },
    );
    expect(toOrg.body.code).toBe('wages-to-a-person');
    const req = await api.call(requestDisbursement, { params: { projectId }, body: wages(due) }, { as: treasurer });
    expect(req.status).toBe(201);
    expect((await api.call(requestDisbursement, { params: { projectId }, body: wages(1) }, { as: treasurer })).body).toMatchObject({
      code: 'wages-not-due',
      due: 0,
    });
    await api.call(approveDisbursement, { params: { projectId, disbursementId: req.body.disbursementId }, body: {} }, { as: secretary });
    expect(
      (
        await api.call(
          countersignDisbursement,
          { params: { projectId, disbursementId: req.body.disbursementId }, body: {} },
          { as: supervisor },
        )
      ).status,
    ).toBe(200);
    const after = await api.call(listProjectContributions, { params: { projectId } }, { as: secretary });
    expect(after.body.wages).toEqual([{ person: worker, accrued: due, due: 0, paid: due }]);
    const [paid] = await eventuallyOnBus('FundsDisbursed', (d) => d.disbursementId === req.body.disbursementId);
    expect(paid.data).toMatchObject({ purpose: 'wages', amount: due, payee: { kind: 'person', person: worker } });
    expect((await ledgerOk(F, supervisor)).ok).toBe(true);
  });

  it('counts labour on a volunteer project as an in-kind contribution at the same value', async () => {
    const { projectId } = await openHere({ builder: 'residents', title: '房前屋后小菜园' });
    const t = await today();
    const r = await record(projectId, { kind: 'labour', household: h5, person: 'p-fengshu-05', hours: 4, contributedOn: t });
    expect(r.status).toBe(201);
    expect(r.body.paid).toBe(false);
    expect(r.body.value).toBe(4 * r.body.hourlyWage!);
    const list = await api.call(listProjectContributions, { params: { projectId } }, { as: secretary });
    expect(list.body.wages).toEqual([]);
    expect(list.body.totals).toMatchObject({ labour: r.body.value, inKindValue: r.body.value, wagesValue: 0 });
  });
});

describe('money, materials, land and ideas (出钱出物让地出点子)', () => {
  it('values each kind, puts money into the pool for this project only, and keeps running totals per household and project', async () => {
    const t = await today();
    const { projectId } = await openHere({ title: '村口小广场', category: 'public-space' });
    const { projectId: other } = await openHere({ title: '另一个项目' });

    const money = await record(
      projectId,
      { kind: 'money', household: h3, person: 'p-fengshu-03', amount: 50_000, contributedOn: t },
      treasurer,
    );
    expect(money.status).toBe(201);
    expect(money.body).toMatchObject({ value: 50_000, paid: false });
    const [received] = await eventuallyOnBus('FundsReceived', (d) => d.entryId === money.body.sourceId);
    expect(received.data).toMatchObject({
      pool: F,
      source: 'self-raised',
      amount: 50_000,
      from: h3,
      restriction: { projects: [projectId] },
    });
    // Residents' money for this project is not for another (用途不变).
    const misuse = await api.call(
      allocateFunds,
      { params: { projectId: other }, body: { amount: 10_000, sources: [{ sourceId: money.body.sourceId!, amount: 10_000 }] } },
      { as: secretary },
    );
    expect(misuse.body.code).toBe('restricted-source');
    expect(
      (
        await api.call(
          allocateFunds,
          { params: { projectId }, body: { amount: 50_000, sources: [{ sourceId: money.body.sourceId!, amount: 50_000 }] } },
          { as: secretary },
        )
      ).status,
    ).toBe(201);

    const materials = await record(projectId, {
      kind: 'materials',
      household: h3,
      contributedOn: t,
      description: '红砖',
      quantity: 2.5,
      unit: '千块',
      unitPrice: 45_001,
    });
    expect(materials.body).toMatchObject({ value: 112_503, quantity: 2.5, unit: '千块' }); // 112502.5 → 112503
    const land = await record(projectId, {
      kind: 'land',
      household: h5,
      contributedOn: t,
      description: '让出菜地 30 平方米',
      area: 30,
      termMonths: 120,
    });
    expect(land.body).toMatchObject({ value: 0, area: 30, termMonths: 120 });
    const idea = await record(projectId, {
      kind: 'ideas',
      household: h5,
      person: 'p-fengshu-05-1',
      contributedOn: t,
      description: '广场边加一排石凳',
    });
    expect(idea.body).toMatchObject({ value: 0, kind: 'ideas' });
    await record(other, { kind: 'money', household: h3, amount: 7_000, contributedOn: t }, treasurer);

    const list = await api.call(listProjectContributions, { params: { projectId } }, { as: 'p-fengshu-07' });
    expect(list.body.totals).toMatchObject({
      count: 4,
      value: 162_503,
      money: 50_000,
      materials: 112_503,
      land: 0,
      ideas: 0,
      landArea: 30,
      moneyCount: 1,
      ideasCount: 1,
      landCount: 1,
    });
    expect(Object.fromEntries(list.body.households.map((h: any) => [h.household, h.totals.value]))).toEqual({ [h3]: 162_503, [h5]: 0 });
    const household = await api.call(householdContributions, { query: { household: h3 } }, { as: 'p-fengshu-03' });
    expect(household.status).toBe(200);
    expect(household.body.totals).toMatchObject({ money: 57_000, materials: 112_503 });
    expect(household.body.items.filter((i: any) => i.projectId === other)).toHaveLength(1);
    expect((await api.call(householdContributions, { query: { household: h3 } }, { as: 'p-majiaqiao-03' })).status).toBe(403);
  });

  it('keeps the running totals exact under concurrent recording', async () => {
    const t = await today();
    const { projectId } = await openHere({ title: '并发出钱' });
    const h7 = `${F}/g2/h07`;
    const before = (await api.call(householdContributions, { query: { household: h7 } }, { as: secretary })).body.totals;
    const all = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        record(projectId, { kind: 'money', household: h7, amount: 100 + i, contributedOn: t }, treasurer),
      ),
    );
    expect(all.every((r) => r.status === 201)).toBe(true);
    const sum = Array.from({ length: 20 }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);
    const list = await api.call(listProjectContributions, { params: { projectId } }, { as: secretary });
    expect(list.body.totals).toMatchObject({ count: 20, money: sum, value: sum });
    const afterH = (await api.call(householdContributions, { query: { household: h7 } }, { as: secretary })).body.totals;
    expect(afterH.money - before.money).toBe(sum);
    expect((await ledgerOk(F, supervisor)).ok).toBe(true);
  });

  it('refuses households of another village, strangers to the household, and recorders without the role', async () => {
    const t = await today();
    const { projectId } = await openHere();
    const elsewhere = await record(projectId, { kind: 'ideas', household: `${demo.majiaqiao}/g1/h03`, contributedOn: t, description: 'x' });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body).toMatchObject({ code: 'household-elsewhere', errors: [{ pointer: '/household' }] });
    expect(
      (await record(projectId, { kind: 'ideas', household: h3, person: 'p-fengshu-05', contributedOn: t, description: 'x' })).body.code,
    ).toBe('not-a-member');
    expect((await record(projectId, { kind: 'ideas', household: h3, contributedOn: t, description: 'x' }, 'p-fengshu-07')).status).toBe(
      403,
    );
    expect((await record(projectId, { kind: 'ideas', household: h3, contributedOn: t, description: 'x' }, 'p-majiaqiao-01')).status).toBe(
      403,
    );
    // raw: invalid input on purpose
    const bad = await api.post(
      `/projects/projects/${projectId}/contributions`,
      { kind: 'labour', household: h3, hours: 30, contributedOn: 'yesterday' },
      { as: secretary },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((e: any) => e.pointer).sort()).toEqual(['/contributedOn', '/hours', '/person']);
  });
});
