import { Duration } from 'aws-cdk-lib';
import { Rule, RuleTargetInput, type EventPattern, type IEventBus, type RuleTargetInputProperties } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { patternOf, resourceNames, type AnySubscription, type ServiceManifest } from '@cocreate/kernel/manifest';
import { alarmOnDeadLetters } from '../alarms.ts';
import { deadLetterQueue } from '../queues.ts';

/**
 * What the events function receives: the subscription's name (it dispatches on it) and the whole EventBridge event,
 * via the predefined `<aws.events.event.json>` variable so nothing of the event is lost in transformation.
 */
export class SubscriptionDelivery extends RuleTargetInput {
  constructor(private readonly subscription: string) {
    super();
  }

  static templateFor(subscription: string): string {
    return `{"subscription":${JSON.stringify(subscription)},"event":<aws.events.event.json>}`;
  }

  bind(): RuleTargetInputProperties {
    return { inputTemplate: SubscriptionDelivery.templateFor(this.subscription) };
  }
}

/** The kernel writes patterns with EventBridge's own keys; the CDK spells `detail-type` as `detailType`. */
export function toEventPattern(pattern: Record<string, unknown>): EventPattern {
  const { 'detail-type': detailType, ...rest } = pattern;
  return { ...rest, ...(detailType === undefined ? {} : { detailType }) } as EventPattern;
}

/**
 * How long EventBridge keeps trying to hand an event to the events function before it goes to the rule's DLQ.
 * EventBridge's own ceiling, made explicit: a consumer down for hours must still get every fact.
 */
export const DELIVERY_RETRY = { maxEventAge: Duration.hours(24), retryAttempts: 185 } as const;

export interface SubscriptionRulesProps {
  manifest: ServiceManifest;
  bus: IEventBus;
  handler: IFunction;
  alarmTopic: ITopic;
}

/** One rule per subscription on the deployment's bus, each with its own dead-letter queue and alarm. */
export class SubscriptionRules extends Construct {
  readonly rules = new Map<string, Rule>();

  constructor(scope: Construct, id: string, props: SubscriptionRulesProps) {
    super(scope, id);
    for (const sub of props.manifest.subscriptions) this.subscribe(sub, props);
  }

  private subscribe(sub: AnySubscription, props: SubscriptionRulesProps): void {
    const scope = new Construct(this, sub.name);
    const rule = new Rule(scope, 'Rule', {
      ruleName: resourceNames.rule(props.manifest.name, sub.name),
      description: sub.summary,
      eventBus: props.bus,
      eventPattern: toEventPattern(patternOf(sub)),
    });
    const dlq = deadLetterQueue(scope, 'DeadLetters', `events the ${sub.name} rule could not deliver`);
    rule.addTarget(
      new LambdaFunction(props.handler, {
        event: new SubscriptionDelivery(sub.name),
        deadLetterQueue: dlq,
        ...DELIVERY_RETRY,
      }),
    );
    alarmOnDeadLetters(scope, 'DeadLettersAlarm', dlq, props.alarmTopic, `${props.manifest.name} subscription ${sub.name}`);
    this.rules.set(sub.name, rule);
  }
}
