import * as z from 'zod';
import { once, EvidenceRef, Id, PersonId, PlacePath } from '@cocreate/contracts';
import { defineJob, defineRoute, pageQuery } from '@cocreate/kernel';
import { ConsentChoice, ConsentMatter, ConsentPoll, ConsentResultSchema, ConsentRule, PropertyFee } from '../domain/consent.ts';
import { VILLAGE_READERS } from '../app/common.ts';
import {
  closeDuePolls as closeDue,
  closePollNow,
  getPoll as get,
  listPolls as list,
  openPoll as open,
  pollVillage,
  respondToPoll as respond,
} from '../app/consent.ts';

const PollView = once(() =>
  ConsentPoll().extend({
    /** Running totals and the rule evaluated on them now (the final result once closed). */
    standing: ConsentResultSchema(),
  }),
);

export const openPoll = defineRoute({
  method: 'POST',
  path: '/deliberation/consent-polls',
  operationId: 'openConsentPoll',
  summary: 'Open an owner consent poll (业主意愿) over a community or compound; eligible owners and areas are fixed now',
  auth: { roles: ['cadre', 'township-official'], place: ({ body }) => body.scope },
  body: () =>
    z.object({
      scope: PlacePath.describe('The community, or a compound in it'),
      title: z.string().trim().min(1).max(200),
      description: z.string().trim().max(5000).optional(),
      matter: ConsentMatter(),
      /** Default by matter: renovation → the seed rule; maintenance funds, rebuilding, common parts → Civil Code major; other → ordinary. */
      rule: ConsentRule().optional(),
      propertyFee: PropertyFee().optional(),
      closesAt: z.iso.datetime({ offset: true }).optional(),
    }),
  response: () => PollView(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => open(body, ctx),
});

export const listPolls = defineRoute({
  method: 'GET',
  path: '/deliberation/consent-polls',
  operationId: 'listConsentPolls',
  summary: 'A community’s owner consent polls, newest first',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, ...pageQuery() }),
  response: () => z.object({ items: z.array(ConsentPoll()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => list(query, ctx),
});

export const getPoll = defineRoute({
  method: 'GET',
  path: '/deliberation/consent-polls/{pollId}',
  operationId: 'getConsentPoll',
  summary: 'A consent poll with its running totals by headcount and area, and each condition of its rule',
  auth: { roles: VILLAGE_READERS, place: pollVillage },
  params: () => z.object({ pollId: Id }),
  response: () => PollView(),
  handler: ({ params }, ctx) => get(params.pollId, ctx),
});

/** An owner's response, once per owner across channels: online by the owner, or on paper recorded by a cadre. */
export const respondToPoll = defineRoute({
  method: 'POST',
  path: '/deliberation/consent-polls/{pollId}/responses',
  operationId: 'respondToConsentPoll',
  summary: 'Respond to a consent poll: an owner online, or a cadre recording an owner’s paper form (with its scan)',
  auth: { roles: ['owner', 'cadre'], place: pollVillage },
  params: () => z.object({ pollId: Id }),
  body: () => z.object({ choice: ConsentChoice(), owner: PersonId.optional(), evidence: EvidenceRef.optional() }),
  response: () =>
    z.object({
      pollId: Id,
      owner: z.string(),
      choice: ConsentChoice(),
      areaDm2: z.number().int(),
      channel: z.enum(['online', 'paper']),
      recordedBy: z.string(),
      at: z.string(),
    }),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => respond(params.pollId, body, ctx),
});

export const closePollRoute = defineRoute({
  method: 'POST',
  path: '/deliberation/consent-polls/{pollId}/close',
  operationId: 'closeConsentPoll',
  summary: 'Close a consent poll now (cadres): the result by headcount and area, each condition with its margin',
  auth: { roles: ['cadre', 'township-official'], place: pollVillage },
  params: () => z.object({ pollId: Id }),
  response: () => PollView(),
  handler: ({ params }, ctx) => closePollNow(params.pollId, ctx),
});

export const closeDuePolls = defineJob({
  name: 'close-due-polls',
  summary: 'Close every consent poll whose closing time has passed',
  schedule: 'rate(5 minutes)',
  handler: (ctx) => closeDue(ctx),
});
