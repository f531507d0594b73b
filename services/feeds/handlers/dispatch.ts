import { registry } from '@cocreate/contracts';
import { type AnySubscription, defineSubscription, patternOf } from '@cocreate/kernel';
import { dispatch } from '../app/dispatch.ts';
import { dispatchGroups } from '../domain/dispatch.ts';

/** The dispatcher's subscriptions: every event contract, split only as far as EventBridge's pattern size needs. */
export const dispatchSubscriptions: AnySubscription[] = dispatchGroups(registry.all(), (events) =>
  JSON.stringify(patternOf({ events })),
).map((group) =>
  defineSubscription({
    name: group.name,
    summary: `Log and fan out to agency subscriptions: ${group.events.length} event version(s)`,
    events: group.events,
    handler: (event, ctx) => dispatch(event, ctx),
  }),
);
