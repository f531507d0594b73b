import path from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { ServiceManifest } from '@cocreate/kernel/manifest';
import { cdkJsonContext, repoRoot } from '../lib/cdk-context.ts';
import type { DeploymentConfig } from '../lib/config.ts';
import { buildDeployment, type DeploymentStacks } from '../lib/deployment.ts';
import { fixtureManifests } from './fixtures/manifest.ts';

/** cdk.json's feature flags, with bundling skipped so NodejsFunction never runs esbuild in tests. */
export function testApp(): App {
  return new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
}

export const fixtureSource = () => ({
  entry: path.join(repoRoot, 'infra', 'test', 'fixtures', 'lambda.ts'),
  projectRoot: repoRoot,
  depsLockFilePath: path.join(repoRoot, 'pnpm-lock.yaml'),
});

/** One deployment of the fixture services. */
export function fixtureDeployment(config: DeploymentConfig, manifests: readonly ServiceManifest[] = fixtureManifests) {
  const app = testApp();
  const stacks: DeploymentStacks = buildDeployment(app, config, manifests, fixtureSource);
  return { app, ...stacks };
}

export const templateOf = (stack: Stack) => Template.fromStack(stack);

/** Every value of `Resources` of one type, as plain objects. */
export function resourcesOf(template: Template, type: string): Record<string, { Properties?: Record<string, unknown> }> {
  return template.findResources(type) as Record<string, { Properties?: Record<string, unknown> }>;
}
