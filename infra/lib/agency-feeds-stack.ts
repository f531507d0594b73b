import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { AgencySubscription, DeploymentConfig } from './config.ts';
import { AgencyFeeds, resourcesOfFeed } from './platform/agency-feeds.ts';
import { PlatformImports } from './platform/parameters.ts';

/**
 * CloudFormation refuses a stack of more than 500 resources. Feeds are packed into stacks of at most this many, which
 * leaves room for the stack's own metadata and for a feed to grow by a rule or two without moving.
 */
export const MAX_FEED_RESOURCES_PER_STACK = 400;

/**
 * The deployment's agency bus feeds split into stacks: in the config's order, a new stack whenever the next feed
 * would take the current one past {@link MAX_FEED_RESOURCES_PER_STACK}. Feeds appended to the config land in the last
 * stack or a new one and never move the others; removing a feed in the middle moves the ones after it along (each is
 * deleted from one stack and created in the next by the same deploy).
 */
export function agencyFeedStacks(config: DeploymentConfig): AgencySubscription[][] {
  const stacks: AgencySubscription[][] = [];
  let current: AgencySubscription[] = [];
  let resources = 0;
  for (const feed of config.agencySubscriptions) {
    const n = resourcesOfFeed(feed, config);
    if (current.length > 0 && resources + n > MAX_FEED_RESOURCES_PER_STACK) {
      stacks.push(current);
      current = [];
      resources = 0;
    }
    current.push(feed);
    resources += n;
  }
  if (current.length > 0) stacks.push(current);
  return stacks;
}

export interface AgencyFeedsStackProps extends StackProps {
  config: DeploymentConfig;
  feeds: readonly AgencySubscription[];
}

/**
 * One stack of agency bus feeds. It finds the bus by name and the alarm topic by the platform's SSM parameter, like
 * a service stack, so the platform stack does not grow with the agencies and these stacks deploy on their own.
 */
export class AgencyFeedsStack extends Stack {
  constructor(scope: Construct, id: string, props: AgencyFeedsStackProps) {
    super(scope, id, props);
    const platform = new PlatformImports(this, 'Platform', props.config);
    new AgencyFeeds(this, 'AgencyFeeds', { config: props.config, feeds: props.feeds, bus: platform.bus, alarmTopic: platform.alarmTopic });
  }
}
