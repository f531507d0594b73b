import path from 'node:path';
import type { App } from 'aws-cdk-lib';
import type { ServiceManifest } from '@cocreate/kernel/manifest';
import { AgencyFeedsStack, agencyFeedStacks } from './agency-feeds-stack.ts';
import { repoRoot } from './cdk-context.ts';
import type { DeploymentConfig } from './config.ts';
import { PlatformStack } from './platform-stack.ts';
import { ServiceStack } from './service-stack.ts';
import { type LambdaSource, entriesIn } from './service/service-function.ts';

/**
 * The convention every service follows: `services/<name>/lambda/<kind>.ts`, one entry per kind of function, each
 * exporting `handler`; a service not yet split has `services/<name>/lambda.ts` exporting `http`, `events`, `relay`,
 * `jobs`, and all its functions share that bundle.
 */
export function serviceSource(service: string): LambdaSource {
  const dir = path.join(repoRoot, 'services', service);
  return {
    entry: path.join(dir, 'lambda.ts'),
    entries: entriesIn(dir),
    projectRoot: repoRoot,
    depsLockFilePath: path.join(repoRoot, 'pnpm-lock.yaml'),
  };
}

/** Executions Lambda keeps unreserved in every account: reservations may take at most the quota minus this. */
export const LAMBDA_UNRESERVED_MINIMUM = 100;

/**
 * Refuses, at synth, a deployment whose job reservations Lambda would refuse at deploy time (the first deploy on a
 * new account, whose concurrency quota can be as low as 10, failed that way halfway through the service stacks).
 */
export function checkReservedConcurrency(config: DeploymentConfig, manifests: readonly ServiceManifest[]): void {
  const { jobReservedConcurrency, accountConcurrencyLimit } = config.lambda;
  if (jobReservedConcurrency === false) return;
  const jobs = manifests.reduce((n, m) => n + m.jobs.length, 0);
  const reserved = jobs * jobReservedConcurrency;
  const reservable = accountConcurrencyLimit - LAMBDA_UNRESERVED_MINIMUM;
  if (reserved > reservable) {
    throw new Error(
      `deployment ${config.id} reserves ${reserved} concurrent executions (${jobs} job functions × ${jobReservedConcurrency}), ` +
        `but with an account limit of ${accountConcurrencyLimit} (lambda.accountConcurrencyLimit) Lambda keeps ${LAMBDA_UNRESERVED_MINIMUM} ` +
        `unreserved, so at most ${Math.max(reservable, 0)} can be reserved. Raise the account's "Concurrent executions" quota and ` +
        `lambda.accountConcurrencyLimit with it, or set lambda.jobReservedConcurrency: false (job runs may then overlap).`,
    );
  }
}

export interface DeploymentStacks {
  platform: PlatformStack;
  services: ServiceStack[];
  /** The agency bus feeds, in as many stacks as they need (none without feeds). */
  agencyFeeds: AgencyFeedsStack[];
}

export const stackName = (config: DeploymentConfig, part: string): string => `cocreate-${config.id}-${part}`;

/**
 * All stacks of one deployment in `app`: the platform, then one stack per service. Service stacks depend on the
 * platform only for deploy order (they read its SSM parameters), so each can be deployed on its own afterwards.
 */
export function buildDeployment(
  app: App,
  config: DeploymentConfig,
  manifests: readonly ServiceManifest[],
  sourceOf: (service: string) => LambdaSource = serviceSource,
): DeploymentStacks {
  checkReservedConcurrency(config, manifests);
  for (const service of Object.keys(config.restoredTables)) {
    if (!manifests.some((m) => m.name === service)) {
      throw new Error(`deployment ${config.id}: restoredTables names ${service}, which is not a service of this deployment`);
    }
  }
  const env = { account: config.account, region: config.region };
  // A production deployment's stacks cannot be deleted by accident; retained resources survive a deliberate delete.
  const terminationProtection = config.production;
  const tags = { project: 'cocreate', deployment: config.id };
  const platform = new PlatformStack(app, stackName(config, 'platform'), {
    env,
    terminationProtection,
    tags,
    config,
    description: `cocreate ${config.id}: event bus, archive, evidence bucket, identity, alarms`,
  });
  const services = manifests.map((manifest) => {
    const stack = new ServiceStack(app, stackName(config, manifest.name), {
      env,
      terminationProtection,
      tags: { ...tags, service: manifest.name },
      config,
      manifest,
      source: sourceOf(manifest.name),
      description: `cocreate ${config.id}: ${manifest.name} service (${manifest.title.en})`,
    });
    stack.addStackDependency(platform, 'reads the platform parameters and bus');
    return stack;
  });
  // Agency bus feeds grow with the agencies, not with the platform: stacks of their own, each within CloudFormation's
  // resource limit (agency-feeds-stack.ts). The first is `…-agency-feeds`, later ones `…-agency-feeds-2`, ….
  const agencyFeeds = agencyFeedStacks(config).map((feeds, i) => {
    const stack = new AgencyFeedsStack(app, stackName(config, i === 0 ? 'agency-feeds' : `agency-feeds-${i + 1}`), {
      env,
      terminationProtection,
      tags: { ...tags, part: 'agency-feeds' },
      config,
      feeds,
      description: `cocreate ${config.id}: agency bus feeds (${feeds.length}: ${feeds[0]!.name} … ${feeds.at(-1)!.name})`,
    });
    stack.addStackDependency(platform, 'reads the platform parameters and bus');
    return stack;
  });
  return { platform, services, agencyFeeds };
}
