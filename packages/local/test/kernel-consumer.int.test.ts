import { describe, expect, it } from 'vitest';
import { NeedRaised } from '@cocreate/contracts';
import { createEventHandler, subscriptionInputTemplate } from '@cocreate/kernel';
import { lambdaContext } from '../src/lambda-context.ts';
import { busEvent, fixtureRuntime } from './fixture.ts';

const envelope = (id: string, text: string) =>
  busEvent(
    {
      id,
      type: 'NeedRaised',
      source: 'cocreate.deliberation',
      place: 'hubei/huanggang/hongan/qiliping/majiaqiao',
      sub: 'p-majiaqiao-07',
      correlationId: 'corr-1',
    },
    { ...NeedRaised.example, text },
  );

describe('idempotent consumption', () => {
  it('applies an event exactly once under concurrent and later duplicate deliveries', async () => {
    const { rt } = await fixtureRuntime();
    const handle = createEventHandler(rt);
    const input = { subscription: 'count-needs', event: envelope('01JDUPLICATE00000000000001', 'dup') };
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => handle(input, lambdaContext('f'))));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(5);
    expect(await handle(input, lambdaContext('f'))).toBe('duplicate');
    expect((await rt.table.get({ pk: 'COUNT#dup', sk: 'COUNT' }))?.applied).toBe(1);
  });

  it('applies distinct events once each', async () => {
    const { rt } = await fixtureRuntime();
    const handle = createEventHandler(rt);
    for (let i = 0; i < 3; i++) {
      await handle({ subscription: 'count-needs', event: envelope(`01JDISTINCT0000000000000${i}0`, 'many') }, lambdaContext('f'));
    }
    expect((await rt.table.get({ pk: 'COUNT#many', sk: 'COUNT' }))?.applied).toBe(3);
  });

  it('rejects an event that breaks its contract, so it is retried and dead-lettered, not dropped', async () => {
    const { rt } = await fixtureRuntime();
    const handle = createEventHandler(rt);
    const bad = envelope('01JDBAD0000000000000000001', 'bad');
    (bad.detail.data as Record<string, unknown>).channel = 'carrier-pigeon';
    await expect(handle({ subscription: 'count-needs', event: bad }, lambdaContext('f'))).rejects.toThrow(/channel/);
    await expect(handle({ subscription: 'nope', event: envelope('01JDBAD0000000000000000002', 'x') }, lambdaContext('f'))).rejects.toThrow(
      /no subscription/,
    );
    expect(await rt.table.get({ pk: 'COUNT#bad', sk: 'COUNT' })).toBeUndefined();
  });

  it('builds the rule input template EventBridge fills with the whole event', () => {
    expect(subscriptionInputTemplate('need-raised')).toBe('{"subscription":"need-raised","event":<aws.events.event.json>}');
  });
});
