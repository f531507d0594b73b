import { z } from 'zod';
import { Id, IsoDate, PlacePath } from '@cocreate/contracts';
import { Problem, defineRoute, newId, problems } from '@cocreate/kernel';
import {
  Compact,
  CompactVersion,
  DraftAmendment,
  DraftCompact,
  EditDraft,
  adoptParked,
  checkEditable,
  versionInForce,
} from '../domain/compacts.ts';
import { compacts, parked } from '../store.ts';
import { recordAdoption } from './adoption-of-versions.ts';
import { READERS, notFound, today, villageAt } from './common.ts';

/** Compacts: drafting, amending, submitting for deliberation, and reading the version in force on any date. */

const CompactParams = z.object({ compactId: Id });
const VersionParams = z.object({ compactId: Id, version: z.coerce.number().int().positive().max(1_000_000) });

const compactVillage = async ({ params }: { params: { compactId: string } }, ctx: { table: Parameters<typeof compacts.get>[0] }) =>
  (await compacts.get(ctx.table, params.compactId))?.village;

const frozen = () =>
  problems.conflict('version-frozen', {
    zh: '该版本已提交审议或已生效，不能再修改；如需修改请起草新的修订版本。',
    en: 'This version was submitted for deliberation or is in force and can no longer change; draft an amendment instead.',
  });

export const draftCompact = defineRoute({
  method: 'POST',
  path: '/compacts/compacts',
  operationId: 'draftCompact',
  summary: 'Draft a compact (村规民约 or 管护公约): its version 1, editable until submitted for deliberation',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: DraftCompact,
  response: CompactVersion,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    if (!(await villageAt(ctx, body.village))) {
      throw problems.rule('not-a-village', { zh: '公约须属于某个村或社区。', en: 'A compact belongs to a village or community.' }, {}, [
        {
          in: 'body',
          pointer: '/village',
          rule: 'village',
          message: { zh: '须为村或社区的路径', en: 'must be a village or community path' },
        },
      ]);
    }
    const compactId = body.compactId ?? newId();
    const at = ctx.now().toISOString();
    const compact: Compact = {
      compactId,
      village: body.village,
      kind: body.kind,
      title: body.title,
      latestVersion: 1,
      origin: 'drafted',
      createdAt: at,
      createdBy: ctx.actor.sub,
    };
    const version: CompactVersion = {
      compactId,
      village: body.village,
      kind: body.kind,
      version: 1,
      title: body.title,
      articles: body.articles,
      status: 'draft',
      ...(body.effectiveFrom ? { effectiveFrom: body.effectiveFrom } : {}),
      revision: 1,
      createdAt: at,
      createdBy: ctx.actor.sub,
      updatedAt: at,
    };
    const exists = problems.conflict('compact-exists', { zh: '该公约编号已存在。', en: 'A compact with this id already exists.' });
    if (body.compactId && (await compacts.get(ctx.table, body.compactId))) throw exists;
    compacts.createHeader(ctx.tx, compact, exists);
    compacts.createVersion(ctx.tx, version, exists);
    // The first maintenance compact of a village becomes the one facilities handed over are kept under.
    if (body.kind === 'maintenance' && !(await compacts.maintenanceCompactOf(ctx.table, body.village))) {
      compacts.claimMaintenance(ctx.tx, body.village, compactId, 'retry');
    }
    return version;
  },
});

export const draftAmendment = defineRoute({
  method: 'POST',
  path: '/compacts/compacts/{compactId}/versions',
  operationId: 'draftAmendment',
  summary: 'Draft an amendment: a new version, starting from the version in force (else the latest) unless articles are given',
  auth: { roles: ['cadre'], place: compactVillage },
  params: CompactParams,
  body: DraftAmendment,
  response: CompactVersion,
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const found = await compacts.getWithVersions(ctx.table, params.compactId);
    if (!found) throw notFound.compact();
    const { compact, versions } = found;
    // An amendment revises the rules people live by now: it starts from the version in force today, or, before
    // any is, from the latest draft.
    const latest = versionInForce(versions, today(ctx)) ?? versions.reduce((a, b) => (b.version > a.version ? b : a));
    const next = compact.latestVersion + 1;
    const at = ctx.now().toISOString();
    const version: CompactVersion = {
      compactId: compact.compactId,
      village: compact.village,
      kind: compact.kind,
      version: next,
      title: body.title ?? latest.title,
      articles: body.articles ?? latest.articles,
      status: 'draft',
      ...(body.effectiveFrom ? { effectiveFrom: body.effectiveFrom } : {}),
      revision: 1,
      createdAt: at,
      createdBy: ctx.actor.sub,
      updatedAt: at,
    };
    // Two amendments drafted at once: the header's counter lets only one take each number; the other recomputes.
    compacts.bumpLatest(ctx.tx, compact.compactId, compact.latestVersion, next, 'retry');
    compacts.createVersion(ctx.tx, version, 'retry');
    return version;
  },
});

export const editDraft = defineRoute({
  method: 'PATCH',
  path: '/compacts/compacts/{compactId}/versions/{version}',
  operationId: 'editDraft',
  summary: 'Edit a draft version (title, articles, proposed start date); refused once submitted or with a stale revision',
  auth: { roles: ['cadre'], place: compactVillage },
  params: VersionParams,
  body: EditDraft,
  response: CompactVersion,
  handler: async ({ params, body }, ctx) => {
    const current = await compacts.getVersion(ctx.table, params.compactId, params.version);
    if (!current) throw notFound.version();
    if (checkEditable(current) === 'frozen') throw frozen();
    if (body.revision !== current.revision) {
      throw problems.conflict(
        'stale-revision',
        { zh: '草稿已被他人修改，请刷新后再改。', en: 'Someone else changed the draft; reload and edit again.' },
        { revision: current.revision },
      );
    }
    const { effectiveFrom: _old, ...rest } = current;
    const effectiveFrom = body.effectiveFrom === null ? undefined : (body.effectiveFrom ?? current.effectiveFrom);
    const edited: CompactVersion = {
      ...rest,
      ...(body.title ? { title: body.title } : {}),
      ...(body.articles ? { articles: body.articles } : {}),
      ...(effectiveFrom ? { effectiveFrom } : {}),
      revision: current.revision + 1,
      updatedAt: ctx.now().toISOString(),
    };
    compacts.saveVersion(
      ctx.tx,
      edited,
      current.revision,
      problems.conflict('stale-revision', {
        zh: '草稿已被他人修改，请刷新后再改。',
        en: 'Someone else changed the draft; reload and edit again.',
      }),
    );
    return edited;
  },
});

export const submitDraft = defineRoute({
  method: 'POST',
  path: '/compacts/compacts/{compactId}/versions/{version}/submit',
  operationId: 'submitDraft',
  summary: 'Submit a draft for deliberation: its text is frozen; deliberation’s final decision brings it into force',
  auth: { roles: ['cadre'], place: compactVillage },
  params: VersionParams,
  response: CompactVersion,
  handler: async ({ params }, ctx) => {
    const found = await compacts.getWithVersions(ctx.table, params.compactId);
    const current = found?.versions.find((v) => v.version === params.version);
    if (!found || !current) throw notFound.version();
    if (current.status === 'submitted') return current; // submitting twice changes nothing
    if (checkEditable(current) === 'frozen') throw frozen();
    const at = ctx.now().toISOString();
    const submitted: CompactVersion = { ...current, status: 'submitted', submittedAt: at, submittedBy: ctx.actor.sub, updatedAt: at };
    // A final decision that arrived before this version existed takes effect now that its text is frozen.
    const waiting = await parked.get(ctx.table, params.compactId, params.version);
    if (waiting) {
      const outcome = adoptParked(submitted, waiting, ctx.now());
      if ('adopt' in outcome) {
        parked.remove(ctx.tx, params.compactId, params.version);
        return recordAdoption(ctx.tx, found.compact, found.versions, outcome.adopt, current.revision);
      }
    }
    const saved = { ...submitted, revision: current.revision + 1 };
    compacts.saveVersion(ctx.tx, saved, current.revision, 'retry');
    return saved;
  },
});

const CompactSummary = Compact.extend({ inForceVersion: z.number().int().positive().optional() });

export const listCompacts = defineRoute({
  method: 'GET',
  path: '/compacts/compacts',
  operationId: 'listCompacts',
  summary: 'A village’s compacts, each with the version in force today',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath }),
  response: z.object({ items: z.array(CompactSummary) }),
  handler: async ({ query }, ctx) => {
    const list = await compacts.listByVillage(ctx.table, query.village);
    const on = today(ctx);
    const items = await Promise.all(
      list.map(async (c) => {
        const versions = (await compacts.getWithVersions(ctx.table, c.compactId))?.versions ?? [];
        const inForce = versionInForce(versions, on);
        return { ...c, ...(inForce ? { inForceVersion: inForce.version } : {}) };
      }),
    );
    return { items };
  },
});

export const getCompact = defineRoute({
  method: 'GET',
  path: '/compacts/compacts/{compactId}',
  operationId: 'getCompact',
  summary: 'A compact with all its versions (drafts, submitted, adopted with their in-force dates)',
  auth: { roles: READERS, place: compactVillage },
  params: CompactParams,
  response: z.object({ compact: Compact, versions: z.array(CompactVersion), inForceVersion: z.number().int().optional() }),
  handler: async ({ params }, ctx) => {
    const found = await compacts.getWithVersions(ctx.table, params.compactId);
    if (!found) throw notFound.compact();
    const inForce = versionInForce(found.versions, today(ctx));
    return { ...found, ...(inForce ? { inForceVersion: inForce.version } : {}) };
  },
});

export const getVersion = defineRoute({
  method: 'GET',
  path: '/compacts/compacts/{compactId}/versions/{version}',
  operationId: 'getCompactVersion',
  summary: 'One version of a compact',
  auth: { roles: READERS, place: compactVillage },
  params: VersionParams,
  response: CompactVersion,
  handler: async ({ params }, ctx) => {
    const v = await compacts.getVersion(ctx.table, params.compactId, params.version);
    if (!v) throw notFound.version();
    return v;
  },
});

export const versionInForceOn = defineRoute({
  method: 'GET',
  path: '/compacts/compacts/{compactId}/in-force',
  operationId: 'getVersionInForce',
  summary: 'The version of a compact in force on a date (default today, China time)',
  auth: { roles: READERS, place: compactVillage },
  params: CompactParams,
  query: z.object({ on: IsoDate.optional() }),
  response: CompactVersion,
  handler: async ({ params, query }, ctx) => {
    const found = await compacts.getWithVersions(ctx.table, params.compactId);
    if (!found) throw notFound.compact();
    const on = query.on ?? today(ctx);
    const v = versionInForce(found.versions, on);
    if (!v) {
      throw new Problem(
        404,
        'no-version-in-force',
        { zh: '未找到', en: 'Not found' },
        {
          zh: `该公约在 ${on} 没有生效的版本。`,
          en: `No version of this compact was in force on ${on}.`,
        },
      );
    }
    return v;
  },
});

const ParkedView = z.object({
  compactId: z.string(),
  version: z.number().int(),
  village: z.string(),
  proposalId: z.string(),
  title: z.string(),
  decidedAt: z.string(),
  eventId: z.string(),
  reason: z.string(),
  parkedAt: z.string(),
});

export const listParkedDecisions = defineRoute({
  method: 'GET',
  path: '/compacts/decisions/parked',
  operationId: 'listParkedCompactDecisions',
  summary: 'Final decisions on compacts that wait for their draft (or name the wrong village): nothing is lost',
  auth: { roles: ['cadre', 'supervisor', 'township-official', 'county-official', 'ops-admin'], place: ({ query }) => query.village },
  query: z.object({ village: PlacePath }),
  response: z.object({ items: z.array(ParkedView) }),
  handler: async ({ query }, ctx) => ({ items: await parked.listByVillage(ctx.table, query.village) }),
});
