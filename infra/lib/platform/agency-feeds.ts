import { EventBus, Match, Rule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { EventBus as EventBusTarget } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { alarmOnDeadLetters } from '../alarms.ts';
import type { AgencySubscription, DeploymentConfig } from '../config.ts';
import { deadLetterQueue } from '../queues.ts';

/**
 * Agency bus feeds: the event types an agency subscribed to, for the places it covers, forwarded from the deployment's
 * bus to the agency's own event bus. Matching on `detail.meta.place` keeps one county's facts away from another
 * county's bureau.
 *
 * Two limits shape this file. EventBridge refuses an event pattern over 2,048 characters, so a feed that covers the
 * whole deployment matches each province by prefix (`hubei/`), not county by county (a list of counties passes the
 * limit at about 30), and a long list of counties is split over as many rules as it needs, every pattern within the
 * limit. And CloudFormation refuses a stack of more than 500 resources, so the feeds live in stacks of their own,
 * packed in the config's order (see `agencyFeedStacks`), never in the platform stack.
 */

/** EventBridge's limit on an event pattern: 2,048 characters of JSON. */
export const MAX_PATTERN_CHARS = 2048;

/** A value of `detail.meta.place`: an exact place, or every place under a prefix. */
type PlaceMatch = string | { prefix: string };

/** The pattern of one rule of a feed, as EventBridge reads it. */
export interface FeedPattern {
  source: [{ prefix: 'cocreate.' }];
  'detail-type': string[];
  detail: { meta: { place: PlaceMatch[] } };
}

/** The provinces a deployment serves (the first segment of its counties' paths). */
export const provincesOf = (config: Pick<DeploymentConfig, 'counties'>): string[] => [
  ...new Set(config.counties.map((c) => c.split('/')[0]!)),
];

/**
 * Place matchers of a feed, in groups whose patterns each fit EventBridge's limit. Without `counties` the feed covers
 * every place of the deployment's provinces: one prefix per province, so the pattern does not grow with counties.
 * With `counties`, each county matches itself and everything below it (`hubei/huanggang/hongan/`, not a bare prefix
 * that would also take `…/honganxi`), as many counties per rule as fit.
 */
export function feedPatterns(sub: AgencySubscription, config: Pick<DeploymentConfig, 'counties'>): FeedPattern[] {
  const places = sub.counties ?? provincesOf(config);
  const patternOf = (matches: PlaceMatch[]): FeedPattern => ({
    source: [{ prefix: 'cocreate.' }],
    'detail-type': sub.detailTypes,
    detail: { meta: { place: matches } },
  });
  const fits = (matches: PlaceMatch[]) => JSON.stringify(patternOf(matches)).length <= MAX_PATTERN_CHARS;
  const groups: PlaceMatch[][] = [];
  let current: PlaceMatch[] = [];
  for (const place of places) {
    const matches: PlaceMatch[] = [place, { prefix: `${place}/` }];
    if (!fits(matches)) {
      throw new Error(
        `agency feed ${sub.name}: its pattern for one place is over EventBridge's ${MAX_PATTERN_CHARS} characters (too many detail types?)`,
      );
    }
    if (current.length > 0 && !fits([...current, ...matches])) {
      groups.push(current);
      current = [];
    }
    current.push(...matches);
  }
  if (current.length > 0) groups.push(current);
  return groups.map(patternOf);
}

/** CloudFormation resources one feed adds: a rule per pattern, the target role and its policy, the queue, its policy, the alarm. */
export const resourcesOfFeed = (sub: AgencySubscription, config: Pick<DeploymentConfig, 'counties'>): number =>
  feedPatterns(sub, config).length + 5;

export interface AgencyFeedsProps {
  config: DeploymentConfig;
  feeds: readonly AgencySubscription[];
  bus: IEventBus;
  alarmTopic: ITopic;
}

/** The feeds of one stack: per feed, its rules, one role to put events on the agency's bus, a dead-letter queue and its alarm. */
export class AgencyFeeds extends Construct {
  constructor(scope: Construct, id: string, props: AgencyFeedsProps) {
    super(scope, id);
    for (const sub of props.feeds) this.feed(sub, props);
  }

  private feed(sub: AgencySubscription, props: AgencyFeedsProps): void {
    const scope = new Construct(this, sub.name);
    const dlq = deadLetterQueue(scope, 'DeadLetters', `the feed to ${sub.agency}`);
    // One role for all the feed's rules (each would otherwise get its own).
    const role = new Role(scope, 'PutEventsRole', {
      assumedBy: new ServicePrincipal('events.amazonaws.com'),
      // IAM descriptions take Latin-1 only: the feed's name, not the agency's (often Chinese) one.
      description: `EventBridge forwards agency feed ${sub.name} to its bus`,
    });
    const target = EventBus.fromEventBusArn(scope, 'AgencyBus', sub.targetBusArn);
    feedPatterns(sub, props.config).forEach((pattern, i, all) => {
      const rule = new Rule(scope, i === 0 ? 'Rule' : `Rule${i + 1}`, {
        eventBus: props.bus,
        description: `${sub.agency}: ${sub.detailTypes.join(', ')}${all.length > 1 ? ` (${i + 1}/${all.length})` : ''}`.slice(0, 512),
        // The same JSON as `pattern` (whose length was checked): `detail` is passed as it is.
        eventPattern: { source: Match.prefix('cocreate.'), detailType: pattern['detail-type'], detail: pattern.detail },
      });
      rule.addTarget(new EventBusTarget(target, { deadLetterQueue: dlq, role }));
    });
    alarmOnDeadLetters(scope, 'DeadLettersAlarm', dlq, props.alarmTopic, `feed ${sub.name} to ${sub.agency}`);
  }
}
