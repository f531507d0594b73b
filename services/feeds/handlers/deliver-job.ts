import { defineJob } from '@cocreate/kernel';
import { runDeliveries } from '../app/deliver.ts';

/**
 * The delivery job (every minute, and at once when a dispatch, redrive or replay asks): expands fan-outs that did not
 * fit the dispatch transaction, walks pending replays into deliveries, attempts every delivery that is due, and — on
 * its schedule only — sequences any event a dispatcher staged but did not get to append (see app/deliver.ts).
 */
export const deliverJob = defineJob({
  name: 'deliver',
  summary: 'Attempt due webhook deliveries (backoff, dead letters, pauses); expand fan-outs and replays',
  schedule: 'rate(1 minute)',
  // A new delivery is attempted as soon as the dispatch (or redrive, or replay) that queued it commits.
  startsOnRequest: true,
  handler: (ctx) => runDeliveries(ctx),
});
