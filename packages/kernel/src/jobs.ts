import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import type { JobContext } from './context.ts';
import { newId } from './store/unit.ts';
import type { ServiceRuntime } from './runtime.ts';
import { serviceContext } from './service-context.ts';
import { once } from '@cocreate/contracts';

/**
 * What a job's targets hand the jobs function: the schedule rule the job's name only; the request rule also the
 * correlation id of the unit of work that started it (`tx.startJob`, `jobRequestInput`), which the run keeps.
 */
export const JobInput = once(() => z.object({ job: z.string(), correlationId: z.string().min(1).max(256).nullish() }));

/**
 * The Lambda handler for a service's scheduled jobs. Jobs must be safe to re-run: each commits its own units of work
 * whose conditions make a second run change nothing already done.
 */
export function createJobHandler(rt: ServiceRuntime) {
  const jobs = new Map(rt.manifest.jobs.map((j) => [j.name, j]));
  const handle = async (input: unknown, context: Context): Promise<Record<string, unknown>> => {
    rt.metrics.addMetric('JobRun', MetricUnit.Count, 1);
    const { job: name, correlationId: requested } = JobInput().parse(input);
    const job = jobs.get(name);
    if (!job) throw new Error(`${rt.manifest.name} has no job ${name}`);
    // A run started by a request follows that request's trail (its logs and the events it publishes carry the
    // request's id); a scheduled run starts a trail of its own.
    const correlationId = requested ?? `job-${name}-${newId()}`;
    rt.logger.appendKeys({ correlationId, job: name });
    const ctx: JobContext = {
      ...serviceContext(rt, correlationId),
      correlationId,
      job: name,
      trigger: requested ? 'request' : 'schedule',
      progress: (done, total, note) => rt.logger.info('job progress', { done, total, ...(note ? { note } : {}) }),
      remainingMs: () => context.getRemainingTimeInMillis(),
    };
    const started = Date.now();
    const result = (await job.handler(ctx)) ?? {};
    rt.logger.info('job finished', { ms: Date.now() - started, trigger: ctx.trigger, ...result });
    return result;
  };
  return middy<unknown, Record<string, unknown>, Error, Context>()
    .use(injectLambdaContext(rt.logger, { resetKeys: true }))
    .use(rt.tracing ? [rt.tracing.middleware()] : [])
    .use(logMetrics(rt.metrics))
    .handler(handle);
}
