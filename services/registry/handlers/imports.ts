import * as z from 'zod';
import { once, Id, IsoDateTime, PlacePath } from '@cocreate/contracts';
import { defineJob, defineRoute } from '@cocreate/kernel';
import {
  CreateImport,
  IMPORTERS,
  TEMPLATE_SHEETS,
  applyImport,
  createImport,
  dryRun,
  getImport,
  runImportJob,
  scopeOfImport,
  template,
} from '../app/imports.ts';

const Counts = once(() => z.object({ added: z.number(), changed: z.number(), unchanged: z.number(), left: z.number() }));
const Text = once(() => z.string());

/** An import as its routes answer it: status, the last dry run's report and summary, the apply's progress. */
export const ImportView = once(() =>
  z.object({
    importId: Id,
    scope: PlacePath,
    status: z.enum(['awaiting-upload', 'refused', 'invalid', 'dry-run-clean', 'applying', 'applied', 'failed']),
    files: z.array(z.object({ name: z.string(), contentType: z.string() })),
    removeMissing: z.boolean(),
    createdBy: z.string(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    dryRunAt: IsoDateTime.optional(),
    summary: z.object({ places: Counts(), people: Counts(), households: Counts(), properties: Counts(), memberships: Counts() }).optional(),
    report: z
      .object({
        ok: z.boolean(),
        refusal: z
          .object({
            reason: z.string(),
            file: z.string(),
            sheet: z.string().optional(),
            missing: z.array(z.string()).optional(),
            unknown: z.array(z.string()).optional(),
            message: Text(),
          })
          .optional(),
        /** Every wrong row (the first 500; `problemCount` says how many in all): sheet, line as Excel shows it, column as headed in the file. */
        problems: z.array(
          z.object({ sheet: z.string(), sheetName: z.string(), line: z.number(), column: z.string(), reason: z.string(), message: Text() }),
        ),
        problemCount: z.number(),
        /** What the register holds under the scope and the files do not mention (masked names only). */
        left: z.array(z.object({ section: z.string(), key: z.string(), maskedName: z.string().optional() })),
        leftCount: z.number(),
      })
      .optional(),
    progress: z.object({ done: z.number(), total: z.number(), partsDone: z.number(), parts: z.number() }).optional(),
    failure: z.object({ code: z.string(), message: Text(), retryable: z.boolean(), attempts: z.number() }).optional(),
    appliedAt: IsoDateTime.optional(),
  }),
);

const TemplateLink = once(() => z.object({ url: z.string(), filename: z.string(), contentType: z.string() }));
const ImportParams = once(() => z.object({ id: Id }));
const importScope = ({ params }: { params: { id: string } }, ctx: Parameters<typeof scopeOfImport>[1]) => scopeOfImport(params.id, ctx);

export const sheetTemplateRoute = defineRoute({
  method: 'GET',
  path: '/registry/imports/templates/{sheet}',
  operationId: 'getImportSheetTemplate',
  summary: 'A blank roster sheet as CSV (UTF-8 with BOM, opens in Excel): 303 to a short-lived download with its Chinese file name',
  auth: { authenticated: true },
  params: () => z.object({ sheet: z.enum(TEMPLATE_SHEETS) }),
  response: () => TemplateLink(),
  status: 303,
  handler: ({ params }, ctx) => template(params.sheet, ctx),
});

export const workbookTemplateRoute = defineRoute({
  method: 'GET',
  path: '/registry/imports/template.xlsx',
  operationId: 'getImportWorkbookTemplate',
  summary: 'The blank roster workbook (one sheet per roster, each column explained in a note): 303 to a short-lived download',
  auth: { authenticated: true },
  response: () => TemplateLink(),
  status: 303,
  handler: (_input, ctx) => template('workbook', ctx),
});

export const createImportRoute = defineRoute({
  method: 'POST',
  path: '/registry/imports',
  operationId: 'createImport',
  summary: 'Start a roster import for a scope: one presigned upload URL per file (CSV or XLSX, at most 10 MB each)',
  auth: { roles: IMPORTERS, place: ({ body }) => body.scope },
  body: () => CreateImport(),
  response: () =>
    ImportView().extend({
      uploads: z.array(
        z.object({
          name: z.string(),
          method: z.literal('PUT'),
          url: z.string(),
          headers: z.record(z.string(), z.string()),
          expiresAt: IsoDateTime,
          maxBytes: z.number(),
        }),
      ),
    }),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => createImport(body, ctx),
});

export const getImportRoute = defineRoute({
  method: 'GET',
  path: '/registry/imports/{id}',
  operationId: 'getImport',
  summary: 'An import: status, the dry run’s report and summary, the apply’s progress (done/total changes)',
  auth: { roles: IMPORTERS, place: importScope },
  params: () => ImportParams(),
  response: () => ImportView(),
  handler: ({ params }, ctx) => getImport(params.id, ctx),
});

export const dryRunRoute = defineRoute({
  method: 'POST',
  path: '/registry/imports/{id}/dry-run',
  operationId: 'dryRunImport',
  summary:
    'Read the uploaded files and compare them with the register: the report (every wrong row) and the summary; nothing is written to the register',
  auth: { roles: IMPORTERS, place: importScope },
  params: () => ImportParams(),
  response: () => ImportView(),
  handler: ({ params }, ctx) => dryRun(params.id, ctx),
});

export const applyRoute = defineRoute({
  method: 'POST',
  path: '/registry/imports/{id}/apply',
  operationId: 'applyImport',
  summary: 'Apply a clean dry run (202): the import job writes it in chunks, each one transaction with its RegisterImported part',
  auth: { roles: IMPORTERS, place: importScope },
  params: () => ImportParams(),
  response: () => ImportView(),
  status: 202,
  handler: ({ params }, ctx) => applyImport(params.id, ctx),
});

// The static template paths come before `{id}`: the local gateway takes the first route that matches.
export const importRoutes = [sheetTemplateRoute, workbookTemplateRoute, createImportRoute, getImportRoute, dryRunRoute, applyRoute];

export const applyImportsJob = defineJob({
  name: 'apply-imports',
  summary: 'Apply roster imports chunk by chunk (one transaction and one RegisterImported part each), resuming where a run stopped',
  schedule: 'rate(1 minute)',
  handler: (ctx) => runImportJob(ctx),
});
