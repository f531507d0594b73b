import { DecisionFinal, FacilitiesHandedOver } from '@cocreate/contracts';
import { defineSubscription } from '@cocreate/kernel';
import { applyFinalDecision, registerHandedOver } from '../app/decisions.ts';

/**
 * deliberation → DecisionFinal (kind compact): the version the decision names comes into force; a decision for a
 * compact or version not held here is parked, not lost (README, "Decisions that arrive first").
 */
export const onDecisionFinal = defineSubscription({
  name: 'decision-final',
  summary: 'Bring a compact version into force when deliberation’s final decision on it arrives',
  events: [DecisionFinal],
  handler: (event, ctx) => applyFinalDecision(event.data, event.meta.id, ctx),
});

/** projects → FacilitiesHandedOver: the facilities enter the village's space registry under its maintenance compact. */
export const onFacilitiesHandedOver = defineSubscription({
  name: 'facilities-handed-over',
  summary: 'Register facilities a finished project handed over, under the village’s maintenance compact',
  events: [FacilitiesHandedOver],
  handler: (event, ctx) => registerHandedOver(event.data, ctx),
});
