import * as z from 'zod';
import { once, BodyKind, IsoDate, PersonId, PlacePath, type RegisterChange } from '@cocreate/contracts';
import type { MembershipRecord } from './model.ts';
import { holdsOn, overlaps } from './terms.ts';
import { type Refused, refused } from './refusals.ts';

export const EndReason = once(() => z.enum(['term-ended', 'resigned', 'recalled', 'left', 'corrected']));
export type EndReason = z.infer<ReturnType<typeof EndReason>>;

/** 选举、任命: a person takes a seat on a village's body from a day. */
export const StartMembership = once(() =>
  z.object({
    village: PlacePath,
    body: BodyKind,
    person: PersonId,
    title: z.string().trim().min(1).max(40).optional(),
    from: IsoDate,
  }),
);
export type StartMembership = z.infer<ReturnType<typeof StartMembership>>;

/** 换届、辞职、罢免: the seat ends; `until` is the first day the person no longer sits. */
export const EndMembership = once(() =>
  z.object({ until: IsoDate, reason: EndReason(), expectedRevision: z.number().int().positive().optional() }),
);
export type EndMembership = z.infer<ReturnType<typeof EndMembership>>;

type Decision = { state: MembershipRecord; changes: RegisterChange[] } | Refused;

/**
 * A new term on a body. A person holds at most one seat on a body at a time: a term that would share a day with
 * another of theirs on the same body (an open one included) is refused.
 */
export function decideStartMembership(
  cmd: StartMembership,
  membershipId: string,
  sameSeat: readonly Pick<MembershipRecord, 'from' | 'until' | 'membershipId'>[],
): Decision {
  const clash = sameSeat.find((t) => overlaps(t, { from: cmd.from }));
  if (clash) return refused('overlapping-term', { membershipId: clash.membershipId });
  const state: MembershipRecord = {
    membershipId,
    village: cmd.village,
    body: cmd.body,
    person: cmd.person,
    ...(cmd.title ? { title: cmd.title } : {}),
    from: cmd.from,
    revision: 1,
  };
  return { state, changes: [{ type: 'MembershipStarted', state }] };
}

export function decideEndMembership(m: MembershipRecord, cmd: EndMembership): Decision {
  if (cmd.expectedRevision !== undefined && cmd.expectedRevision !== m.revision) {
    return refused('stale-revision', { currentRevision: m.revision });
  }
  if (m.until !== undefined) return refused('membership-ended');
  if (cmd.until <= m.from) return refused('until-not-after-from');
  const state: MembershipRecord = { ...m, until: cmd.until, revision: m.revision + 1 };
  return { state, changes: [{ type: 'MembershipEnded', state: { ...state, reason: cmd.reason } }] };
}

/** "Who sat on the body on this day": the one answer, from ≤ day < until. */
export function membersOn(terms: readonly MembershipRecord[], day: string): MembershipRecord[] {
  return terms.filter((t) => holdsOn(t, day));
}
