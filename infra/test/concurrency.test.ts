import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { resourceNames } from '@cocreate/kernel/manifest';
import { manifests } from '@cocreate/suite';
import { deployments } from '../config/index.ts';
import { defineDeployment } from '../lib/config.ts';
import { LAMBDA_UNRESERVED_MINIMUM, buildDeployment, checkReservedConcurrency } from '../lib/deployment.ts';
import { fixtureService } from './fixtures/manifest.ts';
import { fixtureDeployment, fixtureSource, testApp } from './support.ts';

const base = {
  id: 'test-concurrency',
  description: 'test',
  production: false,
  partition: 'aws' as const,
  region: 'ap-southeast-1',
  counties: ['hubei/huanggang/hongan'],
  identity: { kind: 'cognito' as const },
  tracing: false,
};

const suiteJobs = manifests.reduce((n, m) => n + m.jobs.length, 0);

describe('reserved concurrency of job functions', () => {
  it('refuses at synth, saying what to change, a deployment reserving more than a new account allows', () => {
    // A new account's concurrency quota can be 10: Lambda then has nothing to reserve from.
    const newAccount = defineDeployment({ ...base, lambda: { accountConcurrencyLimit: 10 } });
    expect(suiteJobs).toBeGreaterThan(0);
    expect(() => buildDeployment(testApp(), newAccount, manifests, fixtureSource)).toThrow(
      new RegExp(`reserves ${suiteJobs} concurrent executions .*account limit of 10.*jobReservedConcurrency: false`, 's'),
    );
  });

  it('counts every job function of the deployment against what the account can reserve', () => {
    const justEnough = defineDeployment({ ...base, lambda: { accountConcurrencyLimit: LAMBDA_UNRESERVED_MINIMUM + suiteJobs * 2 } });
    expect(() => checkReservedConcurrency(justEnough, manifests)).not.toThrow();
    expect(() =>
      checkReservedConcurrency({ ...justEnough, lambda: { ...justEnough.lambda, jobReservedConcurrency: 3 } }, manifests),
    ).toThrow(/at most/);
  });

  it('passes for every real deployment as configured', () => {
    for (const config of deployments) expect(() => checkReservedConcurrency(config, manifests), config.id).not.toThrow();
  });

  it('reserves the configured concurrency for each job function, or none when the config says false', () => {
    const jobFunction = resourceNames.jobFunction(fixtureService.name, fixtureService.jobs[0]!.name);
    const serviceTemplate = (lambda: { jobReservedConcurrency: false | number; accountConcurrencyLimit?: number }) => {
      const { services } = fixtureDeployment(defineDeployment({ ...base, lambda }));
      return Template.fromStack(services.find((s) => s.stackName.endsWith(fixtureService.name))!);
    };
    serviceTemplate({ jobReservedConcurrency: 2 }).hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: jobFunction,
      ReservedConcurrentExecutions: 2,
    });
    // Without reservations a new account (quota 10) deploys.
    serviceTemplate({ jobReservedConcurrency: false, accountConcurrencyLimit: 10 }).hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: jobFunction,
      ReservedConcurrentExecutions: Match.absent(),
    });
  });
});
