import * as z from 'zod';
import { once, type BallotChannel, PersonId, type Refused, refused } from '@cocreate/contracts';
import type { StepRule } from './chains.ts';
import { type ShareCheck, check } from './shares.ts';

/** 赞成 / 反对 / 弃权. */
export const Choice = once(() => z.enum(['yes', 'no', 'abstain']));
export type Choice = z.infer<ReturnType<typeof Choice>>;

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  cast: number;
}

export const emptyTally = (): Tally => ({ yes: 0, no: 0, abstain: 0, cast: 0 });

/** Sums the shards of a running tally (a fixed number of items, so a read costs the same at 10 or 10,000 votes). */
export function sumTallies(parts: readonly Readonly<Record<string, unknown>>[]): Tally {
  const t = emptyTally();
  for (const p of parts) {
    t.yes += count(p.yes);
    t.no += count(p.no);
    t.abstain += count(p.abstain);
    t.cast += count(p.cast);
  }
  return t;
}

function count(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

export type FailReason = 'quorum-not-met' | 'threshold-not-met';

export interface Resolution {
  passed: boolean;
  reason?: FailReason;
  members: number;
  tally: Tally;
  quorum: ShareCheck;
  passing: ShareCheck;
}

/**
 * How a body resolved: quorum first (the members present — the meeting's sign-in — as a share of members; without a
 * sign-in, the ballots cast, abstentions included), then the passing rule (yes votes as a share of ballots cast or of
 * all members). A tie never passes a "more than half" rule, and an abstention counts as present but not in favour
 * (到会人员过半数同意).
 */
export function resolveStep(rule: StepRule, members: number, tally: Tally, present: number = tally.cast): Resolution {
  if (tally.cast !== tally.yes + tally.no + tally.abstain) throw new Error('tally is inconsistent: cast ≠ yes + no + abstain');
  if (tally.cast > members) throw new Error(`tally has ${tally.cast} ballots for ${members} members`);
  if (present > members) throw new Error(`${present} present for ${members} members`);
  const quorum = check(present, members, rule.quorum);
  const passing = check(tally.yes, rule.passing.of === 'cast' ? tally.cast : members, rule.passing.share);
  if (!quorum.held) return { passed: false, reason: 'quorum-not-met', members, tally, quorum, passing };
  if (!passing.held) return { passed: false, reason: 'threshold-not-met', members, tally, quorum, passing };
  return { passed: true, members, tally, quorum, passing };
}

/** What a resolution does to the proposal, given the step's rule and whether it was the chain's last step. */
export function outcomeOf(resolution: Resolution, rule: StepRule, isLast: boolean): 'next-body' | 'adopted' | 'returned' | 'rejected' {
  if (resolution.passed) return isLast ? 'adopted' : 'next-body';
  if (resolution.reason === 'quorum-not-met') return 'returned';
  return rule.onFail === 'end' ? 'rejected' : 'returned';
}

/** A counted ballot as stored. The choice is only shown to the supervision committee when the vote is secret. */
export interface Ballot {
  voter: string;
  choice: Choice;
  channel: BallotChannel;
  /** Who handed it in: the voter online, the proxy, or the cadre who imported the paper sheet. */
  castBy: string;
  castAt: string;
  batchRef?: string;
  line?: number;
  authorisationId?: string;
}

/** One line of a paper tally sheet (纸质计票单). */
export const PaperLine = once(() =>
  z.object({
    line: z.number().int().positive(),
    voter: PersonId,
    choice: Choice(),
  }),
);
export type PaperLine = z.infer<ReturnType<typeof PaperLine>>;

export type LineRefusal = 'not-a-member' | 'duplicate-in-sheet' | 'already-voted' | 'voting-closed';

export interface LineVerdict {
  line: number;
  voter: string;
  choice: Choice;
  /** accepted: counted now; already-counted: counted from this same sheet before (a re-import changes nothing). */
  verdict: 'accepted' | 'already-counted' | 'refused';
  reason?: LineRefusal;
  /** For `already-voted`: how the voter's counted ballot came in. */
  existing?: { channel: BallotChannel; batchRef?: string };
}

/**
 * Sorts a paper sheet's lines, before any write: a voter who is not a member of the body, a voter on two lines of
 * the same sheet (the second is refused), a voter who already has a counted ballot from any channel (refused with
 * how it was cast), and a line this very sheet already counted (a re-import, reported as already counted). Every
 * line gets a verdict; none is dropped.
 */
export function classifyPaperLines(
  lines: readonly PaperLine[],
  batchRef: string,
  isMember: (voter: string) => boolean,
  existing: (voter: string) => Pick<Ballot, 'channel' | 'batchRef' | 'line'> | undefined,
): LineVerdict[] {
  const seen = new Set<string>();
  return lines.map((l) => {
    const base = { line: l.line, voter: l.voter, choice: l.choice };
    if (!isMember(l.voter)) return { ...base, verdict: 'refused', reason: 'not-a-member' };
    if (seen.has(l.voter)) return { ...base, verdict: 'refused', reason: 'duplicate-in-sheet' };
    seen.add(l.voter);
    const prior = existing(l.voter);
    if (prior) {
      if (prior.channel === 'paper' && prior.batchRef === batchRef && prior.line === l.line) return { ...base, verdict: 'already-counted' };
      return {
        ...base,
        verdict: 'refused',
        reason: 'already-voted',
        existing: { channel: prior.channel, ...(prior.batchRef ? { batchRef: prior.batchRef } : {}) },
      };
    }
    return { ...base, verdict: 'accepted' };
  });
}

/** How many principals one person may vote for by proxy in one meeting (一人受委托不超过三人). */
export const MAX_PROXIES_PER_PERSON = 3;

export type ProxyRefusal = 'principal-not-a-member' | 'proxy-is-principal' | 'proxy-elsewhere' | 'proxy-limit-reached';

/**
 * Whether `proxy` may be authorised to vote for `principal` in a step: the principal must be a member of the body,
 * the proxy someone else of the same village, holding fewer than the maximum number of authorisations.
 */
export function checkProxy(
  principal: string,
  proxy: string,
  village: string,
  isMember: (person: string) => boolean,
  villageOf: (person: string) => string | undefined,
  proxiesHeld: number,
): Refused<ProxyRefusal> | undefined {
  if (!isMember(principal)) return refused('principal-not-a-member');
  if (proxy === principal) return refused('proxy-is-principal');
  if (villageOf(proxy) !== village) return refused('proxy-elsewhere');
  if (proxiesHeld >= MAX_PROXIES_PER_PERSON) return refused('proxy-limit-reached', { limit: MAX_PROXIES_PER_PERSON });
  return undefined;
}

/** A proxy authorisation (委托书): `proxy` votes for `principal` at one step. */
export interface ProxyAuthorisation {
  authorisationId: string;
  proposalId: string;
  round: number;
  step: number;
  principal: string;
  proxy: string;
  /** The written authorisation (委托书) scan; absent when the principal granted it online themself. */
  evidence?: { key: string; contentType?: string };
  grantedBy: string;
  grantedAt: string;
}

/** A paper tally sheet's import and the verdict of each of its lines. */
export interface PaperImport {
  proposalId: string;
  round: number;
  step: number;
  batchRef: string;
  scan: { key: string; contentType?: string };
  importedBy: string;
  importedAt: string;
  accepted: number;
  refused: number;
  lines: unknown[];
}

/**
 * Who may record an authorisation: the principal themself online, or a village cadre with the signed form's scan
 * (`pointer` of the missing scan: `/evidence`).
 */
export function checkProxyRecorder(
  by: { principal: boolean; cadre: boolean },
  hasForm: boolean,
): Refused<'not-principal-or-cadre' | 'authorisation-evidence-required'> | undefined {
  if (by.principal) return undefined;
  if (!by.cadre) return refused('not-principal-or-cadre');
  if (!hasForm) return refused('authorisation-evidence-required');
  return undefined;
}
