import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { once, BusEvent, type EventContract, EventRegistry } from '@cocreate/contracts';
import type { EventContext } from './context.ts';
import { type AnySubscription, startableJobs } from './manifest.ts';
import type { ServiceRuntime } from './runtime.ts';
import { serviceContext } from './service-context.ts';
import { commit, withRetries } from './store/commit.ts';
import { UnitOfWork } from './store/unit.ts';

/** What each subscription rule's target hands the event function (its InputTransformer builds this). */
export const SubscriptionInput = once(() => z.object({ subscription: z.string(), event: BusEvent() }));
export type SubscriptionInput = z.infer<ReturnType<typeof SubscriptionInput>>;

/** The input template every subscription rule uses; `<aws.events.event.json>` is the whole original event. */
export const subscriptionInputTemplate = (subscription: string): string =>
  `{"subscription":${JSON.stringify(subscription)},"event":<aws.events.event.json>}`;

export type ConsumeOutcome = 'applied' | 'duplicate';

/**
 * The Lambda handler for all of a service's subscriptions. Validates the event against its contract, then applies
 * the subscription's effect in one transaction together with a processed-event record keyed by the event id: a
 * duplicate delivery finds the record and changes nothing. Errors are thrown so the platform retries, then
 * dead-letters; a malformed event is thrown too, so it lands where ops can see it rather than vanishing.
 */
export function createEventHandler(rt: ServiceRuntime) {
  const subscriptions = new Map<string, AnySubscription>(rt.manifest.subscriptions.map((s) => [s.name, s]));
  // The contracts of the events this service subscribes to, not the suite's whole registry: a function carries (and
  // builds at cold start) only the schemas of what it consumes and publishes. Any other event is refused as unknown.
  const accepted = new EventRegistry([...new Set(rt.manifest.subscriptions.flatMap((s) => s.events as readonly EventContract[]))]);
  const handle = async (input: unknown): Promise<ConsumeOutcome> => {
    rt.metrics.addMetric('EventReceived', MetricUnit.Count, 1);
    const parsedInput = SubscriptionInput().safeParse(input);
    if (!parsedInput.success) throw new Error(`not a subscription input: ${parsedInput.error.message}`);
    const { subscription: name, event } = parsedInput.data;
    const subscription = subscriptions.get(name);
    if (!subscription) throw new Error(`${rt.manifest.name} has no subscription ${name}`);
    const parsed = accepted.parse(event['detail-type'], event.detail);
    if (!parsed.ok) throw new Error(`${name}: rejected ${event['detail-type']} ${event.id}: ${parsed.reason}`);
    const { contract, envelope } = parsed;
    if (!(subscription.events as readonly EventContract[]).includes(contract)) {
      throw new Error(`${name} does not accept ${contract.type}@v${contract.version}`);
    }
    const meta = envelope.meta;
    rt.logger.appendKeys({ correlationId: meta.correlationId, eventId: meta.id, eventType: meta.type });
    const base = serviceContext(rt, meta.correlationId, meta.id);
    const replayName = subscription.replays === 'apply-again' ? event['replay-name'] : undefined;
    const marker = { pk: `INBOX#${name}#${replayName ? `${replayName}#` : ''}${meta.id}`, sk: 'INBOX' };
    // Cheap early exit for redeliveries; the conditional marker below is what actually guarantees once-only.
    if (subscription.duplicateCheck !== 'on-commit' && (await rt.table.get(marker))) {
      rt.logger.info('duplicate delivery: already applied', { subscription: name });
      rt.metrics.addMetric('DuplicateEvent', MetricUnit.Count, 1);
      return 'duplicate';
    }
    const { outcome } = await withRetries(
      async (attempt) => {
        const tx = new UnitOfWork(rt.table.name, {
          actor: { sub: `cocreate.${rt.manifest.name}` },
          correlationId: meta.correlationId,
          causationId: meta.id,
          now: rt.clock,
          publishes: rt.manifest.publishes,
          startable: startableJobs(rt.manifest),
        });
        tx.markProcessed(marker, { type: meta.type, source: meta.source, processedAt: rt.clock().toISOString() });
        const ctx: EventContext = { ...base, correlationId: meta.correlationId, cause: meta, attempt, tx };
        await subscription.handler(
          { ...envelope, contract, ...(event['replay-name'] ? { replayName: event['replay-name'] } : {}) } as never,
          ctx,
        );
        return { outcome: await commit(rt.doc, tx), value: undefined };
      },
      undefined,
      () => rt.metrics.addMetric('CommitRetry', MetricUnit.Count, 1),
    );
    if (outcome === 'duplicate') {
      rt.logger.info('duplicate delivery: already applied', { subscription: name });
      rt.metrics.addMetric('DuplicateEvent', MetricUnit.Count, 1);
      return 'duplicate';
    }
    rt.metrics.addMetric('EventApplied', MetricUnit.Count, 1);
    // The consumer's end of the request's trail. The ids are on the line itself, not only appended keys: where
    // invocations share a logger (the local stack runs every function in one process) another's end resets those.
    rt.logger.info('event applied', {
      correlationId: meta.correlationId,
      eventId: meta.id,
      eventType: meta.type,
      causationId: meta.causationId,
      subscription: name,
    });
    return 'applied';
  };
  return middy<unknown, ConsumeOutcome, Error, Context>()
    .use(injectLambdaContext(rt.logger, { resetKeys: true }))
    .use(rt.tracing ? [rt.tracing.middleware()] : [])
    .use(logMetrics(rt.metrics))
    .handler(handle);
}
