import * as z from 'zod';
import { once, EvidenceRef, Id, IsoDateTime, PersonId, PlacePath, type Refused, refused } from '@cocreate/contracts';

/** Objections (异议) to a decision during its public notice (公示), and the committee's answers. */
export const NewObjection = once(() =>
  z.object({
    text: z.string().trim().min(1).max(5000),
    evidence: z.array(EvidenceRef).max(10).default([]),
  }),
);
export type NewObjection = z.infer<ReturnType<typeof NewObjection>>;

export const ObjectionAnswer = once(() =>
  z.object({
    /** True: the committee upholds the objection and the decision reopens (异议成立). */
    sustained: z.boolean(),
    answer: z.string().trim().min(1).max(5000),
  }),
);
export type ObjectionAnswer = z.infer<ReturnType<typeof ObjectionAnswer>>;

export const Objection = once(() =>
  z.object({
    objectionId: Id,
    proposalId: Id,
    village: PlacePath,
    /** The notice (round) it was raised against. */
    round: z.number().int().positive(),
    objector: PersonId,
    text: z.string(),
    evidence: z.array(EvidenceRef),
    raisedAt: IsoDateTime,
    status: z.enum(['pending', 'sustained', 'dismissed']),
    answer: z.string().optional(),
    answeredBy: z.string().optional(),
    answeredAt: IsoDateTime.optional(),
  }),
);
export type Objection = z.infer<ReturnType<typeof Objection>>;

/** Recording the committee's answer: only a pending objection can be answered, once. */
export function answer(o: Objection, a: ObjectionAnswer, by: string, now: Date): Objection | Refused<'already-answered'> {
  if (o.status !== 'pending') return refused('already-answered');
  return { ...o, status: a.sustained ? 'sustained' : 'dismissed', answer: a.answer, answeredBy: by, answeredAt: now.toISOString() };
}
