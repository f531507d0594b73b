import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracing } from '../tracing.ts';

export type Env = Record<string, string | undefined>;

export function required(env: Env, name: string): string {
  const v = env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
}

/**
 * X-Ray, when the deployment traces. The CDK replaces `process.env.COCREATE_TRACING` with the deployment's setting
 * at build time, so a bundle built without tracing has a constant false here and esbuild drops the import — and with
 * it Powertools' tracer and the X-Ray SDK (about 120 KB and their start-up).
 */
export async function tracingFor(service: string): Promise<Tracing | undefined> {
  return process.env.COCREATE_TRACING === 'true' ? (await import('../xray.ts')).xrayTracing(service) : undefined;
}

export function loggerFor(service: string): Logger {
  return new Logger({ serviceName: service });
}

export function metricsFor(service: string): Metrics {
  return new Metrics({ namespace: 'cocreate', serviceName: service });
}
