import { ContributionRecorded } from '@cocreate/contracts';
import { type RouteContext, newId, problems } from '@cocreate/kernel';
import { isWithin } from '@cocreate/places';
import {
  type ContributionRecord,
  type RecordContribution,
  type Totals,
  type WagesPayable,
  valueContribution,
} from '../domain/contributions.ts';
import { contributions, wages } from '../repos/contributions.ts';
import { rates } from '../repos/rates.ts';
import { loadProject, refuse, settled, today } from './common.ts';
import { countyOf } from '@cocreate/places';
import { bookReceipt } from './pools.ts';

/** Records a household's money, labour hours, materials, land or idea for a project (出钱出力出物让地出点子). */
export async function recordContribution(cmd: RecordContribution & { projectId: string }, ctx: RouteContext): Promise<ContributionRecord> {
  const project = await loadProject(ctx, cmd.projectId);
  const household = await ctx.register.household(cmd.household);
  if (!household || !isWithin(cmd.household, project.village)) throw refuse('household-elsewhere', {}, '/household');
  if (cmd.person && !household.members.includes(cmd.person)) throw refuse('not-a-member', {}, '/person');
  // The rate in force on the work date (one read, only for labour).
  const county = cmd.kind === 'labour' ? await countyOf(ctx.register, project.village) : undefined;
  const rate = county ? await rates.on(ctx.table, county, cmd.contributedOn) : undefined;
  const valued = settled(
    valueContribution(cmd, project.builder, today(ctx), () => rate),
    '/contributedOn',
  );
  const now = ctx.now().toISOString();
  const contributionId = newId();
  let sourceId: string | undefined;
  if (cmd.kind === 'money') {
    // 出钱: the money enters the village pool as residents' self-raised money, for this project only.
    sourceId = bookReceipt(ctx.tx, {
      pool: project.village,
      source: 'self-raised',
      from: cmd.household,
      amount: cmd.amount,
      restriction: { projects: [project.projectId] },
      receivedAt: now,
      receivedOn: cmd.contributedOn,
      recordedBy: ctx.actor.sub,
      origin: 'contribution',
      contributionId,
    }).sourceId;
  }
  if (cmd.kind === 'labour' && valued.paid) wages.accrue(ctx.tx, project.projectId, cmd.person, valued.value);
  const record: ContributionRecord = {
    contributionId,
    projectId: project.projectId,
    village: project.village,
    household: cmd.household,
    ...(cmd.person ? { person: cmd.person } : {}),
    kind: cmd.kind,
    value: valued.value,
    paid: valued.paid,
    contributedOn: cmd.contributedOn,
    ...(valued.hours !== undefined ? { hours: valued.hours, hourlyWage: valued.hourlyWage! } : {}),
    ...(cmd.kind === 'materials' ? { quantity: cmd.quantity, unit: cmd.unit, unitPrice: cmd.unitPrice, description: cmd.description } : {}),
    ...(cmd.kind === 'land'
      ? { area: cmd.area, description: cmd.description, ...(cmd.termMonths ? { termMonths: cmd.termMonths } : {}) }
      : {}),
    ...(cmd.kind === 'ideas' ? { description: cmd.description } : {}),
    ...(cmd.note ? { note: cmd.note } : {}),
    ...(sourceId ? { sourceId } : {}),
    recordedBy: ctx.actor.sub,
    recordedAt: now,
  };
  contributions.record(ctx.tx, record);
  ctx.tx.emit(
    ContributionRecorded,
    {
      contributionId,
      projectId: project.projectId,
      village: project.village,
      household: cmd.household,
      ...(cmd.person ? { person: cmd.person } : {}),
      kind: cmd.kind,
      value: valued.value,
      ...(valued.hours !== undefined ? { hours: valued.hours } : {}),
      paid: valued.paid,
      contributedOn: cmd.contributedOn,
    },
    { place: cmd.household },
  );
  return record;
}

/** A project's contributions with running totals, overall and per household, and the wages owed on it. */
export async function projectContributions(projectId: string, ctx: RouteContext) {
  const [totals, households, items, owed] = await Promise.all([
    contributions.projectTotals(ctx.table, projectId),
    contributions.byHousehold(ctx.table, projectId),
    contributions.forProject(ctx.table, projectId),
    wages.forProject(ctx.table, projectId),
  ]);
  return {
    totals,
    households,
    items,
    wages: owed.map(({ person, accrued, due, paid }: WagesPayable) => ({ person, accrued, due, paid })),
  };
}

/** A household's contributions over all projects, with its running totals. */
export async function householdContributions(
  household: string,
  ctx: RouteContext,
): Promise<{ household: string; totals: Totals; items: ContributionRecord[] }> {
  if (!(await ctx.register.household(household))) throw problems.notFound({ zh: '该户', en: 'The household' });
  const [totals, items] = await Promise.all([
    contributions.householdTotals(ctx.table, household),
    contributions.forHousehold(ctx.table, household),
  ]);
  return { household, totals, items };
}
