import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Pages the deployment's alarm topic as soon as `metric` reaches `threshold` in a five-minute window. */
export function alarmOn(
  scope: Construct,
  id: string,
  metric: IMetric,
  topic: ITopic,
  description: string,
  threshold = 1,
  evaluationPeriods = 1,
): Alarm {
  const alarm = new Alarm(scope, id, {
    metric,
    alarmDescription: description,
    threshold,
    evaluationPeriods,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    // No data means nothing failed (a quiet village at night), not an unknown state worth paging for.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}

/** A dead-letter queue that holds anything is an undelivered fact or a lost retry: always worth a look. */
export function alarmOnDeadLetters(scope: Construct, id: string, queue: IQueue, topic: ITopic, what: string): void {
  alarmOn(
    scope,
    id,
    queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
    topic,
    `${what}: messages are waiting in the dead-letter queue; inspect and redrive`,
  );
}

/**
 * How old the oldest outbox record the relay has yet to publish may get before someone is paged. Healthy, the relay
 * is seconds behind (1 s batching window); records that keep failing are retried for up to a day and then sent to
 * the failure queue, so an age of minutes means events are piling up unpublished: every consumer is that far behind.
 */
export const RELAY_ITERATOR_AGE_ALARM_MS = 5 * 60 * 1000;

/** The relay is falling behind the table's stream (its oldest unread record is older than the threshold for 10 min). */
export function alarmOnIteratorAge(scope: Construct, id: string, relay: IFunction, topic: ITopic, service: string): Alarm {
  return alarmOn(
    scope,
    id,
    relay.metric('IteratorAge', { period: Duration.minutes(5), statistic: 'Maximum' }),
    topic,
    `${service} outbox relay is more than ${RELAY_ITERATOR_AGE_ALARM_MS / 60_000} minutes behind the table's stream: events are not reaching the bus`,
    RELAY_ITERATOR_AGE_ALARM_MS,
    2,
  );
}

/**
 * A throttled invocation: a request answered 429/500 by API Gateway, or an event or stream batch Lambda has to retry.
 * Reserved concurrency (jobs) and the account's quota both throttle; job functions are not watched here, because a
 * job requested while its one reserved run is busy is throttled by design and retried.
 */
export function alarmOnThrottles(scope: Construct, id: string, fn: IFunction, topic: ITopic, functionName: string): Alarm {
  return alarmOn(
    scope,
    id,
    fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
    topic,
    `${functionName} was throttled: the account's or the function's concurrency is exhausted`,
  );
}
