import { describe, expect, it } from 'vitest';
import { LocalScheduler } from '../src/scheduler.ts';

/**
 * Jobs started on request locally: the request rule's input (the job and the requesting unit's correlation id) reaches
 * the run; requests arriving during a run make one more run, under the latest request's input.
 */
describe('local scheduler: jobs started on request', () => {
  it('hands the request’s input to the run, and runs once more after the run in progress with the latest input', async () => {
    const inputs: unknown[] = [];
    let release!: () => void;
    const first = new Promise<void>((r) => (release = r));
    const scheduler = new LocalScheduler(
      [
        {
          key: 'feeds/deliver',
          schedule: 'rate(1 day)',
          run: async (input) => {
            inputs.push(input);
            if (inputs.length === 1) await first;
          },
        },
      ],
      () => new Date(),
      () => undefined,
    );
    scheduler.start();
    try {
      scheduler.request('feeds/deliver', { job: 'deliver', correlationId: 'a' });
      scheduler.request('feeds/deliver', { job: 'deliver', correlationId: 'b' });
      scheduler.request('feeds/deliver', { job: 'deliver', correlationId: 'c' });
      release();
      await new Promise((r) => setTimeout(r, 20));
      await scheduler.settled();
      expect(inputs).toEqual([
        { job: 'deliver', correlationId: 'a' },
        { job: 'deliver', correlationId: 'c' },
      ]);
      // A run by hand (POST /_local/jobs/…) is a scheduled run: no request input.
      await scheduler.run('feeds/deliver');
      expect(inputs.at(-1)).toBeUndefined();
    } finally {
      scheduler.stop();
    }
  });
});
