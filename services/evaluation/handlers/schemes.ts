import * as z from 'zod';
import { once, PlacePath, ReviewStage, SchemeId } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { ORGANISERS } from '../app/common.ts';
import {
  bindScheme,
  createScheme,
  getScheme,
  listBindings,
  listSchemes,
  reviseScheme,
  schemeHeadOf,
  settingHistory,
  templates,
} from '../app/schemes.ts';
import { BindingRef, Reason, SchemeVersionRef, bindingScope, settingChangeOf } from '../domain/audit.ts';
import { Criterion, CriterionInput, LocalText, SchemeVersion, Threshold } from '../domain/scheme.ts';

const BindingPurpose = once(() => z.enum(['satisfaction', 'quality', 'sanitation-rating', 'village-review', 'competition']));

const SchemeView = once(() => SchemeVersion().extend({ leaves: z.number().int(), latest: z.number().int() }));

export const listTemplates = defineRoute({
  method: 'GET',
  path: '/evaluation/scheme-templates',
  operationId: 'listSchemeTemplates',
  summary: 'The schemes shipped as templates (six standards for social-housing communities, household sanitation …)',
  auth: { public: true },
  response: () =>
    z.object({
      items: z.array(
        z.object({
          id: z.string(),
          version: z.number().int(),
          title: LocalText(),
          description: z.string(),
          defaultFor: z.array(z.string()),
          threshold: z.number(),
          criteria: z.array(Criterion()),
        }),
      ),
    }),
  handler: async () => templates(),
});

export const createSchemeRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/schemes',
  operationId: 'createScheme',
  summary: 'Save a new evaluation scheme (from a template or a criteria tree); version 1 is published',
  auth: { roles: [...ORGANISERS], place: ({ body }) => body.place },
  body: () =>
    z.object({
      place: PlacePath,
      template: z.string().max(80).optional(),
      title: LocalText().optional(),
      description: z.string().max(2000).optional(),
      threshold: Threshold().optional(),
      criteria: z.array(CriterionInput()).min(1).max(20).optional(),
    }),
  response: () => SchemeView(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => createScheme(body, ctx),
});

export const reviseSchemeRoute = defineRoute({
  method: 'PUT',
  path: '/evaluation/schemes/{schemeId}',
  operationId: 'reviseScheme',
  summary: 'Save the next version of a scheme (reviews already opened keep the version they recorded)',
  auth: { roles: [...ORGANISERS], place: async ({ params }, ctx) => (await schemeHeadOf(ctx, params.schemeId))?.value.place },
  params: () => z.object({ schemeId: SchemeId() }),
  body: () =>
    z.object({
      expectedVersion: z.number().int().positive().describe('The latest version you edited'),
      title: LocalText().optional(),
      description: z.string().max(2000).optional(),
      threshold: Threshold().optional(),
      criteria: z.array(CriterionInput()).min(1).max(20),
      /** Why (the meeting that revised the standard): kept in the scheme's history. */
      reason: Reason(),
    }),
  response: () => SchemeView(),
  handler: ({ params, body }, ctx) => reviseScheme({ ...body, schemeId: params.schemeId }, ctx),
});

export const schemeHistoryRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/schemes/{schemeId}/history',
  operationId: 'getSchemeHistory',
  summary: 'Every revision of a scheme, newest first: the version before and after, who, when, why (standards are public)',
  auth: { public: true },
  params: () => z.object({ schemeId: SchemeId() }),
  query: () => z.object({ ...pageQuery() }),
  response: () => z.object({ items: z.array(settingChangeOf(SchemeVersionRef())), cursor: z.string().optional() }),
  handler: ({ params, query }, ctx) => settingHistory('scheme', params.schemeId, query, ctx),
});

export const getSchemeRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/schemes/{schemeId}',
  operationId: 'getScheme',
  summary: 'A scheme (latest version, or ?version=n) or a template; standards are public',
  auth: { public: true },
  params: () => z.object({ schemeId: SchemeId() }),
  query: () => z.object({ version: z.coerce.number().int().positive().optional() }),
  response: () =>
    z.object({
      schemeId: z.string(),
      version: z.number().int(),
      latest: z.number().int(),
      title: LocalText(),
      threshold: z.number(),
      criteria: z.array(Criterion()),
      leaves: z.number().int(),
      place: z.string().optional(),
      savedAt: z.string().optional(),
      template: z.string().optional(),
    }),
  handler: ({ params, query }, ctx) => getScheme(params.schemeId, query.version, ctx),
});

export const listSchemesRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/schemes',
  operationId: 'listSchemes',
  summary: 'Schemes saved at a place, newest first',
  auth: { public: true },
  query: () => z.object({ place: PlacePath, ...pageQuery() }),
  response: () =>
    z.object({
      items: z.array(
        z.object({
          schemeId: z.string(),
          place: z.string(),
          title: LocalText(),
          latest: z.number().int(),
          savedAt: z.string(),
          template: z.string().optional(),
        }),
      ),
      cursor: z.string().optional(),
    }),
  handler: ({ query }, ctx) => listSchemes(query, ctx),
});

const BindingView = once(() =>
  z.object({
    place: z.string(),
    purpose: z.string(),
    stage: z.string().optional(),
    schemeId: z.string(),
    boundBy: z.string(),
    boundAt: z.string(),
  }),
);

export const bindSchemeRoute = defineRoute({
  method: 'PUT',
  path: '/evaluation/scheme-bindings',
  operationId: 'bindScheme',
  summary: 'Choose the scheme a purpose (and optionally a project stage) uses at a place and below',
  auth: { roles: [...ORGANISERS], place: ({ body }) => body.place },
  body: () =>
    z.object({ place: PlacePath, purpose: BindingPurpose(), stage: ReviewStage.optional(), schemeId: SchemeId(), reason: Reason() }),
  response: () => BindingView(),
  handler: ({ body }, ctx) => bindScheme(body, ctx),
});

export const listBindingsRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/scheme-bindings',
  operationId: 'listSchemeBindings',
  summary: 'Which scheme each purpose uses at a place (bindings set there; closer places override)',
  auth: { public: true },
  query: () => z.object({ place: PlacePath }),
  response: () => z.object({ items: z.array(BindingView()) }),
  handler: ({ query }, ctx) => listBindings(query.place, ctx),
});

export const bindingHistoryRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/scheme-bindings/history',
  operationId: 'getSchemeBindingHistory',
  summary: 'Every choice of the scheme a purpose (and stage) uses at a place, newest first: before, after, who, when, why',
  auth: { public: true },
  query: () => z.object({ place: PlacePath, purpose: BindingPurpose(), stage: ReviewStage.optional(), ...pageQuery() }),
  response: () => z.object({ items: z.array(settingChangeOf(BindingRef())), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => settingHistory('scheme-binding', bindingScope(query.place, query.purpose, query.stage), query, ctx),
});

export const schemeRoutes = [
  listTemplates,
  createSchemeRoute,
  reviseSchemeRoute,
  getSchemeRoute,
  listSchemesRoute,
  bindSchemeRoute,
  listBindingsRoute,
  schemeHistoryRoute,
  bindingHistoryRoute,
];
