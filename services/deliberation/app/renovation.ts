import { CompoundEligibilityRecorded, type ProjectPlan, isRefused } from '@cocreate/contracts';
import { type RouteContext, type ServiceContext, newId, problems } from '@cocreate/kernel';
import { ancestorOf } from '@cocreate/places';
import { auditEntry } from '../domain/changes.ts';
import { type CompoundEligibility, type RecordEligibility, consentGate, ineligibleBecause, isRenovation } from '../domain/renovation.ts';
import { polls } from '../repos/polls.ts';
import { audit, eligibility } from '../repos/settings.ts';
import { refuse } from './common.ts';

/** The community a compound belongs to, or a 422 when the path is not a compound of an urban community. */
async function communityOf(ctx: ServiceContext, compound: string): Promise<string> {
  const [place, village] = await Promise.all([ctx.register.place(compound), ctx.register.villageOf(compound)]);
  if (place?.kind !== 'compound' || village?.kind !== 'community') throw refuse('not-a-compound', {}, '/compound');
  return village.path;
}

/** A compound's eligibility facts, recorded or changed: audited with before and after, published. */
export async function recordEligibility(cmd: RecordEligibility, ctx: RouteContext): Promise<CompoundEligibility> {
  const [village, stored] = await Promise.all([communityOf(ctx, cmd.compound), eligibility.get(ctx.table, cmd.compound)]);
  await Promise.all(cmd.evidence.map((e, i) => ctx.evidence.verify(e, village, `/evidence/${i}`)));
  const next: CompoundEligibility = {
    compound: cmd.compound,
    village,
    multiStorey: cmd.multiStorey,
    structurallySafe: cmd.structurallySafe,
    onDemolitionPlan: cmd.onDemolitionPlan,
    evidence: cmd.evidence,
    recordedBy: ctx.actor.sub,
    recordedAt: ctx.now().toISOString(),
  };
  eligibility.save(ctx.tx, next, stored?.version);
  const facts = (e: CompoundEligibility) => ({
    multiStorey: e.multiStorey,
    structurallySafe: e.structurallySafe,
    onDemolitionPlan: e.onDemolitionPlan,
  });
  const entry = auditEntry({
    changeId: newId(),
    setting: 'compound-eligibility',
    scope: cmd.compound,
    before: stored ? facts(stored.value) : undefined,
    after: facts(next),
    by: ctx.actor.sub,
    now: ctx.now(),
    reason: cmd.reason,
  });
  audit.record(ctx.tx, entry);
  ctx.tx.emit(
    CompoundEligibilityRecorded,
    {
      changeId: entry.changeId,
      compound: cmd.compound,
      village,
      ...(entry.before ? { before: entry.before } : {}),
      after: entry.after,
      eligible: ineligibleBecause(next).length === 0,
      changedBy: entry.changedBy,
      changedAt: entry.changedAt,
      reason: entry.reason,
    },
    { place: cmd.compound },
  );
  return next;
}

export async function getEligibility(compound: string, ctx: RouteContext) {
  const stored = await eligibility.get(ctx.table, compound);
  if (!stored) throw problems.notFound({ zh: '小区改造条件', en: 'The compound’s eligibility' });
  return { ...stored.value, eligible: ineligibleBecause(stored.value).length === 0, failing: ineligibleBecause(stored.value) };
}

export const eligibilityHistory = (query: { compound: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) =>
  audit.history<{ multiStorey: boolean; structurallySafe: boolean; onDemolitionPlan: boolean }>(
    ctx.table,
    'compound-eligibility',
    query.compound,
    query,
  );

/**
 * The consent gate on a plan about to be decided (submitted, resubmitted or adopted): a renovation plan answers with
 * its compound and poll named; any other plan passes unchanged. Refuses with the rule broken and the field.
 */
export async function gatedPlan(ctx: ServiceContext, village: string, plan: ProjectPlan): Promise<ProjectPlan> {
  const place = await ctx.register.place(village);
  if (!isRenovation(plan, place?.kind)) return plan;
  const compound = (await ancestorOf(ctx.register, plan.place, 'compound'))?.path;
  const [poll, facts] = await Promise.all([
    plan.consentPollId ? polls.getVersioned(ctx.table, plan.consentPollId) : undefined,
    compound ? eligibility.get(ctx.table, compound) : undefined,
  ]);
  const gate = consentGate({ compound, consentPollId: plan.consentPollId, poll: poll?.value, eligibility: facts?.value, now: ctx.now() });
  if (isRefused(gate)) throw refuse(gate.refused, gate.detail ?? {}, gate.pointer);
  return { ...plan, compound: gate.compound, consentPollId: gate.consentPollId };
}
