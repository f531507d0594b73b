import { CompactAdopted, CompactAmended } from '@cocreate/contracts';
import { Problem, type RouteContext, type UnitOfWork, newId } from '@cocreate/kernel';
import {
  type Compact,
  type CompactVersion,
  type DraftAmendment,
  type DraftCompact,
  type EditDraft,
  type ParkedDecision,
  adoptParked,
  diffArticles,
  draftAmendment as amendmentOf,
  draftCompact as compactOf,
  editDraft as edited,
  submitDraft as submitted,
  versionInForce,
} from '../domain/compacts.ts';
import { compacts, parked } from '../repos/compacts.ts';
import { listedVillage, notFound, requireVillage, today } from './common.ts';
import { refuse, settled } from './refusals.ts';

/** Compacts: drafting, amending, submitting for deliberation, and reading the version in force on any date. */

/** The compact's header as read in this attempt (the route's place check and the use case share it). */
const compactOnce = (ctx: RouteContext, compactId: string): Promise<Compact | undefined> =>
  ctx.once(`compact:${compactId}`, () => compacts.get(ctx.table, compactId));

/** The village a compact belongs to (what the routes' place checks ask). */
export const compactVillage = async (compactId: string, ctx: RouteContext): Promise<string | undefined> =>
  (await compactOnce(ctx, compactId))?.village;

const drafting = (ctx: RouteContext) => ({ by: ctx.actor.sub, at: ctx.now().toISOString() });

export async function draftCompact(body: DraftCompact, ctx: RouteContext): Promise<CompactVersion> {
  await requireVillage(ctx, body.village);
  const { compact, version } = compactOf(body, body.compactId ?? newId(), 'drafted', drafting(ctx));
  if (body.compactId && (await compactOnce(ctx, body.compactId))) throw refuse('compact-exists');
  compacts.createHeader(ctx.tx, compact, refuse('compact-exists'));
  compacts.createVersion(ctx.tx, version, refuse('compact-exists'));
  // The first maintenance compact of a village becomes the one facilities handed over are kept under.
  if (body.kind === 'maintenance' && !(await compacts.maintenanceCompactOf(ctx.table, body.village))) {
    compacts.claimMaintenance(ctx.tx, body.village, compact.compactId, 'retry');
  }
  return version;
}

export async function draftAmendment(compactId: string, body: DraftAmendment, ctx: RouteContext): Promise<CompactVersion> {
  const found = await compacts.getWithVersions(ctx.table, compactId);
  if (!found) throw notFound.compact();
  const version = amendmentOf(found.compact, found.versions, body, today(ctx), drafting(ctx));
  // Two amendments drafted at once: the header's counter lets only one take each number; the other recomputes.
  compacts.bumpLatest(ctx.tx, compactId, found.compact.latestVersion, version.version, 'retry');
  compacts.createVersion(ctx.tx, version, 'retry');
  return version;
}

export async function editDraft(compactId: string, version: number, body: EditDraft, ctx: RouteContext): Promise<CompactVersion> {
  const current = await compacts.getVersion(ctx.table, compactId, version);
  if (!current) throw notFound.version();
  const next = settled(edited(current, body, ctx.now().toISOString()));
  compacts.saveVersion(ctx.tx, next, current.revision, refuse('stale-revision'));
  return next;
}

export async function submitDraft(compactId: string, version: number, ctx: RouteContext): Promise<CompactVersion> {
  const found = await compacts.getWithVersions(ctx.table, compactId);
  const current = found?.versions.find((v) => v.version === version);
  if (!found || !current) throw notFound.version();
  const outcome = settled(submitted(current, drafting(ctx)));
  if ('unchanged' in outcome) return outcome.unchanged; // submitting twice changes nothing
  // A final decision that arrived before this version existed takes effect now that its text is frozen.
  const waiting = await parked.get(ctx.table, compactId, version);
  if (waiting) {
    const adoption = adoptParked(outcome.submitted, waiting, ctx.now());
    if ('adopt' in adoption) {
      parked.remove(ctx.tx, compactId, version);
      return recordAdoption(ctx.tx, found.compact, found.versions, adoption.adopt, current.revision);
    }
  }
  const saved = { ...outcome.submitted, revision: current.revision + 1 };
  compacts.saveVersion(ctx.tx, saved, current.revision, 'retry');
  return saved;
}

/** A village's compacts, each with the version in force today. */
export async function listCompacts(village: string, ctx: RouteContext) {
  await listedVillage(ctx, village);
  const list = await compacts.listByVillage(ctx.table, village);
  const on = today(ctx);
  const items = await Promise.all(
    list.map(async (c) => {
      const inForce = versionInForce(await compacts.versions(ctx.table, c.compactId), on);
      return { ...c, ...(inForce ? { inForceVersion: inForce.version } : {}) };
    }),
  );
  return { items };
}

export async function getCompact(compactId: string, ctx: RouteContext) {
  const found = await compacts.getWithVersions(ctx.table, compactId);
  if (!found) throw notFound.compact();
  const inForce = versionInForce(found.versions, today(ctx));
  return { ...found, ...(inForce ? { inForceVersion: inForce.version } : {}) };
}

export async function getVersion(compactId: string, version: number, ctx: RouteContext): Promise<CompactVersion> {
  const v = await compacts.getVersion(ctx.table, compactId, version);
  if (!v) throw notFound.version();
  return v;
}

/** The version in force on a day (default today, China time); 404 `no-version-in-force` before any was. */
export async function versionInForceOn(compactId: string, on: string | undefined, ctx: RouteContext): Promise<CompactVersion> {
  const found = await compacts.getWithVersions(ctx.table, compactId);
  if (!found) throw notFound.compact();
  const day = on ?? today(ctx);
  const v = versionInForce(found.versions, day);
  if (!v) {
    throw new Problem(
      404,
      'no-version-in-force',
      { zh: '未找到', en: 'Not found' },
      { zh: `该公约在 ${day} 没有生效的版本。`, en: `No version of this compact was in force on ${day}.` },
    );
  }
  return v;
}

export async function listParkedDecisions(village: string, ctx: RouteContext): Promise<{ items: ParkedDecision[] }> {
  await listedVillage(ctx, village);
  return { items: await parked.listByVillage(ctx.table, village) };
}

/**
 * Writes an adopted version and announces it: CompactAdopted for every version that comes into force, and
 * CompactAmended as well when it replaces an earlier adopted version. Shared by the DecisionFinal consumer and the
 * submission of a draft whose decision was parked.
 */
export function recordAdoption(
  tx: UnitOfWork,
  compact: Compact,
  versions: readonly CompactVersion[],
  adopted: CompactVersion,
  expectedRevision: number,
): CompactVersion {
  const saved: CompactVersion = { ...adopted, revision: expectedRevision + 1 };
  compacts.saveVersion(tx, saved, expectedRevision, 'retry');
  const inForceFrom = saved.inForceFrom!;
  const proposalId = saved.proposalId!;
  tx.emit(
    CompactAdopted,
    {
      compactId: compact.compactId,
      village: compact.village,
      version: saved.version,
      title: saved.title,
      kind: compact.kind,
      inForceFrom,
      proposalId,
    },
    { place: compact.village },
  );
  // The version it replaces: the one in force on its first day among the others already adopted.
  const others = versions.filter((v) => v.version !== saved.version);
  const replaced = versionInForce(others, inForceFrom);
  if (replaced) {
    tx.emit(
      CompactAmended,
      {
        compactId: compact.compactId,
        village: compact.village,
        kind: compact.kind,
        fromVersion: replaced.version,
        toVersion: saved.version,
        inForceFrom,
        proposalId,
        articles: diffArticles(replaced.articles, saved.articles),
      },
      { place: compact.village },
    );
  }
  return saved;
}
