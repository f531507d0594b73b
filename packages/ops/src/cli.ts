/**
 * `pnpm ops <command> --deployment <id> [--dry-run]`: recover and check one deployment. Every command says what it
 * finds and does, line by line; `--dry-run` changes nothing. `--deployment local` works on a running `pnpm dev`
 * (its bus at `--eventbridge`, default $AWS_ENDPOINT_URL_EVENTBRIDGE).
 *
 *   redrive --deployment <id> [--queue <name>]                     dead letters back to the target they failed on
 *   replay  --deployment <id> --service <s> --from <t> --to <t>    an archive window into one service
 *   restore --deployment <id> --service <s> --at <t> [--swap]      a table as it was at <t>, into a new table
 *   drift   --deployment <id>                                      platform SSM parameters vs each service stack
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { resourceNames } from '@cocreate/kernel/names';
import { manifests } from '@cocreate/suite';
import { deploymentById } from '../../../infra/config/index.ts';
import { loadDrift } from './drift.ts';
import { deploymentNames } from './names.ts';
import { redrive, localDeadLetters } from './redrive.ts';
import { replayWindow } from './replay.ts';
import { pointFunctionsAt, restoreTable } from './restore.ts';
import { sqsDeadLetters } from './sqs-dead-letters.ts';

const args = process.argv.slice(2);
const command = args[0];
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const flag = (name: string) => args.includes(`--${name}`);
const required = (name: string): string => {
  const v = option(name);
  if (!v) throw new Error(`--${name} is required for ${command}`);
  return v;
};
const time = (name: string): Date => {
  const d = new Date(required(name));
  if (Number.isNaN(d.getTime())) throw new Error(`--${name} is not a date-time (ISO 8601, e.g. 2026-12-01T08:00:00+08:00)`);
  return d;
};
const serviceOf = () => {
  const name = required('service');
  const m = manifests.find((x) => x.name === name);
  if (!m) throw new Error(`unknown service ${name}; known: ${manifests.map((x) => x.name).join(', ')}`);
  return m;
};

async function main(): Promise<void> {
  const id = required('deployment');
  const local = id === 'local';
  const region = local ? (process.env.AWS_REGION ?? 'cn-north-1') : deploymentById(id).region;
  const eventbridge = option('eventbridge') ?? process.env.AWS_ENDPOINT_URL_EVENTBRIDGE;
  const names = deploymentNames(id);
  const dryRun = flag('dry-run');
  const progress = (line: string) => console.log(line);
  const clientConfig = { region };

  switch (command) {
    case 'redrive': {
      if (local && !eventbridge) throw new Error('--deployment local needs the bus: --eventbridge <url> (pnpm dev prints it)');
      const store = local
        ? localDeadLetters(eventbridge!)
        : sqsDeadLetters(new SQSClient(clientConfig), new LambdaClient(clientConfig), names.stack(''));
      const queue = option('queue');
      await redrive(store, { dryRun, progress, ...(queue ? { queue } : {}) });
      return;
    }
    case 'replay': {
      const m = serviceOf();
      if (m.subscriptions.length === 0) throw new Error(`${m.name} subscribes to nothing: there is nothing to replay into it`);
      await replayWindow(new EventBridgeClient({ ...clientConfig, ...(eventbridge ? { endpoint: eventbridge } : {}) }), {
        bus: names.bus,
        archive: names.archive,
        rules: m.subscriptions.map((s) => resourceNames.rule(m.name, s.name)),
        from: time('from'),
        to: time('to'),
        name: option('name') ?? `${m.name}-${Date.now()}`,
        dryRun,
        progress,
      });
      return;
    }
    case 'restore': {
      const m = serviceOf();
      const dynamodb = new DynamoDBClient(clientConfig);
      const { target } = await restoreTable(dynamodb, { table: resourceNames.table(m.name), at: time('at'), dryRun, progress });
      if (flag('swap')) {
        const fns = [
          ...(m.routes.length ? [resourceNames.httpFunction(m.name)] : []),
          ...(m.subscriptions.length ? [resourceNames.eventFunction(m.name)] : []),
          ...m.jobs.map((j) => resourceNames.jobFunction(m.name, j.name)),
        ];
        progress(`swap: pointing ${fns.length} function(s) at ${target} (their roles must already be granted it: docs/deploy.md)`);
        await pointFunctionsAt(new LambdaClient(clientConfig), fns, target, { dryRun, progress });
      }
      return;
    }
    case 'drift': {
      if (local) throw new Error('the local stack has no SSM parameters or CloudFormation stacks: drift is an AWS check');
      const drift = await loadDrift(
        new SSMClient(clientConfig),
        new CloudFormationClient(clientConfig),
        names.parameterPath,
        manifests.map((m) => names.stack(m.name)),
      );
      if (drift.length === 0) progress(`no drift: every service stack was deployed with the platform's current parameters`);
      for (const d of drift) {
        progress(
          `${d.stackName}: ${d.parameter} ${d.issue}${d.issue === 'changed' ? ` (deployed ${d.deployed}, now ${d.current}): deploy the stack again` : ''}`,
        );
      }
      process.exitCode = drift.length ? 2 : 0;
      return;
    }
    default:
      throw new Error(`pnpm ops <redrive|replay|restore|drift> --deployment <id> [--dry-run]${command ? ` (not ${command})` : ''}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
