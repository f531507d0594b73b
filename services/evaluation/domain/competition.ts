import * as z from 'zod';
import { once, PlacePath, type Refused, refused } from '@cocreate/contracts';
import { Ratio } from './ratio.ts';
import { LocalText, SchemeSnapshot, type Criterion, type Scores, scoreResponse } from './scheme.ts';

/**
 * Competitions (评比) and periodic household ratings: 最美庭院, 五星级文明户, model community, 市民满意改造工程, and the
 * regular household sanitation rating (卫生评比). Nominations come in, a jury scores each nominee on the scheme, the
 * organiser decides: nominees are ranked by their mean weighted score and the winners each get an AwardGranted,
 * which the rewards service turns into points.
 *
 *   nominating --start judging--> judging --decide--> decided
 * A sanitation rating starts in judging and needs no nominations: the jury (by default the village's sanitation-rating
 * group, 卫生评比工作组) scores any household of the village directly.
 */
export const CompetitionKind = once(() =>
  z.enum([
    'courtyard', // 最美庭院
    'five-star-household', // 五星级文明户
    'model-community', // 典范社区 / 示范村
    'satisfied-project', // 市民满意改造工程 (the nominee is the village that built it)
    'sanitation-rating', // 农户环境卫生评比
    'other',
  ]),
);
export type CompetitionKind = z.infer<ReturnType<typeof CompetitionKind>>;

export const NomineeKind = once(() => z.enum(['household', 'person', 'village']));
export type NomineeKind = z.infer<ReturnType<typeof NomineeKind>>;

export const Nominee = once(() => z.object({ kind: NomineeKind(), id: z.string().min(1).max(256) }));
export type Nominee = z.infer<ReturnType<typeof Nominee>>;

export const CompetitionStatus = once(() => z.enum(['nominating', 'judging', 'decided']));

/** Defaults per kind: who can be nominated and which template scores them. */
export const KIND_DEFAULTS: Record<CompetitionKind, { nominee: NomineeKind; template: string }> = {
  courtyard: { nominee: 'household', template: 'tpl-courtyard' },
  'five-star-household': { nominee: 'household', template: 'tpl-five-star-household' },
  'model-community': { nominee: 'village', template: 'tpl-social-housing-six-standards' },
  'satisfied-project': { nominee: 'village', template: 'tpl-project-satisfaction' },
  'sanitation-rating': { nominee: 'household', template: 'tpl-household-sanitation' },
  other: { nominee: 'household', template: 'tpl-courtyard' },
};

export const MAX_AWARDS = 30;
/** A decision commits every AwardGranted in one transaction (100 writes); ties could otherwise overflow it. */
export const MAX_WINNERS = 90;

export const Winner = once(() =>
  z.object({
    awardId: z.string(),
    nominee: Nominee(),
    rank: z.number().int().positive(),
    score: z.number(),
    person: z.string().optional(),
    household: z.string().optional(),
    village: z.string(),
  }),
);

export const Competition = once(() =>
  z.object({
    competitionId: z.string(),
    place: PlacePath,
    kind: CompetitionKind(),
    title: LocalText(),
    period: z.string().optional(),
    nomineeKind: NomineeKind(),
    openNominees: z.boolean(),
    scheme: SchemeSnapshot(),
    jury: z.array(z.string()),
    awards: z.number().int().positive(),
    minScore: z.number().optional(),
    status: CompetitionStatus(),
    nominations: z.number().int().nonnegative(),
    scores: z.number().int().nonnegative(),
    minJurors: z.number().int().positive(),
    createdBy: z.string(),
    createdAt: z.string(),
    decidedAt: z.string().optional(),
    winners: z.array(Winner()).optional(),
  }),
);
export type Competition = z.infer<ReturnType<typeof Competition>>;

export const nomineeKey = (n: Nominee): string => `${n.kind}:${n.id}`;

export interface Entry {
  nominee: Nominee;
  nominatedAt: string;
  scores: Scores[];
}

export interface Standing {
  nominee: Nominee;
  jurors: number;
  score: Ratio;
  rank: number;
}

/**
 * Ranks nominees by the mean of their jurors' weighted scores (exact). Nominees scored by fewer than `minJurors` are
 * left out. Equal scores share a rank (1, 2, 2, 4); among equals the earlier nomination is listed first.
 */
export function rank(criteria: readonly Criterion[], entries: readonly Entry[], minJurors = 1): Standing[] {
  const scored = entries
    .filter((e) => e.scores.length >= Math.max(1, minJurors))
    .map((e) => ({
      nominee: e.nominee,
      nominatedAt: e.nominatedAt,
      jurors: e.scores.length,
      score: Ratio.sum(e.scores.map((s) => scoreResponse(criteria, s).overall)).div(Ratio.of(e.scores.length)),
    }))
    .sort(
      (a, b) =>
        b.score.cmp(a.score) || a.nominatedAt.localeCompare(b.nominatedAt) || nomineeKey(a.nominee).localeCompare(nomineeKey(b.nominee)),
    );
  let previous: Ratio | undefined;
  let currentRank = 0;
  return scored.map((s, i) => {
    if (!previous || s.score.cmp(previous) !== 0) currentRank = i + 1;
    previous = s.score;
    return { nominee: s.nominee, jurors: s.jurors, score: s.score, rank: currentRank };
  });
}

/** Winners: ranked within the number of awards and, when the competition sets one, at or above its minimum score. */
export function winners(standings: readonly Standing[], awards: number, minScore?: number): Standing[] {
  const floor = minScore === undefined ? undefined : Ratio.of(Math.round(minScore * 100), 100);
  return standings.filter((s) => s.rank <= awards && (!floor || !s.score.lt(floor)));
}

/**
 * A juror may not score their own household, themself, or their own village (回避). Returns true when the juror
 * has such a conflict of interest.
 */
export function conflictOfInterest(
  nominee: Nominee,
  juror: { id: string; household?: string | undefined; village?: string | undefined },
): boolean {
  if (nominee.kind === 'person') return nominee.id === juror.id;
  if (nominee.kind === 'household') return nominee.id === juror.household;
  return nominee.id === juror.village;
}

export interface Nomination {
  nominationId: string;
  nominee: Nominee;
  village: string;
  nominatedBy: string;
  reason?: string | undefined;
  nominatedAt: string;
}

/** One juror's score of one nominee. */
export interface JuryScore {
  nominee: Nominee;
  juror: string;
  scores: Record<string, number>;
  overall: number;
  scoredAt: string;
}

/** A step of the competition that needs it in `status` (409 `wrong-status` naming the current one otherwise). */
export function inStatus(c: Pick<Competition, 'status'>, status: Competition['status']): true | Refused<'wrong-status'> {
  return c.status === status ? true : refused('wrong-status', { current: c.status });
}

/** Closing nominations: only while nominating, and only once someone is nominated. */
export function startJudging<C extends Competition>(c: C): C | Refused<'wrong-status' | 'no-nominations'> {
  const ok = inStatus(c, 'nominating');
  if (ok !== true) return ok;
  if (c.nominations === 0) return refused('no-nominations');
  return { ...c, status: 'judging' };
}

/** The winners a decision grants: every award commits in one transaction, so ties may not push them past MAX_WINNERS. */
export function decidedWinners(
  c: Pick<Competition, 'status' | 'awards' | 'minScore'>,
  standings: readonly Standing[],
): Standing[] | Refused<'wrong-status' | 'too-many-tied-winners'> {
  const ok = inStatus(c, 'judging');
  if (ok !== true) return ok;
  const won = winners(standings, c.awards, c.minScore);
  return won.length > MAX_WINNERS ? refused('too-many-tied-winners') : won;
}
