import * as z from 'zod';
import { once, BallotChannel, EvidenceRef, Id, PersonId, says } from '@cocreate/contracts';

const Text = once(() => z.object({ zh: z.string(), en: z.string() }));
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { Choice, PaperLine } from '../domain/votes.ts';
import {
  authoriseProxy as authorise,
  castBallot as cast,
  importPaperBallots as importSheet,
  listBallots as list,
  paperCsvStatus,
  paperCsvTemplateOf,
  uploadPaperCsv,
} from '../app/ballots.ts';
import { MAX_CSV_BALLOTS, MAX_CSV_CHARS } from '../domain/paper-csv.ts';
import { VILLAGE_PEOPLE, VILLAGE_READERS } from '../app/common.ts';
import { proposalVillage } from '../app/proposals.ts';

const ProposalParams = once(() => z.object({ proposalId: Id }));

const BallotView = once(() =>
  z.object({
    proposalId: Id,
    round: z.number().int(),
    step: z.number().int(),
    body: z.string(),
    voter: z.string(),
    channel: BallotChannel,
    castBy: z.string(),
    castAt: z.string(),
    choice: Choice().optional(),
    batchRef: z.string().optional(),
    line: z.number().int().optional(),
    authorisationId: z.string().optional(),
  }),
);

/**
 * 投票: a member of the voting body casts their own ballot online, or an authorised proxy casts it for them. A voter
 * counts once across all channels.
 */
export const castBallot = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/ballots',
  operationId: 'castBallot',
  summary: 'Cast a ballot at the current step: your own (online), or for a voter who authorised you (proxy)',
  auth: { roles: VILLAGE_PEOPLE, place: proposalVillage },
  params: () => ProposalParams(),
  body: () =>
    z.object({
      step: z.number().int().nonnegative(),
      choice: Choice(),
      /** Set when voting as a proxy: the voter who authorised you. */
      onBehalfOf: PersonId.optional(),
    }),
  response: () => BallotView(),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => cast({ ...body, proposalId: params.proposalId }, ctx),
});

/** 委托投票: a voter authorises someone of the village to vote for them at one step (委托书). */
export const authoriseProxy = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/proxies',
  operationId: 'authoriseProxy',
  summary: 'Authorise a proxy for the current step: by the voter online, or recorded by a cadre with the signed form’s scan',
  auth: { roles: VILLAGE_PEOPLE, place: proposalVillage },
  params: () => ProposalParams(),
  body: () =>
    z.object({
      step: z.number().int().nonnegative(),
      principal: PersonId,
      proxy: PersonId,
      /** The signed authorisation form (委托书); required when a cadre records it for someone else. */
      evidence: EvidenceRef.optional(),
    }),
  response: () =>
    z.object({
      authorisationId: Id,
      proposalId: Id,
      round: z.number().int(),
      step: z.number().int(),
      principal: z.string(),
      proxy: z.string(),
      evidence: EvidenceRef.optional(),
      grantedBy: z.string(),
      grantedAt: z.string(),
    }),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => authorise({ ...body, proposalId: params.proposalId }, ctx),
});

const Verdict = once(() =>
  z.object({
    line: z.number().int(),
    voter: z.string(),
    choice: Choice(),
    verdict: z.enum(['accepted', 'already-counted', 'refused']),
    reason: z.string().optional(),
    existing: z.object({ channel: BallotChannel, batchRef: z.string().optional() }).optional(),
  }),
);

/**
 * 纸质计票单导入: a cadre imports a paper tally sheet for the current step, with the sheet's scan as evidence. Every
 * line gets a verdict — counted, already counted by this same sheet (a re-import), or refused with the reason.
 */
export const importPaperBallots = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/paper-ballots',
  operationId: 'importPaperBallots',
  summary: 'Import a paper tally sheet for the current step (cadres): the scan as evidence, a verdict per line',
  auth: { roles: ['cadre'], place: proposalVillage },
  params: () => ProposalParams(),
  body: () =>
    z.object({
      step: z.number().int().nonnegative(),
      /** The sheet's own reference (计票单编号), unique within the step; re-importing it changes nothing already counted. */
      batchRef: z
        .string()
        .trim()
        .min(1)
        .max(64)
        .regex(/^[A-Za-z0-9._-]+$/, says({ zh: '字母、数字和 . _ -', en: 'letters, digits, . _ -' })),
      scan: EvidenceRef,
      lines: z.array(PaperLine()).min(1).max(1000),
    }),
  response: () =>
    z.object({
      batchRef: z.string(),
      accepted: z.number().int(),
      alreadyCounted: z.number().int(),
      refused: z.number().int(),
      lines: z.array(Verdict()),
    }),
  idempotent: true,
  handler: ({ params, body }, ctx) => importSheet({ ...body, proposalId: params.proposalId }, ctx),
});

const BatchRef = once(() =>
  z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, says({ zh: '字母、数字和 . _ -', en: 'letters, digits, . _ -' })),
);

const RowProblem = once(() =>
  z.object({
    row: z.number().int().meta({ description: 'The spreadsheet row (the header is row 1); 0 for the whole file' }),
    code: z.enum([
      'not-csv',
      'empty-file',
      'missing-column',
      'duplicate-column',
      'too-many-rows',
      'bad-row',
      'bad-choice',
      'bad-line',
      'unknown-voter',
      'not-eligible',
      'duplicate-in-file',
      'already-voted',
    ]),
    message: Text(),
    column: z.string().optional(),
    voter: z.string().optional(),
    value: z.string().optional(),
    firstRow: z.number().int().optional(),
    existing: z.object({ channel: BallotChannel, batchRef: z.string().optional() }).optional(),
  }),
);

/** 纸质选票 CSV 模板: the file to fill in for the current step — the header, and a row per member with the choice blank. */
export const paperCsvTemplate = defineRoute({
  method: 'GET',
  path: '/deliberation/proposals/{proposalId}/paper-ballots/template',
  operationId: 'getPaperBallotsTemplate',
  summary: 'The CSV template of a step’s paper ballots (cadres): the documented header and one row per member, choice blank',
  auth: { roles: ['cadre'], place: proposalVillage },
  params: () => ProposalParams(),
  query: () => z.object({ step: z.coerce.number().int().nonnegative() }),
  response: () =>
    z.object({
      filename: z.string(),
      contentType: z.string(),
      columns: z.array(z.object({ name: z.string(), zh: z.string(), en: z.string(), required: z.boolean() })),
      maxBallots: z.number().int(),
      csv: z.string().meta({ description: 'The template, UTF-8 with a BOM and CRLF line ends (opens in Excel and WPS)' }),
    }),
  handler: ({ params, query }, ctx) => paperCsvTemplateOf(params.proposalId, query, ctx),
});

/**
 * 纸质选票 CSV 上传: a step's paper ballots as one CSV file, checked whole — every row's problems listed — and counted
 * all-or-nothing, or only reported (`dryRun`).
 */
export const uploadPaperBallotsCsv = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/paper-ballots/csv',
  operationId: 'uploadPaperBallotsCsv',
  summary:
    'Upload a step’s paper ballots as CSV (cadres): every row checked first; counted all-or-nothing (422 with the report by row) or only reported (dryRun)',
  auth: { roles: ['cadre'], place: proposalVillage },
  params: () => ProposalParams(),
  body: () =>
    z.object({
      step: z.number().int().nonnegative(),
      /** The sheet's own reference (计票单编号), once per step. */
      batchRef: BatchRef(),
      /** The paper sheet's scan, uploaded first as evidence. */
      scan: EvidenceRef,
      /** The file's text: header `voter,choice[,line][,name]` (or 投票人编号,表决意见,行号,姓名), at most 1,000 ballots. */
      csv: z
        .string()
        .min(1)
        .max(MAX_CSV_CHARS)
        .meta({ description: `UTF-8 CSV text, at most ${MAX_CSV_CHARS} characters and ${MAX_CSV_BALLOTS} ballots` }),
      /** Only check the file and report; nothing is counted. */
      dryRun: z.boolean().default(false),
    }),
  response: () =>
    z.object({
      batchRef: z.string(),
      dryRun: z.boolean(),
      ballots: z.number().int().meta({ description: 'Rows that are ballots' }),
      skipped: z.number().int().meta({ description: 'Rows with a blank choice: members who did not vote on paper' }),
      valid: z.boolean(),
      counted: z.number().int().meta({ description: 'Ballots counted (each confirmed with its BallotCast)' }),
      pending: z.number().int().meta({ description: 'Claims still to confirm (0 once the upload returns; see the status route)' }),
      resumed: z.number().int().meta({ description: 'Claims an interrupted upload of this same file left, confirmed by this one' }),
      problems: z.array(RowProblem()),
    }),
  idempotent: true,
  handler: ({ params, body }, ctx) => uploadPaperCsv({ ...body, proposalId: params.proposalId }, ctx),
});

/**
 * How far a CSV upload's count got: an upload cut off after its count point leaves claims pending (in the tally, not
 * yet ballots, no BallotCast); uploading the same file again finishes exactly those.
 */
export const paperBallotsCsvStatus = defineRoute({
  method: 'GET',
  path: '/deliberation/proposals/{proposalId}/paper-ballots/csv/status',
  operationId: 'getPaperBallotsCsvStatus',
  summary: 'The progress of a step’s CSV upload (cadres): ballots counted and claims still pending',
  auth: { roles: ['cadre'], place: proposalVillage },
  params: () => ProposalParams(),
  query: () => z.object({ step: z.coerce.number().int().nonnegative(), batchRef: BatchRef() }),
  response: () =>
    z.object({
      batchRef: z.string(),
      round: z.number().int(),
      step: z.number().int(),
      ballots: z.number().int(),
      counted: z.number().int(),
      pending: z.number().int(),
      complete: z.boolean(),
      importedBy: z.string(),
      importedAt: z.string(),
    }),
  handler: ({ params, query }, ctx) => paperCsvStatus(params.proposalId, query, ctx),
});

/**
 * Who voted and how. Participation is public to the village; choices of a secret ballot only to the supervision
 * committee (监委会). Voters' names are masked as on a public notice.
 */
export const listBallots = defineRoute({
  method: 'GET',
  path: '/deliberation/proposals/{proposalId}/ballots',
  operationId: 'listBallots',
  summary: 'The counted ballots of a step (default: current); a secret ballot’s choices only for the supervision committee',
  auth: { roles: VILLAGE_READERS, place: proposalVillage },
  params: () => ProposalParams(),
  query: () =>
    z.object({
      round: z.coerce.number().int().positive().optional(),
      step: z.coerce.number().int().nonnegative().optional(),
      ...pageQuery({ max: 200, fallback: 100 }),
    }),
  response: () =>
    z.object({
      secret: z.boolean(),
      choicesVisible: z.boolean(),
      items: z.array(BallotView().extend({ voterName: z.string().optional() })),
      cursor: z.string().optional(),
    }),
  handler: ({ params, query }, ctx) => list(params.proposalId, query, ctx),
});
