import { beforeAll, inject } from 'vitest';

/**
 * Before each integration test file: empty tables, a quiet bus and real time on the shared stack, so no file
 * depends on (or is disturbed by) what another file left behind — its data, its points, its clock.
 */
beforeAll(async () => {
  const res = await fetch(`${inject('stack').url}/_local/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`local stack reset failed: ${res.status} ${await res.text()}`);
}, 120_000);
