import {
  BallotCast,
  CandidateSupported,
  ContributionRecorded,
  DiscussionHeld,
  type EventContract,
  type EventData,
  NeedRaised,
  ReviewSubmitted,
  SpaceAdopted,
  UpkeepLogged,
  VillageClassified,
} from '@cocreate/contracts';
import { type EventContext, type Delivered, defineSubscription } from '@cocreate/kernel';
import { countFact, recordClassification } from '../app/participation.ts';
import { type Fact, factOf } from '../domain/participation.ts';

/**
 * Participation counters: every participation-bearing event of the five services adds to ONE item per village and
 * year (see `countFact`). Counting commutes, so arrival order does not matter;
 * the kernel's processed-event marker stops a redelivered event, and the fact record stops the same fact published
 * again under another event id. Events arriving after an assessment are counted and picked up by a re-run.
 */
function counting<C extends EventContract>(
  name: string,
  contract: C,
  fact: (data: EventData<C>, event: Delivered<C>, ctx: EventContext) => Fact | undefined | Promise<Fact | undefined>,
) {
  return defineSubscription({
    name,
    summary: `Count ${contract.type} toward the village’s participation for its year`,
    events: [contract],
    handler: async (event, ctx) => countFact(await fact(event.data as EventData<C>, event, ctx), ctx),
  });
}

export const participationSubscriptions = [
  counting('count-need-raised', NeedRaised, (d, e) => factOf.needRaised(d, e.meta.occurredAt)),
  counting('count-candidate-supported', CandidateSupported, (d, e) => factOf.candidateSupported(d, e.meta.occurredAt)),
  counting('count-ballot-cast', BallotCast, (d, e) => factOf.ballotCast(d, e.meta.occurredAt)),
  counting('count-discussion-held', DiscussionHeld, (d) => factOf.discussionHeld(d)),
  counting('count-contribution', ContributionRecorded, (d) => factOf.contributionRecorded(d)),
  counting('count-space-adopted', SpaceAdopted, (d) => factOf.spaceAdopted(d)),
  counting('count-upkeep-logged', UpkeepLogged, (d) => factOf.upkeepLogged(d)),
  counting('count-review-submitted', ReviewSubmitted, async (d, e, ctx) =>
    factOf.reviewSubmitted(d, e.meta.occurredAt, (await ctx.register.person(d.reviewer))?.village),
  ),
];

/**
 * The initial (or a new) classification from deliberation sets the village's tier — unless something that took effect
 * later is already recorded (a later classification, or a later year's assessment): a late event does not roll the
 * tier back.
 */
export const onVillageClassified = defineSubscription({
  name: 'village-classified',
  summary: 'Record a village’s tier (pilot 试点村 / remediation 整治村) from its classification',
  events: [VillageClassified],
  handler: (event, ctx) => recordClassification(event.data, ctx),
});
