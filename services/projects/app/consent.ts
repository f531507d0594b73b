import type { ConsentPollClosed } from '@cocreate/contracts';
import type { Delivered, EventContext } from '@cocreate/kernel';
import { polls } from '../repos/polls.ts';

/** Deliberation closed an owners' consent poll: its scope, matter and result, for the renovation it may carry. */
export async function recordConsentPoll({ data }: Delivered<typeof ConsentPollClosed>, ctx: EventContext): Promise<void> {
  polls.record(ctx.tx, {
    pollId: data.pollId,
    village: data.village,
    scope: data.scope,
    matter: data.matter,
    passed: data.passed,
    closedAt: data.closedAt,
  });
}
