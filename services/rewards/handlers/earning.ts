import {
  AwardGranted,
  BallotCast,
  CandidateSupported,
  ContributionRecorded,
  DiscussionHeld,
  NeedTriaged,
  ParticipationAssessed,
  PersonId,
  ReviewSubmitted,
  SpaceAdopted,
  UpkeepLogged,
  ViolationOverturned,
  ViolationRecorded,
} from '@cocreate/contracts';
import { type EventContext, defineSubscription } from '@cocreate/kernel';
import { supersedes } from '../domain/rounds.ts';
import { kpis } from '../repos/kpis.ts';
import { type CreditRequest, type PostingContext, creditActivity, deductForViolation, reverseViolation } from './posting.ts';

/**
 * Points earned from the other services' participation-bearing events. Each source fact has a natural key (the
 * `source` below): the kernel already applies each delivered event once, and the source record makes the same
 * fact credit once even if it reaches us again under another event id. Order does not matter: every credit stands
 * alone, and a violation's overturning may arrive before the violation itself.
 */
const posting = (ctx: EventContext): PostingContext => ({
  table: ctx.table,
  register: ctx.register,
  tx: ctx.tx,
  now: ctx.now,
  actor: `cocreate.${ctx.service}`,
});

async function creditOne(ctx: EventContext, req: Omit<CreditRequest, 'eventId'>): Promise<void> {
  const out = await creditActivity(posting(ctx), { ...req, eventId: ctx.cause.id });
  if (out.outcome !== 'credited') ctx.log.info('no points credited', { source: req.source, outcome: out.outcome });
}

export const onBallotCast = defineSubscription({
  name: 'ballot-cast',
  summary: 'A ballot counted in a body’s vote earns its voter points (proxy ballots do not: the voter did not take part)',
  events: [BallotCast],
  handler: async (event, ctx) => {
    const d = event.data;
    if (d.channel === 'proxy') return;
    await creditOne(ctx, {
      person: d.voter,
      village: d.village,
      activity: 'ballot-cast',
      units: 1,
      source: `ballot:${d.proposalId}:${d.step}:${d.body}:${d.voter}`,
      occurredAt: event.meta.occurredAt,
    });
  },
});

export const onNeedTriaged = defineSubscription({
  name: 'need-triaged',
  summary: 'A need accepted onto the needs list (意见被采纳) earns the resident who raised it points',
  events: [NeedTriaged],
  handler: async (event, ctx) => {
    const d = event.data;
    if (d.outcome !== 'accepted') return;
    await creditOne(ctx, {
      person: d.raisedBy,
      village: d.village,
      activity: 'need-adopted',
      units: 1,
      source: `need-adopted:${d.needId}`,
      occurredAt: event.meta.occurredAt,
    });
  },
});

export const onCandidateSupported = defineSubscription({
  name: 'candidate-supported',
  summary: 'Supporting a candidate on the project list (点单式) earns points once per candidate and resident',
  events: [CandidateSupported],
  handler: async (event, ctx) => {
    const d = event.data;
    await creditOne(ctx, {
      person: d.supporter,
      village: d.village,
      ...(d.household ? { household: d.household } : {}),
      activity: 'candidate-supported',
      units: 1,
      source: `support:${d.candidateId}:${d.supporter}`,
      occurredAt: event.meta.occurredAt,
    });
  },
});

export const onDiscussionHeld = defineSubscription({
  name: 'discussion-held',
  summary: 'Each resident attending a three-party discussion (三方议) earns points, once per session',
  events: [DiscussionHeld],
  handler: async (event, ctx) => {
    const d = event.data;
    // One unit of work per attendee: a session may have more attendees than one transaction can hold, and each
    // attendee's credit is itself once-only by its source key, so a retried delivery completes the rest.
    for (const person of new Set(d.residentAttendees)) {
      await ctx.unit(async (tx) => {
        await creditActivity(
          { ...posting(ctx), tx },
          {
            person,
            village: d.village,
            activity: 'discussion-attended',
            units: 1,
            source: `discussion:${d.sessionId}:${person}`,
            occurredAt: d.heldAt,
            eventId: ctx.cause.id,
          },
        );
      });
    }
  },
});

export const onContributionRecorded = defineSubscription({
  name: 'contribution-recorded',
  summary: 'Unpaid labour earns points per hour, other in-kind contributions a fixed number; the household head when no person is named',
  events: [ContributionRecorded],
  handler: async (event, ctx) => {
    const d = event.data;
    const person = d.person ?? (await ctx.register.household(d.household))?.head;
    if (!person) {
      ctx.log.warn('contribution of an unknown household: no one to credit', { household: d.household, contributionId: d.contributionId });
      return;
    }
    // Paid labour on cooperative projects is wages (薪金), not volunteering; labour without hours earns nothing.
    if (d.kind === 'labour' && (d.paid || !d.hours)) return;
    await creditOne(ctx, {
      person,
      village: d.village,
      household: d.household,
      activity: d.kind === 'labour' ? 'labour-hour' : 'contribution-in-kind',
      units: d.kind === 'labour' ? (d.hours ?? 0) : 1,
      source: `contribution:${d.contributionId}`,
      occurredAt: `${d.contributedOn}T12:00:00+08:00`,
    });
  },
});

export const onSpaceAdopted = defineSubscription({
  name: 'space-adopted',
  summary: 'Adopting a public space (认领) earns the adopting person points, once per space and adopter',
  events: [SpaceAdopted],
  handler: async (event, ctx) => {
    const d = event.data;
    await creditOne(ctx, {
      person: d.person,
      village: d.village,
      ...(d.household ? { household: d.household } : {}),
      activity: 'space-adopted',
      units: 1,
      source: `space:${d.spaceId}:${d.person}:${d.adoptedOn}`,
      occurredAt: `${d.adoptedOn}T12:00:00+08:00`,
    });
  },
});

export const onUpkeepLogged = defineSubscription({
  name: 'upkeep-logged',
  summary: 'Logging upkeep of an adopted space earns points',
  events: [UpkeepLogged],
  handler: async (event, ctx) => {
    const d = event.data;
    await creditOne(ctx, {
      person: d.person,
      village: d.village,
      ...(d.household ? { household: d.household } : {}),
      activity: 'upkeep-logged',
      units: 1,
      source: `upkeep:${d.upkeepId}`,
      occurredAt: d.loggedAt,
    });
  },
});

export const onReviewSubmitted = defineSubscription({
  name: 'review-submitted',
  summary: 'Taking part in a review (服务谁、谁评价) earns points, once per response',
  events: [ReviewSubmitted],
  handler: async (event, ctx) => {
    const d = event.data;
    await creditOne(ctx, {
      person: d.reviewer,
      village: d.village,
      ...(d.household ? { household: d.household } : {}),
      activity: 'review-submitted',
      units: 1,
      source: `review:${d.responseId}`,
      occurredAt: event.meta.occurredAt,
    });
  },
});

export const onAwardGranted = defineSubscription({
  name: 'award-granted',
  summary: 'Winning a competition or rating (最美庭院, 五星级文明户) earns the credited person points; village winners earn none',
  events: [AwardGranted],
  handler: async (event, ctx) => {
    const d = event.data;
    const person =
      d.person ??
      (d.winner.kind === 'household'
        ? (await ctx.register.household(d.winner.id))?.head
        : d.winner.kind === 'person' && PersonId.safeParse(d.winner.id).success
          ? d.winner.id
          : undefined);
    if (!person) return;
    await creditOne(ctx, {
      person,
      village: d.village,
      ...(d.household ? { household: d.household } : {}),
      activity: 'award-granted',
      units: 1,
      source: `award:${d.awardId}`,
      occurredAt: event.meta.occurredAt,
    });
  },
});

export const onViolationRecorded = defineSubscription({
  name: 'violation-recorded',
  summary: 'Deduct the article’s points from the person named (a deduction beyond the balance becomes debt)',
  events: [ViolationRecorded],
  handler: async (event, ctx) => {
    const d = event.data;
    const out = await deductForViolation(posting(ctx), {
      violationId: d.violationId,
      person: d.person,
      village: d.village,
      household: d.household,
      points: d.handling.pointsDeduction ?? 0,
      occurredOn: d.occurredOn,
      eventId: event.meta.id,
    });
    ctx.log.info('violation applied', { violationId: d.violationId, outcome: out });
  },
});

export const onViolationOverturned = defineSubscription({
  name: 'violation-overturned',
  summary: 'Reverse an overturned violation’s deduction; if the violation has not arrived yet, make sure it never deducts',
  events: [ViolationOverturned],
  handler: async (event, ctx) => {
    const d = event.data;
    const out = await reverseViolation(posting(ctx), {
      violationId: d.violationId,
      person: d.person,
      village: d.village,
      household: d.household,
      eventId: event.meta.id,
    });
    ctx.log.info('violation overturned', { violationId: d.violationId, outcome: out });
  },
});

export const onParticipationAssessed = defineSubscription({
  name: 'participation-assessed',
  summary: 'Keep each village’s four KPIs per year for award rounds (the latest assessment stands)',
  events: [ParticipationAssessed],
  handler: async (event, ctx) => {
    const d = event.data;
    const incoming = { village: d.village, year: d.year, kpis: d.kpis, assessmentId: d.assessmentId, assessedAt: event.meta.occurredAt };
    const current = await kpis.get(ctx.table, d.village, d.year);
    if (!supersedes(incoming, current)) return;
    kpis.put(ctx.tx, incoming, current);
  },
});

export const earningSubscriptions = [
  onBallotCast,
  onNeedTriaged,
  onCandidateSupported,
  onDiscussionHeld,
  onContributionRecorded,
  onSpaceAdopted,
  onUpkeepLogged,
  onReviewSubmitted,
  onAwardGranted,
  onViolationRecorded,
  onViolationOverturned,
  onParticipationAssessed,
];
