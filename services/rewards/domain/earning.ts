import {
  type AwardGranted,
  type BallotCast,
  type CandidateSupported,
  type ContributionRecorded,
  type DiscussionHeld,
  type EventData,
  type NeedTriaged,
  PersonId,
  type PointsActivity,
  type ReviewSubmitted,
  type SpaceAdopted,
  type UpkeepLogged,
} from '@cocreate/contracts';

/**
 * What a participation-bearing event of another service earns: one credit (or one per attendee), whose source — the
 * fact's natural key — makes the same fact credit once whatever event brings it. Pure mappings from an event's data
 * to its credit; `undefined` when the event earns nothing (a proxy ballot, a need not accepted, paid labour…).
 */
export interface Earning {
  /** The person credited, or the household whose head is (when the event names no person). */
  who: { person: string } | { headOf: string };
  village: string;
  household?: string;
  activity: PointsActivity;
  /** Occurrences (1) or hours for labour. */
  units: number;
  source: string;
  /** When the activity happened: it decides the cap period and the leaderboard periods. */
  occurredAt: string;
}

const householdOf = (household: string | undefined) => (household ? { household } : {});

/** A day's activity counts at noon, China time (safely inside the day whatever the period). */
const noonOf = (day: string) => `${day}T12:00:00+08:00`;

export const earningOf = {
  /** A ballot counted in a body's vote; proxy ballots earn nothing (the voter did not take part). */
  ballotCast: (d: EventData<typeof BallotCast>, occurredAt: string): Earning | undefined =>
    d.channel === 'proxy'
      ? undefined
      : {
          who: { person: d.voter },
          village: d.village,
          activity: 'ballot-cast',
          units: 1,
          source: `ballot:${d.proposalId}:${d.step}:${d.body}:${d.voter}`,
          occurredAt,
        },

  /** A need accepted onto the needs list (意见被采纳) earns the resident who raised it. */
  needTriaged: (d: EventData<typeof NeedTriaged>, occurredAt: string): Earning | undefined =>
    d.outcome !== 'accepted'
      ? undefined
      : {
          who: { person: d.raisedBy },
          village: d.village,
          activity: 'need-adopted',
          units: 1,
          source: `need-adopted:${d.needId}`,
          occurredAt,
        },

  candidateSupported: (d: EventData<typeof CandidateSupported>, occurredAt: string): Earning => ({
    who: { person: d.supporter },
    village: d.village,
    ...householdOf(d.household),
    activity: 'candidate-supported',
    units: 1,
    source: `support:${d.candidateId}:${d.supporter}`,
    occurredAt,
  }),

  /** Each resident attending a three-party discussion, once per session. */
  discussionHeld: (d: EventData<typeof DiscussionHeld>): Earning[] =>
    [...new Set(d.residentAttendees)].map((person) => ({
      who: { person },
      village: d.village,
      activity: 'discussion-attended',
      units: 1,
      source: `discussion:${d.sessionId}:${person}`,
      occurredAt: d.heldAt,
    })),

  /**
   * Unpaid labour per hour, other in-kind contributions a fixed number; the household head when no person is named.
   * Paid labour on cooperative projects is wages (薪金), not volunteering; labour without hours earns nothing.
   */
  contributionRecorded: (d: EventData<typeof ContributionRecorded>): Earning | undefined =>
    d.kind === 'labour' && (d.paid || !d.hours)
      ? undefined
      : {
          who: d.person ? { person: d.person } : { headOf: d.household },
          village: d.village,
          household: d.household,
          activity: d.kind === 'labour' ? 'labour-hour' : 'contribution-in-kind',
          units: d.kind === 'labour' ? (d.hours ?? 0) : 1,
          source: `contribution:${d.contributionId}`,
          occurredAt: noonOf(d.contributedOn),
        },

  spaceAdopted: (d: EventData<typeof SpaceAdopted>): Earning => ({
    who: { person: d.person },
    village: d.village,
    ...householdOf(d.household),
    activity: 'space-adopted',
    units: 1,
    source: `space:${d.spaceId}:${d.person}:${d.adoptedOn}`,
    occurredAt: noonOf(d.adoptedOn),
  }),

  upkeepLogged: (d: EventData<typeof UpkeepLogged>): Earning => ({
    who: { person: d.person },
    village: d.village,
    ...householdOf(d.household),
    activity: 'upkeep-logged',
    units: 1,
    source: `upkeep:${d.upkeepId}`,
    occurredAt: d.loggedAt,
  }),

  reviewSubmitted: (d: EventData<typeof ReviewSubmitted>, occurredAt: string): Earning => ({
    who: { person: d.reviewer },
    village: d.village,
    ...householdOf(d.household),
    activity: 'review-submitted',
    units: 1,
    source: `review:${d.responseId}`,
    occurredAt,
  }),

  /** The credited person, else the winning household's head, else a winning person; village winners earn none. */
  awardGranted: (d: EventData<typeof AwardGranted>, occurredAt: string): Earning | undefined => {
    const who = d.person
      ? { person: d.person }
      : d.winner.kind === 'household'
        ? { headOf: d.winner.id }
        : d.winner.kind === 'person' && PersonId.safeParse(d.winner.id).success
          ? { person: d.winner.id }
          : undefined;
    if (!who) return undefined;
    return {
      who,
      village: d.village,
      ...householdOf(d.household),
      activity: 'award-granted',
      units: 1,
      source: `award:${d.awardId}`,
      occurredAt,
    };
  },
};
