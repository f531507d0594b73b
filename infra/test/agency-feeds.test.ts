import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FEED_RESOURCES_PER_STACK, agencyFeedStacks } from '../lib/agency-feeds-stack.ts';
import { type AgencySubscription, type DeploymentConfigInput, defineDeployment } from '../lib/config.ts';
import { MAX_PATTERN_CHARS, resourcesOfFeed } from '../lib/platform/agency-feeds.ts';
import { agencyConfig, productionConfig } from './fixtures/config.ts';
import { fixtureDeployment } from './support.ts';

/** CloudFormation's limit on resources per stack. */
const CLOUDFORMATION_MAX_RESOURCES = 500;

/** A province of 120 counties (12 cities of 10), as the growth case. */
const counties = Array.from(
  { length: 120 },
  (_, i) => `hubei/city${String(Math.floor(i / 10)).padStart(2, '0')}/county${String(i).padStart(3, '0')}`,
);
const detailTypes = ['FundsDisbursed', 'FundsReceived', 'ProjectAccepted', 'DecisionAdopted', 'ViolationRecorded', 'AwardPaid'];
const bus = (i: number) => `arn:aws:events:eu-west-1:444455556666:event-bus/agency-${i}`;

/**
 * 100 agency buses: a third cover the whole deployment (the default), a third list all 120 counties one by one (the
 * longest pattern a config can ask for), a third one county each.
 */
const feeds: AgencySubscription[] = Array.from({ length: 100 }, (_, i) => ({
  name: `feed-${i}`,
  agency: `机构 ${i}`,
  detailTypes,
  targetBusArn: bus(i),
  ...(i % 3 === 1 ? { counties } : i % 3 === 2 ? { counties: [counties[i]!] } : {}),
}));

const grown = defineDeployment({
  ...(agencyConfig as DeploymentConfigInput),
  id: 'fixture-grown',
  counties,
  agencySubscriptions: feeds,
});

/** Every stack of a deployment with its template (built once per config: the grown one takes a while). */
const built = new Map<string, ReturnType<typeof build>>();
function build(config: Parameters<typeof fixtureDeployment>[0]) {
  const d = fixtureDeployment(config);
  return { ...d, all: [d.platform, ...d.services, ...d.agencyFeeds].map((s) => ({ stack: s, template: Template.fromStack(s) })) };
}
function templates(config: Parameters<typeof fixtureDeployment>[0]) {
  if (!built.has(config.id)) built.set(config.id, build(config));
  return built.get(config.id)!;
}

const patternsOf = (template: Template) =>
  Object.values(template.findResources('AWS::Events::Rule'))
    .map((r) => r.Properties?.EventPattern)
    .filter((p) => p !== undefined);

describe('agency bus feeds', () => {
  // Synthesizing 100 feeds and the fixture services takes a while on a busy machine: once, under the hook timeout.
  beforeAll(() => void templates(grown));

  it('keep every pattern within 2,048 characters and every stack within 500 resources: 120 counties, 100 agency buses', () => {
    const { platform, agencyFeeds, all } = templates(grown);
    // None of it in the platform stack, which would otherwise pass the limit at about 81 feeds.
    expect(patternsOf(Template.fromStack(platform)).filter((p) => JSON.stringify(p).includes('detail'))).toEqual([]);
    expect(agencyFeeds.length).toBeGreaterThan(1);
    let rules = 0;
    for (const { stack, template } of all) {
      const count = Object.keys(template.toJSON().Resources).length;
      expect(count, stack.stackName).toBeLessThan(CLOUDFORMATION_MAX_RESOURCES);
      for (const pattern of patternsOf(template)) {
        // CloudFormation hands EventBridge the pattern as JSON text; its length is what PutRule checks.
        expect(JSON.stringify(pattern).length, stack.stackName).toBeLessThanOrEqual(MAX_PATTERN_CHARS);
        rules++;
      }
    }
    // Every feed is there: each of the 100 targets a different bus, the ones listing 120 counties over several rules.
    const targets = new Set(
      all.flatMap(({ template }) =>
        Object.values(template.findResources('AWS::Events::Rule')).flatMap((r) =>
          ((r.Properties?.Targets as { Arn: unknown }[] | undefined) ?? []).map((t) => t.Arn),
        ),
      ),
    );
    for (let i = 0; i < 100; i++) expect(targets.has(bus(i)), `feed-${i}`).toBe(true);
    expect(rules).toBeGreaterThan(100);
  });

  it('match a whole province by prefix when a feed covers the deployment, whatever the number of counties', () => {
    const first = templates(grown).all.find(({ stack }) => stack.stackName.endsWith('-agency-feeds'))!.template;
    first.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: [{ prefix: 'cocreate.' }],
        'detail-type': detailTypes,
        detail: { meta: { place: ['hubei', { prefix: 'hubei/' }] } },
      },
      Targets: [Match.objectLike({ Arn: bus(0) })],
    });
  });

  it('forward a feed listing counties for those counties only, to its bus, with a dead-letter queue and its alarm', () => {
    const { platform, agencyFeeds } = templates(agencyConfig);
    const feed = agencyConfig.agencySubscriptions[0]!;
    expect(agencyFeeds.map((s) => s.stackName)).toEqual([`cocreate-${agencyConfig.id}-agency-feeds`]);
    expect(agencyFeeds[0]!.dependencies).toContain(platform);
    expect(agencyFeeds[0]!.terminationProtection).toBe(false);
    const prod = fixtureDeployment({
      ...productionConfig,
      agencySubscriptions: [{ ...feed, targetBusArn: 'arn:aws-cn:events:cn-northwest-1:444455556666:event-bus/county-audit' }],
    });
    expect(prod.agencyFeeds.map((s) => s.terminationProtection)).toEqual([true]);
    const t = Template.fromStack(agencyFeeds[0]!);
    t.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: `cocreate-${agencyConfig.id}`,
      EventPattern: {
        source: [{ prefix: 'cocreate.' }],
        'detail-type': feed.detailTypes,
        detail: { meta: { place: ['hubei/huanggang/hongan', { prefix: 'hubei/huanggang/hongan/' }] } },
      },
      Targets: [Match.objectLike({ Arn: feed.targetBusArn, DeadLetterConfig: { Arn: Match.anyValue() }, RoleArn: Match.anyValue() })],
    });
    t.resourceCountIs('AWS::SQS::Queue', 1);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 1);
    // The rule may put events on the agency's bus and nowhere else.
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'events:PutEvents', Effect: 'Allow', Resource: feed.targetBusArn })] },
    });
  });

  it('pack feeds in config order, a new stack only when the next feed would not fit, and no stack without feeds', () => {
    const groups = agencyFeedStacks(grown);
    expect(groups.flat().map((f) => f.name)).toEqual(feeds.map((f) => f.name));
    const size = (group: readonly AgencySubscription[]) => group.reduce((n, f) => n + resourcesOfFeed(f, grown), 0);
    groups.forEach((group, i) => {
      expect(size(group)).toBeLessThanOrEqual(MAX_FEED_RESOURCES_PER_STACK);
      if (i < groups.length - 1)
        expect(size(group) + resourcesOfFeed(groups[i + 1]![0]!, grown)).toBeGreaterThan(MAX_FEED_RESOURCES_PER_STACK);
    });
    expect(fixtureDeployment({ ...agencyConfig, agencySubscriptions: [] }).agencyFeeds).toEqual([]);
  });

  it('refuse at synth a feed whose pattern cannot fit even for one place', () => {
    const wordy = defineDeployment({
      ...(agencyConfig as DeploymentConfigInput),
      id: 'fixture-wordy',
      agencySubscriptions: [
        {
          name: 'everything-by-name',
          agency: '审计局',
          detailTypes: Array.from({ length: 120 }, (_, i) => `SomeRatherLongDetailType${i}`),
          targetBusArn: bus(1),
        },
      ],
    });
    expect(() => fixtureDeployment(wordy)).toThrow(/everything-by-name.*2048/);
  });
});
