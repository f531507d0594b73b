import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Actor, EventMeta } from '@cocreate/contracts';
import type { Register } from '@cocreate/places';
import type { EvidenceStore } from './evidence.ts';
import type { Locale } from './i18n.ts';
import type { Identity } from './identity.ts';
import type { Table } from './store/table.ts';
import type { UnitOfWork } from './store/unit.ts';

/** What every handler of a service can use: its table, the places data, evidence, logging and the clock. */
export interface ServiceContext {
  service: string;
  table: Table;
  /** The register of places, households, people and bodies (村情台账) as this service keeps it. */
  register: Register;
  evidence: EvidenceStore;
  log: Logger;
  metrics: Metrics;
  /** The current time. Injected so tests and the local stack can move it (notice periods, expiry). */
  now(): Date;
  /**
   * The deployment's public base URL, from configuration (undefined where the deployment sets none): absolute links
   * are built from it, never from the request's `Host` or `X-Forwarded-Host`, which a caller controls.
   */
  publicBaseUrl: string | undefined;
  /**
   * The platform's bus, for the rare service that drives it (the feeds start archive replays): the client, the
   * bus and archive ARNs, and the ARN of one of this service's subscription rules (a replay's destination).
   */
  platform: {
    eventBridge: EventBridgeClient;
    busArn: string | undefined;
    archiveArn: string | undefined;
    ruleArn(subscription: string): string | undefined;
  };
  /**
   * Commits a separate unit of work right away (with retries), for jobs and bulk imports that change more than one
   * transaction can hold. Inside a route handler prefer `tx`, which commits with the response.
   */
  unit(work: (tx: UnitOfWork) => Promise<void>): Promise<'committed' | 'duplicate'>;
  /**
   * Commits a separate unit of work once, and reports a lost race as 'lost' instead of recomputing: for workers
   * whose better answer to losing is to look first whether the winner already did their work (group commit).
   */
  tryUnit(work: (tx: UnitOfWork) => Promise<void>): Promise<'committed' | 'duplicate' | 'lost'>;
}

export interface RouteContext extends ServiceContext {
  /** Set on every route except public ones called without a token. */
  identity: Identity | undefined;
  /** The caller as recorded on events: token subject and the role the route's check matched. */
  actor: Actor;
  locale: Locale;
  requestId: string;
  correlationId: string;
  /** The request's unit of work, committed atomically after the handler returns. */
  /**
   * 0 on the first try; 1, 2… when a lost race made the kernel recompute the request from fresh reads (a read that
   * is needed only after losing, like the winner's record for the refusal, is made only then).
   */
  attempt: number;
  tx: UnitOfWork;
  headers: Readonly<Record<string, string>>;
  /**
   * Reads once per attempt: the route's place check and the handler share one read of the record they both need.
   * A retried attempt (after a lost race) starts with nothing remembered, so it never sees a stale copy.
   */
  once<T>(key: string, read: () => Promise<T>): Promise<T>;
}

export interface EventContext extends ServiceContext {
  correlationId: string;
  /** The delivered event's meta (its id is the processed-event key). */
  cause: EventMeta;
  /**
   * 0 on the first try of this delivery; 1, 2… when its unit did not commit (a lost race, or a write whose condition
   * asked for a retry) and the kernel runs the handler again with a fresh unit.
   */
  attempt: number;
  /** Committed together with the processed-event marker: the effect happens once however often it is delivered. */
  tx: UnitOfWork;
}

export interface JobContext extends ServiceContext {
  correlationId: string;
  job: string;
  /** What started this run: its schedule, or a request (`tx.startJob`) — someone is waiting for what it does. */
  trigger: 'schedule' | 'request';
  /** Reports progress (logged, and shown by the local stack). */
  progress(done: number, total: number, note?: string): void;
  /** Milliseconds this invocation has left before the function times out: stop and resume on the next run. */
  remainingMs(): number;
}
