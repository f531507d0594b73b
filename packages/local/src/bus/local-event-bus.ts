/**
 * An in-process Amazon EventBridge: buses, rules (matched with @cocreate/event-pattern), targets resolved to
 * in-process handlers by ARN, asynchronous delivery with retries and dead letters, served over EventBridge's own
 * wire protocol so services use the unmodified AWS SDK against it.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { type DeliveryFaults, DeliveryQueue, type Logger, type TargetHandler } from './delivery.ts';
import { createBusServer } from './http.ts';
import { targetInput } from './input-transform.ts';
import type { BusEvent, DeadLetter, DeliveredEvent } from './model.ts';
import { controlPlane, type Input } from './operations.ts';
import { Archives, type Replay } from './archive.ts';
import { archiveOperations } from './archive-operations.ts';
import { readEntry, requestEntries, type EntryFailure } from './put-events.ts';
import { BusRegistry, busNameOf } from './registry.ts';

export interface LocalEventBusOptions {
  region?: string;
  /** Account of every event and ARN (default 000000000000). */
  accountId?: string;
  retry?: {
    /** Delay before the first retry of a failed delivery (default 200 ms); later retries back off exponentially. */
    baseDelayMs?: number;
    /** Longest delay between two attempts (default 60 s). */
    maxDelayMs?: number;
  };
  logger?: Logger;
  /**
   * Deliveries running at once per target (its function's reserved concurrency, default
   * `DEFAULT_TARGET_CONCURRENCY`); the rest wait their turn in arrival order, as throttled invocations do in AWS.
   */
  concurrency?: number;
  /** Delivery faults (every event twice, in shuffled order); off by default. See `DeliveryFaults`. */
  faults?: DeliveryFaults;
}

export type EventListener = (event: DeliveredEvent, meta: { eventBusName: string }) => void;

/** What an injected per-entry failure reports, for the codes EventBridge documents. */
const INJECTED_MESSAGES: Record<string, string> = {
  InternalFailure: 'Internal Service Failure',
  ThrottlingException: 'Rate exceeded',
};

export class LocalEventBus {
  private readonly region: string;
  private readonly accountId: string;
  private readonly registry: BusRegistry;
  private readonly deliveries: DeliveryQueue;
  private readonly accepted: { eventBusName: string; event: DeliveredEvent }[] = [];
  private readonly listeners = new Set<EventListener>();
  private readonly log: Logger;
  private injected: { remaining: number; code: string } = { remaining: 0, code: 'InternalFailure' };
  private server: Server | undefined;
  private readonly archives: Archives;

  constructor(opts: LocalEventBusOptions = {}) {
    this.region = opts.region ?? process.env.AWS_REGION ?? 'us-east-1';
    this.accountId = opts.accountId ?? '000000000000';
    this.log = opts.logger ?? (() => undefined);
    this.registry = new BusRegistry(this.region, this.accountId);
    this.archives = new Archives((resource) => `arn:aws:events:${this.region}:${this.accountId}:${resource}`);
    this.deliveries = new DeliveryQueue(
      { baseDelayMs: opts.retry?.baseDelayMs ?? 200, maxDelayMs: opts.retry?.maxDelayMs ?? 60_000 },
      this.log,
      opts.concurrency,
    );
    if (opts.faults) this.deliveries.setFaults(opts.faults);
  }

  /**
   * Turns delivery faults on or off (`undefined`) from now on: with `duplicate` every event reaches each target
   * twice, with `shuffle` deliveries start in a random order. What at-least-once, unordered EventBridge may do.
   */
  setDeliveryFaults(faults: DeliveryFaults | undefined): void {
    this.deliveries.setFaults(faults);
  }

  /** Deliveries started so far (each copy of a duplicated delivery counts). */
  deliveriesStarted(): number {
    return this.deliveries.started;
  }

  /**
   * How many deliveries of `detailType` events to the target `arn` have succeeded: a benchmark waits on it instead
   * of scanning a consumer's table again and again while the consumer works on the same DynamoDB Local.
   */
  deliveredTo(arn: string, detailType: string): number {
    return this.deliveries.deliveredTo(arn, detailType);
  }

  /** Listens on 127.0.0.1 (port 0 picks a free one). */
  async start(port = 0): Promise<{ port: number; endpoint: string }> {
    const server = createBusServer({
      operations: {
        ...controlPlane(this.registry, this.accountId),
        ...archiveOperations(this.registry, this.archives, (replay) => setImmediate(() => this.runReplay(replay))),
        PutEvents: (input) => this.putEvents(input),
      },
      deadLetters: () => this.deadLetters(),
      redrive: (ids) => this.redrive(ids),
      log: this.log,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const actual = (server.address() as AddressInfo).port;
    return { port: actual, endpoint: `http://127.0.0.1:${actual}` };
  }

  /** Closes the server and cancels waiting retries. */
  async stop(): Promise<void> {
    this.deliveries.stop();
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  }

  /** Routes deliveries for a target ARN (a Lambda function's, typically) to an in-process handler. */
  registerTarget(arn: string, invoke: TargetHandler): void {
    this.deliveries.registerTarget(arn, invoke);
  }

  /** Every event accepted so far, in order; optionally only those put on one bus. */
  events(filter: { eventBusName?: string } = {}): DeliveredEvent[] {
    const bus = filter.eventBusName === undefined ? undefined : busNameOf(filter.eventBusName);
    return this.accepted.filter((a) => bus === undefined || a.eventBusName === bus).map((a) => structuredClone(a.event));
  }

  /** Calls back synchronously for each accepted event, before it is delivered. */
  on(_type: 'event', listener: EventListener): this {
    this.listeners.add(listener);
    return this;
  }

  off(_type: 'event', listener: EventListener): this {
    this.listeners.delete(listener);
    return this;
  }

  /** Resolves when no delivery is running and no retry is waiting. */
  idle(): Promise<void> {
    return this.deliveries.idle();
  }

  /** Forgets accepted events, waiting retries, dead letters, archived events, replays and injected failures. */
  clear(): void {
    this.deliveries.clear();
    this.archives.clear();
    this.accepted.length = 0;
    this.injected = { remaining: 0, code: 'InternalFailure' };
  }

  deadLetters(): DeadLetter[] {
    return this.deliveries.deadLetters();
  }

  /** Delivers dead letters again (all, or those with the given ids); the ones delivered are removed. */
  redrive(ids?: readonly string[]): Promise<number> {
    return this.deliveries.redrive(ids);
  }

  /**
   * Makes the next `n` otherwise valid PutEvents entries fail with `code` (reported per entry, as EventBridge
   * reports throttling and internal failures), for testing publishers' retry of failed entries.
   */
  failNextEntries(n: number, code = 'InternalFailure'): void {
    this.injected = { remaining: n, code };
  }

  private putEvents(input: Input): object {
    const now = new Date();
    const results = requestEntries(input.Entries).map((entry) => {
      const read = readEntry(entry, { account: this.accountId, region: this.region, now });
      if ('ErrorCode' in read) return read;
      const eventBusName = busNameOf(read.eventBusName);
      if (!this.registry.hasBus(eventBusName)) {
        return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${eventBusName} does not exist.` };
      }
      const injected = this.takeInjectedFailure();
      if (injected !== undefined) return injected;
      this.accept(eventBusName, read.event, now);
      return { EventId: read.event.id };
    });
    return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
  }

  private takeInjectedFailure(): EntryFailure | undefined {
    if (this.injected.remaining <= 0) return undefined;
    this.injected.remaining--;
    const code = this.injected.code;
    return { ErrorCode: code, ErrorMessage: INJECTED_MESSAGES[code] ?? `Injected failure: ${code}` };
  }

  /** Sends a replay's archived events back to the bus's rules (only those in FilterArns, when given). */
  private runReplay(replay: Replay): void {
    replay.state = 'RUNNING';
    const only = replay.filterArns ? new Set(replay.filterArns) : undefined;
    for (const event of this.archives.eventsFor(replay)) {
      this.route(replay.archive.eventBusName, event, new Date(), only);
      replay.eventLastReplayedTime = new Date(event.time);
    }
    replay.state = 'COMPLETED';
    replay.replayEndTime = new Date();
  }

  /** Records the event and hands a delivery to every target of every enabled rule on the bus that matches it. */
  private accept(eventBusName: string, event: BusEvent, ingestedAt: Date): void {
    this.accepted.push({ eventBusName, event });
    this.archives.record(eventBusName, event, ingestedAt);
    for (const listener of this.listeners) {
      try {
        listener(structuredClone(event), { eventBusName });
      } catch (e) {
        this.log('event bus: event listener threw', { error: e instanceof Error ? e.message : String(e) });
      }
    }
    this.route(eventBusName, event, ingestedAt);
  }

  private route(eventBusName: string, event: BusEvent, ingestedAt: Date, onlyRules?: ReadonlySet<string>): void {
    const bus = this.registry.bus(eventBusName);
    for (const rule of bus.rules.values()) {
      if (onlyRules && !onlyRules.has(rule.arn)) continue;
      if (rule.state === 'DISABLED' || rule.matcher === undefined || !rule.matcher(event)) continue;
      for (const target of rule.targets.values()) {
        const context = { event, ruleArn: rule.arn, ruleName: rule.name, ingestionTime: ingestedAt.toISOString() };
        this.deliveries.deliver({
          event,
          eventBusName,
          ruleName: rule.name,
          ruleArn: rule.arn,
          target: structuredClone(target),
          input: targetInput(target, context),
          ingestedAt,
        });
      }
    }
  }
}
