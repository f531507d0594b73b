import type { z } from 'zod';
import type { Envelope, EventContract } from '@cocreate/contracts';
import type { EventContext, JobContext } from './context.ts';

/** What a service subscribes to and what it runs on a schedule: declared once in its manifest. */

type DataOf<C> = C extends EventContract<infer T, infer S> ? { type: T; data: z.infer<S> } : never;

/** The parsed event a subscription handler receives: envelope meta plus the data of one of its contracts. */
export type Delivered<C extends EventContract> = Envelope<DataOf<C>['data']> & {
  contract: C;
  /** The replay's name when an archive replay sent this event again. */
  replayName?: string;
};

export interface SubscriptionDefinition<C extends EventContract = EventContract> {
  /** Unique within the service; also the rule name suffix and the processed-event key prefix. */
  name: string;
  summary: string;
  /** The event versions it accepts; the bus pattern is derived from them. */
  events: readonly C[];
  /**
   * The rule's pattern when the derived one does not say it all (e.g. a rule that only takes replayed events:
   * `{"replay-name": [{"prefix": "feeds-"}]}`). Events outside `events` are still refused.
   */
  pattern?: Record<string, unknown>;
  /**
   * What an archive replay of an event already applied means. `skip` (default): nothing — replays redrive lost
   * deliveries, and an applied event stays applied. `apply-again`: a replay is a deliberate new delivery (the feeds'
   * replays to agencies), so the once-only record is kept per replay.
   */
  replays?: 'skip' | 'apply-again';
  /**
   * How a repeated delivery is recognised. `read-first` (default): the processed-event marker is read before the
   * handler runs, so a duplicate costs one read and no work. `on-commit`: only by the marker's condition when the
   * unit commits — for a handler whose every write is conditional and safe to repeat (the register copy), which
   * saves a read on every event and pays for a duplicate with a refused transaction.
   */
  duplicateCheck?: 'read-first' | 'on-commit';
  handler: (event: Delivered<C>, ctx: EventContext) => Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySubscription = SubscriptionDefinition<any>;

export function defineSubscription<C extends EventContract>(s: SubscriptionDefinition<C>): SubscriptionDefinition<C> {
  return s;
}

/**
 * EventBridge pattern of a subscription, derived from its contracts: per source, the detail-types it accepts
 * (an `$or` when several sources, so a detail-type of one source never matches through another).
 */
export function patternOf(s: Pick<AnySubscription, 'events' | 'pattern'>): Record<string, unknown> {
  if (s.pattern) return s.pattern;
  const bySource = new Map<string, Set<string>>();
  for (const c of s.events as readonly EventContract[]) {
    bySource.set(c.source, (bySource.get(c.source) ?? new Set()).add(c.type));
  }
  const branches = [...bySource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, types]) => ({ source: [source], 'detail-type': [...types].sort() }));
  return branches.length === 1 ? branches[0]! : { $or: branches };
}

export interface JobDefinition {
  name: string;
  summary: string;
  /** EventBridge schedule expression: `rate(5 minutes)` or `cron(0 2 * * ? *)`. */
  schedule: string;
  handler: (ctx: JobContext) => Promise<Record<string, unknown> | void>;
  /**
   * Whether a unit of work may start it at once (`tx.startJob(name)`), besides its schedule: work that someone is
   * waiting for (a webhook to deliver) does not wait for the next tick. The schedule still sweeps what a request missed.
   */
  startsOnRequest?: boolean;
}

export function defineJob(j: JobDefinition): JobDefinition {
  return j;
}
