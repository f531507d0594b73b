import { isIP } from 'node:net';
import * as z from 'zod';
import { once, Id, IsoDateTime, PauseReason, PlacePath, says } from '@cocreate/contracts';
import { AgencyId } from './agencies.ts';
import { type AddressReason, isLoopback, nonPublicReason } from './addresses.ts';
import { LOG_RETENTION_DAYS, MAX_REPLAY_WINDOW_DAYS } from './limits.ts';
import { type Refused, refused } from './refusals.ts';
import { secretHint } from './signatures.ts';

/**
 * Subscriptions (订阅): an EventBridge-syntax pattern plus a delivery mode — `webhook` (pushed, signed, retried) or
 * `pull` (read from `GET /feeds/events`). The agency's jurisdiction is copied onto the subscription when it is
 * created (jurisdictions do not change; a new one means registering again) and is what dispatch enforces.
 */

export const WebhookDelivery = once(() => z.object({ mode: z.literal('webhook'), url: z.string().max(2048) }));
export const PullDelivery = once(() => z.object({ mode: z.literal('pull') }));
export const DeliveryMode = once(() => z.discriminatedUnion('mode', [WebhookDelivery(), PullDelivery()]));
export type DeliveryMode = z.infer<ReturnType<typeof DeliveryMode>>;

/** A pattern is given as a JSON object (or its text, as the EventBridge API takes it). */
export const PatternInput = once(() => z.union([z.record(z.string(), z.unknown()), z.string().min(2).max(8192)]));

export const CreateSubscription = once(() =>
  z.object({
    name: z.string().trim().min(1).max(80),
    pattern: PatternInput().describe('EventBridge event pattern, matched against `{version,id,detail-type,source,time,resources,detail}`'),
    delivery: DeliveryMode(),
  }),
);
export type CreateSubscription = z.infer<ReturnType<typeof CreateSubscription>>;

export const UpdateSubscription = once(() =>
  z
    .object({
      name: z.string().trim().min(1).max(80).optional(),
      pattern: PatternInput().optional(),
      url: z.string().max(2048).optional(),
      /** The version read; the update is refused (409) if the subscription changed since. */
      expectedVersion: z.number().int().positive(),
    })
    .refine(
      (u) => u.name !== undefined || u.pattern !== undefined || u.url !== undefined,
      says({ zh: '至少修改 name、pattern、url 中的一项', en: 'change at least one of name, pattern, url' }),
    ),
);
export type UpdateSubscription = z.infer<ReturnType<typeof UpdateSubscription>>;

export const RotateSecret = once(() =>
  z.object({
    /** How long the old secret keeps signing beside the new one (ISO seconds; default one day, at most 7 days). */
    overlapSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600)
      .default(24 * 3600),
  }),
);
export type RotateSecret = z.infer<ReturnType<typeof RotateSecret>>;

export const SigningSecret = once(() =>
  z.object({
    secretId: z.string(),
    secret: z.string(),
    createdAt: IsoDateTime,
    /** End of the overlap window of a rotated-out secret; absent for the current one. */
    expiresAt: IsoDateTime.optional(),
  }),
);
export type SigningSecret = z.infer<ReturnType<typeof SigningSecret>>;

export const SubscriptionStatus = once(() => z.enum(['active', 'paused']));

export const Pause = once(() =>
  z.object({
    reason: PauseReason(),
    detail: z.object({ zh: z.string(), en: z.string() }),
    pausedAt: IsoDateTime,
    lastError: z.string().optional(),
  }),
);
export type Pause = z.infer<ReturnType<typeof Pause>>;

export const Subscription = once(() =>
  z.object({
    subscriptionId: Id,
    agencyId: AgencyId(),
    jurisdiction: PlacePath,
    name: z.string(),
    pattern: z.string().describe('The pattern as JSON text'),
    delivery: DeliveryMode(),
    status: SubscriptionStatus(),
    pause: Pause().optional(),
    consecutiveDeadLetters: z.number().int().nonnegative(),
    secrets: z.array(SigningSecret()),
    schemaBaseUrl: z.string(),
    createdBy: z.string(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    lastDeliveredAt: IsoDateTime.optional(),
    lastFailureAt: IsoDateTime.optional(),
    lastError: z.string().optional(),
    version: z.number().int().positive(),
  }),
);
export type Subscription = z.infer<ReturnType<typeof Subscription>>;

/** What callers see: secrets only as hints (the value is shown once, when it is issued). */
export const SubscriptionView = once(() =>
  Subscription()
    .omit({ secrets: true })
    .extend({
      pattern: z.unknown(),
      secrets: z.array(z.object({ secretId: z.string(), hint: z.string(), createdAt: IsoDateTime, expiresAt: IsoDateTime.optional() })),
    }),
);
export type SubscriptionView = z.infer<ReturnType<typeof SubscriptionView>>;

export function view(sub: Subscription): SubscriptionView {
  const { secrets, pattern, ...rest } = sub;
  return {
    ...rest,
    pattern: JSON.parse(pattern) as unknown,
    secrets: secrets.map((s) => ({
      secretId: s.secretId,
      hint: secretHint(s.secret),
      createdAt: s.createdAt,
      ...(s.expiresAt ? { expiresAt: s.expiresAt } : {}),
    })),
  };
}

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: AddressReason };

/**
 * Where webhooks may go. Deployed: https to public addresses only. `loopbackHttp` is the local stack's setting alone
 * (its tests' receivers listen on 127.0.0.1 over plain http); nothing in AWS sets it.
 */
export interface WebhookPolicy {
  loopbackHttp: boolean;
}
export const DEPLOYED_POLICY: WebhookPolicy = { loopbackHttp: false };

/**
 * Webhook endpoints: absolute https URLs without credentials, to a public address. A literal address is judged here;
 * a host name again at every delivery, on the addresses it then resolves to (`postWebhook`), since DNS can change
 * after registration.
 */
export function checkWebhookUrl(text: string, policy: WebhookPolicy = DEPLOYED_POLICY): UrlCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: { zh: '不是完整的网址', en: 'not an absolute URL' } };
  }
  if (url.username || url.password)
    return { ok: false, reason: { zh: '网址中不得含用户名或密码', en: 'credentials in the URL are not allowed' } };
  if (url.hash) return { ok: false, reason: { zh: '网址中不得含 # 片段', en: 'fragments are not allowed' } };
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: { zh: '只接受 https 网址', en: 'only https URLs' } };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host) !== 0;
  const localReceiver = policy.loopbackHttp && (literal ? isLoopback(host) : host === 'localhost');
  if (url.protocol === 'http:' && !localReceiver) return { ok: false, reason: { zh: '请使用 https', en: 'use https' } };
  if (localReceiver) return { ok: true, url: url.toString() };
  if (literal) {
    const reason = nonPublicReason(host);
    return reason
      ? { ok: false, reason: { zh: `${host} 是${reason.zh}`, en: `${host} is ${reason.en}` } }
      : { ok: true, url: url.toString() };
  }
  // Names that only mean something inside a network: localhost, and single labels a resolver completes with its
  // search domains (metadata, intranet…).
  if (host === 'localhost' || host.endsWith('.localhost'))
    return { ok: false, reason: { zh: `${host} 是本机回环地址`, en: `${host} is loopback` } };
  if (!host.replace(/\.$/, '').includes('.')) {
    return { ok: false, reason: { zh: `${host} 不是完整的域名`, en: `${host} is not a fully qualified domain name` } };
  }
  return { ok: true, url: url.toString() };
}

/** Secrets that sign an attempt made at `at`: the current one, and rotated-out ones still inside their overlap. */
export function activeSecrets(secrets: readonly SigningSecret[], at: Date): string[] {
  return secrets.filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > at.getTime()).map((s) => s.secret);
}

/**
 * Rotation: the new secret becomes current (first, so it signs first); every older secret keeps signing until
 * `now + overlap` (or its own earlier expiry). Expired ones are dropped. Overlap 0 retires the old secret at once.
 */
export function rotate(secrets: readonly SigningSecret[], next: SigningSecret, now: Date, overlapSeconds: number): SigningSecret[] {
  const until = now.getTime() + overlapSeconds * 1000;
  const older = secrets
    .map((s) => ({ ...s, expiresAt: new Date(Math.min(until, s.expiresAt ? Date.parse(s.expiresAt) : until)).toISOString() }))
    .filter((s) => Date.parse(s.expiresAt) > now.getTime());
  return [next, ...older];
}

/** Dead letters in a row after which a webhook subscription is paused. */
export const PAUSE_AFTER_DEAD_LETTERS = 3;

/** The pause a failure warrants, if any: an endpoint that answered 410 Gone, or N dead letters in a row. */
export function pauseFor(input: { consecutiveDeadLetters: number; gone: boolean; lastError?: string; at: Date }): Pause | undefined {
  const base = { pausedAt: input.at.toISOString(), ...(input.lastError ? { lastError: input.lastError } : {}) };
  if (input.gone) {
    return {
      ...base,
      reason: 'endpoint-gone',
      detail: {
        zh: '接收端返回 410 Gone（不再接收），订阅已暂停；如需继续接收，请更新地址后恢复订阅。',
        en: 'The endpoint answered 410 Gone (it wants nothing more), so the subscription was paused; update the URL and resume it to receive again.',
      },
    };
  }
  if (input.consecutiveDeadLetters >= PAUSE_AFTER_DEAD_LETTERS) {
    const n = input.consecutiveDeadLetters;
    return {
      ...base,
      reason: 'consecutive-dead-letters',
      detail: {
        zh: `连续 ${n} 次投递在 24 小时内的全部重试均失败，订阅已暂停；请修复接收端后恢复订阅，并重投死信或重放暂停期间的事件。`,
        en: `${n} deliveries in a row failed every attempt for 24 h, so the subscription was paused; fix the endpoint, resume it, then redrive the dead letters or replay the paused window.`,
      },
    };
  }
  return undefined;
}

/** Only webhook subscriptions have deliveries, dead letters, secrets and replays. */
export function webhookOnly<S extends Pick<Subscription, 'delivery'>>(sub: S): S | Refused<'not-a-webhook-subscription'> {
  return sub.delivery.mode === 'webhook' ? sub : refused('not-a-webhook-subscription');
}

/** A paused subscription is resumed before anything is sent to it again (redrive, replay). */
export function notPaused<S extends Pick<Subscription, 'status'>>(sub: S): S | Refused<'subscription-paused'> {
  return sub.status === 'paused' ? refused('subscription-paused') : sub;
}

/** An edit made from the version read: refused when the subscription changed since. */
export function atVersion<S extends Pick<Subscription, 'version'>>(sub: S, expectedVersion: number): S | Refused<'stale-version'> {
  return sub.version === expectedVersion ? sub : refused('stale-version', { currentVersion: sub.version });
}

/**
 * Resuming a paused subscription: active again, its dead-letter count reset. `missedFrom` is where a replay of the
 * paused window starts — clamped to what the log holds and to one replay's length — if there is anything to replay.
 */
export function resume(
  sub: Subscription,
  now: Date,
): { next: Subscription; pausedAt: string; missedFrom: Date | undefined } | Refused<'not-paused'> {
  if (sub.status !== 'paused' || !sub.pause) return refused('not-paused');
  const { pause, ...rest } = sub;
  const earliest = now.getTime() - Math.min(LOG_RETENTION_DAYS, MAX_REPLAY_WINDOW_DAYS) * 86_400_000 + 60_000;
  const from = new Date(Math.max(Date.parse(pause.pausedAt), earliest));
  return {
    next: { ...rest, status: 'active', consecutiveDeadLetters: 0, updatedAt: now.toISOString(), version: sub.version + 1 },
    pausedAt: pause.pausedAt,
    missedFrom: from.getTime() < now.getTime() ? from : undefined,
  };
}
