import { z } from 'zod';
import { PlacePath, ReviewStage, SchemeId, SchemePublished } from '@cocreate/contracts';
import { type Table, defineRoute, newId, problems } from '@cocreate/kernel';
import { ancestorsOf, isWithin } from '@cocreate/places';
import {
  Criterion,
  CriterionInput,
  DEFAULT_THRESHOLD,
  LocalText,
  type SchemeSnapshot,
  SchemeVersion,
  Threshold,
  leavesOf,
  flatten,
  snapshotOf,
  validateCriteria,
} from '../domain/scheme.ts';
import { TEMPLATES, defaultTemplate, templateById, templateSnapshot } from '../domain/templates.ts';
import { bindings, schemes } from '../store.ts';
import { Page, notFound, ruleErrors } from './common.ts';

/** Who may write standards at a place: the village's cadres for the village, officials for their area. */
const AUTHORS = ['cadre', 'township-official', 'county-official'] as const;

const BindingPurpose = z.enum(['satisfaction', 'quality', 'sanitation-rating', 'village-review', 'competition']);
type BindingPurpose = z.infer<typeof BindingPurpose>;

function invalidScheme(errors: Parameters<typeof ruleErrors>[2]): never {
  return ruleErrors(
    'invalid-scheme',
    {
      zh: '评价标准不符合规则（同级权重之和须为 1，末级指标须有分值区间）。',
      en: 'The scheme breaks a rule (sibling weights must sum to 1; leaf criteria need a scale).',
    },
    errors,
  );
}

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
  const v = await schemes.version(table, schemeId, version ?? head.latest);
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
      if (s) return s;
    }
  }
  return templateSnapshot(defaultTemplate(purpose));
}

/** A scheme is usable at its own place and below (a county's standard in all its villages). */
const usableAt = (scheme: { place?: string }, place: string) => !scheme.place || isWithin(place, scheme.place);

export function assertUsable(scheme: { place?: string }, place: string, pointer = '/schemeId'): void {
  if (!usableAt(scheme, place)) {
    throw problems.rule('scheme-out-of-scope', { zh: '该评价标准不适用于此地点。', en: 'That scheme does not apply at this place.' }, {}, [
      { in: 'body', pointer, rule: 'scope', message: { zh: '该方案属于其他地区', en: 'the scheme belongs to another area' } },
    ]);
  }
}

const SchemeView = SchemeVersion.extend({ leaves: z.number().int(), latest: z.number().int() });

const view = (v: SchemeVersion, latest: number) => ({ ...v, leaves: leavesOf(v.criteria).length, latest });

function published(tx: Parameters<typeof schemes.save>[0], s: SchemeVersion): void {
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

export const listTemplates = defineRoute({
  method: 'GET',
  path: '/evaluation/scheme-templates',
  operationId: 'listSchemeTemplates',
  summary: 'The schemes shipped as templates (six standards for social-housing communities, household sanitation …)',
  auth: { public: true },
  response: z.object({
    items: z.array(
      z.object({
        id: z.string(),
        version: z.number().int(),
        title: LocalText,
        description: z.string(),
        defaultFor: z.array(z.string()),
        threshold: z.number(),
        criteria: z.array(Criterion),
      }),
    ),
  }),
  handler: async () => ({
    items: TEMPLATES.map((t) => ({
      id: t.id,
      version: t.version,
      title: t.title,
      description: t.description,
      defaultFor: [...t.defaultFor],
      threshold: t.threshold,
      criteria: templateSnapshot(t).criteria,
    })),
  }),
});

export const createScheme = defineRoute({
  method: 'POST',
  path: '/evaluation/schemes',
  operationId: 'createScheme',
  summary: 'Save a new evaluation scheme (from a template or a criteria tree); version 1 is published',
  auth: { roles: [...AUTHORS], place: ({ body }) => body.place },
  body: z.object({
    place: PlacePath,
    template: z.string().max(80).optional(),
    title: LocalText.optional(),
    description: z.string().max(2000).optional(),
    threshold: Threshold.optional(),
    criteria: z.array(CriterionInput).min(1).max(20).optional(),
  }),
  response: SchemeView,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    if (!(await ctx.register.place(body.place))) {
      throw problems.rule('unknown-place', { zh: '地点不存在。', en: 'The place does not exist.' }, {}, [
        { in: 'body', pointer: '/place', rule: 'place', message: { zh: '地点数据中没有这个地点', en: 'not in the places data' } },
      ]);
    }
    const template = body.template ? templateById(body.template) : undefined;
    if (body.template && !template) {
      throw problems.rule('unknown-template', { zh: '模板不存在。', en: 'No such template.' }, {}, [
        { in: 'body', pointer: '/template', rule: 'template', message: { zh: '不是内置模板', en: 'not a shipped template' } },
      ]);
    }
    const criteriaInput = body.criteria ?? template?.criteria;
    const title = body.title ?? template?.title;
    if (!criteriaInput || !title) {
      throw problems.rule(
        'scheme-incomplete',
        { zh: '需提供模板，或提供标题和指标。', en: 'Give a template, or a title and criteria.' },
        {},
        [
          ...(!criteriaInput
            ? [
                {
                  in: 'body' as const,
                  pointer: '/criteria',
                  rule: 'required',
                  message: { zh: '须给出指标或模板', en: 'criteria or a template' },
                },
              ]
            : []),
          ...(!title
            ? [
                {
                  in: 'body' as const,
                  pointer: '/title',
                  rule: 'required',
                  message: { zh: '须给出标题或模板', en: 'a title or a template' },
                },
              ]
            : []),
        ],
      );
    }
    const checked = validateCriteria(criteriaInput);
    if (!checked.ok) invalidScheme(checked.errors);
    const scheme: SchemeVersion = {
      schemeId: newId(),
      version: 1,
      place: body.place,
      title,
      ...((body.description ?? template?.description) ? { description: body.description ?? template!.description } : {}),
      threshold: body.threshold ?? template?.threshold ?? DEFAULT_THRESHOLD,
      criteria: checked.criteria,
      ...(template ? { template: template.id } : {}),
      savedBy: ctx.actor.sub,
      savedAt: ctx.now().toISOString(),
    };
    schemes.save(ctx.tx, scheme, undefined, 'retry');
    published(ctx.tx, scheme);
    return view(scheme, 1);
  },
});

export const reviseScheme = defineRoute({
  method: 'PUT',
  path: '/evaluation/schemes/{schemeId}',
  operationId: 'reviseScheme',
  summary: 'Save the next version of a scheme (reviews already opened keep the version they recorded)',
  auth: { roles: [...AUTHORS], place: async ({ params }, ctx) => (await schemes.head(ctx.table, params.schemeId))?.place },
  params: z.object({ schemeId: SchemeId }),
  body: z.object({
    expectedVersion: z.number().int().positive().describe('The latest version you edited'),
    title: LocalText.optional(),
    description: z.string().max(2000).optional(),
    threshold: Threshold.optional(),
    criteria: z.array(CriterionInput).min(1).max(20),
  }),
  response: SchemeView,
  handler: async ({ params, body }, ctx) => {
    const head = (await schemes.head(ctx.table, params.schemeId))!;
    const stale = problems.conflict(
      'stale-version',
      {
        zh: `评价标准已更新到第 ${head.latest} 版，请基于最新版本修改。`,
        en: `The scheme is at version ${head.latest}; edit the latest version.`,
      },
      { latest: head.latest },
    );
    if (body.expectedVersion !== head.latest) throw stale;
    const checked = validateCriteria(body.criteria);
    if (!checked.ok) invalidScheme(checked.errors);
    const previous = (await schemes.version(ctx.table, params.schemeId, head.latest))!;
    const scheme: SchemeVersion = {
      ...previous,
      version: head.latest + 1,
      title: body.title ?? previous.title,
      ...(body.description !== undefined ? { description: body.description } : {}),
      threshold: body.threshold ?? previous.threshold,
      criteria: checked.criteria,
      savedBy: ctx.actor.sub,
      savedAt: ctx.now().toISOString(),
    };
    schemes.save(ctx.tx, scheme, head.version, stale);
    published(ctx.tx, scheme);
    return view(scheme, scheme.version);
  },
});

export const getScheme = defineRoute({
  method: 'GET',
  path: '/evaluation/schemes/{schemeId}',
  operationId: 'getScheme',
  summary: 'A scheme (latest version, or ?version=n) or a template; standards are public',
  auth: { public: true },
  params: z.object({ schemeId: SchemeId }),
  query: z.object({ version: z.coerce.number().int().positive().optional() }),
  response: z.object({
    schemeId: z.string(),
    version: z.number().int(),
    latest: z.number().int(),
    title: LocalText,
    threshold: z.number(),
    criteria: z.array(Criterion),
    leaves: z.number().int(),
    place: z.string().optional(),
    savedAt: z.string().optional(),
    template: z.string().optional(),
  }),
  handler: async ({ params, query }, ctx) => {
    const template = templateById(params.schemeId);
    if (template) {
      if (query.version !== undefined && query.version !== template.version) throw notFound.scheme();
      const s = templateSnapshot(template);
      return { ...s, latest: template.version, leaves: leavesOf(s.criteria).length, template: template.id };
    }
    const head = await schemes.head(ctx.table, params.schemeId);
    if (!head) throw notFound.scheme();
    const v = await schemes.version(ctx.table, params.schemeId, query.version ?? head.latest);
    if (!v) throw notFound.scheme();
    return {
      ...snapshotOf(v),
      latest: head.latest,
      leaves: leavesOf(v.criteria).length,
      place: v.place,
      savedAt: v.savedAt,
      ...(v.template ? { template: v.template } : {}),
    };
  },
});

export const listSchemes = defineRoute({
  method: 'GET',
  path: '/evaluation/schemes',
  operationId: 'listSchemes',
  summary: 'Schemes saved at a place, newest first',
  auth: { public: true },
  query: Page.extend({ place: PlacePath }),
  response: z.object({
    items: z.array(
      z.object({
        schemeId: z.string(),
        place: z.string(),
        title: LocalText,
        latest: z.number().int(),
        savedAt: z.string(),
        template: z.string().optional(),
      }),
    ),
    cursor: z.string().optional(),
  }),
  handler: async ({ query }, ctx) => schemes.listAt(ctx.table, query.place, query),
});

const BindingView = z.object({
  place: z.string(),
  purpose: z.string(),
  stage: z.string().optional(),
  schemeId: z.string(),
  boundBy: z.string(),
  boundAt: z.string(),
});

export const bindScheme = defineRoute({
  method: 'PUT',
  path: '/evaluation/scheme-bindings',
  operationId: 'bindScheme',
  summary: 'Choose the scheme a purpose (and optionally a project stage) uses at a place and below',
  auth: { roles: [...AUTHORS], place: ({ body }) => body.place },
  body: z.object({ place: PlacePath, purpose: BindingPurpose, stage: ReviewStage.optional(), schemeId: SchemeId }),
  response: BindingView,
  handler: async ({ body }, ctx) => {
    if (!(await ctx.register.place(body.place))) {
      throw problems.rule('unknown-place', { zh: '地点不存在。', en: 'The place does not exist.' }, {}, [
        { in: 'body', pointer: '/place', rule: 'place', message: { zh: '地点数据中没有这个地点', en: 'not in the places data' } },
      ]);
    }
    if (body.stage && body.purpose !== 'satisfaction' && body.purpose !== 'quality') {
      throw problems.rule('stage-not-applicable', { zh: '只有项目评价区分阶段。', en: 'Only project reviews have stages.' }, {}, [
        { in: 'body', pointer: '/stage', rule: 'stage', message: { zh: '仅用于满意度或质量评价', en: 'only for satisfaction or quality' } },
      ]);
    }
    const scheme = await loadScheme(ctx.table, body.schemeId);
    if (!scheme) {
      throw problems.rule('unknown-scheme', { zh: '评价标准不存在。', en: 'No such scheme.' }, {}, [
        { in: 'body', pointer: '/schemeId', rule: 'exists', message: { zh: '没有这个评价方案', en: 'no such scheme' } },
      ]);
    }
    assertUsable(scheme, body.place);
    const binding = { ...body, boundBy: ctx.actor.sub, boundAt: ctx.now().toISOString() };
    bindings.put(ctx.tx, binding);
    return binding;
  },
});

export const listBindings = defineRoute({
  method: 'GET',
  path: '/evaluation/scheme-bindings',
  operationId: 'listSchemeBindings',
  summary: 'Which scheme each purpose uses at a place (bindings set there; closer places override)',
  auth: { public: true },
  query: z.object({ place: PlacePath }),
  response: z.object({ items: z.array(BindingView) }),
  handler: async ({ query }, ctx) => ({ items: await bindings.at(ctx.table, query.place) }),
});

export const schemeRoutes = [listTemplates, createScheme, reviseScheme, getScheme, listSchemes, bindScheme, listBindings];
