import * as z from 'zod';
import { once, EvidenceRef, IsoDateTime, PlacePath, type Refused, refused } from '@cocreate/contracts';
import type { ConsentPoll } from './consent.ts';

/**
 * Consent gates renovation (老旧小区改造). A renovation plan — a plan of an urban community with a renovation class
 * (基础类/完善类/提升类) — is for one compound (小区) and names the owners' consent poll that passed for it: a
 * renovation poll over that very compound, closed and passed, and still in force on the day. The compound itself must
 * be eligible as recorded: multi-storey housing, structurally safe, not on a demolition plan
 * (「居民改造意愿强烈，至少有2/3以上的业主同意」).
 */

/** How long a passed consent poll stays in force after it closed: owners change their minds and flats change hands. */
export const CONSENT_IN_FORCE_DAYS = 365;

export const CompoundEligibility = once(() =>
  z.object({
    compound: PlacePath,
    village: PlacePath,
    /** 多层住宅: the compound's housing is multi-storey units. */
    multiStorey: z.boolean(),
    /** 结构安全: no dangerous-building finding (危房) stands against it. */
    structurallySafe: z.boolean(),
    /** 未列入征收拆迁计划: not on a demolition or expropriation plan. */
    onDemolitionPlan: z.boolean(),
    evidence: z.array(EvidenceRef).max(20).default([]),
    recordedBy: z.string(),
    recordedAt: IsoDateTime,
  }),
);
export type CompoundEligibility = z.infer<ReturnType<typeof CompoundEligibility>>;

export const RecordEligibility = once(() =>
  z.object({
    compound: PlacePath,
    multiStorey: z.boolean(),
    structurallySafe: z.boolean(),
    onDemolitionPlan: z.boolean(),
    evidence: z.array(EvidenceRef).max(20).default([]),
    /** Why the facts are recorded or changed (a survey, an appraisal), kept in the history. */
    reason: z.string().trim().min(1).max(2000),
  }),
);
export type RecordEligibility = z.infer<ReturnType<typeof RecordEligibility>>;

/** Which of the eligibility facts fail (empty: eligible). */
export function ineligibleBecause(e: Pick<CompoundEligibility, 'multiStorey' | 'structurallySafe' | 'onDemolitionPlan'>): string[] {
  return [
    ...(e.multiStorey ? [] : ['not-multi-storey']),
    ...(e.structurallySafe ? [] : ['not-structurally-safe']),
    ...(e.onDemolitionPlan ? ['on-demolition-plan'] : []),
  ];
}

/** Whether a plan is a renovation plan: in an urban community, with a renovation class. */
export function isRenovation(plan: { renovationClass?: string | undefined }, villageKind: string | undefined): boolean {
  return villageKind === 'community' && plan.renovationClass !== undefined;
}

export type ConsentGateRefusal =
  | 'renovation-needs-compound'
  | 'renovation-needs-consent'
  | 'consent-poll-not-for-compound'
  | 'consent-not-passed'
  | 'consent-lapsed'
  | 'compound-eligibility-unrecorded'
  | 'compound-not-eligible';

/**
 * The consent gate, judged on the day `now`: the compound the plan's place lies in, the poll the plan names, and the
 * compound's recorded eligibility. Answers the compound and poll the plan stands on, or the first rule it breaks with
 * the field it is about.
 */
export function consentGate(input: {
  compound: string | undefined;
  consentPollId: string | undefined;
  poll: Pick<ConsentPoll, 'pollId' | 'scope' | 'matter' | 'status' | 'closedAt' | 'result'> | undefined;
  eligibility: Pick<CompoundEligibility, 'multiStorey' | 'structurallySafe' | 'onDemolitionPlan'> | undefined;
  now: Date;
}): { compound: string; consentPollId: string } | (Refused<ConsentGateRefusal> & { pointer: string }) {
  const { compound, consentPollId, poll, eligibility } = input;
  if (!compound) return { ...refused('renovation-needs-compound'), pointer: '/place' };
  if (!eligibility) return { ...refused('compound-eligibility-unrecorded', { compound }), pointer: '/place' };
  const failing = ineligibleBecause(eligibility);
  if (failing.length) return { ...refused('compound-not-eligible', { compound, failing }), pointer: '/place' };
  if (!consentPollId) return { ...refused('renovation-needs-consent', { compound }), pointer: '/consentPollId' };
  if (!poll || poll.scope !== compound || poll.matter !== 'renovation')
    return {
      ...refused('consent-poll-not-for-compound', { compound, ...(poll ? { pollScope: poll.scope, matter: poll.matter } : {}) }),
      pointer: '/consentPollId',
    };
  if (poll.status !== 'closed' || !poll.result?.passed || !poll.closedAt)
    return { ...refused('consent-not-passed', { status: poll.status, passed: poll.result?.passed ?? false }), pointer: '/consentPollId' };
  const until = Date.parse(poll.closedAt) + CONSENT_IN_FORCE_DAYS * 24 * 3600 * 1000;
  if (input.now.getTime() > until)
    return { ...refused('consent-lapsed', { closedAt: poll.closedAt, inForceDays: CONSENT_IN_FORCE_DAYS }), pointer: '/consentPollId' };
  return { compound, consentPollId: poll.pollId };
}
