import { type IEventBus, type IRule, Rule, RuleTargetInput, type RuleTargetInputProperties, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { toEventPattern } from './subscriptions.ts';
import { jobRequestInput, jobRequestPattern, resourceNames, type JobDefinition, type ServiceManifest } from '@cocreate/kernel/manifest';

/** The constant input of a job's schedule: the `jobs` handler dispatches on the name. */
export const jobInput = (job: Pick<JobDefinition, 'name'>) => ({ job: job.name });

/**
 * What a job's request rule hands its function: the kernel's input transformer, verbatim (the local stack uses the
 * same), so a run started by a request keeps the requesting unit's correlation id.
 */
class JobRequestInput extends RuleTargetInput {
  constructor(private readonly job: string) {
    super();
  }

  bind(_rule: IRule): RuleTargetInputProperties {
    const t = jobRequestInput(this.job);
    return { inputPathsMap: t.InputPathsMap, inputTemplate: t.InputTemplate };
  }
}

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
          targets: [new LambdaFunction(props.handler, { event: new JobRequestInput(job.name), retryAttempts: 3 })],
        })
      : undefined;
  }
}
