import { type DecisionFinal, type EventData, type FacilitiesHandedOver, SpaceRegistered } from '@cocreate/contracts';
import { type EventContext, type UnitOfWork, newId } from '@cocreate/kernel';
import { type Place, isWithin } from '@cocreate/places';
import { type ParkedDecision, adopt, draftCompact, maintenanceTemplate } from '../domain/compacts.ts';
import type { Space } from '../domain/spaces.ts';
import { compacts, parked } from '../repos/compacts.ts';
import { spaces } from '../repos/spaces.ts';
import { villageAt } from './common.ts';
import { recordAdoption } from './compacts.ts';

/**
 * deliberation → DecisionFinal (kind compact): the version the decision names comes into force.
 * A decision for a compact or version this service does not hold is parked, not lost: it is listed at
 * `GET /compacts/decisions/parked` and takes effect when that version is submitted here (README, "Decisions that
 * arrive first"). A decision naming another village than the compact's is parked too and never applied.
 */
export async function applyFinalDecision(data: EventData<typeof DecisionFinal>, eventId: string, ctx: EventContext): Promise<void> {
  if (data.kind !== 'compact') return; // other decisions are for other services
  const { compactId, version } = data.compact;
  const decision = { proposalId: data.proposalId, village: data.village, decidedAt: data.decidedAt };
  const park = (reason: Exclude<ParkedDecision['reason'], 'not-submitted'>) => {
    ctx.log.warn('compact decision parked', { compactId, version, reason });
    parked.put(ctx.tx, {
      compactId,
      version,
      village: data.village,
      proposalId: data.proposalId,
      title: data.title,
      decidedAt: data.decidedAt,
      eventId,
      reason,
      parkedAt: ctx.now().toISOString(),
    });
  };
  const found = await compacts.getWithVersions(ctx.table, compactId);
  if (!found) return park('unknown-compact');
  const target = found.versions.find((v) => v.version === version);
  if (!target) return park('unknown-version');
  const outcome = adopt(target, decision, ctx.now());
  if ('park' in outcome) return park('village-mismatch');
  if ('skip' in outcome) {
    ctx.log.info('compact version already in force; decision changes nothing', { compactId, version });
    return;
  }
  recordAdoption(ctx.tx, found.compact, found.versions, outcome.adopt, target.revision);
}

/** Facilities per transaction: two writes each (space + event) within DynamoDB's 100, leaving room for the compact. */
const FACILITIES_PER_UNIT = 40;

/**
 * projects → FacilitiesHandedOver: each facility enters the village's public-space registry (space id = facility id,
 * so a repeated hand-over never registers one twice), kept under the village's maintenance compact (管护公约). A
 * village without one gets a draft from the standard template, to be adopted through deliberation like any compact.
 */
export async function registerHandedOver(data: EventData<typeof FacilitiesHandedOver>, ctx: EventContext): Promise<void> {
  const { projectId, village, facilities } = data;
  const place = await villageAt(ctx, village);
  if (!place) throw new Error(`FacilitiesHandedOver for unknown village ${village}`);
  const outside = facilities.filter((f) => !isWithin(f.place, village));
  if (outside.length) throw new Error(`facilities ${outside.map((f) => f.facilityId).join(',')} lie outside ${village}`);

  const large = facilities.length > FACILITIES_PER_UNIT;
  let compactId = await compacts.maintenanceCompactOf(ctx.table, village);
  if (!compactId && !large) compactId = draftMaintenanceCompact(ctx, ctx.tx, place);
  if (!compactId) {
    // A large hand-over commits in several units: the compact must exist before the first of them. The unit's last
    // attempt says which one the village has (the one it found, or the one it drafted).
    let named: string | undefined;
    await ctx.unit(async (tx) => {
      named = (await compacts.maintenanceCompactOf(ctx.table, village)) ?? draftMaintenanceCompact(ctx, tx, place);
    });
    compactId = named!;
  }
  const at = ctx.now().toISOString();
  const register = async (tx: UnitOfWork, batch: typeof facilities) => {
    const existing = new Set(
      (await Promise.all(batch.map((f) => spaces.get(ctx.table, f.facilityId)))).filter(Boolean).map((s) => s!.spaceId),
    );
    for (const f of batch) {
      if (existing.has(f.facilityId)) continue;
      const space: Space = {
        spaceId: f.facilityId,
        village,
        kind: f.kind,
        name: f.name,
        place: f.place,
        capacity: 1,
        activeAdopters: 0,
        compactId,
        source: 'handed-over',
        projectId,
        registeredAt: at,
        registeredBy: `project:${projectId}`,
      };
      // A concurrent delivery of another hand-over with the same facility: recompute, then skip it.
      spaces.create(tx, space, 'retry');
      tx.emit(
        SpaceRegistered,
        {
          spaceId: space.spaceId,
          village,
          spaceKind: space.kind,
          name: space.name,
          place: space.place,
          capacity: 1,
          compactId,
          source: 'handed-over',
          projectId,
        },
        { place: village },
      );
    }
  };
  if (!large) {
    await register(ctx.tx, facilities);
    return;
  }
  // A very large hand-over: separate units of at most 40 facilities, each skipping what an earlier try registered.
  for (let i = 0; i < facilities.length; i += FACILITIES_PER_UNIT) {
    const batch = facilities.slice(i, i + FACILITIES_PER_UNIT);
    await ctx.unit((tx) => register(tx, batch));
  }
}

/** Drafts the village's maintenance compact from the template and names it the village's one; returns its id. */
function draftMaintenanceCompact(ctx: EventContext, tx: UnitOfWork, place: Place): string {
  const template = maintenanceTemplate(place.name.zh);
  const { compact, version } = draftCompact(
    { village: place.path, kind: 'maintenance', title: template.title, articles: template.articles },
    newId(),
    'template',
    { by: 'cocreate.compacts', at: ctx.now().toISOString() },
  );
  compacts.createHeader(tx, compact, 'retry');
  compacts.createVersion(tx, version, 'retry');
  // Two hand-overs in a village at once: only one template becomes the village's; the other recomputes and uses it.
  compacts.claimMaintenance(tx, place.path, compact.compactId, 'retry');
  return compact.compactId;
}
