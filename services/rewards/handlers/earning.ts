import {
  AwardGranted,
  BallotCast,
  CandidateSupported,
  ContributionRecorded,
  DiscussionHeld,
  type EventContract,
  type EventData,
  NeedTriaged,
  ParticipationAssessed,
  ReviewSubmitted,
  SpaceAdopted,
  UpkeepLogged,
  ViolationOverturned,
  ViolationRecorded,
} from '@cocreate/contracts';
import { type Delivered, defineSubscription } from '@cocreate/kernel';
import { deductViolation, earnFrom, keepKpis, overturnViolation } from '../app/earning.ts';
import { type Earning, earningOf } from '../domain/earning.ts';

/**
 * Points earned from the other services' participation-bearing events: a table of event → earning (the pure mappings
 * of `domain/earning.ts`) and one generic consumer. An event earning one credit is credited in its own unit of work;
 * one earning several (a session's attendees) gets a unit of work per credit.
 */
function earning<C extends EventContract>(
  name: string,
  summary: string,
  contract: C,
  earned: (data: EventData<C>, event: Delivered<C>) => Earning | readonly Earning[] | undefined,
) {
  return defineSubscription({
    name,
    summary,
    events: [contract],
    handler: (event, ctx) => earnFrom(earned(event.data as EventData<C>, event), ctx),
  });
}

const at = (e: { meta: { occurredAt: string } }) => e.meta.occurredAt;

export const earningSubscriptions = [
  earning(
    'ballot-cast',
    'A ballot counted in a body’s vote earns its voter points (proxy ballots do not: the voter did not take part)',
    BallotCast,
    (d, e) => earningOf.ballotCast(d, at(e)),
  ),
  earning('need-triaged', 'A need accepted onto the needs list (意见被采纳) earns the resident who raised it points', NeedTriaged, (d, e) =>
    earningOf.needTriaged(d, at(e)),
  ),
  earning(
    'candidate-supported',
    'Supporting a candidate on the project list (点单式) earns points once per candidate and resident',
    CandidateSupported,
    (d, e) => earningOf.candidateSupported(d, at(e)),
  ),
  earning(
    'discussion-held',
    'Each resident attending a three-party discussion (三方议) earns points, once per session',
    DiscussionHeld,
    (d) => earningOf.discussionHeld(d),
  ),
  earning(
    'contribution-recorded',
    'Unpaid labour earns points per hour, other in-kind contributions a fixed number; the household head when no person is named',
    ContributionRecorded,
    (d) => earningOf.contributionRecorded(d),
  ),
  earning(
    'space-adopted',
    'Adopting a public space (认领) earns the adopting person points, once per space and adopter',
    SpaceAdopted,
    (d) => earningOf.spaceAdopted(d),
  ),
  earning('upkeep-logged', 'Logging upkeep of an adopted space earns points', UpkeepLogged, (d) => earningOf.upkeepLogged(d)),
  earning('review-submitted', 'Taking part in a review (服务谁、谁评价) earns points, once per response', ReviewSubmitted, (d, e) =>
    earningOf.reviewSubmitted(d, at(e)),
  ),
  earning(
    'award-granted',
    'Winning a competition or rating (最美庭院, 五星级文明户) earns the credited person points; village winners earn none',
    AwardGranted,
    (d, e) => earningOf.awardGranted(d, at(e)),
  ),
  defineSubscription({
    name: 'violation-recorded',
    summary: 'Deduct the article’s points from the person named (a deduction beyond the balance becomes debt)',
    events: [ViolationRecorded],
    handler: (event, ctx) => deductViolation(event.data, event.meta.id, ctx),
  }),
  defineSubscription({
    name: 'violation-overturned',
    summary: 'Reverse an overturned violation’s deduction; if the violation has not arrived yet, make sure it never deducts',
    events: [ViolationOverturned],
    handler: (event, ctx) => overturnViolation(event.data, event.meta.id, ctx),
  }),
  defineSubscription({
    name: 'participation-assessed',
    summary: 'Keep each village’s four KPIs per year for award rounds (the latest assessment stands)',
    events: [ParticipationAssessed],
    handler: (event, ctx) => keepKpis(event.data, event.meta.occurredAt, ctx),
  }),
];
