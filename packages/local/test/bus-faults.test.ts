/**
 * The bus's delivery-fault mode (issue 16): every event delivered twice and in shuffled order, what an at-least-once,
 * unordered EventBridge may do — so consumers are tested against it, not against a bus kinder than AWS's.
 */
import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT, REGION, entry, recorder, startBus, type BusFixture } from './bus-fixture.ts';

const ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:projects-events`;
let f: BusFixture | undefined;
afterEach(async () => {
  await f?.stop();
  f = undefined;
});

async function putInOrder(fixture: BusFixture, n: number): Promise<void> {
  await fixture.client.send(new PutRuleCommand({ Name: 'all', EventPattern: JSON.stringify({ source: ['cocreate.deliberation'] }) }));
  await fixture.client.send(new PutTargetsCommand({ Rule: 'all', Targets: [{ Id: 'events', Arn: ARN }] }));
  // One PutEvents call at a time: the bus accepts them in this order.
  for (let i = 0; i < n; i += 10) {
    const entries = Array.from({ length: Math.min(10, n - i) }, (_, k) => entry({ n: i + k }));
    await fixture.client.send(new PutEventsCommand({ Entries: entries }));
  }
}

const numbers = (inputs: unknown[]) => inputs.map((i) => (i as { detail: { n: number } }).detail.n);

describe('delivery faults', () => {
  it('off by default: each event once, in the order accepted', async () => {
    f = await startBus();
    const target = recorder();
    f.bus.registerTarget(ARN, target.handler);
    await putInOrder(f, 30);
    await f.bus.idle();
    expect(numbers(target.inputs)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('duplicate + shuffle: each event exactly twice, not in the order accepted, and idle() waits for every copy', async () => {
    f = await startBus({ faults: { duplicate: true, shuffle: true, windowMs: 200, seed: 16 } });
    const target = recorder();
    f.bus.registerTarget(ARN, target.handler);
    await putInOrder(f, 30);
    await f.bus.idle();
    const got = numbers(target.inputs);
    expect(got).toHaveLength(60);
    expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => [i, i]).flat());
    expect(got).not.toEqual([...got].sort((a, b) => a - b));
    // The two copies are the same event (same id): what consumers de-duplicate on.
    const ids = target.inputs.map((i) => (i as { id: string }).id);
    expect(new Set(ids).size).toBe(30);
    expect(f.bus.deliveriesStarted()).toBe(60);
  });

  it('can be turned off on a running bus', async () => {
    f = await startBus({ faults: { duplicate: true, shuffle: true, seed: 1 } });
    const target = recorder();
    f.bus.registerTarget(ARN, target.handler);
    f.bus.setDeliveryFaults(undefined);
    await putInOrder(f, 10);
    await f.bus.idle();
    expect(numbers(target.inputs)).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });
});
