import { type IEventBus, Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { toEventPattern } from './subscriptions.ts';
import { jobRequestPattern, resourceNames, type JobDefinition, type ServiceManifest } from '@cocreate/kernel/manifest';

/** The constant input of a job's schedule: the `jobs` handler dispatches on the name. */
export const jobInput = (job: Pick<JobDefinition, 'name'>) => ({ job: job.name });

/**
 * One schedule rule per job (schedules live on the account's default bus), targeting that job's function; and for a
 * job that starts on request, a rule on the deployment's bus that runs it when a unit of work's job request is
 * relayed (`tx.startJob`).
 */
export class JobSchedule extends Construct {
  readonly rule: Rule;
  readonly requestRule: Rule | undefined;

  constructor(scope: Construct, id: string, props: { manifest: ServiceManifest; job: JobDefinition; handler: IFunction; bus: IEventBus }) {
    super(scope, id);
    const { manifest, job } = props;
    this.rule = new Rule(this, 'Rule', {
      ruleName: resourceNames.jobFunction(manifest.name, job.name),
      description: job.summary,
      schedule: Schedule.expression(job.schedule),
    });
    // A missed run is picked up by the next one (jobs are idempotent sweeps), so no DLQ; failures raise the
    // function's error alarm.
    this.rule.addTarget(new LambdaFunction(props.handler, { event: RuleTargetInput.fromObject(jobInput(job)) }));
    this.requestRule = job.startsOnRequest
      ? new Rule(this, 'RequestRule', {
          ruleName: resourceNames.jobRequestRule(manifest.name, job.name),
          description: `${job.summary} (on request)`,
          eventBus: props.bus,
          eventPattern: toEventPattern(jobRequestPattern(manifest.name, job.name)),
          // A request the function could not take (its one reserved run is busy) is retried by EventBridge; the
          // schedule sweeps anything a lost request left.
          targets: [new LambdaFunction(props.handler, { event: RuleTargetInput.fromObject(jobInput(job)), retryAttempts: 3 })],
        })
      : undefined;
  }
}
