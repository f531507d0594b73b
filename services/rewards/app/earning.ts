import type { EventData, ParticipationAssessed, ViolationOverturned, ViolationRecorded } from '@cocreate/contracts';
import type { EventContext } from '@cocreate/kernel';
import type { Earning } from '../domain/earning.ts';
import { supersedes } from '../domain/rounds.ts';
import { kpis } from '../repos/kpis.ts';
import { type PostingContext, creditActivity, deductForViolation, reverseViolation } from './posting.ts';

/**
 * Points from the other services' events. Each source fact has a natural key: the kernel already applies each
 * delivered event once, and the source record makes the same fact credit once even if it reaches us again under another
 * event id. Order does not matter: every credit stands alone, and a violation's overturning may arrive before the
 * violation itself.
 */
const posting = (ctx: EventContext, tx = ctx.tx): PostingContext => ({
  table: ctx.table,
  register: ctx.register,
  tx,
  now: ctx.now,
  actor: `cocreate.${ctx.service}`,
});

/** The person an earning credits: the one it names, or the head of its household as the register has it. */
async function personOf(earning: Earning, ctx: EventContext): Promise<string | undefined> {
  if ('person' in earning.who) return earning.who.person;
  const head = (await ctx.register.household(earning.who.headOf))?.head;
  if (!head) ctx.log.warn('no one to credit: the household is unknown', { household: earning.who.headOf, source: earning.source });
  return head;
}

/** Credits one earning in the event's own unit of work. */
export async function earn(earning: Earning, ctx: EventContext): Promise<void> {
  const person = await personOf(earning, ctx);
  if (!person) return;
  const { who: _who, ...rest } = earning;
  const out = await creditActivity(posting(ctx), { ...rest, person, eventId: ctx.cause.id });
  if (out.outcome !== 'credited') ctx.log.info('no points credited', { source: earning.source, outcome: out.outcome });
}

/**
 * Credits several earnings of one event (the attendees of a session), one unit of work each: there may be more than
 * one transaction can hold, and each credit is once-only by its source, so a retried delivery completes the rest.
 */
export async function earnEach(earnings: readonly Earning[], ctx: EventContext): Promise<void> {
  for (const earning of earnings) {
    const person = await personOf(earning, ctx);
    if (!person) continue;
    const { who: _who, ...rest } = earning;
    await ctx.unit(async (tx) => {
      await creditActivity(posting(ctx, tx), { ...rest, person, eventId: ctx.cause.id });
    });
  }
}

/** What an event earns: nothing, one credit in the event's own unit of work, or several with a unit of work each. */
export async function earnFrom(earned: Earning | readonly Earning[] | undefined, ctx: EventContext): Promise<void> {
  if (isList(earned)) return earnEach(earned, ctx);
  if (earned) return earn(earned, ctx);
}

const isList = (e: Earning | readonly Earning[] | undefined): e is readonly Earning[] => Array.isArray(e);

/** Deducts a violation's points from the person named (a deduction beyond the balance becomes debt). */
export async function deductViolation(d: EventData<typeof ViolationRecorded>, eventId: string, ctx: EventContext): Promise<void> {
  const out = await deductForViolation(posting(ctx), {
    violationId: d.violationId,
    person: d.person,
    village: d.village,
    household: d.household,
    points: d.handling.pointsDeduction ?? 0,
    occurredOn: d.occurredOn,
    eventId,
  });
  ctx.log.info('violation applied', { violationId: d.violationId, outcome: out });
}

/** Reverses an overturned violation's deduction, or makes sure a violation not yet arrived never deducts. */
export async function overturnViolation(d: EventData<typeof ViolationOverturned>, eventId: string, ctx: EventContext): Promise<void> {
  const out = await reverseViolation(posting(ctx), {
    violationId: d.violationId,
    person: d.person,
    village: d.village,
    household: d.household,
    eventId,
  });
  ctx.log.info('violation overturned', { violationId: d.violationId, outcome: out });
}

/** Keeps a village's four KPIs for the year (the latest assessment stands). */
export async function keepKpis(d: EventData<typeof ParticipationAssessed>, assessedAt: string, ctx: EventContext): Promise<void> {
  const incoming = { village: d.village, year: d.year, kpis: d.kpis, assessmentId: d.assessmentId, assessedAt };
  const current = await kpis.get(ctx.table, d.village, d.year);
  if (!supersedes(incoming, current)) return;
  kpis.put(ctx.tx, incoming, current);
}
