import { chinaDay } from '@cocreate/places';
import type { ServiceContext } from './context.ts';
import { registerFromCopy } from './register-copy.ts';
import { ruleArnOf, startableJobs } from './manifest.ts';
import type { ServiceRuntime } from './runtime.ts';
import { commit, withRetries } from './store/commit.ts';
import { UnitOfWork } from './store/unit.ts';

/** The parts of a handler context that only depend on the service, not on the request or event. */
export function serviceContext(
  rt: ServiceRuntime,
  correlationId: string,
  causationId: string | null = null,
  actor = { sub: `cocreate.${rt.manifest.name}` },
): ServiceContext {
  const unitOfWork = () =>
    new UnitOfWork(rt.table.name, {
      actor,
      correlationId,
      causationId,
      now: rt.clock,
      publishes: rt.manifest.publishes,
      startable: startableJobs(rt.manifest),
    });
  return {
    service: rt.manifest.name,
    table: rt.table,
    // A fresh reader per request, delivery or job run: what it remembers never outlives the work it was read for.
    register: rt.manifest.keepsRegister ? registerFromCopy(rt.table, () => chinaDay(rt.clock())) : rt.register,
    evidence: rt.evidence,
    log: rt.logger,
    metrics: rt.metrics,
    now: rt.clock,
    publicBaseUrl: rt.publicBaseUrl,
    platform: {
      // A getter: the function's EventBridge client is built the first time something calls the bus, not per request.
      get eventBridge() {
        return rt.eventBridge;
      },
      busArn: rt.busArn,
      archiveArn: rt.archiveArn,
      ruleArn: (subscription) => (rt.busArn ? ruleArnOf(rt.busArn, rt.manifest.name, subscription) : undefined),
    },
    unit: async (work) => {
      const { outcome } = await withRetries(async () => {
        const tx = unitOfWork();
        await work(tx);
        return { outcome: await commit(rt.doc, tx), value: undefined };
      });
      return outcome;
    },
    tryUnit: async (work) => {
      const tx = unitOfWork();
      await work(tx);
      const outcome = await commit(rt.doc, tx);
      return outcome === 'retry' ? 'lost' : outcome;
    },
  };
}
