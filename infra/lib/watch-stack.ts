import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import {
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  PeriodOverride,
  TextWidget,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { App } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { resourceNames, type ServiceManifest } from '@cocreate/kernel/manifest';
import { RELAY_ITERATOR_AGE_ALARM_MS } from './alarms.ts';
import type { DeploymentConfig } from './config.ts';

export interface WatchStackProps extends StackProps {
  config: DeploymentConfig;
  manifests: readonly ServiceManifest[];
}

/** The namespace the kernel's Powertools metrics are published in (embedded metric format, dimension `service`). */
export const METRICS_NAMESPACE = 'cocreate';

const FIVE_MINUTES = Duration.minutes(5);
const WIDTH = 24;

/** The name of a deployment's dashboard. */
export const dashboardName = (config: Pick<DeploymentConfig, 'id'>): string => `cocreate-${config.id}`;

/**
 * One dashboard per deployment (`cocreate-<id>`), built from the manifests alone, so a service added to the suite
 * appears without anyone editing a widget. It reads only metrics whose names are fixed: the functions by their names
 * (`resourceNames`), the kernel's own metrics by service, and the dead-letter queues by a search on the deployment's
 * stack names (their queue names are generated from the stack name). It owns no other resource, so it deploys and
 * rolls back on its own, after the service stacks.
 */
export class WatchStack extends Stack {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: WatchStackProps) {
    super(scope, id, props);
    const { config, manifests } = props;
    const withRoutes = manifests.filter((m) => m.routes.length > 0);
    const publishing = manifests.filter((m) => m.publishes.length > 0);
    const consuming = manifests.filter((m) => m.subscriptions.length > 0);
    const withJobs = manifests.filter((m) => m.jobs.length > 0);

    const lambda = (functionName: string, metricName: string, statistic: string, label: string) =>
      new Metric({
        namespace: 'AWS/Lambda',
        metricName,
        dimensionsMap: { FunctionName: functionName },
        statistic,
        period: FIVE_MINUTES,
        label,
      });
    const kernel = (service: string, metricName: string, label = service) =>
      new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service }, statistic: 'Sum', period: FIVE_MINUTES, label });
    const graph = (title: string, left: IMetric[], opts: { width?: number; stacked?: boolean; leftUnit?: string } = {}) =>
      new GraphWidget({
        title,
        left,
        width: opts.width ?? 8,
        height: 6,
        stacked: opts.stacked ?? false,
        ...(opts.leftUnit ? { leftYAxis: { label: opts.leftUnit, showUnits: false } } : {}),
      });
    const search = (expression: string, label: string) => new MathExpression({ expression, label, usingMetrics: {}, period: FIVE_MINUTES });
    // Queue names are `<stack name>-<logical id>-<suffix>`: a partial match on the stack name finds each stack's queues.
    const queues = (stackPart: string) =>
      `SEARCH('{AWS/SQS,QueueName} MetricName="ApproximateNumberOfMessagesVisible" QueueName=${stackPart}', 'Maximum', 300)`;

    const rows: IWidget[][] = [
      [
        new TextWidget({
          markdown: [
            `# cocreate ${config.id} — ${config.description}`,
            `Region ${config.region}. Requests, errors and latency are the HTTP functions'; events are the kernel's own metrics`,
            `(namespace \`${METRICS_NAMESPACE}\`, by service). The relay's iterator age pages above ${RELAY_ITERATOR_AGE_ALARM_MS / 60_000} min;`,
            'a dead letter anywhere pages at once. Recover with `pnpm ops` (docs/deploy.md).',
          ].join('\n'),
          width: WIDTH,
          height: 3,
        }),
      ],
      [
        graph(
          'Requests per service',
          withRoutes.map((m) => lambda(resourceNames.httpFunction(m.name), 'Invocations', 'Sum', m.name)),
          { stacked: true },
        ),
        graph('Errors per service (function errors and unhandled faults)', [
          ...withRoutes.map((m) => lambda(resourceNames.httpFunction(m.name), 'Errors', 'Sum', `${m.name} errors`)),
          ...withRoutes.map((m) => kernel(m.name, 'Fault', `${m.name} faults`)),
        ]),
        graph(
          'Latency per service (p95, ms)',
          withRoutes.map((m) => lambda(resourceNames.httpFunction(m.name), 'Duration', 'p95', m.name)),
          { leftUnit: 'ms' },
        ),
      ],
      [
        graph(
          'Events published (relayed to the bus)',
          publishing.map((m) => kernel(m.name, 'EventsRelayed')),
          { stacked: true },
        ),
        graph(
          'Events consumed (applied; duplicates apart)',
          [
            ...consuming.map((m) => kernel(m.name, 'EventApplied')),
            ...consuming.map((m) => kernel(m.name, 'DuplicateEvent', `${m.name} duplicates`)),
          ],
          { stacked: false },
        ),
        graph(
          'Outbox relay iterator age (max, ms)',
          publishing.map((m) => lambda(resourceNames.relayFunction(m.name), 'IteratorAge', 'Maximum', m.name)),
          { leftUnit: 'ms' },
        ),
      ],
      [
        graph(
          'Dead letters per queue (services: subscriptions, handlers, relays)',
          [search(queues(`cocreate-${config.id}`), 'dead letters')],
          {
            width: 12,
          },
        ),
        graph('Dead letters per agency feed', [search(queues(`cocreate-${config.id}-agency-feeds`), 'agency feed dead letters')], {
          width: 12,
        }),
      ],
      [
        graph(
          'Job runs',
          withJobs.flatMap((m) =>
            m.jobs.map((j) => lambda(resourceNames.jobFunction(m.name, j.name), 'Invocations', 'Sum', `${m.name} ${j.name}`)),
          ),
          { width: 12 },
        ),
        graph(
          'Job errors and throttles',
          withJobs.flatMap((m) =>
            m.jobs.flatMap((j) => [
              lambda(resourceNames.jobFunction(m.name, j.name), 'Errors', 'Sum', `${m.name} ${j.name} errors`),
              lambda(resourceNames.jobFunction(m.name, j.name), 'Throttles', 'Sum', `${m.name} ${j.name} throttles`),
            ]),
          ),
          { width: 12 },
        ),
      ],
      [
        // An account and region hold one deployment (checkDeployments), so every function in the region is ours.
        graph('Throttles per function', [search(`SEARCH('{AWS/Lambda,FunctionName} MetricName="Throttles"', 'Sum', 300)`, 'throttles')], {
          width: WIDTH,
        }),
      ],
    ];

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: dashboardName(config),
      defaultInterval: Duration.hours(3),
      periodOverride: PeriodOverride.AUTO,
      widgets: rows,
    });
  }
}

/** The deployment's dashboard stack, `cocreate-<id>-watch`. It references no other stack's resources. */
export function watchDeployment(app: App, config: DeploymentConfig, manifests: readonly ServiceManifest[]): WatchStack {
  return new WatchStack(app, `cocreate-${config.id}-watch`, {
    env: { account: config.account, region: config.region },
    tags: { project: 'cocreate', deployment: config.id, part: 'watch' },
    config,
    manifests,
    description: `cocreate ${config.id}: the deployment's dashboard`,
  });
}
