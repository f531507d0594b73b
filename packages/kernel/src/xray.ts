import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { Tracing } from './tracing.ts';

/** Tracing through Powertools' tracer (and so the X-Ray SDK): only for deployments that trace. */
export function xrayTracing(serviceName: string): Tracing {
  const tracer = new Tracer({ serviceName });
  return {
    middleware: () => captureLambdaHandler(tracer),
    captureClient: <T>(client: T): T => tracer.captureAWSv3Client(client as never) as T,
  };
}
