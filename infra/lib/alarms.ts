import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Pages the deployment's alarm topic as soon as `metric` reaches `threshold` in a five-minute window. */
export function alarmOn(scope: Construct, id: string, metric: IMetric, topic: ITopic, description: string, threshold = 1): void {
  const alarm = new Alarm(scope, id, {
    metric,
    alarmDescription: description,
    threshold,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    // No data means nothing failed (a quiet village at night), not an unknown state worth paging for.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(topic));
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
