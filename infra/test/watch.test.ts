import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { resourceNames } from '@cocreate/kernel/manifest';
import { manifests } from '@cocreate/suite';
import { deployments } from '../config/index.ts';
import { RELAY_ITERATOR_AGE_ALARM_MS } from '../lib/alarms.ts';
import { buildDeployment } from '../lib/deployment.ts';
import { watchDeployment } from '../lib/watch-stack.ts';
import { agencyConfig } from './fixtures/config.ts';
import { fixtureSource, testApp } from './support.ts';

/**
 * Watching a deployment run: its dashboard, the alarms every function and relay carries, and log retention on every
 * log group. Built from the real manifests (functions not bundled), for both real configs.
 */
const configs = [...deployments, agencyConfig];

function deploymentOf(config: (typeof configs)[number]) {
  const app = testApp();
  const stacks = buildDeployment(app, config, manifests, fixtureSource);
  const watch = watchDeployment(app, config, manifests);
  return { app, ...stacks, watch };
}

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;
const resourcesOf = (t: Template): Resources => t.toJSON().Resources as Resources;

/** The dashboard body with CloudFormation's Fn::Join flattened (tokens as `<token>`). */
function dashboardBody(t: Template): string {
  const [dashboard] = Object.values(t.findResources('AWS::CloudWatch::Dashboard')) as { Properties: { DashboardBody: unknown } }[];
  const body = dashboard!.Properties.DashboardBody as string | { 'Fn::Join': [string, unknown[]] };
  return typeof body === 'string' ? body : body['Fn::Join'][1].map((p) => (typeof p === 'string' ? p : '<token>')).join('');
}

describe.each(configs.map((c) => [c.id, c] as const))('deployment %s', (_id, config) => {
  const { platform, services, watch } = deploymentOf(config);
  const all = [platform, ...services, watch];

  it('has one dashboard with requests, errors and latency per service, events, the relay, dead letters and jobs', () => {
    const t = Template.fromStack(watch);
    t.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    t.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: `cocreate-${config.id}` });
    const widgets = (JSON.parse(dashboardBody(t)) as { widgets: { properties: { title?: string; metrics?: unknown[] } }[] }).widgets;
    const titles = widgets.map((w) => w.properties.title).filter(Boolean);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Requests per service',
        'Latency per service (p95, ms)',
        'Events published (relayed to the bus)',
        'Events consumed (applied; duplicates apart)',
        'Outbox relay iterator age (max, ms)',
        'Dead letters per queue (services: subscriptions, handlers, relays)',
        'Dead letters per agency feed',
        'Job runs',
      ]),
    );
    const metricsOf = (title: string) => JSON.stringify(widgets.find((w) => w.properties.title === title)!.properties.metrics);
    for (const m of manifests) {
      if (m.routes.length) {
        expect(metricsOf('Requests per service'), m.name).toContain(`"${resourceNames.httpFunction(m.name)}"`);
        expect(metricsOf('Latency per service (p95, ms)'), m.name).toContain(`"${resourceNames.httpFunction(m.name)}"`);
      }
      if (m.publishes.length) {
        expect(metricsOf('Events published (relayed to the bus)'), m.name).toMatch(new RegExp(`"EventsRelayed","service","${m.name}"`));
        expect(metricsOf('Outbox relay iterator age (max, ms)'), m.name).toContain(`"${resourceNames.relayFunction(m.name)}"`);
      }
      if (m.subscriptions.length)
        expect(metricsOf('Events consumed (applied; duplicates apart)')).toMatch(new RegExp(`"EventApplied","service","${m.name}"`));
      for (const j of m.jobs) expect(metricsOf('Job runs')).toContain(`"${resourceNames.jobFunction(m.name, j.name)}"`);
    }
    expect(metricsOf('Dead letters per queue (services: subscriptions, handlers, relays)')).toContain(`QueueName=cocreate-${config.id}`);
    expect(metricsOf('Dead letters per agency feed')).toContain(`QueueName=cocreate-${config.id}-agency-feeds`);
  });

  it('passes cdk-nag with nothing to acknowledge (the dashboard stack holds only the dashboard)', () => {
    expect(new AwsSolutionsChecks(watch).validateScope(watch).violations.map((v) => v.ruleName)).toEqual([]);
    expect(Object.values(resourcesOf(Template.fromStack(watch))).map((r) => r.Type)).toEqual(['AWS::CloudWatch::Dashboard']);
  });

  it('pages when a relay falls behind its stream and when a function other than a job is throttled', () => {
    let relays = 0;
    let throttled = 0;
    for (const stack of services) {
      const r = resourcesOf(Template.fromStack(stack));
      const fns = Object.entries(r).filter(([, v]) => v.Type === 'AWS::Lambda::Function');
      const alarms = Object.values(r).filter((v) => v.Type === 'AWS::CloudWatch::Alarm');
      const alarmOn = (metric: string, fnLogicalId: string) =>
        alarms.find(
          (a) =>
            a.Properties.MetricName === metric &&
            JSON.stringify(a.Properties.Dimensions).includes(`"Ref":"${fnLogicalId}"`) &&
            (a.Properties.AlarmActions as unknown[]).length > 0,
        );
      for (const [logicalId, fn] of fns) {
        const name = fn.Properties.FunctionName as string;
        if (name.endsWith('-relay')) {
          const alarm = alarmOn('IteratorAge', logicalId);
          expect(alarm, `${name} IteratorAge`).toBeDefined();
          expect(alarm!.Properties).toMatchObject({ Statistic: 'Maximum', Threshold: RELAY_ITERATOR_AGE_ALARM_MS });
          relays++;
        }
        if (name.includes('-job-')) {
          expect(alarmOn('Throttles', logicalId), `${name}: a throttled job is by design`).toBeUndefined();
        } else {
          expect(alarmOn('Throttles', logicalId), `${name} Throttles`).toBeDefined();
          throttled++;
        }
      }
    }
    expect(relays).toBe(manifests.filter((m) => m.publishes.length).length);
    expect(throttled).toBeGreaterThan(relays);
  });

  it('keeps every log for the configured time: each log group has a retention, each function writes to one of them', () => {
    for (const stack of all) {
      const r = resourcesOf(Template.fromStack(stack));
      const groups = Object.entries(r).filter(([, v]) => v.Type === 'AWS::Logs::LogGroup');
      for (const [id, g] of groups) expect(g.Properties.RetentionInDays, `${stack.stackName} ${id}`).toBe(config.logRetentionDays);
      for (const [id, fn] of Object.entries(r).filter(([, v]) => v.Type === 'AWS::Lambda::Function')) {
        // A function without its own log group would log to one Lambda creates on first write, kept forever.
        const target = fn.Properties.LoggingConfig?.LogGroup as { Ref?: string } | undefined;
        expect(target?.Ref && groups.some(([gid]) => gid === target.Ref), `${stack.stackName} ${id} logs to a retained group`).toBe(true);
      }
      // Custom resources bring provider functions whose logs nobody configured.
      expect(
        Object.values(r)
          .map((v) => v.Type)
          .filter((t) => t.startsWith('Custom::') || t === 'AWS::CloudFormation::CustomResource'),
        stack.stackName,
      ).toEqual([]);
    }
  });
});
