import { z } from 'zod';
import { ContributionKind, ContributionRecorded, Fen, Id, PlacePath } from '@cocreate/contracts';
import { defineRoute, newId, problems } from '@cocreate/kernel';
import { isWithin } from '@cocreate/places';
import { RecordContribution, type ValuationRefusal, valueContribution } from '../domain/contributions.ts';
import { chinaDate } from '../domain/dates.ts';
import { type ContributionRecord, contributions, rates, wages } from '../store.ts';
import { READERS, countyOf, loadProject, projectPlace } from './common.ts';
import { bookReceipt } from './pools.ts';
import { TotalsView } from './views.ts';

export const ContributionView = z.object({
  contributionId: Id,
  projectId: Id,
  village: PlacePath,
  household: PlacePath,
  person: z.string().optional(),
  kind: ContributionKind,
  value: Fen,
  paid: z.boolean(),
  contributedOn: z.string(),
  hours: z.number().optional(),
  hourlyWage: Fen.optional(),
  quantity: z.number().optional(),
  unit: z.string().optional(),
  unitPrice: Fen.optional(),
  area: z.number().optional(),
  termMonths: z.number().optional(),
  description: z.string().optional(),
  note: z.string().optional(),
  sourceId: z.string().optional(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const recordContribution = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/contributions',
  operationId: 'recordContribution',
  summary: 'Record a household’s money, labour hours, materials, land or idea for a project (出钱出力出物让地出点子)',
  auth: { roles: ['cadre', 'grid-worker', 'treasurer'], place: projectPlace },
  params: z.object({ projectId: Id }),
  body: RecordContribution,
  response: ContributionView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const project = await loadProject(ctx, params.projectId);
    const household = await ctx.register.household(body.household);
    if (!household || !isWithin(body.household, project.village)) {
      throw problems.rule(
        'household-elsewhere',
        { zh: '该户不属于项目所在村。', en: 'The household is not in the project’s village.' },
        {},
        [
          {
            in: 'body',
            pointer: '/household',
            rule: 'village-household',
            message: { zh: `须为 ${project.village} 的住户`, en: `a household of ${project.village}` },
          },
        ],
      );
    }
    if (body.person && !household.members.includes(body.person)) {
      throw problems.rule('not-a-member', { zh: '此人不是该户成员。', en: 'That person is not a member of the household.' }, {}, [
        {
          in: 'body',
          pointer: '/person',
          rule: 'household-member',
          message: { zh: `须为 ${body.household} 的成员`, en: `a member of ${body.household}` },
        },
      ]);
    }
    const today = chinaDate(ctx.now());
    // The rate in force on the work date (one read, only for labour).
    const rate = body.kind === 'labour' ? await rates.on(ctx.table, countyOf(project.village), body.contributedOn) : undefined;
    const valued = valueContribution(body, project.builder, today, () => rate);
    if ('refused' in valued) throw valuationProblem(valued);
    const now = ctx.now().toISOString();
    const contributionId = newId();
    let sourceId: string | undefined;
    if (body.kind === 'money') {
      // 出钱: the money enters the village pool as residents' self-raised money, for this project only.
      sourceId = bookReceipt(ctx.tx, {
        pool: project.village,
        source: 'self-raised',
        from: body.household,
        amount: body.amount,
        restriction: { projects: [project.projectId] },
        receivedAt: now,
        receivedOn: body.contributedOn,
        recordedBy: ctx.actor.sub,
        origin: 'contribution',
        contributionId,
      }).sourceId;
    }
    if (body.kind === 'labour' && valued.paid) wages.accrue(ctx.tx, project.projectId, body.person, valued.value);
    const record: ContributionRecord = {
      contributionId,
      projectId: project.projectId,
      village: project.village,
      household: body.household,
      ...(body.person ? { person: body.person } : {}),
      kind: body.kind,
      value: valued.value,
      paid: valued.paid,
      contributedOn: body.contributedOn,
      ...(valued.hours !== undefined ? { hours: valued.hours, hourlyWage: valued.hourlyWage! } : {}),
      ...(body.kind === 'materials'
        ? { quantity: body.quantity, unit: body.unit, unitPrice: body.unitPrice, description: body.description }
        : {}),
      ...(body.kind === 'land'
        ? { area: body.area, description: body.description, ...(body.termMonths ? { termMonths: body.termMonths } : {}) }
        : {}),
      ...(body.kind === 'ideas' ? { description: body.description } : {}),
      ...(body.note ? { note: body.note } : {}),
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
        household: body.household,
        ...(body.person ? { person: body.person } : {}),
        kind: body.kind,
        value: valued.value,
        ...(valued.hours !== undefined ? { hours: valued.hours } : {}),
        paid: valued.paid,
        contributedOn: body.contributedOn,
      },
      { place: body.household },
    );
    return record;
  },
});

function valuationProblem(r: ValuationRefusal) {
  if (r.refused === 'future-date') {
    return problems.rule(
      'future-date',
      { zh: '不能登记未来日期的贡献。', en: 'Contributions are recorded for days that have happened.' },
      { today: r.today },
      [{ in: 'body', pointer: '/contributedOn', rule: 'not-future', message: { zh: `${r.today} 或之前`, en: `on or before ${r.today}` } }],
    );
  }
  return problems.rule(
    'no-wage-rate',
    { zh: '该日期没有生效的当地工时费标准。', en: 'No local hourly wage was in force on that date.' },
    { date: r.date },
    [
      {
        in: 'body',
        pointer: '/contributedOn',
        rule: 'wage-rate-in-force',
        message: { zh: `本县在 ${r.date} 没有生效的折算标准`, en: `the county has no rate in force on ${r.date}` },
      },
    ],
  );
}

export const listProjectContributions = defineRoute({
  method: 'GET',
  path: '/projects/projects/{projectId}/contributions',
  operationId: 'listProjectContributions',
  summary: 'A project’s contributions with running totals, overall and per household',
  auth: { roles: READERS, place: projectPlace },
  params: z.object({ projectId: Id }),
  response: z.object({
    totals: TotalsView,
    households: z.array(z.object({ household: PlacePath, totals: TotalsView })),
    items: z.array(ContributionView),
    wages: z.array(z.object({ person: z.string(), accrued: Fen, due: Fen, paid: Fen })),
  }),
  handler: async ({ params }, ctx) => {
    const [totals, households, items, owed] = await Promise.all([
      contributions.projectTotals(ctx.table, params.projectId),
      contributions.byHousehold(ctx.table, params.projectId),
      contributions.forProject(ctx.table, params.projectId),
      wages.forProject(ctx.table, params.projectId),
    ]);
    return { totals, households, items, wages: owed.map(({ person, accrued, due, paid }) => ({ person, accrued, due, paid })) };
  },
});

export const householdContributions = defineRoute({
  method: 'GET',
  path: '/projects/households/contributions',
  operationId: 'householdContributions',
  summary: 'A household’s contributions over all projects, with its running totals',
  auth: { roles: READERS, place: ({ query }) => query.household },
  query: z.object({ household: PlacePath }),
  response: z.object({ household: PlacePath, totals: TotalsView, items: z.array(ContributionView) }),
  handler: async ({ query }, ctx) => {
    if (!(await ctx.register.household(query.household))) throw problems.notFound({ zh: '该户', en: 'The household' });
    const [totals, items] = await Promise.all([
      contributions.householdTotals(ctx.table, query.household),
      contributions.forHousehold(ctx.table, query.household),
    ]);
    return { household: query.household, totals, items };
  },
});
