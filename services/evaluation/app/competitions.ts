import { AwardGranted, CompetitionDecided, ReviewSubmitted } from '@cocreate/contracts';
import { type RouteContext, newId } from '@cocreate/kernel';
import { type Register, chinaDay, isWithin } from '@cocreate/places';
import {
  type Competition,
  type CompetitionKind,
  type JuryScore,
  KIND_DEFAULTS,
  type Nomination,
  type Nominee,
  type Standing,
  conflictOfInterest,
  decidedWinners,
  inStatus,
  nomineeKey,
  rank,
  startJudging as startJudgingOf,
  winners,
} from '../domain/competition.ts';
import { type LocalText, scoreResponse, validateScores } from '../domain/scheme.ts';
import { templateById, templateSnapshot } from '../domain/templates.ts';
import { competitions } from '../repos/competitions.ts';
import { notFound } from './common.ts';
import { refuse, ruleAt, ruleErrors, settled } from './refusals.ts';
import { chosenScheme, resolveScheme } from './schemes.ts';

/** The competition a request names, read once for the route's place check and its handler. */
export const competitionOf = (ctx: RouteContext, competitionId: string) =>
  ctx.once(`competition:${competitionId}`, () => competitions.get(ctx.table, competitionId));

/**
 * Where a nominee lives — a household's path, a person's household, a village's path — with its village and, for a
 * household, its head (who receives a household's award). Undefined if the register does not know the nominee.
 */
interface NomineeHome {
  place: string;
  village: string;
  head?: string;
}

async function nomineeHome(register: Register, n: Nominee): Promise<NomineeHome | undefined> {
  if (n.kind === 'household') {
    const h = await register.household(n.id);
    return h && { place: h.path, village: h.village, head: h.head };
  }
  if (n.kind === 'person') {
    const p = await register.person(n.id);
    return p && { place: p.household, village: p.village };
  }
  const p = await register.place(n.id);
  return p && (p.kind === 'village' || p.kind === 'community') ? { place: p.path, village: p.path } : undefined;
}

/** A request's nominee, looked up once for the route's place check and its handler. */
export const nomineeHomeOf = (ctx: RouteContext, n: Nominee) => ctx.once(`nominee:${nomineeKey(n)}`, () => nomineeHome(ctx.register, n));

/**
 * Public labels of nominees: household path with the head's masked name, a person's masked name, or the village's
 * name. Everything the labels need is read up front, in two rounds: households, then people and villages.
 */
async function labelsOf(register: Register, nominees: readonly Nominee[]): Promise<(n: Nominee) => string> {
  const ids = (kind: Nominee['kind']) => [...new Set(nominees.filter((n) => n.kind === kind).map((n) => n.id))];
  const householdIds = ids('household');
  const households = await Promise.all(householdIds.map((id) => register.household(id)));
  const heads = new Map(householdIds.flatMap((id, i) => (households[i] ? [[id, households[i].head] as const] : [])));
  const personIds = [...new Set([...heads.values(), ...ids('person')])];
  const villageIds = ids('village');
  const [people, villages] = await Promise.all([
    Promise.all(personIds.map((id) => register.person(id))),
    Promise.all(villageIds.map((id) => register.place(id))),
  ]);
  const names = new Map(personIds.map((id, i) => [id, people[i]?.name]));
  const villageNames = new Map(villageIds.map((id, i) => [id, villages[i]?.name.zh]));
  return (n) => {
    if (n.kind === 'household') {
      const head = names.get(heads.get(n.id) ?? '');
      return head ? `${n.id.split('/').slice(-2).join('/')} ${head}` : n.id;
    }
    if (n.kind === 'person') return names.get(n.id) ?? n.id;
    return villageNames.get(n.id) ?? n.id;
  };
}

function standingsView(label: (n: Nominee) => string, c: Pick<Competition, 'awards' | 'minScore'>, standings: readonly Standing[]) {
  const won = new Set(winners(standings, c.awards, c.minScore).map((s) => nomineeKey(s.nominee)));
  return standings.map((s) => ({
    rank: s.rank,
    nominee: s.nominee,
    label: label(s.nominee),
    score: s.score.round(2),
    jurors: s.jurors,
    winner: won.has(nomineeKey(s.nominee)),
  }));
}

async function standingsOf(ctx: RouteContext, c: Competition) {
  const [noms, scores] = await Promise.all([
    competitions.nominations(ctx.table, c.competitionId),
    competitions.scores(ctx.table, c.competitionId),
  ]);
  const byNominee = new Map<string, JuryScore[]>();
  for (const s of scores) byNominee.set(nomineeKey(s.nominee), [...(byNominee.get(nomineeKey(s.nominee)) ?? []), s]);
  const entries = noms.map((n) => ({
    nominee: n.nominee,
    nominatedAt: n.nominatedAt,
    scores: (byNominee.get(nomineeKey(n.nominee)) ?? []).map((s) => s.scores),
  }));
  return { noms, standings: rank(c.scheme.criteria, entries, c.minJurors) };
}

export interface CreateCompetition {
  place: string;
  kind: CompetitionKind;
  title: LocalText;
  period?: string | undefined;
  schemeId?: string | undefined;
  jury?: string[] | undefined;
  awards: number;
  minScore?: number | undefined;
  minJurors: number;
}

/** A competition (最美庭院, 五星级文明户 …) or a periodic household sanitation rating. */
export async function createCompetition(cmd: CreateCompetition, ctx: RouteContext): Promise<Competition> {
  const rating = cmd.kind === 'sanitation-rating';
  // The rating group sitting on the day the competition is created is its jury for good (recorded below).
  const [place, village, ratingGroup] = await Promise.all([
    ctx.register.place(cmd.place),
    rating ? ctx.register.villageOf(cmd.place) : undefined,
    rating && !cmd.jury ? ctx.register.body(cmd.place, 'sanitation-rating-group', chinaDay(ctx.now())) : undefined,
  ]);
  if (!place) throw ruleAt('unknown-place', '/place', 'place', { zh: '地点数据中没有这个地点', en: 'not in the places data' });
  if (rating && village?.path !== cmd.place) {
    throw ruleAt('rating-per-village', '/place', 'village', { zh: '须为村或社区', en: 'a village or community' });
  }
  const jury = cmd.jury ?? ratingGroup?.members ?? [];
  if (!jury.length) throw ruleAt('jury-required', '/jury', 'required', { zh: '至少一名评委', en: 'at least one juror' });
  const scheme = await chosenScheme(ctx.table, cmd.schemeId, cmd.place, () =>
    rating ? resolveScheme(ctx.table, cmd.place, 'sanitation-rating') : templateSnapshot(templateById(KIND_DEFAULTS[cmd.kind].template)!),
  );
  const competition: Competition = {
    competitionId: newId(),
    place: cmd.place,
    kind: cmd.kind,
    title: cmd.title,
    ...(cmd.period ? { period: cmd.period } : {}),
    nomineeKind: KIND_DEFAULTS[cmd.kind].nominee,
    openNominees: rating,
    scheme,
    jury: [...new Set(jury)],
    awards: cmd.awards,
    ...(cmd.minScore !== undefined ? { minScore: cmd.minScore } : {}),
    minJurors: cmd.minJurors,
    status: rating ? 'judging' : 'nominating',
    nominations: 0,
    scores: 0,
    createdBy: ctx.actor.sub,
    createdAt: ctx.now().toISOString(),
  };
  competitions.put(ctx.tx, competition, undefined, 'retry');
  return competition;
}

/**
 * The public face of competitions (张榜公布; issue 16 item 8): a person id would be personal data where a province's
 * issuer uses a phone or ID number as `sub`, so jurors and winners are shown by masked name and an opaque ref (a
 * juror's place on the jury, `j1`…; a winner's award id), a person nominee by its nomination's id, and who organised
 * it not at all. Households, villages and scores stay as they are.
 */
async function publicCompetitions(register: Register, list: readonly Competition[], nominationOf: (n: Nominee) => string | undefined) {
  const ids = [...new Set(list.flatMap((c) => [...c.jury, ...(c.winners ?? []).flatMap((w) => (w.person ? [w.person] : []))]))];
  const people = await Promise.all(ids.map((id) => register.person(id)));
  const name = new Map(ids.map((id, i) => [id, people[i]?.name ?? '*']));
  return list.map(({ jury, createdBy: _organiser, winners: won, ...c }) => ({
    ...c,
    jury: jury.map((id, i) => ({ ref: `j${i + 1}`, name: name.get(id)! })),
    ...(won
      ? {
          winners: won.map(({ person, ...w }) => ({
            ...w,
            nominee: publicNominee(w.nominee, nominationOf(w.nominee) ?? w.awardId),
            ...(person ? { name: name.get(person)! } : {}),
          })),
        }
      : {}),
  }));
}

/** A nominee as the public sees it: a person by an opaque id, a household or village by its path. */
const publicNominee = (n: Nominee, opaque: string): Nominee => (n.kind === 'person' ? { kind: 'person', id: opaque } : n);

export async function listCompetitions(query: { place: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  const page = await competitions.listAt(ctx.table, query.place, query);
  return { ...page, items: await publicCompetitions(ctx.register, page.items, () => undefined) };
}

/** A competition with its nominees (masked names); once decided, the ranking and winners (张榜公布). */
export async function getCompetition(competitionId: string, ctx: RouteContext) {
  const found = await competitions.get(ctx.table, competitionId);
  if (!found) throw notFound.competition();
  const c = found.value;
  const { noms, standings } = await standingsOf(ctx, c);
  // Standings rank the nominations, so the nominations' labels cover them.
  const label = await labelsOf(
    ctx.register,
    noms.map((n) => n.nominee),
  );
  const nominationOf = new Map(noms.map((n) => [nomineeKey(n.nominee), n.nominationId]));
  const opaque = (n: Nominee) => nominationOf.get(nomineeKey(n));
  const [shown] = await publicCompetitions(ctx.register, [c], opaque);
  return {
    ...shown!,
    nominees: noms.map((n) => ({ nominee: publicNominee(n.nominee, n.nominationId), label: label(n.nominee), nominatedAt: n.nominatedAt })),
    ...(c.status === 'decided'
      ? { standings: standingsView(label, c, standings).map((s) => ({ ...s, nominee: publicNominee(s.nominee, opaque(s.nominee) ?? '') })) }
      : {}),
  };
}

/** A nomination of a household, person or village within the competition's place. */
export async function nominate(cmd: { competitionId: string; nominee: Nominee; reason?: string | undefined }, ctx: RouteContext) {
  const c = (await competitionOf(ctx, cmd.competitionId))!.value;
  settled(inStatus(c, 'nominating'));
  const home = (await nomineeHomeOf(ctx, cmd.nominee))!;
  if (cmd.nominee.kind !== c.nomineeKind || !isWithin(home.place, c.place)) {
    throw ruleAt('nominee-not-eligible', '/nominee', 'eligible', {
      zh: `须为 ${c.place} 内的${c.nomineeKind}`,
      en: `a ${c.nomineeKind} within ${c.place}`,
    });
  }
  const n: Nomination = {
    nominationId: newId(),
    nominee: cmd.nominee,
    village: home.village,
    nominatedBy: ctx.actor.sub,
    ...(cmd.reason ? { reason: cmd.reason } : {}),
    nominatedAt: ctx.now().toISOString(),
  };
  competitions.nominate(ctx.tx, c.competitionId, nomineeKey(cmd.nominee), n, refuse('already-nominated'));
  competitions.touch(ctx.tx, c.competitionId, 'nominating', 'nominations', 'retry');
  return { nominationId: n.nominationId, nominee: n.nominee, village: n.village, nominatedAt: n.nominatedAt };
}

/** Closes nominations and lets the jury score. */
export async function startJudging(competitionId: string, ctx: RouteContext): Promise<Competition> {
  const { value, version } = (await competitionOf(ctx, competitionId))!;
  const next = settled(startJudgingOf(value));
  competitions.put(ctx.tx, next, version, 'retry');
  return next;
}

/** A juror scores one nominee on the competition's scheme (once; never their own household, self or village). */
export async function scoreNominee(cmd: { competitionId: string; nominee: Nominee; scores: Record<string, number> }, ctx: RouteContext) {
  const found = await competitionOf(ctx, cmd.competitionId);
  if (!found) throw notFound.competition();
  const c = found.value;
  const juror = ctx.identity!.sub;
  if (!c.jury.includes(juror)) throw refuse('not-a-juror');
  settled(inStatus(c, 'judging'));
  const key = nomineeKey(cmd.nominee);
  const [existing, person] = await Promise.all([competitions.nomination(ctx.table, c.competitionId, key), ctx.register.person(juror)]);
  let nomination = existing;
  const now = ctx.now().toISOString();
  if (!nomination) {
    const home = c.openNominees ? await nomineeHome(ctx.register, cmd.nominee) : undefined;
    const open = c.openNominees && cmd.nominee.kind === c.nomineeKind && home !== undefined && isWithin(home.place, c.place);
    if (!open) {
      throw ruleAt('not-nominated', '/nominee', 'nominated', { zh: '不是本次评比的候选', en: 'not a nominee of this competition' });
    }
    // A rating scores any household of the village: its first score enters it.
    nomination = { nominationId: newId(), nominee: cmd.nominee, village: home.village, nominatedBy: juror, nominatedAt: now };
    competitions.nominate(ctx.tx, c.competitionId, key, nomination, 'retry');
  }
  if (conflictOfInterest(cmd.nominee, { id: juror, household: person?.household, village: person?.village })) {
    throw refuse('conflict-of-interest');
  }
  const errors = validateScores(c.scheme.criteria, cmd.scores);
  if (errors.length) throw ruleErrors('invalid-scores', errors);
  const score: JuryScore = {
    nominee: cmd.nominee,
    juror,
    scores: cmd.scores,
    overall: scoreResponse(c.scheme.criteria, cmd.scores).overall.round(2),
    scoredAt: now,
  };
  competitions.score(ctx.tx, c.competitionId, key, score, refuse('already-scored'));
  competitions.touch(ctx.tx, c.competitionId, 'judging', 'scores', 'retry');
  ctx.tx.emit(
    ReviewSubmitted,
    {
      reviewId: c.competitionId,
      responseId: newId(),
      village: nomination.village,
      purpose: c.kind === 'sanitation-rating' ? 'sanitation-rating' : 'competition',
      reviewer: juror,
      ...(person?.household ? { household: person.household } : {}),
    },
    { place: nomination.village },
  );
  return { nominee: cmd.nominee, overall: score.overall, scoredAt: now };
}

/** Ranks the nominees and grants the awards (AwardGranted for each winner); the ranking is published. */
export async function decideCompetition(competitionId: string, ctx: RouteContext) {
  const { value: c, version } = (await competitionOf(ctx, competitionId))!;
  settled(inStatus(c, 'judging'));
  const { standings } = await standingsOf(ctx, c);
  const won = settled(decidedWinners(c, standings));
  const title = `${c.title.zh} / ${c.title.en}`;
  const [homes, label] = await Promise.all([
    Promise.all(won.map((s) => nomineeHome(ctx.register, s.nominee))),
    labelsOf(
      ctx.register,
      standings.map((s) => s.nominee),
    ),
  ]);
  const granted = won.map((s, i) => {
    const home = homes[i]!;
    const household = s.nominee.kind === 'household' ? s.nominee.id : s.nominee.kind === 'person' ? home.place : undefined;
    const person = s.nominee.kind === 'person' ? s.nominee.id : home.head;
    return {
      awardId: newId(),
      nominee: s.nominee,
      rank: s.rank,
      score: s.score.round(2),
      village: home.village,
      ...(person ? { person } : {}),
      ...(household ? { household } : {}),
    };
  });
  const decided: Competition = { ...c, status: 'decided', decidedAt: ctx.now().toISOString(), winners: granted };
  competitions.put(ctx.tx, decided, version, 'retry');
  for (const w of granted) {
    ctx.tx.emit(
      AwardGranted,
      {
        awardId: w.awardId,
        competitionId: c.competitionId,
        village: w.village,
        title,
        winner: w.nominee,
        ...(w.person ? { person: w.person } : {}),
        ...(w.household ? { household: w.household } : {}),
        rank: w.rank,
      },
      { place: w.village },
    );
  }
  ctx.tx.emit(
    CompetitionDecided,
    {
      competitionId: c.competitionId,
      place: c.place,
      kind: c.kind,
      title,
      ...(c.period ? { period: c.period } : {}),
      ranked: standings.length,
      winners: granted.length,
    },
    { place: c.place },
  );
  return { ...decided, standings: standingsView(label, c, standings) };
}
