import { HelperTeamFormed, SupervisionItemClosed, SupervisionRecorded, type EvidenceRef } from '@cocreate/contracts';
import { type RouteContext, newId, problems } from '@cocreate/kernel';
import {
  type FormTeam,
  type RecordVisit,
  type Team,
  type Visit,
  decideCloseItem,
  decideTeam,
  decideVisit,
  onTeam,
  overdueItems,
} from '../domain/support.ts';
import { teams, visits } from '../repos/support.ts';
import { placeOrThrow, today, verified } from './common.ts';
import { refuse, settled } from './refusals.ts';

/** A helper team for a village, formed by the officials above it. */
export async function formTeam(cmd: FormTeam, ctx: RouteContext) {
  const village = await placeOrThrow(ctx, cmd.village);
  if (village.kind !== 'village' && village.kind !== 'community') throw refuse('not-a-village', {}, '/village');
  settled(decideTeam(cmd), '/members');
  const team: Team = { ...cmd, teamId: newId(), formedOn: today(ctx) };
  teams.create(ctx.tx, team);
  ctx.tx.emit(
    HelperTeamFormed,
    { teamId: team.teamId, village: cmd.village, kind: cmd.kind, name: cmd.name, members: cmd.members },
    { place: cmd.village },
  );
  return team;
}

/** A village's teams, each with who is on it today. */
export async function listTeams(q: { village: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  const page = await teams.of(ctx.table, q.village, q.limit, q.cursor);
  const day = today(ctx);
  return {
    items: page.items.map((t) => ({ ...t, onDuty: onTeam(t, day).map((m) => m.name) })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

export async function recordVisit(cmd: RecordVisit, ctx: RouteContext) {
  await placeOrThrow(ctx, cmd.place);
  const visit = settled(decideVisit(cmd, newId()), '/items');
  visits.write(ctx.tx, visit);
  ctx.tx.emit(
    SupervisionRecorded,
    {
      visitId: visit.visitId,
      place: visit.place,
      visitedOn: visit.visitedOn,
      findings: visit.findings,
      items: visit.items.map(({ no, text, due }) => ({ no, text, due })),
    },
    { place: visit.place },
  );
  return withOverdue(visit, today(ctx));
}

const withOverdue = (visit: Visit, day: string) => ({ ...visit, overdue: overdueItems(visit, day).map((i) => i.no) });

export async function visitOrThrow(ctx: RouteContext, id: string): Promise<Visit> {
  const visit = await ctx.once(`visit:${id}`, () => visits.get(ctx.table, id));
  if (!visit) throw problems.notFound({ zh: '督导记录', en: 'The visit' });
  return visit;
}

/** Closing a rectification item (整改销号) with evidence, by the place's own people or the officials above. */
export async function closeItem(id: string, no: number, cmd: { note: string; evidence: EvidenceRef[] }, ctx: RouteContext) {
  const visit = await visitOrThrow(ctx, id);
  const evidence = await verified(ctx, cmd.evidence, visit.place, '/evidence');
  const day = today(ctx);
  const closed = settled(decideCloseItem(visit, no, { note: cmd.note, evidence }, day));
  visits.write(ctx.tx, closed.visit);
  ctx.tx.emit(
    SupervisionItemClosed,
    { visitId: id, place: visit.place, no, closedOn: day, late: closed.late, evidence },
    { place: visit.place },
  );
  return withOverdue(closed.visit, day);
}

export async function listVisits(q: { place: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  const page = await visits.of(ctx.table, q.place, q.limit, q.cursor);
  const day = today(ctx);
  return { items: page.items.map((v) => withOverdue(v, day)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}
