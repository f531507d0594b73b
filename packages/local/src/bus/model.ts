/** The local bus's state and the records it exposes to tests. */
import type { EventMatcher } from '@cocreate/event-pattern';

/** An event as EventBridge delivers it to targets (and as `events()` lists it). */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
  /** Set on events a replay sends again from an archive. */
  'replay-name'?: string;
}

/** Every event the bus accepted, in the standard EventBridge shape. */
export type DeliveredEvent = BusEvent;

export interface InputTransformer {
  InputPathsMap?: Record<string, string>;
  InputTemplate: string;
}

/** A rule target, as PutTargets stores it and ListTargetsByRule returns it. */
export interface Target {
  Id: string;
  Arn: string;
  RoleArn?: string;
  Input?: string;
  InputPath?: string;
  InputTransformer?: InputTransformer;
  RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
  DeadLetterConfig?: { Arn?: string };
}

export type RuleState = 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';

export interface Rule {
  name: string;
  arn: string;
  eventBusName: string;
  state: RuleState;
  eventPattern?: string;
  /** Compiled once at PutRule; absent for schedule-only rules, which never match events. */
  matcher?: EventMatcher;
  scheduleExpression?: string;
  description?: string;
  roleArn?: string;
  targets: Map<string, Target>;
}

export interface EventBus {
  name: string;
  arn: string;
  description?: string;
  createdAt: Date;
  rules: Map<string, Rule>;
}

/** A delivery that exhausted its retry policy. Kept whether or not the target names a dead-letter queue. */
export interface DeadLetter {
  id: string;
  eventBusName: string;
  ruleName: string;
  ruleArn: string;
  targetId: string;
  targetArn: string;
  /** The target's DeadLetterConfig.Arn, when it has one. */
  deadLetterArn?: string;
  event: BusEvent;
  /** What the target was invoked with (after Input / InputPath / InputTransformer). */
  input: unknown;
  error: string;
  attempts: number;
  firstAttemptAt: string;
  lastAttemptAt: string;
}
