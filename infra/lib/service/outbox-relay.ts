import { Duration } from 'aws-cdk-lib';
import { FilterCriteria, FilterRule, StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { alarmOnDeadLetters, alarmOnIteratorAge } from '../alarms.ts';
import { deadLetterQueue } from '../queues.ts';

/** Outbox items are written in the same transaction as the state change, under this partition-key prefix. */
export const OUTBOX_PREFIX = 'OUTBOX#';

/**
 * Only newly written outbox items reach the relay; every other change on the table is filtered out by Lambda before
 * an invocation is paid for.
 */
export const outboxFilter = () =>
  FilterCriteria.filter({
    eventName: FilterRule.isEqual('INSERT'),
    dynamodb: { Keys: { pk: { S: FilterRule.beginsWith(OUTBOX_PREFIX) } } },
  });

/**
 * Feeds the table's stream to the relay function, which publishes each outbox item to the bus and reports the
 * items it could not publish (`batchItemFailures`) so only those are retried. A batch that keeps failing is halved
 * until the poison record is isolated; after the retries its stream coordinates go to a queue to redrive from.
 */
export class OutboxRelaySource extends Construct {
  constructor(
    scope: Construct,
    id: string,
    props: {
      table: ITable;
      relay: IFunction;
      alarmTopic: ITopic;
      service: string;
      /**
       * A restored table swapped in (config `restoredTables`): the relay also reads its stream, with the same settings.
       * From the oldest record: its stream was turned on before the swap, so it holds exactly the writes made since.
       */
      restored?: ITable;
      /** The own table's mapping while a restored table serves: still draining, or disabled. */
      ownStream?: 'enabled' | 'disabled';
    },
  ) {
    super(scope, id);
    const failures = deadLetterQueue(this, 'Failures', `outbox records the ${props.service} relay could not publish`);
    const source = (table: ITable, enabled = true) =>
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(failures),
        filters: [outboxFilter()],
        // Disabled rather than removed: the mapping and its settings stay in the template, and so does the way back.
        ...(enabled ? {} : { enabled: false }),
      });
    // The own table's mapping keeps its construct path, so a swap updates it in place and never replaces it.
    props.relay.addEventSource(source(props.table, props.ownStream !== 'disabled'));
    if (props.restored) props.relay.addEventSource(source(props.restored));
    alarmOnDeadLetters(this, 'FailuresAlarm', failures, props.alarmTopic, `${props.service} outbox relay`);
    alarmOnIteratorAge(this, 'IteratorAgeAlarm', props.relay, props.alarmTopic, props.service);
  }
}
