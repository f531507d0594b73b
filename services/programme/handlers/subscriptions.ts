import {
  DecisionFinal,
  EvaluationPublished,
  FundsDisbursed,
  FundsReceived,
  ParticipationAssessed,
  PostingReversed,
  ProjectAccepted,
  VillageClassified,
  VillageTierChanged,
} from '@cocreate/contracts';
import { defineSubscription } from '@cocreate/kernel';
import { counted, milestoneReached, villageAssessed, villageClassed } from '../app/coverage.ts';
import { hundredths } from '../domain/rollups.ts';

/**
 * What the programme learns from the other services: each delivery applied once (the kernel's processed-event
 * record commits with the change), each adding to the running aggregates — never a figure typed in by hand.
 */
export const decisionsFinal = defineSubscription({
  name: 'decision-final',
  summary: 'A village’s decision became final: the village reaches its decision milestone; decisions are counted',
  events: [DecisionFinal],
  handler: ({ data }, ctx) => milestoneReached(ctx, data.village, 'decision-final', data.decidedAt, { decisions: 1 }),
});

export const projectsAccepted = defineSubscription({
  name: 'project-accepted',
  summary: 'A project passed final acceptance: the village reaches its accepted-project milestone; projects are counted',
  events: [ProjectAccepted],
  handler: async ({ data }, ctx) => {
    // Initial acceptance (初验) is a step on the way; the programme counts the project once, when it is final.
    if (data.acceptance === 'final')
      await milestoneReached(ctx, data.village, 'project-accepted', data.acceptedAt, { projectsAccepted: 1 });
  },
});

export const participationAssessed = defineSubscription({
  name: 'participation-assessed',
  summary: 'A village’s participation was assessed: the village reaches its assessed milestone; the score is summed once per year',
  events: [ParticipationAssessed],
  handler: ({ data, meta }, ctx) => villageAssessed(ctx, data.village, data.year, hundredths(data.score), meta.occurredAt),
});

export const villageTiers = defineSubscription({
  name: 'village-tier',
  summary: 'A village was classed (试点村/整治村) by its decision or moved at the year-end assessment: villages by tier',
  events: [VillageClassified, VillageTierChanged],
  handler: ({ data }, ctx) =>
    'class' in data
      ? villageClassed(ctx, data.village, data.class, data.decidedAt)
      : villageClassed(ctx, data.village, data.to, data.decidedAt),
});

export const moneyRaised = defineSubscription({
  name: 'funds-received',
  summary: 'Money entered a village or township pool: money raised',
  events: [FundsReceived],
  handler: ({ data, meta }, ctx) => counted(ctx, data.pool, meta.occurredAt, { raised: data.amount }),
});

export const moneyCorrected = defineSubscription({
  name: 'posting-reversed',
  summary: 'A receipt was corrected by a reversing posting: money raised falls by it, in the month of the correction',
  events: [PostingReversed],
  handler: async ({ data, meta }, ctx) => {
    // The ledger is append-only: a wrong receipt stays in its month and the reversal counts in its own, as the pool's
    // own statement shows it. An allocation's reversal moves money inside the pool, neither raised nor spent.
    if (data.kind === 'receipt') await counted(ctx, data.pool, meta.occurredAt, { raised: -data.amount });
  },
});

export const moneySpent = defineSubscription({
  name: 'funds-disbursed',
  summary: 'A disbursement was paid: money spent',
  events: [FundsDisbursed],
  handler: ({ data }, ctx) => counted(ctx, data.pool, data.disbursedAt, { spent: data.amount }),
});

export const satisfaction = defineSubscription({
  name: 'satisfaction-published',
  summary: 'A satisfaction review was published: its overall score is summed for the mean satisfaction',
  events: [EvaluationPublished],
  handler: async ({ data, meta }, ctx) => {
    if (data.purpose === 'satisfaction' && data.overall !== null) {
      await counted(ctx, data.village, meta.occurredAt, { satisfactionSum: hundredths(data.overall), satisfactionCount: 1 });
    }
  },
});

export const programmeSubscriptions = [
  decisionsFinal,
  projectsAccepted,
  participationAssessed,
  villageTiers,
  moneyRaised,
  moneyCorrected,
  moneySpent,
  satisfaction,
];
