import { EventBus, Match, Rule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { EventBus as EventBusTarget } from 'aws-cdk-lib/aws-events-targets';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { alarmOnDeadLetters } from '../alarms.ts';
import type { AgencySubscription, DeploymentConfig } from '../config.ts';
import { deadLetterQueue } from '../queues.ts';

/**
 * Forwards the event types an agency subscribed to, for the counties it covers, to the agency's own event bus.
 * Matching on `detail.meta.place` keeps one county's facts away from another county's bureau.
 */
export class AgencyFeeds extends Construct {
  constructor(scope: Construct, id: string, props: { config: DeploymentConfig; bus: IEventBus; alarmTopic: ITopic }) {
    super(scope, id);
    for (const sub of props.config.agencySubscriptions) {
      this.feed(sub, props);
    }
  }

  private feed(sub: AgencySubscription, props: { config: DeploymentConfig; bus: IEventBus; alarmTopic: ITopic }): void {
    const counties = sub.counties ?? props.config.counties;
    const scope = new Construct(this, sub.name);
    const rule = new Rule(scope, 'Rule', {
      eventBus: props.bus,
      description: `${sub.agency}: ${sub.detailTypes.join(', ')}`,
      eventPattern: {
        source: Match.prefix('cocreate.'),
        detailType: sub.detailTypes,
        detail: { meta: { place: Match.anyOf(...counties.flatMap((c) => [Match.exactString(c), Match.prefix(`${c}/`)])) } },
      },
    });
    const dlq = deadLetterQueue(scope, 'DeadLetters', `the feed to ${sub.agency}`);
    rule.addTarget(
      new EventBusTarget(EventBus.fromEventBusArn(scope, 'AgencyBus', sub.targetBusArn), {
        deadLetterQueue: dlq,
      }),
    );
    alarmOnDeadLetters(scope, 'DeadLettersAlarm', dlq, props.alarmTopic, `feed ${sub.name} to ${sub.agency}`);
  }
}
