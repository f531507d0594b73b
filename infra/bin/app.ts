/**
 * The CDK app. `cdk synth|deploy` (cdk.json) builds the deployment named by the context value `deployment`;
 * `pnpm synth` (`tsx infra/bin/app.ts --all`) synthesizes every deployment, each into `cdk.out/<deployment>/`.
 * Every stack is checked with the cdk-nag AwsSolutions pack; an unacknowledged finding fails the synth.
 *
 *   npx tsx infra/bin/app.ts [--all] [--deployment=<id>] [--skip-bundling]
 */
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { manifests } from '@cocreate/suite';
import { deploymentById, deployments } from '../config/index.ts';
import { cdkJsonContext, repoRoot } from '../lib/cdk-context.ts';
import type { DeploymentConfig } from '../lib/config.ts';
import { boardDeployment } from '../lib/board-stack.ts';
import { buildDeployment } from '../lib/deployment.ts';
import { checkWithAwsSolutions } from '../lib/nag.ts';
import { watchDeployment } from '../lib/watch-stack.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** Set by the CDK CLI, which also passes cdk.json's context and expects the assembly in its own output folder. */
const underCli = process.env.CDK_OUTDIR !== undefined;

function synthesize(config: DeploymentConfig | undefined): void {
  const context: Record<string, unknown> = underCli ? {} : { ...cdkJsonContext() };
  // Check the templates without running esbuild (e.g. CI without the services' dependencies installed).
  if (flag('skip-bundling')) context['aws:cdk:bundling-stacks'] = [];
  if (config) context['deployment'] = config.id;

  const app = new App({
    context,
    outdir: underCli ? undefined : path.join(repoRoot, 'cdk.out', String(config?.id ?? context['deployment'])),
  });
  const chosen = config ?? deploymentById(String(app.node.tryGetContext('deployment')));
  const stacks = buildDeployment(app, chosen, manifests);
  watchDeployment(app, chosen, manifests);
  boardDeployment(app, chosen, manifests, stacks.services);
  checkWithAwsSolutions(app);
  app.synth();
  if (!underCli) console.log(`synthesized ${chosen.id} → ${path.relative(process.cwd(), app.outdir)}`);
}

try {
  if (flag('all')) {
    for (const config of deployments) synthesize(config);
  } else {
    const requested = option('deployment');
    synthesize(requested ? deploymentById(requested) : undefined);
  }
} catch (error) {
  // cdk-nag findings arrive here as a validation error carrying the report; anything else is a build error.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
