import { z } from 'zod';
import { Id, IsoDateTime, SubscriptionResumed } from '@cocreate/contracts';
import { type FieldError, defineRoute, newId, problems, reply } from '@cocreate/kernel';
import { AgencyId, MAX_SUBSCRIPTIONS_PER_AGENCY } from '../domain/agencies.ts';
import { baseUrlFrom } from '../domain/cloudevents.ts';
import { checkPattern } from '../domain/matching.ts';
import { LOG_RETENTION_DAYS } from '../domain/log.ts';
import { generateSecret } from '../domain/signatures.ts';
import {
  CreateSubscription,
  RotateSecret,
  type Subscription,
  SubscriptionView,
  UpdateSubscription,
  checkWebhookUrl,
  rotate,
  view,
} from '../domain/subscriptions.ts';
import { MAX_REPLAY_WINDOW_DAYS } from '../domain/replays.ts';
import { keys, subscriptions } from '../store.ts';
import { agencyFor, agencyPlace, subscriptionFor, webhookOnly } from './access.ts';
import { newReplay } from './replays.ts';
import { webhookPolicy } from './webhook-client.ts';

const SubParams = z.object({ agencyId: AgencyId, subscriptionId: Id });

function patternOrThrow(pattern: unknown): string {
  const checked = checkPattern(pattern);
  if (!checked.ok) {
    throw problems.rule(
      'invalid-pattern',
      {
        zh: '事件模式不符合 EventBridge 语法或超出 2048 字符。',
        en: 'The event pattern is not valid EventBridge syntax or exceeds 2,048 characters.',
      },
      { reasons: checked.errors },
      checked.errors.map((message): FieldError => ({ in: 'body', pointer: '/pattern', rule: 'event-pattern', message })),
    );
  }
  return checked.text;
}

function urlOrThrow(url: string, pointer: string): string {
  const checked = checkWebhookUrl(url, webhookPolicy());
  if (!checked.ok) {
    throw problems.rule(
      'invalid-webhook-url',
      { zh: `推送地址无效：${checked.reason}。`, en: `The webhook URL is not acceptable: ${checked.reason}.` },
      {},
      [{ in: 'body', pointer, rule: 'webhook-url', message: checked.reason }],
    );
  }
  return checked.url;
}

const Created = z.object({
  subscription: SubscriptionView,
  /** The signing secret, shown this once (webhook subscriptions). */
  secret: z.string().optional(),
});

export const createSubscription = defineRoute({
  method: 'POST',
  path: '/feeds/agencies/{agencyId}/subscriptions',
  operationId: 'createSubscription',
  summary: 'Subscribe to events in the agency’s jurisdiction: a pattern and a delivery mode (webhook or pull)',
  auth: { roles: ['agency'], place: agencyPlace },
  params: z.object({ agencyId: AgencyId }),
  body: CreateSubscription,
  response: Created,
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const agency = await agencyFor(params.agencyId, ctx);
    const pattern = patternOrThrow(body.pattern);
    const now = ctx.now().toISOString();
    const secret = body.delivery.mode === 'webhook' ? generateSecret() : undefined;
    const sub: Subscription = {
      subscriptionId: newId(),
      agencyId: agency.agencyId,
      jurisdiction: agency.jurisdiction,
      name: body.name,
      pattern,
      delivery:
        body.delivery.mode === 'webhook' ? { mode: 'webhook', url: urlOrThrow(body.delivery.url, '/delivery/url') } : { mode: 'pull' },
      status: 'active',
      consecutiveDeadLetters: 0,
      secrets: secret ? [{ secretId: newId(), secret, createdAt: now }] : [],
      schemaBaseUrl: baseUrlFrom(ctx.headers),
      createdBy: ctx.actor.sub,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    // The per-agency count lives on the agency item, so concurrent creates cannot pass the limit together.
    ctx.tx.update(
      keys.agency(agency.agencyId),
      { add: { subscriptionCount: 1 } },
      {
        condition: {
          expression: 'attribute_not_exists(#c) OR #c < :max',
          names: { '#c': 'subscriptionCount' },
          values: { ':max': MAX_SUBSCRIPTIONS_PER_AGENCY },
        },
        onConflict: problems.rule('too-many-subscriptions', {
          zh: `一个机构最多 ${MAX_SUBSCRIPTIONS_PER_AGENCY} 个订阅。`,
          en: `An agency has at most ${MAX_SUBSCRIPTIONS_PER_AGENCY} subscriptions.`,
        }),
      },
    );
    subscriptions.create(ctx.tx, sub, 'retry');
    return { subscription: view(sub), ...(secret ? { secret } : {}) };
  },
});

export const listSubscriptions = defineRoute({
  method: 'GET',
  path: '/feeds/agencies/{agencyId}/subscriptions',
  operationId: 'listSubscriptions',
  summary: 'An agency’s subscriptions, with their status and, when paused, why',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: z.object({ agencyId: AgencyId }),
  response: z.object({ items: z.array(SubscriptionView) }),
  handler: async ({ params }, ctx) => {
    await agencyFor(params.agencyId, ctx);
    const items = await subscriptions.ofAgency(ctx.table, params.agencyId);
    return { items: items.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(view) };
  },
});

export const getSubscription = defineRoute({
  method: 'GET',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}',
  operationId: 'getSubscription',
  summary: 'One subscription: pattern, delivery, status (and the pause reason), delivery health',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: SubParams,
  response: SubscriptionView,
  handler: async ({ params }, ctx) => view((await subscriptionFor(params.agencyId, params.subscriptionId, ctx)).subscription),
});

export const updateSubscription = defineRoute({
  method: 'PATCH',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}',
  operationId: 'updateSubscription',
  summary: 'Change a subscription’s name, pattern or webhook URL (optimistic on its version)',
  auth: { roles: ['agency'], place: agencyPlace },
  params: SubParams,
  body: UpdateSubscription,
  response: SubscriptionView,
  handler: async ({ params, body }, ctx) => {
    const { subscription: sub } = await subscriptionFor(params.agencyId, params.subscriptionId, ctx);
    const stale = problems.conflict(
      'stale-version',
      {
        zh: '订阅已被修改，请重新读取后再改。',
        en: 'The subscription changed since you read it; read it again and retry.',
      },
      { currentVersion: sub.version },
    );
    if (sub.version !== body.expectedVersion) throw stale;
    const set: Record<string, unknown> = { updatedAt: ctx.now().toISOString() };
    if (body.name !== undefined) set.name = body.name;
    if (body.pattern !== undefined) set.pattern = patternOrThrow(body.pattern);
    if (body.url !== undefined) {
      webhookOnly(sub);
      set.delivery = { mode: 'webhook', url: urlOrThrow(body.url, '/url') };
    }
    subscriptions.change(
      ctx.tx,
      sub,
      { set },
      { bump: true, condition: { expression: '#v = :v', names: { '#v': 'version' }, values: { ':v': sub.version } }, onConflict: stale },
    );
    return view({ ...sub, ...(set as Partial<Subscription>), version: sub.version + 1 });
  },
});

export const deleteSubscription = defineRoute({
  method: 'DELETE',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}',
  operationId: 'deleteSubscription',
  summary: 'Unsubscribe; pending deliveries are dropped, dead letters stay listed until they expire',
  auth: { roles: ['agency'], place: agencyPlace },
  params: SubParams,
  status: 204,
  handler: async ({ params }, ctx) => {
    const { subscription: sub } = await subscriptionFor(params.agencyId, params.subscriptionId, ctx);
    subscriptions.delete(ctx.tx, sub, sub.version, 'retry');
    ctx.tx.update(keys.agency(sub.agencyId), { add: { subscriptionCount: -1 } });
    return reply(undefined, { status: 204 });
  },
});

const Rotated = z.object({
  secret: z.string().describe('The new signing secret, shown this once'),
  secretId: z.string(),
  /** Until when the previous secret(s) still sign beside the new one. */
  overlapUntil: IsoDateTime,
  subscription: SubscriptionView,
});

export const rotateSecret = defineRoute({
  method: 'POST',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/secret-rotations',
  operationId: 'rotateSubscriptionSecret',
  summary: 'Issue a new signing secret; the old one keeps signing beside it for the overlap (two signatures)',
  auth: { roles: ['agency'], place: agencyPlace },
  params: SubParams,
  body: RotateSecret,
  response: Rotated,
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const { subscription: sub } = await subscriptionFor(params.agencyId, params.subscriptionId, ctx);
    webhookOnly(sub);
    const now = ctx.now();
    const next = { secretId: newId(), secret: generateSecret(), createdAt: now.toISOString() };
    const secrets = rotate(sub.secrets, next, now, body.overlapSeconds);
    subscriptions.change(
      ctx.tx,
      sub,
      { set: { secrets, updatedAt: now.toISOString() } },
      { bump: true, condition: { expression: '#v = :v', names: { '#v': 'version' }, values: { ':v': sub.version } }, onConflict: 'retry' },
    );
    return {
      secret: next.secret,
      secretId: next.secretId,
      overlapUntil: new Date(now.getTime() + body.overlapSeconds * 1000).toISOString(),
      subscription: view({ ...sub, secrets, version: sub.version + 1 }),
    };
  },
});

export const resumeSubscription = defineRoute({
  method: 'POST',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/resume',
  operationId: 'resumeSubscription',
  summary: 'Resume a paused subscription, optionally replaying what happened while it was paused',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: SubParams,
  body: z.object({ replayMissed: z.boolean().default(false) }),
  response: z.object({ subscription: SubscriptionView, replayId: Id.optional() }),
  handler: async ({ params, body }, ctx) => {
    const { subscription: sub } = await subscriptionFor(params.agencyId, params.subscriptionId, ctx);
    if (sub.status !== 'paused' || !sub.pause) {
      throw problems.conflict('not-paused', { zh: '该订阅未暂停。', en: 'The subscription is not paused.' });
    }
    const now = ctx.now();
    subscriptions.change(
      ctx.tx,
      sub,
      { set: { status: 'active', consecutiveDeadLetters: 0, updatedAt: now.toISOString() }, remove: ['pause'] },
      {
        bump: true,
        condition: { expression: '#s = :paused', names: { '#s': 'status' }, values: { ':paused': 'paused' } },
        onConflict: 'retry',
      },
    );
    let replayId: string | undefined;
    if (body.replayMissed) {
      // The paused window, clamped to what the log holds and to one replay's maximum length.
      const earliest = now.getTime() - Math.min(LOG_RETENTION_DAYS, MAX_REPLAY_WINDOW_DAYS) * 86_400_000 + 60_000;
      const from = new Date(Math.max(Date.parse(sub.pause.pausedAt), earliest));
      if (from.getTime() < now.getTime()) {
        const replay = await newReplay(ctx, sub, from, now);
        replayId = replay.replayId;
      }
    }
    ctx.tx.emit(
      SubscriptionResumed,
      {
        agencyId: sub.agencyId,
        subscriptionId: sub.subscriptionId,
        jurisdiction: sub.jurisdiction,
        resumedAt: now.toISOString(),
        pausedAt: sub.pause.pausedAt,
        ...(replayId ? { replayId } : {}),
      },
      { place: sub.jurisdiction },
    );
    const { pause: _p, ...rest } = sub;
    return {
      subscription: view({ ...rest, status: 'active', consecutiveDeadLetters: 0, updatedAt: now.toISOString(), version: sub.version + 1 }),
      ...(replayId ? { replayId } : {}),
    };
  },
});
