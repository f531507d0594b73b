import { VILLAGE_WATCH } from '@cocreate/places';
import * as z from 'zod';
import { NeedRaised, PlacePath } from '@cocreate/contracts';
import { defineRoute, defineSubscription, pageQuery } from '@cocreate/kernel';
import { listNeedsSeen as needsSeenOf, recordNeedSeen } from '../app/needs-seen.ts';
import { NeedSeen } from '../domain/needs.ts';

/** Deliberation announced a need: projects keeps a record so candidate projects can be traced back to it. */
export const onNeedRaised = defineSubscription({
  name: 'need-raised',
  summary: 'Record each need raised, once, for tracing projects back to residents’ needs',
  events: [NeedRaised],
  handler: (event, ctx) => recordNeedSeen(event, ctx),
});

export const listNeedsSeen = defineRoute({
  method: 'GET',
  path: '/projects/needs-seen',
  operationId: 'listNeedsSeen',
  summary: 'Needs the projects service has seen for a village, newest first, a page at a time, with their count',
  auth: { roles: VILLAGE_WATCH, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, ...pageQuery({ max: 200, fallback: 50 }) }),
  response: () =>
    z.object({
      count: z.number().int(),
      needs: z.array(NeedSeen()),
      cursor: z.string().optional(),
    }),
  handler: ({ query }, ctx) => needsSeenOf(query, ctx),
});
