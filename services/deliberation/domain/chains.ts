import * as z from 'zod';
import { once, type ProposalKind } from '@cocreate/contracts';
import { BodyKind } from '@cocreate/places';
import { Threshold, atLeast, moreThan } from './shares.ts';

/**
 * Decision chains (共同决). A chain is the ordered list of bodies a proposal must pass; each step says who votes
 * (a body of the register), how many must take part (quorum, a share of the members), what passes (a share of
 * the votes cast or of all members), and what a failed vote does to the proposal (return it for revision, or end
 * it). A chain is configured per village and kind; a proposal copies it when it starts, so a later change of
 * configuration never skips or reorders the steps of a proposal already running.
 */
export const StepRule = once(() =>
  z.object({
    body: BodyKind,
    /** Share of the body's members who must cast a ballot (abstentions count as taking part). */
    quorum: Threshold(),
    /** Share of yes votes needed: of the ballots cast (到会人员) or of all members (应到人员). */
    passing: z.object({ of: z.enum(['cast', 'members']), share: Threshold() }),
    /** What a vote that does not pass does; a missed quorum always returns (no one decided against it). */
    onFail: z.enum(['return', 'end']),
  }),
);
export type StepRule = z.infer<ReturnType<typeof StepRule>>;

export const Chain = once(() => z.array(StepRule()).min(1).max(8));
export type Chain = z.infer<ReturnType<typeof Chain>>;

/**
 * The four deliberations for major matters (四议): the party branch proposes (党支部提议), the two committees
 * discuss (两委会商议), the party members' meeting reviews (党员大会审议), the villager representatives' assembly
 * resolves (村民代表会议决议). Quorums and passing rules follow the usual rules: a meeting needs more than half of
 * its members (the representatives' assembly two thirds, as the Organic Law of Villagers' Committees art. 26 says),
 * committees pass with more than half of all members, meetings with more than half of those present.
 */
export const FOUR_DELIBERATIONS: Chain = [
  { body: 'party-branch', quorum: moreThan(1, 2), passing: { of: 'members', share: moreThan(1, 2) }, onFail: 'return' },
  { body: 'two-committees', quorum: moreThan(1, 2), passing: { of: 'members', share: moreThan(1, 2) }, onFail: 'return' },
  { body: 'party-members-meeting', quorum: moreThan(1, 2), passing: { of: 'cast', share: moreThan(1, 2) }, onFail: 'return' },
  { body: 'representatives-assembly', quorum: atLeast(2, 3), passing: { of: 'cast', share: moreThan(1, 2) }, onFail: 'end' },
];

/** Every kind of proposal is a major matter by default (重大事项): the four deliberations. */
export function defaultChain(_kind: ProposalKind): Chain {
  return FOUR_DELIBERATIONS.map((s) => ({ ...s }));
}

export type ChainProblem =
  | { code: 'chain-duplicate-body'; step: number; body: BodyKind }
  | { code: 'chain-body-missing'; step: number; body: BodyKind }
  | { code: 'chain-not-a-voting-body'; step: number; body: BodyKind };

/** Bodies that oversee rather than decide: the supervision committee watches the vote, it does not cast it. */
const NOT_VOTING: readonly BodyKind[] = ['supervision-committee'];

/**
 * Checks a chain against a village: each body at most once, each a deciding body, each present in the village
 * with at least one member. `memberCount` counts the members the register has.
 */
export function validateChain(chain: Chain, memberCount: (body: BodyKind) => number): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const seen = new Set<BodyKind>();
  chain.forEach((step, i) => {
    if (seen.has(step.body)) problems.push({ code: 'chain-duplicate-body', step: i, body: step.body });
    seen.add(step.body);
    if (NOT_VOTING.includes(step.body)) problems.push({ code: 'chain-not-a-voting-body', step: i, body: step.body });
    else if (memberCount(step.body) < 1) problems.push({ code: 'chain-body-missing', step: i, body: step.body });
  });
  return problems;
}
