import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { alarmOn, alarmOnThrottles } from '../alarms.ts';
import type { DeploymentConfig } from '../config.ts';
import { acknowledge } from '../nag.ts';

/** The four kinds of function of a service (and the handler exports of a single `services/<name>/lambda.ts`). */
export type HandlerExport = 'http' | 'events' | 'relay' | 'jobs';
export const handlerKinds: readonly HandlerExport[] = ['http', 'events', 'relay', 'jobs'];

/** How every function is bundled (esbuild), shared with the tests and `pnpm bench`, which check what a bundle carries. */
export const lambdaBundling = {
  target: 'node22',
  minify: true,
  mainFields: ['module', 'main'],
  // Some dependencies still call require(); ESM output has no require unless we make one.
  banner:
    "import { createRequire as __cocreateCreateRequire } from 'node:module'; const require = __cocreateCreateRequire(import.meta.url);",
  alias: {
    // zod with only the en and zh-CN locales (see zod-bundled.mjs): 258 KB less in every function.
    zod: fileURLToPath(new URL('./zod-bundled.mjs', import.meta.url)),
    // The workbook libraries, loaded from a file of their own on first use (see workbook-load.mjs): ~590 KB less in
    // every function of the services that read or write spreadsheets.
    exceljs: fileURLToPath(new URL('./exceljs-lazy.mjs', import.meta.url)),
    jszip: fileURLToPath(new URL('./jszip-lazy.mjs', import.meta.url)),
  },
  /**
   * The AWS SDK for JavaScript v3 comes with the Lambda Node.js 22 runtime (every `@aws-sdk/*` client and library the
   * suite imports: DynamoDB with lib-dynamodb, EventBridge, S3 with its presigner, KMS), so no function bundles it:
   * ~230 KB less in every function, ~440 KB in those with the S3 client. The trade-off: the runtime's SDK version is
   * not the lock file's. AWS moves it with runtime patches, on its own schedule in each region and partition, so it
   * can be older or newer than what the tests ran against. The suite only uses long-stable v3 calls (plain
   * constructors and commands, the document client, presigned PUTs), which v3's semantic versioning keeps working
   * in either direction; a function that ever needs a newer SDK feature than the runtime has must bundle that one
   * package (drop it from this list for that function), not wait for the runtime.
   */
  external: ['@aws-sdk/*'],
};

/**
 * The build-time constants of a deployment's bundles. `COCREATE_TRACING` decides whether the X-Ray SDK is bundled at
 * all (`@cocreate/kernel/lambda/common`): a deployment without tracing carries none of it.
 */
export const lambdaDefine = (tracing: boolean): Record<string, string> => ({
  'process.env.COCREATE_TRACING': JSON.stringify(String(tracing)),
});

/** Builds a function's workbook chunk after esbuild (see workbook-chunk.mjs). */
const workbookChunkScript = fileURLToPath(new URL('./workbook-chunk.mjs', import.meta.url));

/** The esbuild options CDK builds a function with, for the tests and `pnpm bench` (which run esbuild themselves). */
export function lambdaBuildOptions(entry: string, tracing = false) {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    outfile: 'index.mjs',
    target: lambdaBundling.target,
    minify: lambdaBundling.minify,
    mainFields: lambdaBundling.mainFields,
    banner: { js: lambdaBundling.banner },
    alias: lambdaBundling.alias,
    external: lambdaBundling.external,
    define: lambdaDefine(tracing),
    logLevel: 'silent' as const,
  };
}

/**
 * Where the bundler starts and which lock file and project root it resolves dependencies from. A service with
 * `services/<name>/lambda/<kind>.ts` gets one bundle per kind of function (`entries`, each exporting `handler`), so
 * the HTTP function carries no relay, consumer or job runner and the relay carries none of the service's code;
 * otherwise every function is built from the single `entry` and picks its export.
 */
export interface LambdaSource {
  entry: string;
  entries?: Partial<Record<HandlerExport, string>>;
  projectRoot: string;
  depsLockFilePath: string;
}

/** The per-function entries that exist in a service directory. */
export function entriesIn(serviceDir: string): Partial<Record<HandlerExport, string>> {
  const entries: Partial<Record<HandlerExport, string>> = {};
  for (const kind of handlerKinds) {
    const file = path.join(serviceDir, 'lambda', `${kind}.ts`);
    if (existsSync(file)) entries[kind] = file;
  }
  return entries;
}

export interface ServiceFunctionProps {
  functionName: string;
  description: string;
  handler: HandlerExport;
  source: LambdaSource;
  environment: Record<string, string>;
  config: DeploymentConfig;
  alarmTopic: ITopic;
  timeout: Duration;
  memorySize?: number;
  /** Caps how many copies run at once (jobs: one, so a long run never overlaps the next schedule). */
  reservedConcurrency?: number;
  /** Actions this function will be granted on "*" because IAM offers nothing narrower, each with what adds it. */
  actionsWithoutResourceLevelPermissions?: string[];
}

/**
 * One Lambda function of a service with everything it should always have: its own role (no managed policies; it can
 * write only to its own log group until the stack grants more), a log group with the deployment's retention, ESM
 * bundle with source maps, and an alarm on errors.
 */
export class ServiceFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const { config } = props;

    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: config.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.functionName}: runtime role`,
    });
    logGroup.grantWrite(this.role);

    const ownEntry = props.source.entries?.[props.handler];
    const { alias, external, ...bundling } = lambdaBundling;
    const entry = ownEntry ?? props.source.entry;
    this.fn = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      description: props.description,
      entry,
      handler: ownEntry ? 'handler' : props.handler,
      projectRoot: props.source.projectRoot,
      depsLockFilePath: props.source.depsLockFilePath,
      // Node 22 is the runtime the suite is built and tested for, in both partitions.
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      role: this.role,
      logGroup,
      tracing: config.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_TRACE_ENABLED: String(config.tracing),
      },
      bundling: {
        format: OutputFormat.ESM,
        ...bundling,
        define: lambdaDefine(config.tracing),
        esbuildArgs: Object.fromEntries(Object.entries(alias).map(([from, to]) => [`--alias:${from}`, to])),
        sourceMap: true,
        sourcesContent: false,
        // The runtime's AWS SDK, not a bundled copy: see `lambdaBundling.external` for the trade-off.
        bundleAwsSDK: false,
        externalModules: external,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The workbook chunk next to index.mjs, when the bundle loads it (see workbook-load.mjs).
          afterBundling: (_inputDir: string, outputDir: string) => [`node "${workbookChunkScript}" "${outputDir}" "${entry}"`],
        },
      },
    });

    acknowledge(
      this.fn,
      'L1',
      'Pinned to nodejs22.x deliberately: it is the runtime the suite is built and tested on (esbuild target node22), and runtime rollouts reach the China Regions on their own schedule, so both partitions move to a newer runtime together, not whenever a newer one appears.',
    );
    // Actions without resource-level permissions can only be granted on "*"; each is named with its reason.
    const anyResource = [
      ...(config.tracing ? ['xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing)'] : []),
      ...(props.actionsWithoutResourceLevelPermissions ?? []),
    ];
    if (anyResource.length > 0) {
      acknowledge(
        this.role,
        'IAM5[Resource::*]',
        `${anyResource.join('; ')}: these actions do not support resource-level permissions in IAM, so "*" is the only resource they can be granted on.`,
      );
    }

    alarmOn(
      this,
      'ErrorsAlarm',
      this.fn.metricErrors({ period: Duration.minutes(5) }),
      props.alarmTopic,
      `${props.functionName} reported errors`,
    );
    if (props.handler !== 'jobs') alarmOnThrottles(this, 'ThrottlesAlarm', this.fn, props.alarmTopic, props.functionName);
  }
}
