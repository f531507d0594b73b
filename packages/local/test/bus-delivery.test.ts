/**
 * Failure handling: target retries with backoff, dead letters and redrive (in process and over HTTP), injected
 * PutEvents entry failures, and stopping with retries pending.
 */
import { PutEventsCommand, PutRuleCommand, PutTargetsCommand, type Target } from '@aws-sdk/client-eventbridge';
import { afterEach, describe, expect, it } from 'vitest';
import { entry, recorder, startBus, type BusFixture } from './bus-fixture.ts';

const ARN = 'arn:aws:lambda:cn-north-1:123456789012:function:projects-events';
const DLQ = 'arn:aws:sqs:cn-north-1:123456789012:projects-events-dlq';

let f: BusFixture | undefined;
afterEach(async () => {
  await f?.stop();
  f = undefined;
});

async function withRule(fixture: BusFixture, target: Partial<Target> = {}): Promise<void> {
  await fixture.client.send(new PutRuleCommand({ Name: 'funds', EventPattern: '{"detail-type":["FundsDisbursed"]}' }));
  await fixture.client.send(new PutTargetsCommand({ Rule: 'funds', Targets: [{ Id: 'events', Arn: ARN, ...target }] }));
}

const funds = (n: number) => entry({ n }, { Source: 'cocreate.projects', DetailType: 'FundsDisbursed' });

describe('retries', () => {
  it('retries a failing target until it succeeds', async () => {
    f = await startBus();
    const target = recorder(2);
    f.bus.registerTarget(ARN, target.handler);
    await withRule(f, { Input: '{"constant":true}' });

    await f.client.send(new PutEventsCommand({ Entries: [funds(1)] }));
    await f.bus.idle();
    expect(target.calls()).toBe(3);
    expect(target.inputs).toEqual([{ constant: true }]);
    expect(f.bus.deadLetters()).toEqual([]);
  });

  it('counts the deliveries that succeeded, by target and detail-type, not the failed attempts', async () => {
    f = await startBus();
    const target = recorder(2);
    f.bus.registerTarget(ARN, target.handler);
    await withRule(f);

    await f.client.send(new PutEventsCommand({ Entries: [funds(1), funds(2)] }));
    await f.bus.idle();
    expect(target.calls()).toBe(4);
    expect(f.bus.deliveredTo(ARN, 'FundsDisbursed')).toBe(2);
    expect(f.bus.deliveredTo(ARN, 'NeedRaised')).toBe(0);
    expect(f.bus.deliveredTo(`${ARN}-other`, 'FundsDisbursed')).toBe(0);
    f.bus.clear();
    expect(f.bus.deliveredTo(ARN, 'FundsDisbursed')).toBe(0);
  });

  it('dead-letters a delivery after 1 + MaximumRetryAttempts attempts, then redrives it', async () => {
    const logs: string[] = [];
    f = await startBus({ logger: (msg) => logs.push(msg) });
    let healthy = false;
    const received: unknown[] = [];
    f.bus.registerTarget(ARN, async (input) => {
      if (!healthy) throw new Error('projects table unavailable');
      received.push(input);
    });
    await withRule(f, {
      InputPath: '$.detail',
      RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
      DeadLetterConfig: { Arn: DLQ },
    });

    const put = await f.client.send(new PutEventsCommand({ Entries: [funds(7)] }));
    await f.bus.idle();
    const [letter, ...others] = f.bus.deadLetters();
    expect(others).toEqual([]);
    expect(letter).toMatchObject({
      eventBusName: 'default',
      ruleName: 'funds',
      ruleArn: 'arn:aws:events:cn-north-1:123456789012:rule/funds',
      targetId: 'events',
      targetArn: ARN,
      deadLetterArn: DLQ,
      input: { n: 7 },
      error: 'projects table unavailable',
      attempts: 3,
      event: { id: put.Entries?.[0]?.EventId, 'detail-type': 'FundsDisbursed' },
    });
    expect(Date.parse(letter?.lastAttemptAt ?? '')).toBeGreaterThanOrEqual(Date.parse(letter?.firstAttemptAt ?? ''));
    expect(logs).toContain('event bus: delivery dead-lettered');

    expect(await f.bus.redrive()).toBe(0);
    expect(f.bus.deadLetters()[0]?.attempts).toBe(4);

    healthy = true;
    expect(await f.bus.redrive([letter?.id ?? ''])).toBe(1);
    expect(received).toEqual([{ n: 7 }]);
    expect(f.bus.deadLetters()).toEqual([]);
  });

  it('keeps dead letters of targets without a DeadLetterConfig, and of unregistered target ARNs', async () => {
    f = await startBus();
    await withRule(f, { RetryPolicy: { MaximumRetryAttempts: 0 } });
    await f.client.send(new PutEventsCommand({ Entries: [funds(1)] }));
    await f.bus.idle();
    const [letter] = f.bus.deadLetters();
    expect(letter?.error).toBe(`No target is registered for ${ARN}`);
    expect(letter?.attempts).toBe(1);
    expect(letter && 'deadLetterArn' in letter).toBe(false);
  });

  it('gives up once the next retry would exceed MaximumEventAgeInSeconds', async () => {
    f = await startBus({ retry: { baseDelayMs: 61_000, maxDelayMs: 120_000 } });
    const target = recorder(1);
    f.bus.registerTarget(ARN, target.handler);
    await withRule(f, { RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 60 } });
    await f.client.send(new PutEventsCommand({ Entries: [funds(1)] }));
    await f.bus.idle();
    expect(target.calls()).toBe(1);
    expect(f.bus.deadLetters().map((l) => l.attempts)).toEqual([1]);
  });

  it('serves the dead letters and redrive over HTTP on the bus endpoint', async () => {
    f = await startBus();
    let healthy = false;
    f.bus.registerTarget(ARN, async () => {
      if (!healthy) throw new Error('down');
    });
    await withRule(f, { RetryPolicy: { MaximumRetryAttempts: 0 } });
    await f.client.send(new PutEventsCommand({ Entries: [funds(1), funds(2)] }));
    await f.bus.idle();

    const listed = (await (await fetch(`${f.endpoint}/_local/dead-letters`)).json()) as { id: string }[];
    expect(listed).toHaveLength(2);
    healthy = true;
    const redrive = await fetch(`${f.endpoint}/_local/dead-letters/redrive`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [listed[0]?.id] }),
    });
    expect(await redrive.json()).toEqual({ redriven: 1 });
    expect(f.bus.deadLetters().map((l) => l.id)).toEqual([listed[1]?.id]);
    const rest = await fetch(`${f.endpoint}/_local/dead-letters/redrive`, { method: 'POST', body: '{}' });
    expect(await rest.json()).toEqual({ redriven: 1 });
    expect(f.bus.deadLetters()).toEqual([]);
  });

  it('stop() cancels waiting retries', async () => {
    f = await startBus({ retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    const target = recorder(1);
    f.bus.registerTarget(ARN, target.handler);
    await withRule(f);
    await f.client.send(new PutEventsCommand({ Entries: [funds(1)] }));
    await expect.poll(() => target.calls()).toBe(1);
    const { bus } = f;
    await f.stop();
    f = undefined;
    await bus.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(target.calls()).toBe(1);
    expect(bus.deadLetters()).toEqual([]);
  });
});

describe('concurrency per target', () => {
  /** A target that records how many of its invocations overlap, each held until `release`. */
  function gate() {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const waiting: (() => void)[] = [];
    return {
      most: () => most,
      order,
      running: () => running,
      release: () => waiting.splice(0).forEach((go) => go()),
      handler: async (input: unknown) => {
        running++;
        most = Math.max(most, running);
        order.push((input as { detail: { n: number } }).detail.n);
        await new Promise<void>((go) => waiting.push(go));
        running--;
      },
    };
  }
  const burst = (from: number, count: number) => Array.from({ length: count }, (_, i) => funds(from + i));

  it('runs at most `concurrency` invocations of one target at once, the rest in arrival order; idle() waits for all', async () => {
    f = await startBus({ concurrency: 3 });
    const target = gate();
    f.bus.registerTarget(ARN, target.handler);
    await withRule(f);
    await f.client.send(new PutEventsCommand({ Entries: burst(1, 10) }));
    let idle = false;
    const done = f.bus.idle().then(() => (idle = true));
    await expect.poll(() => target.running()).toBe(3);
    while (target.order.length < 10) {
      target.release();
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(target.running()).toBeLessThanOrEqual(3);
      expect(idle).toBe(false);
    }
    target.release();
    await done;
    expect(target.most()).toBe(3);
    expect(target.order).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('bounds each target on its own: a busy target does not hold up another', async () => {
    f = await startBus({ concurrency: 1 });
    const busy = gate();
    const other = recorder();
    const OTHER = `${ARN}-other`;
    f.bus.registerTarget(ARN, busy.handler);
    f.bus.registerTarget(OTHER, other.handler);
    await withRule(f);
    await f.client.send(new PutTargetsCommand({ Rule: 'funds', Targets: [{ Id: 'other', Arn: OTHER }] }));
    await f.client.send(new PutEventsCommand({ Entries: burst(1, 3) }));
    await expect.poll(() => other.calls()).toBe(3);
    expect(busy.running()).toBe(1);
    busy.release();
    await expect.poll(() => busy.order.length).toBe(2);
    busy.release();
    await expect.poll(() => busy.order.length).toBe(3);
    busy.release();
    await f.bus.idle();
    expect(busy.most()).toBe(1);
  });

  it('stop() ends the deliveries still waiting for a slot', async () => {
    f = await startBus({ concurrency: 1 });
    const target = gate();
    f.bus.registerTarget(ARN, target.handler);
    await withRule(f);
    await f.client.send(new PutEventsCommand({ Entries: burst(1, 5) }));
    await expect.poll(() => target.running()).toBe(1);
    const { bus } = f;
    await f.stop();
    f = undefined;
    target.release();
    await bus.idle();
    expect(target.order).toEqual([1]);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('refuses a concurrency that is not a whole number of at least 1', async () => {
    await expect(startBus({ concurrency: 0 })).rejects.toThrow(/concurrency/);
  });
});

describe('failNextEntries', () => {
  it('fails the next n entries per entry with the given code, as EventBridge reports throttling', async () => {
    f = await startBus();
    f.bus.failNextEntries(2);
    const first = await f.client.send(new PutEventsCommand({ Entries: [funds(1), funds(2), funds(3)] }));
    expect(first.FailedEntryCount).toBe(2);
    expect(first.Entries?.slice(0, 2)).toEqual([
      { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal Service Failure' },
      { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal Service Failure' },
    ]);
    expect(first.Entries?.[2]?.EventId).toEqual(expect.any(String));
    expect(f.bus.events().map((e) => e.detail.n)).toEqual([3]);

    f.bus.failNextEntries(1, 'ThrottlingException');
    const second = await f.client.send(new PutEventsCommand({ Entries: [funds(4), funds(5)] }));
    expect(second.Entries?.map((e) => e.ErrorCode ?? e.EventId?.length)).toEqual(['ThrottlingException', 36]);
    expect(second.Entries?.[0]?.ErrorMessage).toBe('Rate exceeded');

    const third = await f.client.send(new PutEventsCommand({ Entries: [funds(6)] }));
    expect(third.FailedEntryCount).toBe(0);
    expect(f.bus.events().map((e) => e.detail.n)).toEqual([3, 5, 6]);
  });
});
