import { BallotCast } from '@cocreate/contracts';
import { type RouteContext, newId, problems } from '@cocreate/kernel';
import { type Proposal, type StepRecord, checkVotingStep, isElector } from '../domain/proposals.ts';
import {
  type Ballot,
  type Choice,
  type LineVerdict,
  MAX_PROXIES_PER_PERSON,
  type PaperImport,
  type PaperLine,
  type ProxyAuthorisation,
  checkProxy,
  checkProxyRecorder,
  classifyPaperLines,
  emptyTally,
} from '../domain/votes.ts';
import { type StepRef, ballots } from '../repos/ballots.ts';
import { proposals } from '../repos/proposals.ts';
import {
  type ParsedSheet,
  type RowProblem,
  MAX_CSV_BALLOTS,
  PAPER_CSV_COLUMNS,
  judgeSheet,
  paperCsvTemplate,
  parsePaperCsv,
  sameFile,
} from '../domain/paper-csv.ts';
import { callerHolds, peopleById, refuse, refuseFields, settled } from './common.ts';
import { proposalOrThrow } from './proposals.ts';

/** The proposal and its open step, when `step` is the one voting now; otherwise the refusal. */
async function openStepOf(ctx: RouteContext, proposalId: string, step: number): Promise<{ p: Proposal; s: StepRecord }> {
  const p = (await proposalOrThrow(ctx, proposalId)).value;
  settled(checkVotingStep(p, step));
  const s = await proposals.step(ctx.table, proposalId, p.round, p.step);
  if (!s || s.status !== 'open') throw refuse('voting-closed');
  return { p, s };
}

export interface BallotView extends Ballot {
  proposalId: string;
  round: number;
  step: number;
  body: string;
}

/**
 * 投票: a member of the voting body casts their own ballot online, or an authorised proxy casts it for them. A voter
 * counts once across all channels: the ballot record is created only if none exists, in the same transaction as the
 * tally increment. That conditional create is the check, and its failure is the refusal: nothing is read to find
 * out whether the voter voted, before or after (how the counted ballot came in is on the step's ballots list).
 */
export async function castBallot(
  cmd: { proposalId: string; step: number; choice: Choice; onBehalfOf?: string | undefined },
  ctx: RouteContext,
): Promise<BallotView> {
  const { p, s } = await openStepOf(ctx, cmd.proposalId, cmd.step);
  const caller = ctx.actor.sub;
  const proxying = cmd.onBehalfOf !== undefined && cmd.onBehalfOf !== caller;
  const voter = proxying ? cmd.onBehalfOf! : caller;
  const authorisation = proxying ? await ballots.proxy(ctx.table, p, voter) : undefined;
  if (proxying && (!authorisation || authorisation.proxy !== caller)) throw refuse('no-proxy-authorisation', { voter });
  if (!isElector(s, voter)) throw refuse('not-a-member', { body: s.body });
  const ballot: Ballot = {
    voter,
    choice: cmd.choice,
    channel: proxying ? 'proxy' : 'online',
    castBy: caller,
    castAt: ctx.now().toISOString(),
    ...(authorisation ? { authorisationId: authorisation.authorisationId } : {}),
  };
  ballots.count(ctx.tx, p, ballot, refuse('already-voted', { voter }), refuse('voting-closed'));
  ctx.tx.emit(
    BallotCast,
    { proposalId: p.proposalId, village: p.village, body: s.body, step: s.step, voter, channel: ballot.channel },
    { place: p.village },
  );
  return { proposalId: p.proposalId, round: p.round, step: s.step, body: s.body, ...ballot };
}

/** 委托投票: a voter authorises someone of the village to vote for them at one step (委托书). */
export async function authoriseProxy(
  cmd: { proposalId: string; step: number; principal: string; proxy: string; evidence?: { key: string } | undefined },
  ctx: RouteContext,
): Promise<ProxyAuthorisation> {
  const { p, s } = await openStepOf(ctx, cmd.proposalId, cmd.step);
  settled(
    checkProxyRecorder({ principal: ctx.actor.sub === cmd.principal, cadre: callerHolds(ctx, 'cadre', p.village) }, !!cmd.evidence),
    '/evidence',
  );
  const evidence = cmd.evidence ? await ctx.evidence.verify(cmd.evidence, p.village, '/evidence') : undefined;
  const [held, proxy] = await Promise.all([ballots.proxiesHeld(ctx.table, p, cmd.proxy), ctx.register.person(cmd.proxy)]);
  settled(
    checkProxy(
      cmd.principal,
      cmd.proxy,
      p.village,
      (person) => isElector(s, person),
      (person) => (person === proxy?.id ? proxy.village : undefined),
      held,
    ),
  );
  const a: ProxyAuthorisation = {
    authorisationId: newId(),
    proposalId: p.proposalId,
    round: p.round,
    step: p.step,
    principal: cmd.principal,
    proxy: cmd.proxy,
    ...(evidence ? { evidence } : {}),
    grantedBy: ctx.actor.sub,
    grantedAt: ctx.now().toISOString(),
  };
  // A principal who voted already cannot authorise anyone: their ballot's absence is a condition of this write.
  ballots.notVoted(ctx.tx, p, cmd.principal, refuse('already-voted', { voter: cmd.principal }));
  ballots.authoriseProxy(
    ctx.tx,
    a,
    MAX_PROXIES_PER_PERSON,
    refuse('proxy-already-authorised'),
    refuse('proxy-limit-reached', { limit: MAX_PROXIES_PER_PERSON }),
  );
  return a;
}

/** Lines of a sheet committed together: each line is a ballot and an event, plus one tally increment per chunk. */
const LINES_PER_UNIT = 40;

/** How often a chunk is recomputed after losing a race (a voter casting a ballot meanwhile) before giving up. */
const CHUNK_ATTEMPTS = 10;

/**
 * 纸质计票单导入: a cadre imports a paper tally sheet for the current step, with the sheet's scan as evidence. Every
 * line gets a verdict — counted, already counted by this same sheet (a re-import), or refused with the reason (not a
 * member, twice on the sheet, already voted by another channel, voting closed). Lines are committed in chunks; a
 * chunk that loses a race is recomputed from fresh reads, so a voter who cast a ballot meanwhile is reported as
 * refused, never dropped, and a vote closed meanwhile refuses the chunk's lines.
 */
export async function importPaperBallots(
  cmd: { proposalId: string; step: number; batchRef: string; scan: { key: string }; lines: PaperLine[] },
  ctx: RouteContext,
) {
  const { p, s } = await openStepOf(ctx, cmd.proposalId, cmd.step);
  const scan = await ctx.evidence.verify(cmd.scan, p.village, '/scan');
  const prior = await ballots.paper(ctx.table, p, cmd.batchRef);
  if (prior && prior.scan.key !== scan.key) throw refuse('paper-sheet-conflict', { batchRef: cmd.batchRef });
  const isMember = (v: string) => isElector(s, v);
  const existing = await ballots.ofVoters(ctx.table, p, [...new Set(cmd.lines.map((l) => l.voter))].filter(isMember));
  const verdicts = classifyPaperLines(cmd.lines, cmd.batchRef, isMember, (v) => existing.get(v));
  const byLine = new Map(verdicts.map((v, i) => [i, v]));
  const toCount = verdicts.map((v, i) => ({ v, i })).filter(({ v }) => v.verdict === 'accepted');
  const castBy = ctx.actor.sub;

  for (let c = 0; c < toCount.length; c += LINES_PER_UNIT) {
    const chunk = toCount.slice(c, c + LINES_PER_UNIT);
    let outcome: Map<number, LineVerdict> = new Map();
    for (let attempt = 0; ; attempt++) {
      if (attempt === CHUNK_ATTEMPTS) throw problems.unavailable();
      const result = await ctx.tryUnit(async (tx) => {
        // Fresh reads on every attempt: a recomputation sees the ballot or the close that made the last one lose.
        const [fresh, step] = await Promise.all([
          ballots.ofVoters(
            ctx.table,
            p,
            chunk.map(({ v }) => v.voter),
          ),
          proposals.step(ctx.table, p.proposalId, p.round, p.step),
        ]);
        if (step?.status !== 'open') {
          outcome = new Map(chunk.map(({ v, i }) => [i, { ...v, verdict: 'refused' as const, reason: 'voting-closed' as const }]));
          return;
        }
        outcome = new Map();
        const counted: Ballot[] = [];
        const deltas = emptyTally();
        for (const { v, i } of chunk) {
          const again = classifyPaperLines([v], cmd.batchRef, isMember, (voter) => fresh.get(voter))[0]!;
          outcome.set(i, again);
          if (again.verdict !== 'accepted') continue;
          counted.push({
            voter: v.voter,
            choice: v.choice,
            channel: 'paper',
            castBy,
            castAt: ctx.now().toISOString(),
            batchRef: cmd.batchRef,
            line: v.line,
          });
          deltas[v.choice] += 1;
          deltas.cast += 1;
          tx.emit(
            BallotCast,
            { proposalId: p.proposalId, village: p.village, body: s.body, step: s.step, voter: v.voter, channel: 'paper' },
            { place: p.village },
          );
        }
        ballots.countMany(tx, p, counted, deltas, 'retry', 'retry');
      });
      if (result !== 'lost') break;
    }
    for (const [i, v] of outcome) byLine.set(i, v);
  }

  const lines = [...byLine.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
  const count = (verdict: LineVerdict['verdict']) => lines.filter((l) => l.verdict === verdict).length;
  const result = {
    batchRef: cmd.batchRef,
    accepted: count('accepted'),
    alreadyCounted: count('already-counted'),
    refused: count('refused'),
    lines,
  };
  ballots.savePaper(ctx.tx, {
    proposalId: p.proposalId,
    round: p.round,
    step: p.step,
    batchRef: cmd.batchRef,
    scan,
    importedBy: castBy,
    importedAt: ctx.now().toISOString(),
    accepted: result.accepted + result.alreadyCounted,
    refused: result.refused,
    lines,
  });
  return result;
}

/**
 * Who voted and how. Participation is public to the village; choices of a secret ballot only to the supervision
 * committee (监委会). Voters' names are masked as on a public notice.
 */
export async function listBallots(
  proposalId: string,
  query: { round?: number | undefined; step?: number | undefined; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
) {
  const p = (await proposalOrThrow(ctx, proposalId)).value;
  const round = query.round ?? p.round;
  const step = query.step ?? p.step;
  const body = p.chain[step]?.body;
  if (!body) throw problems.notFound({ zh: '表决环节', en: 'The step' });
  const visible = !p.secret || callerHolds(ctx, 'supervisor', p.village);
  if (p.secret && visible) ctx.log.info('secret ballot choices read', { proposalId: p.proposalId, round, step, by: ctx.actor.sub });
  const page = await ballots.page(ctx.table, { proposalId: p.proposalId, round, step }, query);
  const people = await peopleById(
    ctx,
    page.items.map((b) => b.voter),
  );
  return {
    secret: p.secret,
    choicesVisible: visible,
    items: page.items.map(({ choice, ...b }) => {
      const name = people.get(b.voter)?.name;
      return { proposalId: p.proposalId, round, step, body, ...b, ...(visible ? { choice } : {}), ...(name ? { voterName: name } : {}) };
    }),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

/* 纸质选票 CSV — a step's paper ballots as one file, checked whole, counted all-or-nothing ------------------------- */

/** Claims per unit (with the step's open check), and confirmations per unit (each with its BallotCast). */
const CLAIMS_PER_UNIT = 95;
const CONFIRMS_PER_UNIT = 45;

const chunked = <T>(xs: readonly T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Every problem of a parsed file, judged on the register, the step's electorate and the ballots counted now. */
async function judgeFile(ctx: RouteContext, p: Proposal, s: StepRecord, sheet: ParsedSheet, batchRef: string): Promise<RowProblem[]> {
  const voters = [...new Set(sheet.ballots.map((b) => b.voter))];
  const eligible = voters.filter((v) => isElector(s, v));
  const [known, counted] = await Promise.all([
    peopleById(
      ctx,
      voters.filter((v) => !isElector(s, v)),
    ),
    ballots.ofVoters(ctx.table, p, eligible),
  ]);
  return judgeSheet(sheet, {
    known: (v) => isElector(s, v) || known.has(v),
    eligible: (v) => isElector(s, v),
    voted: (v) => {
      const b = counted.get(v) as (Ballot & { pending?: boolean }) | undefined;
      if (!b || (b.pending && b.batchRef === batchRef)) return undefined;
      return { channel: b.channel, ...(b.batchRef ? { batchRef: b.batchRef } : {}) };
    },
  });
}

function invalidFile(batchRef: string, found: readonly RowProblem[]) {
  return refuseFields(
    'paper-sheet-invalid',
    found.map((x) => ({
      in: 'body' as const,
      pointer: '/csv',
      rule: x.code,
      message: x.row ? { zh: `第 ${x.row} 行：${x.message.zh}`, en: `Row ${x.row}: ${x.message.en}` } : x.message,
    })),
    { batchRef, problems: [...found] },
  );
}

/** Gives back the claims of a file that will not be counted; a claim already gone stays gone. */
async function releaseClaims(ctx: RouteContext, p: Proposal, claimed: readonly Ballot[], batchRef: string): Promise<void> {
  for (const chunk of chunked(claimed, CLAIMS_PER_UNIT)) {
    for (let attempt = 0; attempt < CHUNK_ATTEMPTS; attempt++) {
      if ((await ctx.tryUnit(async (tx) => chunk.forEach((b) => ballots.release(tx, p, b.voter, batchRef)))) !== 'lost') break;
    }
  }
}

/** The file's template for the current step: the header and a row per member of the body, choices blank. */
export async function paperCsvTemplateOf(proposalId: string, query: { step: number }, ctx: RouteContext) {
  const { p, s } = await openStepOf(ctx, proposalId, query.step);
  const people = await peopleById(ctx, s.members);
  return {
    filename: `纸质选票-${p.proposalId}-第${s.step + 1}环节.csv`,
    contentType: 'text/csv; charset=utf-8',
    columns: PAPER_CSV_COLUMNS.map((c) => ({ ...c })),
    maxBallots: MAX_CSV_BALLOTS,
    csv: paperCsvTemplate(s.members.map((id) => ({ id, name: people.get(id)?.name }))),
  };
}

/** A recorded sheet's lines as the count point kept them. */
type SheetLine = { row: number; line: number; voter: string; choice: Choice };

/** Voters of a counted sheet whose claim is still pending (not yet their counted ballot, no BallotCast yet). */
async function pendingOf(ctx: RouteContext, ref: StepRef, batchRef: string, voters: readonly string[]): Promise<string[]> {
  const read = await ballots.ofVoters(ctx.table, ref, voters);
  return voters.filter((v) => {
    const b = read.get(v) as (Ballot & { pending?: boolean }) | undefined;
    return b?.pending === true && b.batchRef === batchRef;
  });
}

/** How far a counted sheet's count got: ballots confirmed (each with its BallotCast) and claims still pending. */
async function countProgress(ctx: RouteContext, recorded: PaperImport): Promise<{ counted: number; pending: number }> {
  const voters = (recorded.lines as SheetLine[]).map((l) => l.voter);
  const pending = (await pendingOf(ctx, recorded, recorded.batchRef, voters)).length;
  return { counted: voters.length - pending, pending };
}

/**
 * The claims of a counted file become ballots, each with its BallotCast, in units of CONFIRMS_PER_UNIT. A claim is
 * confirmed only while it is pending, so a unit racing another confirmer of the same file (a resumed upload beside
 * the first) loses instead of casting twice, and is recomputed from fresh reads: what the other confirmed is skipped.
 * Returns how many this call confirmed.
 */
async function confirmClaims(
  ctx: RouteContext,
  ref: StepRef & { village: string },
  s: { body: string; step: number },
  batchRef: string,
  voters: readonly string[],
): Promise<number> {
  let confirmed = 0;
  for (const chunk of chunked(voters, CONFIRMS_PER_UNIT)) {
    let todo: readonly string[] = chunk;
    for (let attempt = 0; todo.length; attempt++) {
      if (attempt === CHUNK_ATTEMPTS) throw problems.unavailable();
      const r = await ctx.tryUnit(async (tx) => {
        for (const voter of todo) {
          ballots.confirm(tx, ref, voter, batchRef);
          tx.emit(
            BallotCast,
            { proposalId: ref.proposalId, village: ref.village, body: s.body, step: s.step, voter, channel: 'paper' },
            { place: ref.village },
          );
        }
      });
      if (r !== 'lost') {
        confirmed += todo.length;
        break;
      }
      todo = await pendingOf(ctx, ref, batchRef, chunk);
    }
  }
  return confirmed;
}

/** Finishes the count of a file past its count point: confirms what is still pending; the report says how many. */
async function finishCount<R extends { counted: number; pending: number; resumed: number }>(
  ctx: RouteContext,
  p: Proposal,
  recorded: PaperImport,
  report: R,
): Promise<R> {
  const ref = { proposalId: p.proposalId, village: p.village, round: recorded.round, step: recorded.step };
  const step = await proposals.step(ctx.table, p.proposalId, recorded.round, recorded.step);
  if (!step) throw problems.notFound({ zh: '表决环节', en: 'The step' });
  const voters = (recorded.lines as SheetLine[]).map((l) => l.voter);
  const resumed = await confirmClaims(ctx, ref, step, recorded.batchRef, await pendingOf(ctx, ref, recorded.batchRef, voters));
  return { ...report, valid: true, counted: voters.length, pending: 0, resumed };
}

/**
 * The progress of a step's CSV upload: counted (ballots confirmed, each with its BallotCast) and pending (claims an
 * interrupted upload left; uploading the same file again finishes them).
 */
export async function paperCsvStatus(proposalId: string, query: { step: number; batchRef: string }, ctx: RouteContext) {
  const p = (await proposalOrThrow(ctx, proposalId)).value;
  const recorded = await ballots.paper(ctx.table, { proposalId: p.proposalId, round: p.round, step: query.step }, query.batchRef);
  if (!recorded) throw problems.notFound({ zh: '计票单', en: 'The paper sheet' });
  const progress = await countProgress(ctx, recorded);
  return {
    batchRef: recorded.batchRef,
    round: recorded.round,
    step: recorded.step,
    ballots: recorded.lines.length,
    ...progress,
    complete: progress.pending === 0,
    importedBy: recorded.importedBy,
    importedAt: recorded.importedAt,
  };
}

/**
 * 纸质选票 CSV 上传: a cadre uploads a step's paper ballots as a CSV file, with the paper sheet's scan. The whole file
 * is checked first and every problem listed with its row (unknown voter, not eligible, twice in the file, already
 * voted, a choice or line that cannot be read); a dry run only reports. Otherwise the file is counted all-or-nothing:
 * each voter's ballot is claimed (the record's conditional create, pending), then one unit adds the whole file to the
 * tally and records the sheet — the point where the file counts — and the claims become counted ballots, each with
 * its BallotCast. A claim that loses (the voter voted meanwhile) or a vote closed meanwhile gives every claim back and
 * refuses the file with the fresh report: nothing of it was counted.
 */
export async function uploadPaperCsv(
  cmd: { proposalId: string; step: number; batchRef: string; scan: { key: string }; csv: string; dryRun: boolean },
  ctx: RouteContext,
) {
  const sheet = parsePaperCsv(cmd.csv);
  // A sheet of this reference reached its count point already: the same file finishes its count (an upload cut off
  // while its claims were becoming ballots); another file is refused. Checked before the step's vote is: a vote
  // closed since still has this file in its tally, and its ballots still owe their confirmation.
  const proposal = (await proposalOrThrow(ctx, cmd.proposalId)).value;
  const recorded = await ballots.paper(ctx.table, { proposalId: proposal.proposalId, round: proposal.round, step: cmd.step }, cmd.batchRef);
  if (recorded) {
    if (!sameFile(recorded.lines, sheet)) throw refuse('paper-sheet-exists', { batchRef: cmd.batchRef });
    const base = { batchRef: cmd.batchRef, dryRun: cmd.dryRun, ballots: sheet.ballots.length, skipped: sheet.skipped.length };
    const report = { ...base, valid: true, counted: 0, pending: 0, resumed: 0, problems: [] };
    if (cmd.dryRun) return { ...report, ...(await countProgress(ctx, recorded)) };
    return finishCount(ctx, proposal, recorded, report);
  }
  const { p, s } = await openStepOf(ctx, cmd.proposalId, cmd.step);
  const found = await judgeFile(ctx, p, s, sheet, cmd.batchRef);
  const report = {
    batchRef: cmd.batchRef,
    dryRun: cmd.dryRun,
    ballots: sheet.ballots.length,
    skipped: sheet.skipped.length,
    valid: found.length === 0,
    counted: 0,
    pending: 0,
    resumed: 0,
    problems: found,
  };
  if (cmd.dryRun) return report;
  if (found.length) throw invalidFile(cmd.batchRef, found);
  const scan = await ctx.evidence.verify(cmd.scan, p.village, '/scan');

  const castBy = ctx.actor.sub;
  const castAt = ctx.now().toISOString();
  const counted = sheet.ballots.map((b): Ballot & { batchRef: string } => ({
    voter: b.voter,
    choice: b.choice,
    channel: 'paper',
    castBy,
    castAt,
    batchRef: cmd.batchRef,
    line: b.line,
  }));
  const claimed: Ballot[] = [];
  let lost = false;
  for (const chunk of chunked(counted, CLAIMS_PER_UNIT)) {
    const r = await ctx.tryUnit(async (tx) => {
      ballots.stepOpen(tx, p, 'retry');
      for (const b of chunk) ballots.claim(tx, p, b, 'retry');
    });
    if (r === 'lost') {
      lost = true;
      break;
    }
    claimed.push(...chunk);
  }
  if (!lost) {
    const deltas = emptyTally();
    for (const b of counted) {
      deltas[b.choice] += 1;
      deltas.cast += 1;
    }
    const lines = sheet.ballots.map((b) => ({ row: b.row, line: b.line, voter: b.voter, choice: b.choice, verdict: 'accepted' as const }));
    const r = await ctx.tryUnit(async (tx) => {
      ballots.addToTally(tx, p, deltas, 'retry');
      ballots.createPaper(
        tx,
        {
          proposalId: p.proposalId,
          round: p.round,
          step: p.step,
          batchRef: cmd.batchRef,
          scan,
          importedBy: castBy,
          importedAt: castAt,
          accepted: counted.length,
          refused: 0,
          lines,
        },
        'retry',
      );
    });
    lost = r === 'lost';
  }
  if (lost) {
    // The same file uploaded at once by another request that reached the count point first: its claims are this
    // file's claims — finish them rather than give them back.
    const winner = await ballots.paper(ctx.table, p, cmd.batchRef);
    if (winner && sameFile(winner.lines, sheet)) return finishCount(ctx, p, winner, report);
    await releaseClaims(ctx, p, claimed, cmd.batchRef);
    const now = await proposals.step(ctx.table, p.proposalId, p.round, p.step);
    if (now?.status !== 'open') throw refuse('voting-closed');
    if (await ballots.paper(ctx.table, p, cmd.batchRef)) throw refuse('paper-sheet-exists', { batchRef: cmd.batchRef });
    const fresh = await judgeFile(ctx, p, s, sheet, cmd.batchRef);
    if (fresh.length) throw invalidFile(cmd.batchRef, fresh);
    throw problems.unavailable();
  }
  // Counted: the claims become ballots. Nothing else writes a claimed record, so these units only wait for their turn.
  await confirmClaims(
    ctx,
    p,
    s,
    cmd.batchRef,
    counted.map((b) => b.voter),
  );
  return { ...report, counted: counted.length, pending: 0, resumed: 0 };
}
