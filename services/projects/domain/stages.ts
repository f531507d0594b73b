import * as z from 'zod';
import { once, EvidenceRef, Id, IsoDateTime, PlacePath, type ProjectStage, WorkCategory, refused } from '@cocreate/contracts';
import type { Refused } from './refusals.ts';

/**
 * The survey stages carry their data (issue 12): a project leaves 摸底排查 with what the survey found, leaves 意愿调查
 * with the residents' willingness — for a renovation, the owners' consent poll that passed for its compound — and
 * leaves 设计方案审查 with the review's documents as verified evidence. A move without its stage's data is refused.
 */

/** One finding of the survey (摸底排查): what is wrong, where, how badly, how many households it touches. */
export const SurveyFinding = once(() =>
  z.object({
    category: WorkCategory,
    place: PlacePath,
    description: z.string().trim().min(1).max(1000),
    severity: z.enum(['low', 'medium', 'high']),
    households: z.number().int().nonnegative().max(100_000).optional(),
  }),
);
export type SurveyFinding = z.infer<ReturnType<typeof SurveyFinding>>;

export const SurveyData = once(() =>
  z.object({
    findings: z.array(SurveyFinding()).min(1).max(200),
    /** Photos or sheets of the survey (optional; verified when given). */
    evidence: z.array(EvidenceRef).max(20).default([]),
  }),
);
export type SurveyData = z.infer<ReturnType<typeof SurveyData>>;

/**
 * The willingness survey (意愿调查). A renovation names the consent poll that passed for its compound; any other
 * project records the household survey's tally with its sheets as evidence.
 */
export const WillingnessData = once(() =>
  z.object({
    consentPollId: Id.optional(),
    surveyed: z.number().int().positive().max(100_000).optional(),
    agreeing: z.number().int().nonnegative().max(100_000).optional(),
    evidence: z.array(EvidenceRef).max(20).default([]),
  }),
);
export type WillingnessData = z.infer<ReturnType<typeof WillingnessData>>;

/** The design review (设计方案审查): its documents (drawings, the expert opinion) and its conclusion. */
export const DesignReviewData = once(() =>
  z.object({
    documents: z.array(EvidenceRef).max(20).default([]),
    conclusion: z.enum(['approved', 'approved-with-conditions']),
    reviewers: z.string().trim().min(1).max(500).optional(),
    conditions: z.string().trim().max(2000).optional(),
  }),
);
export type DesignReviewData = z.infer<ReturnType<typeof DesignReviewData>>;

/** What the project keeps of each survey stage (shown with the project). */
export const StageRecords = once(() =>
  z.object({
    survey: SurveyData().extend({ recordedAt: IsoDateTime, recordedBy: z.string() }).optional(),
    willingness: WillingnessData().extend({ recordedAt: IsoDateTime, recordedBy: z.string() }).optional(),
    designReview: DesignReviewData().extend({ recordedAt: IsoDateTime, recordedBy: z.string() }).optional(),
  }),
);
export type StageRecords = z.infer<ReturnType<typeof StageRecords>>;

/** A consent poll as this service learned it from deliberation's `ConsentPollClosed`. */
export interface KnownPoll {
  pollId: string;
  scope: string;
  matter: string;
  passed: boolean;
  closedAt: string;
}

/** The data a move out of a stage carries: leaving the survey carries its findings, and so on. */
export const DATA_LEAVING: Partial<Record<ProjectStage, keyof StageRecords>> = {
  survey: 'survey',
  'willingness-survey': 'willingness',
  'design-review': 'designReview',
};

export interface StageDataAsked {
  survey?: SurveyData | undefined;
  willingness?: WillingnessData | undefined;
  designReview?: DesignReviewData | undefined;
}

export type StageDataRefusal = Refused<
  | 'stage-data-out-of-place'
  | 'survey-findings-required'
  | 'finding-outside-village'
  | 'willingness-survey-required'
  | 'renovation-needs-consent'
  | 'consent-poll-mismatch'
  | 'consent-poll-unknown'
  | 'consent-poll-not-for-compound'
  | 'consent-not-passed'
  | 'design-review-documents-required'
  | 'document-not-pdf-or-image'
> & { pointer?: string };

/** A renovation (老旧小区改造) is a project with a renovation class, a compound or a consent poll from its plan. */
export function isRenovation(p: {
  renovationClass?: string | undefined;
  compound?: string | undefined;
  consentPollId?: string | undefined;
}) {
  return p.renovationClass !== undefined || p.compound !== undefined || p.consentPollId !== undefined;
}

const isPdfOrImage = (type: string | undefined) => type === 'application/pdf' || (type?.startsWith('image/') ?? false);

/**
 * Whether a move out of `from` carries the data of the stage it closes, and only that (a move back, e.g. from the
 * plan notice to the implementation plan, closes no survey stage and carries none). `poll` is the consent poll named
 * (as this service knows it; undefined when unknown), `designTypes` the stored types of the design documents.
 */
export function checkStageData(
  project: {
    village: string;
    renovationClass?: string | undefined;
    compound?: string | undefined;
    consentPollId?: string | undefined;
  },
  from: ProjectStage,
  asked: StageDataAsked,
  facts: { poll?: KnownPoll | undefined; designTypes?: readonly (string | undefined)[]; within: (place: string) => boolean },
): StageDataRefusal | undefined {
  const due = DATA_LEAVING[from];
  for (const field of ['survey', 'willingness', 'designReview'] as const) {
    if (asked[field] !== undefined && field !== due)
      return { ...refused('stage-data-out-of-place', { field, from }), pointer: `/${field}` };
  }
  if (due === 'survey') {
    if (!asked.survey) return { ...refused('survey-findings-required'), pointer: '/survey' };
    const outside = asked.survey.findings.findIndex((f) => !facts.within(f.place));
    if (outside >= 0) return { ...refused('finding-outside-village'), pointer: `/survey/findings/${outside}/place` };
  }
  if (due === 'willingness') {
    const w = asked.willingness;
    if (isRenovation(project)) {
      // 业主意愿: the poll that passed for the compound, the same one the plan named when it named one.
      if (!w?.consentPollId)
        return { ...refused('renovation-needs-consent', { compound: project.compound }), pointer: '/willingness/consentPollId' };
      const pointer = '/willingness/consentPollId';
      if (project.consentPollId && w.consentPollId !== project.consentPollId)
        return { ...refused('consent-poll-mismatch', { planPoll: project.consentPollId }), pointer };
      if (!facts.poll) return { ...refused('consent-poll-unknown', { pollId: w.consentPollId }), pointer };
      if (
        facts.poll.matter !== 'renovation' ||
        (project.compound ? facts.poll.scope !== project.compound : !facts.within(facts.poll.scope))
      )
        return { ...refused('consent-poll-not-for-compound', { scope: facts.poll.scope, compound: project.compound }), pointer };
      if (!facts.poll.passed) return { ...refused('consent-not-passed', { pollId: facts.poll.pollId }), pointer };
    } else if (!w || w.surveyed === undefined || w.agreeing === undefined || w.agreeing > w.surveyed || !w.evidence.length) {
      return {
        ...refused('willingness-survey-required', { needs: ['surveyed', 'agreeing ≤ surveyed', 'evidence'] }),
        pointer: '/willingness',
      };
    }
  }
  if (due === 'designReview') {
    const d = asked.designReview;
    if (!d || !d.documents.length) return { ...refused('design-review-documents-required'), pointer: '/designReview/documents' };
    const wrong = (facts.designTypes ?? []).findIndex((t) => !isPdfOrImage(t));
    if (wrong >= 0) return { ...refused('document-not-pdf-or-image'), pointer: `/designReview/documents/${wrong}` };
  }
  return undefined;
}
