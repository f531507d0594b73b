import * as z from 'zod';
import { once, EvidenceRef, HelperTeamKind, Id, IsoDate, PlacePath } from '@cocreate/contracts';
import { MAX_VISIT_ITEMS } from './limits.ts';
import { type Refused, refused } from './refusals.ts';

/**
 * Help and supervision from above: a helper team per village (帮扶团队, 驻村工作队, 以奖代补项目辅导员) with its members
 * and their terms, and supervision visits (督导) with findings and rectification items, each with a deadline, closed
 * with evidence (整改销号).
 */

const Text = (max: number) => z.string().trim().min(1).max(max);

export const TeamMember = once(() =>
  z.object({
    name: Text(100),
    unit: Text(200),
    duty: Text(200).optional(),
    from: IsoDate,
    until: IsoDate.optional(),
  }),
);

export const FormTeam = once(() =>
  z.object({
    village: PlacePath,
    kind: HelperTeamKind(),
    name: Text(200),
    members: z.array(TeamMember()).min(1).max(50),
  }),
);
export type FormTeam = z.infer<ReturnType<typeof FormTeam>>;

export const Team = once(() => FormTeam().extend({ teamId: Id, formedOn: IsoDate }));
export type Team = z.infer<ReturnType<typeof Team>>;

export const RecordVisit = once(() =>
  z.object({
    place: PlacePath,
    visitedOn: IsoDate,
    by: Text(200),
    findings: z.array(Text(1000)).min(1).max(50),
    items: z.array(z.object({ text: Text(1000), due: IsoDate })).max(MAX_VISIT_ITEMS),
  }),
);
export type RecordVisit = z.infer<ReturnType<typeof RecordVisit>>;

export const VisitItem = once(() =>
  z.object({
    no: z.number().int().positive(),
    text: z.string(),
    due: IsoDate,
    closedOn: IsoDate.optional(),
    note: z.string().optional(),
    evidence: z.array(EvidenceRef).optional(),
  }),
);
export type VisitItem = z.infer<ReturnType<typeof VisitItem>>;

export const Visit = once(() =>
  RecordVisit()
    .omit({ items: true })
    .extend({
      visitId: Id,
      items: z.array(VisitItem()),
      open: z.number().int().nonnegative(),
      revision: z.number().int().positive(),
    }),
);
export type Visit = z.infer<ReturnType<typeof Visit>>;

export function decideTeam(cmd: FormTeam): true | Refused<'term-order'> {
  return cmd.members.every((m) => m.until === undefined || m.until > m.from) ? true : refused('term-order');
}

/** Who is on a team on a day: the members whose term holds then. */
export const onTeam = (team: Pick<Team, 'members'>, day: string) =>
  team.members.filter((m) => m.from <= day && (m.until === undefined || day < m.until));

export function decideVisit(cmd: RecordVisit, visitId: string): Visit | Refused<'item-due-before-visit'> {
  if (cmd.items.some((i) => i.due < cmd.visitedOn)) return refused('item-due-before-visit');
  return {
    visitId,
    place: cmd.place,
    visitedOn: cmd.visitedOn,
    by: cmd.by,
    findings: cmd.findings,
    items: cmd.items.map((i, n) => ({ no: n + 1, text: i.text, due: i.due })),
    open: cmd.items.length,
    revision: 1,
  };
}

/** Closing a rectification item (销号): once, late when closed after its deadline. */
export function decideCloseItem(
  visit: Visit,
  no: number,
  cmd: { note: string; evidence: z.infer<typeof EvidenceRef>[] },
  today: string,
): { visit: Visit; item: VisitItem; late: boolean } | Refused {
  const item = visit.items.find((i) => i.no === no);
  if (!item) return refused('unknown-item');
  if (item.closedOn !== undefined) return refused('item-closed');
  const closed: VisitItem = { ...item, closedOn: today, note: cmd.note, evidence: cmd.evidence };
  return {
    visit: { ...visit, items: visit.items.map((i) => (i.no === no ? closed : i)), open: visit.open - 1, revision: visit.revision + 1 },
    item: closed,
    late: today > item.due,
  };
}

/** The open items past their deadline on a day (China calendar). */
export const overdueItems = (visit: Pick<Visit, 'items'>, today: string) =>
  visit.items.filter((i) => i.closedOn === undefined && today > i.due);
