import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { registerOf } from '@cocreate/places';
import type { EvidenceStore } from '../evidence.ts';
import type { Verifier, VerifierConfig } from '../identity.ts';
import type { ServiceManifest } from '../manifest.ts';
import { resourceNames, runtimeEnv } from '../names.ts';
import type { ServiceRuntime } from '../runtime.ts';
import { Table, documentClient } from '../store/table.ts';
import { type Env, loggerFor, metricsFor, required, tracingFor } from './common.ts';

/**
 * The runtime of one Lambda function, built from its own entry (`services/<name>/lambda/<kind>.ts`): only the clients
 * that function calls are built, and only the code it runs is bundled. The S3 client comes with `s3Evidence`
 * (`@cocreate/kernel/lambda/evidence`), which only the entries of a service that keeps evidence import.
 */
export interface FunctionParts {
  /** Evidence files in S3, for a service whose manifest declares `evidence`. */
  evidence?: EvidenceOf;
  verifier?: Verifier;
}

export type EvidenceOf = (o: { bucket: string; service: string; clock: () => Date; traced: <T>(client: T) => T }) => EvidenceStore;

/** The token verifier's settings, from the variables the service stack sets. */
export function verifierConfigFrom(env: Env): VerifierConfig {
  const issuer = required(env, runtimeEnv.issuer);
  return {
    issuer,
    ...(env[runtimeEnv.audience] ? { audience: env[runtimeEnv.audience] } : {}),
    jwksUrl: env[runtimeEnv.jwksUrl] ?? `${issuer}/.well-known/jwks.json`,
    ...(env[runtimeEnv.rolesClaim] ? { rolesClaim: env[runtimeEnv.rolesClaim] } : {}),
  };
}

/** A lazily built client: a function that never calls it never pays for building it. */
function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const noRegister = registerOf({ places: [], people: [], households: [], bodies: [] });

function refusing<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: (_, prop) => {
      throw new Error(`${what} is not available in this function (${String(prop)})`);
    },
  });
}

/** The runtime of a function that runs the service's code (routes, subscriptions, jobs). */
export async function functionRuntime(
  manifest: ServiceManifest,
  parts: FunctionParts = {},
  env: Env = process.env,
): Promise<ServiceRuntime> {
  const tracing = await tracingFor(manifest.name);
  const traced = <T>(client: T): T => (tracing ? tracing.captureClient(client) : client);
  const doc = documentClient(traced(new DynamoDBClient({})));
  const clock = () => new Date();
  const eventBridge = lazily(() => traced(new EventBridgeClient({})));
  const busArn = env[runtimeEnv.busArn];
  const archiveArn = env[runtimeEnv.archiveArn];
  const publicBaseUrl = env[runtimeEnv.publicBaseUrl];
  const evidence = parts.evidence
    ? parts.evidence({ bucket: env[runtimeEnv.bucket] ?? '', service: manifest.name, clock, traced })
    : refusing<EvidenceStore>(`evidence (${manifest.name} declares none)`);
  return {
    manifest,
    doc,
    table: new Table(doc, env[runtimeEnv.table] ?? resourceNames.table(manifest.name), manifest.table),
    get eventBridge() {
      return eventBridge();
    },
    busName: required(env, runtimeEnv.bus),
    ...(busArn ? { busArn } : {}),
    ...(archiveArn ? { archiveArn } : {}),
    evidence,
    verifier: parts.verifier ?? refusing<Verifier>('the token verifier'),
    register: noRegister,
    clock,
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
    logger: loggerFor(manifest.name),
    metrics: metricsFor(manifest.name),
    ...(tracing ? { tracing } : {}),
  };
}
