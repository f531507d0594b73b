import { registry } from '@cocreate/contracts';
import { type AnySubscription, defineSubscription, patternOf } from '@cocreate/kernel';
import { dispatch } from '../app/dispatch.ts';
import { dispatchGroups } from '../domain/dispatch.ts';

/**
 * The dispatcher's subscriptions: every event contract offered to agencies (`forAgencies`: not the register's events
 * about people), split only as far as EventBridge's pattern size needs.
 */
export const dispatchSubscriptions: AnySubscription[] = dispatchGroups(registry.forAgencies(), (events) =>
  JSON.stringify(patternOf({ events })),
).map((group) =>
  defineSubscription({
    name: group.name,
    summary: `Log and fan out to agency subscriptions: ${group.events.length} event version(s)`,
    events: group.events,
    // A repeated event finds its log pointer, and its deliveries commit with the processed-event marker: no read
    // of the marker first, one read saved on every event (a duplicate is told at commit).
    duplicateCheck: 'on-commit',
    handler: (event, ctx) => dispatch(event, ctx),
  }),
);
