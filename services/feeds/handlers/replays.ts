import * as z from 'zod';
import { once, Id, registry } from '@cocreate/contracts';
import { defineRoute, defineSubscription } from '@cocreate/kernel';
import { agencyPlace } from '../app/access.ts';
import { ARCHIVE_REPLAY, getReplay, queueArchiveDelivery, requestReplay } from '../app/replays.ts';
import { AgencyId } from '../domain/agencies.ts';
import { Replay, RequestReplay } from '../domain/replays.ts';

const SubParams = once(() => z.object({ agencyId: AgencyId(), subscriptionId: Id }));

export const requestReplayRoute = defineRoute({
  method: 'POST',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/replays',
  operationId: 'requestReplay',
  summary: 'Replay a time window of events (by occurrence time) to a webhook subscription, with the original ids',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: () => SubParams(),
  body: () => RequestReplay(),
  response: () => z.object({ replay: Replay() }),
  status: 202,
  idempotent: true,
  handler: ({ params, body }, ctx) => requestReplay(params.agencyId, params.subscriptionId, body, ctx),
});

export const archiveReplayDeliveries = defineSubscription({
  name: ARCHIVE_REPLAY,
  summary: 'Events an archive replay sends back for an agency’s replay request: queued with their original ids',
  events: registry.all(),
  // Only replayed events carry `replay-name`: live events never match this rule.
  pattern: { source: [{ prefix: 'cocreate.' }], 'replay-name': [{ prefix: 'feeds-' }] },
  replays: 'apply-again',
  handler: (event, ctx) => queueArchiveDelivery(event, ctx),
});

export const getReplayRoute = defineRoute({
  method: 'GET',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/replays/{replayId}',
  operationId: 'getReplay',
  summary: 'A replay’s progress: events scanned and deliveries queued; completed when the window was walked',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: () => SubParams().extend({ replayId: Id }),
  response: () => Replay(),
  handler: ({ params }, ctx) => getReplay(params.agencyId, params.subscriptionId, params.replayId, ctx),
});
