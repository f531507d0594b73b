import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalApi, eventually } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { Receiver, raiseNeed, registerAgency, stack, subscribe, uniqueText } from './support.ts';

const api = new LocalApi(stack().url);

/**
 * A delivery is attempted as soon as the dispatch that queued it commits: its unit starts the delivery job through
 * a job request (`tx.startJob`), so a webhook does not wait for the job's next tick (a minute in AWS and here).
 */
describe('prompt delivery', () => {
  const receiver = new Receiver();
  beforeAll(async () => {
    await receiver.start();
    const agency = await registerAgency(api, demo.hongan, 'hongan-prompt');
    await subscribe(api, agency, { delivery: { mode: 'webhook', url: receiver.url } });
  });
  afterAll(() => receiver.stop());

  it('sends a webhook within seconds of the event, without running the job or moving the clock', async () => {
    const raisedAt = Date.now();
    const id = await raiseNeed(demo.majiaqiao, uniqueText('prompt'));
    // Well under the job's one-minute schedule (the local scheduler ticks on real time, from the last reset).
    await eventually(async () => receiver.forEvent(id).length > 0, 20_000, 'a delivery started by the dispatch');
    expect(Date.now() - raisedAt).toBeLessThan(20_000);
    expect(receiver.forEvent(id)).toHaveLength(1);
  });
});
