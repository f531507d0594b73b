/**
 * `pnpm ops <command> --deployment <id> [--dry-run]`: recover and check one deployment. Every command says what it
 * finds and does, line by line; `--dry-run` changes nothing. `--deployment local` works on a running `pnpm dev`
 * (its bus at `--eventbridge`, default $AWS_ENDPOINT_URL_EVENTBRIDGE).
 *
 *   redrive --deployment <id> [--queue <name>]                     dead letters back to the target they failed on
 *   replay  --deployment <id> --service <s> --from <t> --to <t>    an archive window into one service
 *   restore --deployment <id> --service <s> --at <t>               a table as it was at <t>, into a new table, readied
 *   restore --deployment <id> --service <s> --swap (--table <t> | --at <t>)
 *                                                                  where swapping it in stands, and the next step
 *   drift   --deployment <id>                                      platform SSM parameters vs each service stack
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { ServiceManifest } from '@cocreate/kernel/manifest';
import { resourceNames } from '@cocreate/kernel/names';
import { manifests } from '@cocreate/suite';
import { deploymentById } from '../../../infra/config/index.ts';
import { loadDrift, loadServingDrift } from './drift.ts';
import { deploymentNames } from './names.ts';
import { redrive, localDeadLetters } from './redrive.ts';
import { replayWindow } from './replay.ts';
import { loadSwapView, planSwap, reportSwap, restoreTable, restoredName } from './restore.ts';
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
/** The functions that run a service's domain code and use its table: HTTP, events, one per job. */
const domainFunctions = (m: ServiceManifest): string[] => [
  ...(m.routes.length ? [resourceNames.httpFunction(m.name)] : []),
  ...(m.subscriptions.length ? [resourceNames.eventFunction(m.name)] : []),
  ...m.jobs.map((j) => resourceNames.jobFunction(m.name, j.name)),
];
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
      const table = resourceNames.table(m.name);
      if (!flag('swap')) {
        await restoreTable(dynamodb, { table, at: time('at'), dryRun, progress });
        return;
      }
      // The swap is the deployment's configuration, deployed: this reads where it stands and says what is next.
      if (local) throw new Error('the local stack has no Lambda functions or IAM roles to swap: --swap is an AWS check');
      const restored = option('table') ?? restoredName(table, time('at'));
      const configured = deploymentById(id).restoredTables[m.name];
      progress(`swap ${table} → ${restored} in ${id}${dryRun ? ' (dry run: the plan only; --swap never changes anything itself)' : ''}`);
      const view = await loadSwapView(
        { dynamodb, lambda: new LambdaClient(clientConfig) },
        {
          deployment: id,
          service: m.name,
          ownTable: table,
          restoredTable: restored,
          ...(configured ? { configured } : {}),
          functions: domainFunctions(m),
          ...(m.publishes.length ? { relay: resourceNames.relayFunction(m.name) } : {}),
          subscribes: m.subscriptions.length > 0,
        },
      );
      process.exitCode = reportSwap(planSwap(view), { progress }) ? 0 : 2;
      return;
    }
    case 'drift': {
      if (local) throw new Error('the local stack has no SSM parameters or CloudFormation stacks: drift is an AWS check');
      const restoredTables = deploymentById(id).restoredTables;
      const drift = [
        ...(await loadDrift(
          new SSMClient(clientConfig),
          new CloudFormationClient(clientConfig),
          names.parameterPath,
          manifests.map((m) => names.stack(m.name)),
        )),
        // Which table each service uses, against the config: an out-of-band change, or a swap not yet deployed.
        ...(await loadServingDrift(
          { dynamodb: new DynamoDBClient(clientConfig), lambda: new LambdaClient(clientConfig) },
          manifests.map((m) => ({
            stackName: names.stack(m.name),
            ownTable: resourceNames.table(m.name),
            ...(restoredTables[m.name] ? { restored: restoredTables[m.name] } : {}),
            functions: domainFunctions(m),
            ...(m.publishes.length ? { relay: resourceNames.relayFunction(m.name) } : {}),
          })),
        )),
      ];
      if (drift.length === 0) progress(`no drift: every service stack was deployed with the platform's current parameters`);
      for (const d of drift) {
        const what =
          d.issue === 'changed' || d.issue === 'table' || d.issue === 'relay-stream'
            ? ` (deployed ${d.deployed ?? 'nothing'}, config ${d.current}): deploy the stack again`
            : '';
        progress(`${d.stackName}: ${d.parameter} ${d.issue}${what}`);
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
