import * as z from 'zod';
import {
  once,
  DutyItem,
  EvidenceRef,
  Id,
  InspectionOutcome,
  IsoDate,
  IsoDateTime,
  PersonId,
  PlacePath,
  type Refused,
  refused,
} from '@cocreate/contracts';
import { addDays } from '@cocreate/places';

/**
 * Inspections by the sanitation-rating work group (卫生评比工作组): scheduled (announced beforehand, results later)
 * or unannounced (e.g. a rubbish-sorting spot check, results at once). Each result is one household's outcome on
 * one duty item of 门前三包, with optional photo evidence.
 */

/** Results may be entered a little after the visit (paper forms), never for a future day. */
export const MAX_BACKDATE_DAYS = 30;

export const InspectionResult = once(() =>
  z
    .object({
      household: PlacePath,
      item: DutyItem(),
      outcome: InspectionOutcome(),
      note: z.string().trim().max(500).optional(),
      evidence: z.array(EvidenceRef).max(5).optional(),
    })
    .strict(),
);
export type InspectionResult = z.infer<ReturnType<typeof InspectionResult>>;

const Results = once(() => z.array(InspectionResult()).min(1).max(600));

export const CreateInspection = once(() =>
  z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('scheduled'),
        village: PlacePath,
        topic: z.string().trim().min(1).max(200),
        scheduledFor: IsoDate,
      })
      .strict(),
    z
      .object({
        kind: z.literal('unannounced'),
        village: PlacePath,
        topic: z.string().trim().min(1).max(200),
        /** Default today. */
        conductedOn: IsoDate.optional(),
        results: Results(),
      })
      .strict(),
  ]),
);
export type CreateInspection = z.infer<ReturnType<typeof CreateInspection>>;

export const RecordResults = once(() =>
  z
    .object({
      conductedOn: IsoDate.optional(),
      results: Results(),
    })
    .strict(),
);
export type RecordResults = z.infer<ReturnType<typeof RecordResults>>;

export const Inspection = once(() =>
  z.object({
    inspectionId: Id,
    village: PlacePath,
    kind: z.enum(['scheduled', 'unannounced']),
    topic: z.string(),
    status: z.enum(['scheduled', 'recorded']),
    scheduledFor: IsoDate.optional(),
    conductedOn: IsoDate.optional(),
    /** Who recorded the results (a member of the sanitation-rating work group). */
    inspector: PersonId.optional(),
    scheduledBy: z.string().optional(),
    results: z.array(InspectionResult()),
    createdAt: IsoDateTime,
    recordedAt: IsoDateTime.optional(),
  }),
);
export type Inspection = z.infer<ReturnType<typeof Inspection>>;

export type ResultsRefusal = 'household-outside-village' | 'duplicate-result' | 'date-in-future' | 'date-too-old';

/** A recorded date is today or up to MAX_BACKDATE_DAYS before it. */
export function checkRecordedDate(date: string, today: string): 'ok' | Refused<'date-in-future' | 'date-too-old'> {
  if (date > today) return refused('date-in-future');
  if (date < addDays(today, -MAX_BACKDATE_DAYS)) return refused('date-too-old');
  return 'ok';
}

/** A scheduled inspection is planned for today or later. */
export function checkScheduledFor(scheduledFor: string, today: string): 'ok' | Refused<'scheduled-in-past'> {
  return scheduledFor < today ? refused('scheduled-in-past') : 'ok';
}

/**
 * Every result is for a household of the village, and each household/item pair appears once. A refused result names
 * its `index` in the detail.
 */
export function checkResults(
  results: readonly InspectionResult[],
  conductedOn: string,
  today: string,
  householdVillage: (household: string) => string | undefined,
  village: string,
): Refused<ResultsRefusal> | 'ok' {
  const date = checkRecordedDate(conductedOn, today);
  if (date !== 'ok') return date;
  const seen = new Set<string>();
  for (const [index, r] of results.entries()) {
    if (householdVillage(r.household) !== village) return refused('household-outside-village', { index });
    const key = `${r.household}#${r.item}`;
    if (seen.has(key)) return refused('duplicate-result', { index });
    seen.add(key);
  }
  return 'ok';
}
