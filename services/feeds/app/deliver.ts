import { type Envelope, SubscriptionPaused } from '@cocreate/contracts';
import { type JobContext, type UnitOfWork, budget, cond, forEachLimit } from '@cocreate/kernel';
import { CLOUDEVENTS_CONTENT_TYPE, toCloudEvent } from '../domain/cloudevents.ts';
import { type Delivery, applyAttempt, kill, newDelivery } from '../domain/deliveries.ts';
import { LOG_SHARDS, parseEntry } from '../domain/log.ts';
import { receives } from '../domain/matching.ts';
import { webhookHeaders } from '../domain/signatures.ts';
import { activeSecrets, pauseFor } from '../domain/subscriptions.ts';
import { deliveries } from '../repos/deliveries.ts';
import { fanouts } from '../repos/fanouts.ts';
import { eventLog } from '../repos/log.ts';
import { replays } from '../repos/replays.ts';
import { subscriptions } from '../repos/subscriptions.ts';
import { sweepStaged } from './sequencer.ts';
import { postWebhook } from './webhook-client.ts';

/**
 * The delivery job (every minute, and at once when asked): expands fan-outs that did not fit the dispatch transaction,
 * walks pending replays into deliveries, attempts every delivery that is due, and on its schedule sequences any event
 * a dispatcher staged but did not get to append. Safe to run twice at once: each attempt first
 * takes a lease (moves the delivery's next attempt a few minutes ahead, conditional on its version), so only one
 * run sends it; a run that dies mid-send leaves the lease to expire and the delivery is tried again.
 */

/** Wall-clock budget of one run: the next run (a minute later) picks up whatever is left. */
const BUDGET_MS = 50_000;
/** Room kept before the function's own timeout to finish the delivery in hand (its POST times out after 10 s). */
const TIMEOUT_MARGIN_MS = 12_000;
const LEASE_MS = 3 * 60_000;
const PAGE = 100;
const CONCURRENCY = 8;
/** Writes per unit when expanding fan-outs and replays (under DynamoDB's 100 per transaction). */
const CHUNK = 80;

/** Tries at recording a delivery whose unit lost to a write elsewhere (its subscription's counters), not its lease. */
const RECORD_TRIES = 40;

type Summary = Record<string, number>;

/** One run of the delivery job; returns what it did, by kind. */
export async function runDeliveries(ctx: JobContext): Promise<Summary> {
  const inBudget = budget({ budgetMs: BUDGET_MS, marginMs: TIMEOUT_MARGIN_MS, remainingMs: ctx.remainingMs });
  const summary: Summary = {};
  const count = (key: string, n = 1) => (summary[key] = (summary[key] ?? 0) + n);
  await expandFanouts(ctx, inBudget, count);
  await walkReplays(ctx, inBudget, count);
  await attemptDue(ctx, inBudget, count);
  // Events a dispatcher staged and died before appending: the bus redelivers them anyway, so only the scheduled run
  // sweeps. The sweep reads every county's stage shards (a province's hundred counties × LOG_SHARDS queries, ≈ 0.5 s
  // locally), and one run at a time means a run a dispatch requested would wait for the previous run's sweep.
  if (ctx.trigger === 'schedule') count('sequencedBySweep', await sweepStaged(ctx, inBudget));
  return summary;
}

async function expandFanouts(ctx: JobContext, inBudget: () => boolean, count: (k: string, n?: number) => void): Promise<void> {
  for (const pending of await fanouts.pending(ctx.table, 20)) {
    let finished = false;
    while (!finished && inBudget()) {
      await ctx.unit(async (tx) => {
        const f = await fanouts.get(ctx.table, pending.eventId);
        if (!f) {
          finished = true;
          return;
        }
        const entry = (await eventLog.getMany(ctx.table, [f.log])).get(`${f.log.root}#${f.log.seq}`);
        const chunk = entry ? f.subscriptions.slice(f.done, f.done + CHUNK) : [];
        const now = ctx.now();
        for (const s of chunk) deliveries.save(tx, newDelivery(s, entry!, now), undefined, now, 'retry');
        const done = entry ? f.done + chunk.length : f.subscriptions.length;
        fanouts.advance(tx, f, done);
        finished = done >= f.subscriptions.length;
        count('fanoutDeliveries', chunk.length);
      });
    }
  }
}

async function walkReplays(ctx: JobContext, inBudget: () => boolean, count: (k: string, n?: number) => void): Promise<void> {
  for (const pending of await replays.pending(ctx.table, 10)) {
    let finished = false;
    while (!finished && inBudget()) {
      await ctx.unit(async (tx) => {
        const r = await replays.get(ctx.table, pending.subscriptionId, pending.replayId);
        if (!r || r.status !== 'pending') {
          finished = true;
          return;
        }
        const now = ctx.now();
        const sub = await subscriptions.get(ctx.table, r.agencyId, r.subscriptionId);
        // The walk goes through every shard of every root: rootIndex counts (root, shard) pairs.
        const root = r.roots[Math.floor(r.rootIndex / LOG_SHARDS)];
        const shard = r.rootIndex % LOG_SHARDS;
        if (!sub || sub.delivery.mode !== 'webhook' || root === undefined) {
          replays.save(tx, { ...r, status: 'completed', completedAt: now.toISOString() }, r.version, 'retry');
          finished = true;
          return;
        }
        const page = await eventLog.occurredBetween(ctx.table, root, shard, r.from, r.to, {
          limit: CHUNK,
          ...(r.pageCursor ? { cursor: r.pageCursor } : {}),
        });
        const matching = page.entries.filter((e) => receives(sub, parseEntry(e)));
        for (const e of matching) deliveries.save(tx, newDelivery(sub, e, now, r.replayId), undefined, now, 'retry');
        const lastRoot = r.rootIndex + 1 >= r.roots.length * LOG_SHARDS;
        finished = !page.cursor && lastRoot;
        const { pageCursor: _c, ...rest } = r;
        replays.save(
          tx,
          {
            ...rest,
            ...(page.cursor ? { pageCursor: page.cursor } : { rootIndex: r.rootIndex + 1 }),
            scanned: r.scanned + page.entries.length,
            queued: r.queued + matching.length,
            ...(finished ? { status: 'completed' as const, completedAt: now.toISOString() } : {}),
          },
          r.version,
          'retry',
        );
        count('replayDeliveries', matching.length);
      });
    }
  }
}

async function attemptDue(ctx: JobContext, inBudget: () => boolean, count: (k: string, n?: number) => void): Promise<void> {
  const seen = new Set<string>();
  while (inBudget()) {
    const due = (await deliveries.due(ctx.table, ctx.now(), PAGE)).filter((d) => !seen.has(`${d.subscriptionId}/${d.deliveryId}`));
    if (due.length === 0) break;
    for (const d of due) seen.add(`${d.subscriptionId}/${d.deliveryId}`);
    await forEachLimit(
      due,
      CONCURRENCY,
      async (d) => {
        try {
          count(await attemptOne(ctx, d.subscriptionId, d.deliveryId));
        } catch (err) {
          count('errors');
          ctx.log.error('delivery attempt failed', { ...d, error: (err as Error).message });
        }
      },
      inBudget,
    );
  }
}

type AttemptCount = 'delivered' | 'retried' | 'deadLettered' | 'paused-dropped' | 'dropped' | 'skipped' | 'leaseLost';

/** One delivery: re-read, lease, send, record. Returns what happened (for the job's summary). */
async function attemptOne(ctx: JobContext, subscriptionId: string, deliveryId: string): Promise<AttemptCount> {
  const d = await deliveries.get(ctx.table, subscriptionId, deliveryId);
  const now = ctx.now();
  // The due index may lag behind the item: only a pending delivery that is due now is attempted.
  if (!d || d.status !== 'pending' || (d.nextAttemptAt && Date.parse(d.nextAttemptAt) > now.getTime())) return 'skipped';
  const sub = await subscriptions.get(ctx.table, d.agencyId, d.subscriptionId);
  if (!sub || sub.delivery.mode !== 'webhook') {
    // Unsubscribed: nothing to deliver to. Lost ('lost'): another run changed it first, and judges it again.
    await ctx.tryUnit(async (tx) => deliveries.remove(tx, d, 'retry'));
    return 'dropped';
  }
  if (sub.status === 'paused') {
    // Not sent while paused: parked in the dead-letter list, to be redriven after the agency resumes.
    return (await record(ctx, d, kill(d, 'subscription-paused', now))) ? 'paused-dropped' : 'leaseLost';
  }
  const leased = await record(ctx, d, { ...d, nextAttemptAt: new Date(now.getTime() + LEASE_MS).toISOString() });
  if (!leased) return 'leaseLost';

  // The event body: from the log, or carried by the delivery when an archive replay sent it back.
  const entry = d.log ? (await eventLog.getMany(ctx.table, [d.log])).get(`${d.log.root}#${d.log.seq}`) : undefined;
  const envelope = entry ? parseEntry(entry) : d.detail ? (JSON.parse(d.detail) as Envelope) : undefined;
  const at = ctx.now();
  const secrets = activeSecrets(sub.secrets, at);
  if (!envelope || secrets.length === 0) {
    const dead = kill({ ...leased, lastError: envelope ? 'no signing secret' : 'event no longer in the log' }, 'retries-exhausted', at);
    return (await record(ctx, leased, dead)) ? 'deadLettered' : 'leaseLost';
  }
  const body = JSON.stringify(toCloudEvent(envelope, sub.schemaBaseUrl));
  const outcome = await postWebhook(sub.delivery.url, body, {
    'content-type': CLOUDEVENTS_CONTENT_TYPE,
    // Transport metadata: the receiver checks the timestamp against its own clock (Standard Webhooks: within five
    // minutes), so it is the wall clock's — in AWS the same as the service clock; locally not after the clock moved.
    ...webhookHeaders(secrets, d.eventId, new Date(), body),
  });
  const result = applyAttempt(leased, outcome, ctx.now(), Math.random);
  const committed = await record(ctx, leased, result.delivery, async (tx) => {
    const fresh = await subscriptions.get(ctx.table, sub.agencyId, sub.subscriptionId);
    if (!fresh) return;
    const at2 = ctx.now().toISOString();
    if (result.effect === 'delivered') {
      subscriptions.change(tx, fresh, { set: { lastDeliveredAt: at2, consecutiveDeadLetters: 0 } }, { bump: false, onConflict: 'retry' });
      return;
    }
    const error = result.delivery.lastError ?? 'failed';
    if (result.effect === 'retry') {
      subscriptions.change(tx, fresh, { set: { lastFailureAt: at2, lastError: error } }, { bump: false, onConflict: 'retry' });
      return;
    }
    // Dead: count it, and pause the subscription when the endpoint has kept failing (or said it is gone).
    const n = fresh.consecutiveDeadLetters + 1;
    const pause =
      fresh.status === 'active' ? pauseFor({ consecutiveDeadLetters: n, gone: result.gone, lastError: error, at: ctx.now() }) : undefined;
    subscriptions.change(
      tx,
      fresh,
      {
        set: {
          consecutiveDeadLetters: n,
          lastFailureAt: at2,
          lastError: error,
          ...(pause ? { status: 'paused', pause, updatedAt: at2 } : {}),
        },
      },
      {
        bump: pause !== undefined,
        condition: cond.and(cond.equals('consecutiveDeadLetters', fresh.consecutiveDeadLetters), cond.equals('status', fresh.status)),
        onConflict: 'retry',
      },
    );
    if (pause) {
      tx.emit(
        SubscriptionPaused,
        {
          agencyId: fresh.agencyId,
          subscriptionId: fresh.subscriptionId,
          jurisdiction: fresh.jurisdiction,
          reason: pause.reason,
          detail: pause.detail,
          pausedAt: pause.pausedAt,
          consecutiveDeadLetters: n,
          ...(pause.lastError ? { lastError: pause.lastError.slice(0, 500) } : {}),
        },
        { place: fresh.jurisdiction },
      );
    }
  });
  if (!committed) return 'leaseLost';
  return result.effect === 'delivered' ? 'delivered' : result.effect === 'retry' ? 'retried' : 'deadLettered';
}

/**
 * Saves a delivery's new state (conditional on the version read) with any bookkeeping, in one unit. Undefined when
 * another run changed the delivery first (its lease was lost): nothing is written then. A unit lost to a concurrent
 * write elsewhere (the subscription's counters) is recomputed, `extra` reading afresh.
 */
async function record(
  ctx: JobContext,
  from: Delivery,
  to: Delivery,
  extra?: (tx: UnitOfWork) => Promise<void>,
): Promise<Delivery | undefined> {
  for (let tries = 1; ; tries++) {
    let saved: Delivery | undefined;
    const outcome = await ctx.tryUnit(async (tx) => {
      saved = deliveries.save(tx, to, from.version, ctx.now(), 'retry');
      if (extra) await extra(tx);
    });
    if (outcome !== 'lost') return saved;
    const current = await deliveries.get(ctx.table, from.subscriptionId, from.deliveryId);
    if (current?.version !== from.version) return undefined;
    if (tries >= RECORD_TRIES) throw new Error(`delivery ${from.deliveryId} not recorded after ${RECORD_TRIES} tries`);
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(400, 5 * 2 ** Math.min(tries, 10))));
  }
}
