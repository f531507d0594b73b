import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { type Register, registerOf } from '@cocreate/places';
import { EvidenceStore } from './evidence.ts';
import { type Verifier, type VerifierConfig, createVerifier } from './identity.ts';
import { type ServiceManifest, runtimeEnv, resourceNames } from './manifest.ts';
import { Table, documentClient } from './store/table.ts';
import type { Tracing } from './tracing.ts';

/**
 * Everything a service's handlers need at run time, built once per process: in Lambda from the environment the
 * CDK stack sets, locally by the embedded stack. Handlers never read the environment themselves.
 */
export interface ServiceRuntime {
  manifest: ServiceManifest;
  doc: DynamoDBDocumentClient;
  table: Table;
  eventBridge: EventBridgeClient;
  busName: string;
  /** The bus and its archive, for services that start archive replays (`archiveReplays` in the manifest). */
  busArn?: string;
  archiveArn?: string;
  evidence: EvidenceStore;
  verifier: Verifier;
  /** The register of a service that keeps no copy of its own (see `keepsRegister`): nothing, unless a test gives one. */
  register: Register;
  clock: () => Date;
  /** The deployment's public base URL (configuration, `runtimeEnv.publicBaseUrl`), where it is set. */
  publicBaseUrl?: string;
  logger: Logger;
  metrics: Metrics;
  /** X-Ray, when the deployment traces; nothing otherwise. */
  tracing?: Tracing;
}

export interface RuntimeOptions {
  manifest: ServiceManifest;
  tableName: string;
  busName: string;
  busArn?: string;
  archiveArn?: string;
  bucket: string;
  verifier: VerifierConfig;
  register?: Register;
  clock?: () => Date;
  publicBaseUrl?: string;
  dynamodb?: DynamoDBClient;
  eventBridge?: EventBridgeClient;
  s3?: S3Client;
  logLevel?: string;
  tracing?: Tracing;
}

export function createRuntime(o: RuntimeOptions): ServiceRuntime {
  const logger = new Logger({
    serviceName: o.manifest.name,
    ...(o.logLevel ? { logLevel: o.logLevel as 'INFO' } : {}),
  });
  const metricsOff = process.env.POWERTOOLS_METRICS_DISABLED === 'true';
  const metrics = new Metrics({
    namespace: 'cocreate',
    serviceName: o.manifest.name,
    // With metrics off (local stack, tests) nothing is published, so warnings about publishing are noise; they
    // also misfire there because concurrent in-process invocations share one Metrics object, unlike Lambda.
    ...(metricsOff ? { logger: { ...console, warn: () => undefined } } : {}),
  });
  const traced = <T>(client: T): T => (o.tracing ? o.tracing.captureClient(client) : client);
  const dynamodb = traced(o.dynamodb ?? new DynamoDBClient({}));
  const doc = documentClient(dynamodb);
  const clock = o.clock ?? (() => new Date());
  return {
    manifest: o.manifest,
    doc,
    table: new Table(doc, o.tableName, o.manifest.table),
    eventBridge: traced(o.eventBridge ?? new EventBridgeClient({})),
    busName: o.busName,
    ...(o.busArn ? { busArn: o.busArn } : {}),
    ...(o.archiveArn ? { archiveArn: o.archiveArn } : {}),
    evidence: new EvidenceStore(o.s3 ? traced(o.s3) : (lib) => traced(new lib.S3Client({})), o.bucket, o.manifest.name, clock),
    verifier: createVerifier(o.verifier),
    register: o.register ?? noRegister,
    clock,
    ...(o.publicBaseUrl ? { publicBaseUrl: o.publicBaseUrl } : {}),
    logger,
    metrics,
    ...(o.tracing ? { tracing: o.tracing } : {}),
  };
}

/**
 * The runtime of a Lambda function, from the variables the service stack sets (see `runtimeEnv`), with every client
 * built: for a service's single `lambda.ts`. A function built from its own entry (`@cocreate/kernel/lambda/*`)
 * carries and builds only what it runs.
 */
export async function runtimeFromEnv(manifest: ServiceManifest, env: NodeJS.ProcessEnv = process.env): Promise<ServiceRuntime> {
  const need = (name: string): string => {
    const v = env[name];
    if (!v) throw new Error(`environment variable ${name} is not set`);
    return v;
  };
  return createRuntime({
    manifest,
    // Imported only when on: loading the X-Ray SDK starts cls-hooked's async hook, which tracks the destruction of every
    // promise and resource in the process (12–14 s of a 134 s CPU profile of the cycle test's stack, tracing off).
    ...(env.POWERTOOLS_TRACE_ENABLED === 'true' ? { tracing: (await import('./xray.ts')).xrayTracing(manifest.name) } : {}),
    tableName: env[runtimeEnv.table] ?? resourceNames.table(manifest.name),
    busName: need(runtimeEnv.bus),
    ...(env[runtimeEnv.busArn] ? { busArn: env[runtimeEnv.busArn] } : {}),
    ...(env[runtimeEnv.archiveArn] ? { archiveArn: env[runtimeEnv.archiveArn] } : {}),
    bucket: env[runtimeEnv.bucket] ?? '',
    ...(env[runtimeEnv.publicBaseUrl] ? { publicBaseUrl: env[runtimeEnv.publicBaseUrl] } : {}),
    verifier: {
      issuer: need(runtimeEnv.issuer),
      ...(env[runtimeEnv.audience] ? { audience: env[runtimeEnv.audience] } : {}),
      jwksUrl: env[runtimeEnv.jwksUrl] ?? `${need(runtimeEnv.issuer)}/.well-known/jwks.json`,
      ...(env[runtimeEnv.rolesClaim] ? { rolesClaim: env[runtimeEnv.rolesClaim] } : {}),
    },
  });
}

const noRegister = registerOf({ places: [], people: [], households: [], bodies: [] });
