/**
 * Delivers events to targets the way EventBridge does: asynchronously, retrying failures with exponential backoff
 * and jitter within the target's RetryPolicy (default 185 retries and 24 hours), then parking the delivery as a
 * dead letter that can be redriven.
 */
import { randomUUID } from 'node:crypto';
import type { BusEvent, DeadLetter, Target } from './model.ts';

export type TargetHandler = (input: unknown) => Promise<unknown>;
export type Logger = (msg: string, extra?: object) => void;

export interface RetrySettings {
  /** Delay before the first retry; each further retry doubles it. */
  baseDelayMs: number;
  /** Ceiling on any one delay. */
  maxDelayMs: number;
}

export interface Delivery {
  event: BusEvent;
  eventBusName: string;
  ruleName: string;
  ruleArn: string;
  target: Target;
  input: unknown;
  ingestedAt: Date;
}

/**
 * Delivery faults EventBridge is allowed to commit, made certain for a test: `duplicate` delivers every event to each
 * of its targets twice (at-least-once), `shuffle` holds deliveries for `windowMs` and starts them in a random order
 * (EventBridge promises no order). Off unless asked for.
 */
export interface DeliveryFaults {
  duplicate: boolean;
  shuffle: boolean;
  /** How long deliveries are held before a shuffled batch starts (default 40 ms). */
  windowMs?: number;
  /** Seeds the shuffle (a failing run can be replayed with its seed); random by default. */
  seed?: number;
}

/**
 * How many deliveries run at once per target, by default: a Lambda function's concurrency bounds its invocations in
 * AWS, and without a bound one import's ~1,000 events would start thousands of handlers at once against the one
 * DynamoDB Local every service shares locally (measured in `services/registry/README.md`, Scale).
 */
export const DEFAULT_TARGET_CONCURRENCY = 8;

/** EventBridge's RetryPolicy defaults. */
const DEFAULT_MAX_RETRIES = 185;
const DEFAULT_MAX_AGE_SECONDS = 86_400;

interface InFlight {
  readonly delivery: Delivery;
  attempts: number;
  firstAttemptAt?: Date;
}

export class DeliveryQueue {
  private readonly handlers = new Map<string, TargetHandler>();
  private readonly letters: DeadLetter[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private stopped = false;
  private faults: DeliveryFaults | undefined;
  private held: Delivery[] = [];
  private holdTimer: NodeJS.Timeout | undefined;
  private random: () => number = Math.random;
  /** Per target: invocations running, and the attempts waiting for one of its slots (first come, first served). */
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  /** Deliveries started, copies included (what a faulted run reports). */
  started = 0;
  /** Deliveries that succeeded, by target and detail-type (`<arn> <detail-type>`). */
  private readonly succeeded = new Map<string, number>();

  constructor(
    private readonly retry: RetrySettings,
    private readonly log: Logger,
    /** Invocations of one target at once (its function's concurrency); further attempts wait their turn. */
    private readonly concurrency: number = DEFAULT_TARGET_CONCURRENCY,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new Error(`delivery concurrency must be a whole number ≥ 1, not ${concurrency}`);
  }

  registerTarget(arn: string, handler: TargetHandler): void {
    this.handlers.set(arn, handler);
  }

  /** Starts a delivery after the current call returns; `idle()` waits for it. */
  deliver(delivery: Delivery): void {
    const copies = this.faults?.duplicate ? 2 : 1;
    this.pending += copies;
    if (!this.faults?.shuffle) {
      for (let i = 0; i < copies; i++) this.start(delivery);
      return;
    }
    for (let i = 0; i < copies; i++) this.held.push(delivery);
    this.holdTimer ??= setTimeout(() => this.releaseHeld(), this.faults.windowMs ?? 40);
  }

  /** Turns delivery faults on (or off with `undefined`); deliveries already held are released first. */
  setFaults(faults: DeliveryFaults | undefined): void {
    this.releaseHeld();
    this.faults = faults;
    this.random = faults?.seed === undefined ? Math.random : seeded(faults.seed);
  }

  private releaseHeld(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    const batch = this.held;
    this.held = [];
    // Fisher–Yates: every order of the held deliveries (copies included) equally likely.
    for (let i = batch.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [batch[i], batch[j]] = [batch[j]!, batch[i]!];
    }
    for (const delivery of batch) this.start(delivery);
  }

  private start(delivery: Delivery): void {
    this.started++;
    setImmediate(() => void this.attempt({ delivery, attempts: 0 }));
  }

  /** How many deliveries of `detailType` events to the target `arn` have succeeded (a redelivery counts again, a redriven dead letter not). */
  deliveredTo(arn: string, detailType: string): number {
    return this.succeeded.get(`${arn} ${detailType}`) ?? 0;
  }

  deadLetters(): DeadLetter[] {
    return this.letters.map((letter) => structuredClone(letter));
  }

  /** Tries each chosen dead letter once more; those that succeed leave the store. Returns how many succeeded. */
  async redrive(ids?: readonly string[]): Promise<number> {
    const chosen = this.letters.filter((letter) => ids === undefined || ids.includes(letter.id));
    let redriven = 0;
    for (const letter of chosen) {
      letter.attempts++;
      letter.lastAttemptAt = new Date().toISOString();
      try {
        await this.invokeInTurn(letter.targetArn, letter.input);
        this.letters.splice(this.letters.indexOf(letter), 1);
        redriven++;
      } catch (e) {
        letter.error = errorText(e);
      }
    }
    return redriven;
  }

  /** Resolves once nothing is being delivered and no retry is waiting. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Forgets waiting retries and dead letters (the local stack's reset between test files); keeps running. */
  clear(): void {
    for (const timer of this.timers) {
      clearTimeout(timer);
      this.finish();
    }
    this.timers.clear();
    this.letters.length = 0;
    this.succeeded.clear();
  }

  /** Cancels waiting retries; deliveries already running finish but are not retried, those waiting their turn end. */
  stop(): void {
    this.stopped = true;
    this.releaseHeld();
    for (const [arn, queue] of this.waiting) {
      // Each woken attempt holds a slot until it sees the stack stopped and gives it back.
      this.running.set(arn, (this.running.get(arn) ?? 0) + queue.length);
      for (const wake of queue.splice(0)) wake();
    }
    for (const timer of this.timers) {
      clearTimeout(timer);
      this.finish();
    }
    this.timers.clear();
  }

  private async attempt(flight: InFlight): Promise<void> {
    if (this.stopped) return this.finish();
    const { delivery } = flight;
    const arn = delivery.target.Arn;
    await this.turn(arn);
    try {
      if (this.stopped) return this.finish();
      // An attempt is when the function is invoked, not when it queued for a slot.
      const now = new Date();
      flight.attempts++;
      flight.firstAttemptAt ??= now;
      try {
        await this.invoke(arn, delivery.input);
        const key = `${arn} ${delivery.event['detail-type']}`;
        this.succeeded.set(key, (this.succeeded.get(key) ?? 0) + 1);
        this.finish();
      } catch (e) {
        this.failed(flight, errorText(e), now);
      }
    } finally {
      this.done(arn);
    }
  }

  /** Resolves when one of the target's slots is free, and holds it until `done`. */
  private turn(arn: string): Promise<void> {
    const running = this.running.get(arn) ?? 0;
    if (running < this.concurrency) {
      this.running.set(arn, running + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(arn) ?? [];
      queue.push(resolve);
      this.waiting.set(arn, queue);
    });
  }

  /** Hands the slot to the next attempt waiting for this target, or frees it. */
  private done(arn: string): void {
    const next = this.waiting.get(arn)?.shift();
    if (next) return next();
    this.running.set(arn, (this.running.get(arn) ?? 1) - 1);
  }

  private async invokeInTurn(arn: string, input: unknown): Promise<void> {
    await this.turn(arn);
    try {
      await this.invoke(arn, input);
    } finally {
      this.done(arn);
    }
  }

  private failed(flight: InFlight, error: string, attemptAt: Date): void {
    if (this.stopped) return this.finish();
    const { delivery } = flight;
    const policy = delivery.target.RetryPolicy ?? {};
    const maxRetries = policy.MaximumRetryAttempts ?? DEFAULT_MAX_RETRIES;
    const maxAgeMs = (policy.MaximumEventAgeInSeconds ?? DEFAULT_MAX_AGE_SECONDS) * 1000;
    const delay = this.backoff(flight.attempts);
    const ageAtRetry = Date.now() + delay - delivery.ingestedAt.getTime();
    if (flight.attempts > maxRetries || ageAtRetry > maxAgeMs) {
      this.deadLetter(flight, error, attemptAt);
      return;
    }
    this.log('event bus: delivery failed, will retry', {
      rule: delivery.ruleName,
      target: delivery.target.Id,
      attempt: flight.attempts,
      retryInMs: delay,
      error,
    });
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(flight);
    }, delay);
    this.timers.add(timer);
  }

  /** Exponential backoff from the base delay, with up to 50% jitter so retries of a burst spread out. */
  private backoff(attempts: number): number {
    const exponential = this.retry.baseDelayMs * 2 ** (attempts - 1);
    return Math.round(Math.min(this.retry.maxDelayMs, exponential * (1 + Math.random() / 2)));
  }

  private deadLetter(flight: InFlight, error: string, lastAttemptAt: Date): void {
    const { delivery } = flight;
    const deadLetterArn = delivery.target.DeadLetterConfig?.Arn;
    const letter: DeadLetter = {
      id: randomUUID(),
      eventBusName: delivery.eventBusName,
      ruleName: delivery.ruleName,
      ruleArn: delivery.ruleArn,
      targetId: delivery.target.Id,
      targetArn: delivery.target.Arn,
      ...(deadLetterArn === undefined ? {} : { deadLetterArn }),
      event: delivery.event,
      input: delivery.input,
      error,
      attempts: flight.attempts,
      firstAttemptAt: (flight.firstAttemptAt ?? lastAttemptAt).toISOString(),
      lastAttemptAt: lastAttemptAt.toISOString(),
    };
    this.letters.push(letter);
    this.log('event bus: delivery dead-lettered', {
      id: letter.id,
      rule: letter.ruleName,
      target: letter.targetId,
      attempts: letter.attempts,
      error,
    });
    this.finish();
  }

  private async invoke(arn: string, input: unknown): Promise<void> {
    const handler = this.handlers.get(arn);
    if (handler === undefined) throw new Error(`No target is registered for ${arn}`);
    // Each attempt gets its own copy, so a handler that mutates its input cannot change a retry.
    await handler(structuredClone(input));
  }

  private finish(): void {
    this.pending--;
    if (this.pending > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** mulberry32: a small seeded generator, enough to replay a shuffle. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
