import type { EventContext } from '@cocreate/kernel';
import type { VillageClass } from '@cocreate/contracts';
import { countyOf } from '@cocreate/places';
import type { Fact } from '../domain/participation.ts';
import { tiers } from '../repos/assessments.ts';
import { counters } from '../repos/participation.ts';

/**
 * Counts a fact toward its village's participation for its year: O(1) per event (a get, a conditional fact record,
 * an ADD). The fact record stops the same fact published again under another event id.
 */
export async function countFact(f: Fact | undefined, ctx: EventContext): Promise<void> {
  if (!f || f.count === 0) return;
  if (await counters.factSeen(ctx.table, f.village, f.component, f.key)) return;
  counters.count(ctx.tx, f, ctx.now().toISOString());
}

/**
 * A classification sets the village's tier — unless something that took effect later is already recorded (a later
 * classification, or a later year's assessment): a late event does not roll the tier back.
 */
export async function recordClassification(
  d: { village: string; class: VillageClass; decidedAt: string; proposalId: string },
  ctx: EventContext,
): Promise<void> {
  const effectiveAt = new Date(d.decidedAt).toISOString();
  const [current, county] = await Promise.all([tiers.get(ctx.table, d.village), countyOf(ctx.register, d.village)]);
  if (current && current.value.effectiveAt > effectiveAt) return;
  tiers.put(
    ctx.tx,
    {
      village: d.village,
      county: county ?? d.village.split('/').slice(0, -2).join('/'),
      tier: d.class,
      effectiveAt,
      source: 'classification',
      basis: d.proposalId,
    },
    current?.version,
  );
}
