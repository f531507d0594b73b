import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { resourceNames, type JobDefinition, type ServiceManifest } from '@cocreate/kernel/manifest';

/** The constant input of a job's schedule: the `jobs` handler dispatches on the name. */
export const jobInput = (job: Pick<JobDefinition, 'name'>) => ({ job: job.name });

/** One schedule rule per job (schedules live on the account's default bus), targeting that job's function. */
export class JobSchedule extends Construct {
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: { manifest: ServiceManifest; job: JobDefinition; handler: IFunction }) {
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
  }
}
