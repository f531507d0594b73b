import { SubsidyAwarded } from '@cocreate/contracts';
import { defineSubscription } from '@cocreate/kernel';
import { payInAward } from '../app/awards.ts';

/** Awards in lieu of subsidies (以奖代补) from the rewards service, paid into the village's pool once per award. */
export const onSubsidyAwarded = defineSubscription({
  name: 'subsidy-awarded',
  summary: 'Pay an award in lieu of subsidy into the village’s fund pool as a fiscal-award source',
  events: [SubsidyAwarded],
  handler: (event, ctx) => payInAward(event, ctx),
});
