import * as z from 'zod';
import { once, Fen, IsoDateTime, PlacePath, ProposalKind, type Refused, refused } from '@cocreate/contracts';
import { BodyKind } from '@cocreate/places';
import { type Chain, FOUR_DELIBERATIONS, type StepRule } from './chains.ts';
import { Threshold } from './shares.ts';

/**
 * Chains are policy with a floor (四议两公开). A county (or the province) sets, per kind and from a money threshold,
 * the bodies that must decide, in their order, and the weakest rule each may use. A village's own chain may add
 * bodies anywhere (a worthies' council hearing, a villagers' meeting) but may not drop a required body, put them in
 * another order, or give one a lower quorum or passing share. Without a county or province policy the national
 * floor applies: the four deliberations for every kind and amount.
 */
export const RequiredStep = once(() =>
  z.object({
    /** The body that must decide here, or the bodies any one of which may (村民代表会议 or 村民会议). */
    bodies: z.array(BodyKind).min(1).max(4),
    /** The lowest quorum the village may set for it. */
    quorum: Threshold(),
    /** The weakest passing rule: a share of the ballots cast or (stricter) of all members. */
    passing: z.object({ of: z.enum(['cast', 'members']), share: Threshold() }),
  }),
);
export type RequiredStep = z.infer<ReturnType<typeof RequiredStep>>;

export const PolicyFloor = once(() =>
  z.object({
    /** The floor holds for matters of at least this amount in fen (0: every matter); kinds without money always. */
    fromFen: Fen.nonnegative(),
    required: z.array(RequiredStep()).min(1).max(8),
  }),
);
export type PolicyFloor = z.infer<ReturnType<typeof PolicyFloor>>;

export const ChainPolicy = once(() =>
  PolicyFloor().extend({
    /** The county or province that set it; the national floor when none did. */
    scope: PlacePath.optional(),
    kind: ProposalKind,
    isDefault: z.boolean(),
    version: z.number().int().nonnegative(),
    setBy: z.string().optional(),
    setAt: IsoDateTime.optional(),
    reason: z.string().optional(),
  }),
);
export type ChainPolicy = z.infer<ReturnType<typeof ChainPolicy>>;

/** The national floor: 党支部提议 → 两委商议 → 党员大会审议 → 村民代表会议（或村民会议）决议, at the usual rules. */
export function nationalFloor(kind: ProposalKind): ChainPolicy {
  return {
    kind,
    isDefault: true,
    version: 0,
    fromFen: 0,
    required: FOUR_DELIBERATIONS.map((s, i) => ({
      bodies: i === FOUR_DELIBERATIONS.length - 1 ? [s.body, 'villagers-meeting'] : [s.body],
      quorum: s.quorum,
      passing: s.passing,
    })),
  };
}

/** Whether a floor binds a matter of this amount (a matter without an amount — a compact, a class — always). */
export function floorApplies(floor: Pick<PolicyFloor, 'fromFen'>, amountFen: number | undefined): boolean {
  return amountFen === undefined || amountFen >= floor.fromFen;
}

export type FloorRefusal = 'chain-drops-required-body' | 'chain-reorders-required-bodies' | 'chain-weakens-required-step';
export type FloorProblem = Refused<FloorRefusal> & { step: number };

/**
 * Checks a chain against a floor: the required steps must appear in the chain in their order (other bodies may sit
 * between them), each at a rule at least as strict as required. The first problem is answered, with the chain step
 * it is about (for a dropped body: where it was due).
 */
export function checkFloor(chain: Chain, floor: Pick<PolicyFloor, 'required'>): FloorProblem | undefined {
  let from = 0;
  for (const [i, req] of floor.required.entries()) {
    const at = chain.findIndex((s, j) => j >= from && req.bodies.includes(s.body));
    if (at < 0) {
      const elsewhere = chain.findIndex((s) => req.bodies.includes(s.body));
      if (elsewhere >= 0) return { ...refused('chain-reorders-required-bodies', { required: i, bodies: req.bodies }), step: elsewhere };
      return { ...refused('chain-drops-required-body', { required: i, bodies: req.bodies }), step: Math.min(from, chain.length) };
    }
    const step = chain[at]!;
    if (!atLeastAsStrictRule(step, req))
      return {
        ...refused('chain-weakens-required-step', { required: i, body: step.body, quorum: req.quorum, passing: req.passing }),
        step: at,
      };
    from = at + 1;
  }
  return undefined;
}

/** Whether a step's quorum and passing rule are each at least as demanding as the required ones. */
export function atLeastAsStrictRule(step: Pick<StepRule, 'quorum' | 'passing'>, req: Pick<RequiredStep, 'quorum' | 'passing'>): boolean {
  if (!atLeastAsStrict(step.quorum, req.quorum)) return false;
  // Yes votes of all members is never more than of those cast: a members' base is the stricter one.
  if (req.passing.of === 'members' && step.passing.of !== 'members') return false;
  return atLeastAsStrict(step.passing.share, req.passing.share);
}

/** Whether every share that meets `a` also meets `b` (exact, by cross-multiplying). */
export function atLeastAsStrict(a: Threshold, b: Threshold): boolean {
  const lhs = BigInt(a.num) * BigInt(b.den);
  const rhs = BigInt(b.num) * BigInt(a.den);
  // ≥ x implies > y only when x > y; every other pair needs x ≥ y.
  if (a.op === 'at-least' && b.op === 'more-than') return lhs > rhs;
  return lhs >= rhs;
}

/** The chain a floor itself describes (the first body of each required step, at its rule): for matters no village chain fits. */
export function chainOfFloor(floor: Pick<PolicyFloor, 'required'>): Chain {
  return floor.required.map((r, i) => ({
    body: r.bodies[0]!,
    quorum: r.quorum,
    passing: r.passing,
    onFail: i === floor.required.length - 1 ? 'end' : 'return',
  }));
}

/** The amount a proposal's subject commits (its plan's or change's budget); none for compacts and classifications. */
export function amountOf(subject: {
  kind: string;
  plan?: { budget: number };
  budget?: number;
  previousBudget?: number;
}): number | undefined {
  if (subject.kind === 'project-plan') return subject.plan?.budget;
  if (subject.kind === 'project-change') return subject.budget ?? subject.previousBudget;
  return undefined;
}
