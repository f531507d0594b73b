import { SchemeBindingChanged, SchemePublished, SchemeRevised } from '@cocreate/contracts';
import { type RouteContext, type Table, type UnitOfWork, newId } from '@cocreate/kernel';
import { ancestorsOf, isWithin } from '@cocreate/places';
import {
  type Binding,
  type CriterionInput,
  DEFAULT_THRESHOLD,
  type LocalText,
  type SchemeSnapshot,
  type SchemeVersion,
  flatten,
  leavesOf,
  snapshotOf,
  validateCriteria,
} from '../domain/scheme.ts';
import { TEMPLATES, defaultTemplate, templateById, templateSnapshot } from '../domain/templates.ts';
import { auditEntry, bindingScope } from '../domain/audit.ts';
import { audit } from '../repos/audit.ts';
import { bindings, schemes } from '../repos/schemes.ts';
import { knownPlace, notFound } from './common.ts';
import { refuse, ruleAt, ruleErrors } from './refusals.ts';

export type BindingPurpose = 'satisfaction' | 'quality' | 'sanitation-rating' | 'village-review' | 'competition';

/** A scheme version or a template as the snapshot a review records. Undefined when it does not exist. */
export async function loadScheme(
  table: Table,
  schemeId: string,
  version?: number,
): Promise<(SchemeSnapshot & { place?: string }) | undefined> {
  const template = templateById(schemeId);
  if (template) return version === undefined || version === template.version ? templateSnapshot(template) : undefined;
  const head = await schemes.head(table, schemeId);
  if (!head) return undefined;
  const v = await schemes.version(table, schemeId, version ?? head.value.latest);
  return v ? { ...snapshotOf(v), place: v.place } : undefined;
}

/**
 * The scheme a purpose uses in a village: the binding at the closest place (village, township, county …), a
 * stage-specific binding before an any-stage one at the same place; else the purpose's default template. The review
 * records the version current at opening.
 */
export async function resolveScheme(table: Table, village: string, purpose: BindingPurpose, stage?: string): Promise<SchemeSnapshot> {
  const chain = ancestorsOf(village).reverse();
  const found = await bindings.forPlaces(table, chain, purpose, stage);
  for (const place of chain) {
    const here = found.filter((b) => b.place === place);
    const pick = here.find((b) => b.stage === stage && stage !== undefined) ?? here.find((b) => b.stage === undefined);
    if (pick) {
      const s = await loadScheme(table, pick.schemeId);
      if (s) {
        const { place: _place, ...snapshot } = s;
        return snapshot;
      }
    }
  }
  return templateSnapshot(defaultTemplate(purpose));
}

/**
 * The scheme a request names for use at `place`: a scheme is usable at its own place and below (a county's standard
 * in all its villages). 422 when it does not exist or belongs to another area.
 */
export async function namedScheme(table: Table, schemeId: string, place: string): Promise<SchemeSnapshot> {
  const found = await loadScheme(table, schemeId);
  if (!found) throw ruleAt('unknown-scheme', '/schemeId', 'exists', { zh: '没有这个评价方案', en: 'no such scheme' });
  const { place: home, ...snapshot } = found;
  if (home && !isWithin(place, home)) {
    throw ruleAt('scheme-out-of-scope', '/schemeId', 'scope', { zh: '该方案属于其他地区', en: 'the scheme belongs to another area' });
  }
  return snapshot;
}

/** The scheme a request names for `place`, or (naming none) the one the place uses by default. */
export const chosenScheme = (
  table: Table,
  schemeId: string | undefined,
  place: string,
  byDefault: () => Promise<SchemeSnapshot> | SchemeSnapshot,
): Promise<SchemeSnapshot> => (schemeId ? namedScheme(table, schemeId, place) : Promise.resolve(byDefault()));

const view = (v: SchemeVersion, latest: number) => ({ ...v, leaves: leavesOf(v.criteria).length, latest });

function publish(tx: UnitOfWork, s: SchemeVersion): void {
  tx.emit(
    SchemePublished,
    {
      schemeId: s.schemeId,
      version: s.version,
      place: s.place,
      title: `${s.title.zh} / ${s.title.en}`.slice(0, 300),
      threshold: s.threshold,
      criteria: flatten(s.criteria).length,
      leaves: leavesOf(s.criteria).length,
      ...(s.template ? { template: s.template } : {}),
    },
    { place: s.place },
  );
}

function checkedCriteria(input: readonly CriterionInput[]) {
  const checked = validateCriteria(input);
  if (!checked.ok) throw ruleErrors('invalid-scheme', checked.errors);
  return checked.criteria;
}

export const templates = () => ({
  items: TEMPLATES.map((t) => ({
    id: t.id,
    version: t.version,
    title: t.title,
    description: t.description,
    defaultFor: [...t.defaultFor],
    threshold: t.threshold,
    criteria: templateSnapshot(t).criteria,
  })),
});

export interface CreateScheme {
  place: string;
  template?: string | undefined;
  title?: LocalText | undefined;
  description?: string | undefined;
  threshold?: number | undefined;
  criteria?: CriterionInput[] | undefined;
}

export async function createScheme(cmd: CreateScheme, ctx: RouteContext) {
  await knownPlace(ctx.register, cmd.place);
  const template = cmd.template ? templateById(cmd.template) : undefined;
  if (cmd.template && !template) {
    throw ruleAt('unknown-template', '/template', 'template', { zh: '不是内置模板', en: 'not a shipped template' });
  }
  const criteriaInput = cmd.criteria ?? template?.criteria;
  const title = cmd.title ?? template?.title;
  if (!criteriaInput || !title) {
    throw ruleErrors('scheme-incomplete', [
      ...(!criteriaInput
        ? [{ pointer: '/criteria', rule: 'required', message: { zh: '须给出指标或模板', en: 'criteria or a template' } }]
        : []),
      ...(!title ? [{ pointer: '/title', rule: 'required', message: { zh: '须给出标题或模板', en: 'a title or a template' } }] : []),
    ]);
  }
  const description = cmd.description ?? template?.description;
  const scheme: SchemeVersion = {
    schemeId: newId(),
    version: 1,
    place: cmd.place,
    title,
    ...(description ? { description } : {}),
    threshold: cmd.threshold ?? template?.threshold ?? DEFAULT_THRESHOLD,
    criteria: checkedCriteria(criteriaInput),
    ...(template ? { template: template.id } : {}),
    savedBy: ctx.actor.sub,
    savedAt: ctx.now().toISOString(),
  };
  schemes.save(ctx.tx, scheme, undefined, 'retry');
  publish(ctx.tx, scheme);
  return view(scheme, 1);
}

/** A scheme's head, read once for the route's place check and its handler. */
export const schemeHeadOf = (ctx: RouteContext, schemeId: string) =>
  ctx.once(`scheme:${schemeId}`, () => schemes.head(ctx.table, schemeId));

export interface ReviseScheme {
  schemeId: string;
  expectedVersion: number;
  title?: LocalText | undefined;
  description?: string | undefined;
  threshold?: number | undefined;
  criteria: CriterionInput[];
  /** Why (the meeting that decided it): kept in the scheme's history. */
  reason: string;
}

/** A version as a scheme's history shows it: which version, its title, threshold and number of leaves. */
const versionRef = (v: SchemeVersion) => ({
  version: v.version,
  title: `${v.title.zh} / ${v.title.en}`.slice(0, 300),
  threshold: v.threshold,
  leaves: leavesOf(v.criteria).length,
});

export async function reviseScheme(cmd: ReviseScheme, ctx: RouteContext) {
  const head = (await schemeHeadOf(ctx, cmd.schemeId))!;
  const latest = head.value.latest;
  const stale = refuse('stale-version', { latest });
  if (cmd.expectedVersion !== latest) throw stale;
  const criteria = checkedCriteria(cmd.criteria);
  const previous = (await schemes.version(ctx.table, cmd.schemeId, latest))!;
  const scheme: SchemeVersion = {
    ...previous,
    version: latest + 1,
    title: cmd.title ?? previous.title,
    ...(cmd.description !== undefined ? { description: cmd.description } : {}),
    threshold: cmd.threshold ?? previous.threshold,
    criteria,
    savedBy: ctx.actor.sub,
    savedAt: ctx.now().toISOString(),
  };
  schemes.save(ctx.tx, scheme, head.version, stale);
  publish(ctx.tx, scheme);
  const entry = auditEntry({
    changeId: newId(),
    setting: 'scheme',
    scope: scheme.schemeId,
    before: versionRef(previous),
    after: versionRef(scheme),
    by: ctx.actor.sub,
    now: ctx.now(),
    reason: cmd.reason,
  });
  audit.record(ctx.tx, entry);
  ctx.tx.emit(
    SchemeRevised,
    {
      changeId: entry.changeId,
      schemeId: scheme.schemeId,
      place: scheme.place,
      before: entry.before!,
      after: entry.after,
      changedBy: entry.changedBy,
      changedAt: entry.changedAt,
      reason: entry.reason,
    },
    { place: scheme.place },
  );
  return view(scheme, scheme.version);
}

export async function getScheme(schemeId: string, version: number | undefined, ctx: RouteContext) {
  const template = templateById(schemeId);
  if (template) {
    if (version !== undefined && version !== template.version) throw notFound.scheme();
    const s = templateSnapshot(template);
    return { ...s, latest: template.version, leaves: leavesOf(s.criteria).length, template: template.id };
  }
  const head = await schemes.head(ctx.table, schemeId);
  if (!head) throw notFound.scheme();
  const v = await schemes.version(ctx.table, schemeId, version ?? head.value.latest);
  if (!v) throw notFound.scheme();
  return {
    ...snapshotOf(v),
    latest: head.value.latest,
    leaves: leavesOf(v.criteria).length,
    place: v.place,
    savedAt: v.savedAt,
    ...(v.template ? { template: v.template } : {}),
  };
}

export const listSchemes = (query: { place: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) =>
  schemes.listAt(ctx.table, query.place, query);

export interface BindScheme {
  place: string;
  purpose: BindingPurpose;
  stage?: string | undefined;
  schemeId: string;
  /** Why (the meeting that chose the standard): kept in the binding's history. */
  reason: string;
}

export async function bindScheme(cmd: BindScheme, ctx: RouteContext): Promise<Binding> {
  await knownPlace(ctx.register, cmd.place);
  if (cmd.stage && cmd.purpose !== 'satisfaction' && cmd.purpose !== 'quality') {
    throw ruleAt('stage-not-applicable', '/stage', 'stage', { zh: '仅用于满意度或质量评价', en: 'only for satisfaction or quality' });
  }
  await namedScheme(ctx.table, cmd.schemeId, cmd.place);
  const { reason, ...chosen } = cmd;
  const found = await bindings.forPlaces(ctx.table, [cmd.place], cmd.purpose, cmd.stage);
  const before = found.find((b) => (b.stage ?? undefined) === (cmd.stage ?? undefined));
  const binding = { ...chosen, boundBy: ctx.actor.sub, boundAt: ctx.now().toISOString() };
  bindings.put(ctx.tx, binding);
  const entry = auditEntry({
    changeId: newId(),
    setting: 'scheme-binding',
    scope: bindingScope(cmd.place, cmd.purpose, cmd.stage),
    before: before ? { schemeId: before.schemeId } : undefined,
    after: { schemeId: cmd.schemeId },
    by: ctx.actor.sub,
    now: ctx.now(),
    reason,
  });
  audit.record(ctx.tx, entry);
  ctx.tx.emit(
    SchemeBindingChanged,
    {
      changeId: entry.changeId,
      place: cmd.place,
      purpose: cmd.purpose,
      ...(cmd.stage ? { stage: cmd.stage } : {}),
      ...(entry.before ? { before: entry.before } : {}),
      after: entry.after,
      changedBy: entry.changedBy,
      changedAt: entry.changedAt,
      reason,
    },
    { place: cmd.place },
  );
  return binding;
}

export const listBindings = async (place: string, ctx: RouteContext) => ({ items: await bindings.at(ctx.table, place) });

/** Every audited change of a setting, newest first (a scheme's revisions, a binding's choices). */
export const settingHistory = (
  setting: 'scheme' | 'scheme-binding' | 'review-pairs',
  scope: string,
  query: { limit: number; cursor?: string | undefined },
  ctx: RouteContext,
) => audit.history(ctx.table, setting, scope, query);
