import * as z from 'zod';
import { defineEvent } from '../registry.ts';
import { once } from '../once.ts';
import { Id, IsoDateTime, PlacePath } from '../primitives.ts';
import { says } from '../says.ts';

/**
 * Events of the feeds service (agency event feeds, 机构事件订阅). They tell an agency — and operations — what
 * happened to its subscriptions; like every event they are themselves carried on the agencies' feeds.
 */

const Slug = once(() =>
  z.string().regex(/^[a-z0-9][a-z0-9-]{1,46}[a-z0-9]$/, says({ zh: '小写字母、数字和连字符', en: 'lower-case id with dashes' })),
);
const Text = once(() => z.object({ zh: z.string().min(1).max(500), en: z.string().min(1).max(500) }));

const ex = {
  agency: 'hongan-housing',
  subscription: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D',
  jurisdiction: 'hubei/huanggang/hongan',
};

/** Why deliveries to a webhook subscription were stopped. */
export const PauseReason = once(() =>
  z.enum([
    'consecutive-dead-letters', // the endpoint failed every attempt of several deliveries in a row, each for 24 h
    'endpoint-gone', // the endpoint answered 410 Gone: it asked not to be sent anything more
  ]),
);
export type PauseReason = z.infer<ReturnType<typeof PauseReason>>;

/** A webhook subscription stopped receiving deliveries: its endpoint kept failing (订阅暂停). */
export const SubscriptionPaused = defineEvent({
  type: 'SubscriptionPaused',
  service: 'feeds',
  summary:
    'An agency’s webhook subscription was paused because its endpoint kept failing; the reason says why and what to do. ' +
    'Nothing is delivered until the agency resumes it.',
  data: () =>
    z.object({
      agencyId: Slug(),
      subscriptionId: Id,
      jurisdiction: PlacePath,
      reason: PauseReason(),
      detail: Text(),
      pausedAt: IsoDateTime,
      /** Dead letters in a row when it was paused. */
      consecutiveDeadLetters: z.number().int().nonnegative(),
      /** The HTTP status or network error of the last failed attempt. */
      lastError: z.string().max(500).optional(),
    }),
  example: {
    agencyId: ex.agency,
    subscriptionId: ex.subscription,
    jurisdiction: ex.jurisdiction,
    reason: 'consecutive-dead-letters',
    detail: {
      zh: '连续 3 次投递在 24 小时内全部失败，已暂停；修复接收端后请恢复订阅并重投死信。',
      en: '3 deliveries in a row failed every attempt for 24 h; fix the endpoint, then resume and redrive the dead letters.',
    },
    pausedAt: '2026-03-02T08:00:00.000Z',
    consecutiveDeadLetters: 3,
    lastError: 'HTTP 500',
  },
});

/** A paused subscription was resumed by its agency (or operations). */
export const SubscriptionResumed = defineEvent({
  type: 'SubscriptionResumed',
  service: 'feeds',
  summary: 'A paused agency subscription was resumed; deliveries start again (missed events can be replayed).',
  data: () =>
    z.object({
      agencyId: Slug(),
      subscriptionId: Id,
      jurisdiction: PlacePath,
      resumedAt: IsoDateTime,
      pausedAt: IsoDateTime,
      /** The replay of the paused window, when the resume asked for one. */
      replayId: Id.optional(),
    }),
  example: {
    agencyId: ex.agency,
    subscriptionId: ex.subscription,
    jurisdiction: ex.jurisdiction,
    resumedAt: '2026-03-03T08:00:00.000Z',
    pausedAt: '2026-03-02T08:00:00.000Z',
  },
});

export const feedsEvents = [SubscriptionPaused, SubscriptionResumed] as const;
