/**
 * The local bus driven only through @aws-sdk/client-eventbridge: buses, rules, targets, PutEvents and its limits,
 * matching and delivery, TestEventPattern.
 */
import {
  CreateEventBusCommand,
  DeleteRuleCommand,
  DescribeEventBusCommand,
  DescribeRuleCommand,
  DisableRuleCommand,
  EnableRuleCommand,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, REGION, entry, recorder, startBus, type BusFixture } from './bus-fixture.ts';

let f: BusFixture;
beforeEach(async () => {
  f = await startBus();
});
afterEach(async () => {
  await f.stop();
});

const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:deliberation-events`;
const SUBSCRIPTION_TEMPLATE = '{"subscription":"proposal-adopted","event":<aws.events.event.json>}';

async function subscribe(rule: string, pattern: object, opts: { bus?: string; arn?: string } = {}): Promise<void> {
  await f.client.send(new PutRuleCommand({ Name: rule, EventBusName: opts.bus, EventPattern: JSON.stringify(pattern) }));
  await f.client.send(
    new PutTargetsCommand({
      Rule: rule,
      EventBusName: opts.bus,
      Targets: [
        {
          Id: 'events',
          Arn: opts.arn ?? FUNCTION_ARN,
          InputTransformer: { InputTemplate: SUBSCRIPTION_TEMPLATE, InputPathsMap: {} },
        },
      ],
    }),
  );
}

describe('event buses', () => {
  it('always has a default bus', async () => {
    const bus = await f.client.send(new DescribeEventBusCommand({}));
    expect(bus.Name).toBe('default');
    expect(bus.Arn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`);
    const list = await f.client.send(new ListEventBusesCommand({}));
    expect(list.EventBuses?.map((b) => b.Name)).toEqual(['default']);
  });

  it('creates, describes and lists custom buses', async () => {
    const created = await f.client.send(new CreateEventBusCommand({ Name: 'cocreate-local', Description: 'suite' }));
    expect(created.EventBusArn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:event-bus/cocreate-local`);
    const described = await f.client.send(new DescribeEventBusCommand({ Name: 'cocreate-local' }));
    expect(described.Description).toBe('suite');
    expect(described.CreationTime).toBeInstanceOf(Date);
    const byArn = await f.client.send(new DescribeEventBusCommand({ Name: created.EventBusArn }));
    expect(byArn.Name).toBe('cocreate-local');
    const list = await f.client.send(new ListEventBusesCommand({ NamePrefix: 'cocreate' }));
    expect(list.EventBuses?.map((b) => b.Name)).toEqual(['cocreate-local']);
  });

  it('refuses a duplicate bus and reports unknown ones', async () => {
    await expect(f.client.send(new CreateEventBusCommand({ Name: 'default' }))).rejects.toMatchObject({
      name: 'ResourceAlreadyExistsException',
      message: 'Event bus default already exists.',
    });
    await expect(f.client.send(new DescribeEventBusCommand({ Name: 'nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Event bus nope does not exist.',
    });
  });
});

describe('rules', () => {
  it('builds rule ARNs per bus and describes rules', async () => {
    await f.client.send(new CreateEventBusCommand({ Name: 'suite' }));
    const onDefault = await f.client.send(new PutRuleCommand({ Name: 'r1', EventPattern: '{"source":["a"]}' }));
    expect(onDefault.RuleArn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:rule/r1`);
    const onSuite = await f.client.send(
      new PutRuleCommand({ Name: 'r1', EventBusName: 'suite', EventPattern: '{"source":["b"]}', Description: 'd' }),
    );
    expect(onSuite.RuleArn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:rule/suite/r1`);
    const described = await f.client.send(new DescribeRuleCommand({ Name: 'r1', EventBusName: 'suite' }));
    expect(described).toMatchObject({
      Name: 'r1',
      Arn: onSuite.RuleArn,
      EventBusName: 'suite',
      EventPattern: '{"source":["b"]}',
      State: 'ENABLED',
      Description: 'd',
    });
  });

  it('lists rules of one bus by name prefix, and enables and disables them', async () => {
    for (const name of ['sub-b', 'sub-a', 'other']) {
      await f.client.send(new PutRuleCommand({ Name: name, EventPattern: '{"source":["a"]}' }));
    }
    const listed = await f.client.send(new ListRulesCommand({ NamePrefix: 'sub-' }));
    expect(listed.Rules?.map((r) => r.Name)).toEqual(['sub-a', 'sub-b']);
    await f.client.send(new DisableRuleCommand({ Name: 'sub-a' }));
    expect((await f.client.send(new DescribeRuleCommand({ Name: 'sub-a' }))).State).toBe('DISABLED');
    await f.client.send(new EnableRuleCommand({ Name: 'sub-a' }));
    expect((await f.client.send(new DescribeRuleCommand({ Name: 'sub-a' }))).State).toBe('ENABLED');
  });

  it('pages through rules with Limit and NextToken', async () => {
    for (const name of ['r1', 'r2', 'r3']) {
      await f.client.send(new PutRuleCommand({ Name: name, EventPattern: '{"source":["a"]}' }));
    }
    const first = await f.client.send(new ListRulesCommand({ Limit: 2 }));
    expect(first.Rules?.map((r) => r.Name)).toEqual(['r1', 'r2']);
    const second = await f.client.send(new ListRulesCommand({ Limit: 2, NextToken: first.NextToken }));
    expect(second.Rules?.map((r) => r.Name)).toEqual(['r3']);
    expect(second.NextToken).toBeUndefined();
  });

  it('refuses an invalid event pattern with InvalidEventPatternException', async () => {
    await expect(f.client.send(new PutRuleCommand({ Name: 'bad', EventPattern: '{"detail":{"state":[]}}' }))).rejects.toMatchObject({
      name: 'InvalidEventPatternException',
      message: 'Event pattern is not valid. Reason: Empty arrays are not allowed at detail.state',
    });
    await expect(
      f.client.send(new PutRuleCommand({ Name: 'bad', EventPattern: '{"n":[{"numeric":[">",0,">",0]}]}' })),
    ).rejects.toMatchObject({ name: 'InvalidEventPatternException' });
  });

  it('needs an event pattern or a schedule; schedules only on the default bus', async () => {
    await expect(f.client.send(new PutRuleCommand({ Name: 'empty' }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Parameter(s) EventPattern or ScheduleExpression must be specified.',
    });
    const scheduled = await f.client.send(new PutRuleCommand({ Name: 'nightly', ScheduleExpression: 'cron(0 2 * * ? *)' }));
    expect(scheduled.RuleArn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:rule/nightly`);
    await f.client.send(new CreateEventBusCommand({ Name: 'suite' }));
    await expect(
      f.client.send(new PutRuleCommand({ Name: 'nightly', EventBusName: 'suite', ScheduleExpression: 'rate(1 day)' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('reports unknown rules', async () => {
    await expect(f.client.send(new DescribeRuleCommand({ Name: 'ghost' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Rule ghost does not exist on EventBus default.',
    });
  });
});

describe('targets', () => {
  it('puts, lists and removes targets; a rule with targets cannot be deleted', async () => {
    await subscribe('proposal-adopted', { source: ['cocreate.deliberation'] });
    const listed = await f.client.send(new ListTargetsByRuleCommand({ Rule: 'proposal-adopted' }));
    expect(listed.Targets).toEqual([
      {
        Id: 'events',
        Arn: FUNCTION_ARN,
        InputTransformer: { InputTemplate: SUBSCRIPTION_TEMPLATE, InputPathsMap: {} },
      },
    ]);

    await expect(f.client.send(new DeleteRuleCommand({ Name: 'proposal-adopted' }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: "Rule can't be deleted since it has targets.",
    });
    expect((await f.client.send(new DescribeRuleCommand({ Name: 'proposal-adopted' }))).Name).toBe('proposal-adopted');

    const removed = await f.client.send(new RemoveTargetsCommand({ Rule: 'proposal-adopted', Ids: ['events'] }));
    expect(removed.FailedEntryCount).toBe(0);
    await f.client.send(new DeleteRuleCommand({ Name: 'proposal-adopted' }));
    await expect(f.client.send(new DescribeRuleCommand({ Name: 'proposal-adopted' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('refuses targets for unknown rules, more than five targets, and conflicting input settings', async () => {
    await expect(f.client.send(new PutTargetsCommand({ Rule: 'ghost', Targets: [{ Id: 't', Arn: FUNCTION_ARN }] }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await f.client.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["a"]}' }));
    const six = Array.from({ length: 6 }, (_, i) => ({ Id: `t${i}`, Arn: FUNCTION_ARN }));
    await expect(f.client.send(new PutTargetsCommand({ Rule: 'r', Targets: six }))).rejects.toMatchObject({
      name: 'LimitExceededException',
    });
    await expect(
      f.client.send(new PutTargetsCommand({ Rule: 'r', Targets: [{ Id: 't', Arn: FUNCTION_ARN, Input: '{}', InputPath: '$.detail' }] })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      f.client.send(
        new PutTargetsCommand({ Rule: 'r', Targets: [{ Id: 't', Arn: FUNCTION_ARN, RetryPolicy: { MaximumRetryAttempts: 186 } }] }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });
});

describe('PutEvents and delivery', () => {
  it('delivers a matching event through the subscription InputTransformer, and not to non-matching rules', async () => {
    await f.client.send(new CreateEventBusCommand({ Name: 'suite' }));
    const adopted = recorder();
    const funded = recorder();
    f.bus.registerTarget(FUNCTION_ARN, adopted.handler);
    f.bus.registerTarget('arn:funded', funded.handler);
    await subscribe('proposal-adopted', { source: ['cocreate.deliberation'], 'detail-type': ['ProposalAdopted'] }, { bus: 'suite' });
    await subscribe('funds', { 'detail-type': ['FundsDisbursed'] }, { bus: 'suite', arn: 'arn:funded' });

    const time = new Date('2026-03-01T08:30:15.250Z');
    const put = await f.client.send(
      new PutEventsCommand({
        Entries: [entry({ meta: { id: 'e1' }, data: { title: '修路' } }, { EventBusName: 'suite', Time: time, Resources: ['r1'] })],
      }),
    );
    expect(put.FailedEntryCount).toBe(0);
    const eventId = put.Entries?.[0]?.EventId;
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);

    await f.bus.idle();
    expect(adopted.inputs).toEqual([
      {
        subscription: 'proposal-adopted',
        event: {
          version: '0',
          id: eventId,
          'detail-type': 'ProposalAdopted',
          source: 'cocreate.deliberation',
          account: ACCOUNT,
          time: '2026-03-01T08:30:15Z',
          region: REGION,
          resources: ['r1'],
          detail: { meta: { id: 'e1' }, data: { title: '修路' } },
        },
      },
    ]);
    expect(funded.calls()).toBe(0);
  });

  it('does not deliver to disabled rules or to rules on another bus', async () => {
    const handler = recorder();
    f.bus.registerTarget(FUNCTION_ARN, handler.handler);
    await subscribe('proposal-adopted', { source: ['cocreate.deliberation'] });
    await f.client.send(new DisableRuleCommand({ Name: 'proposal-adopted' }));
    await f.client.send(new CreateEventBusCommand({ Name: 'suite' }));
    await f.client.send(new PutEventsCommand({ Entries: [entry({}), entry({}, { EventBusName: 'suite' })] }));
    await f.bus.idle();
    expect(handler.calls()).toBe(0);

    await f.client.send(new EnableRuleCommand({ Name: 'proposal-adopted' }));
    await f.client.send(new PutEventsCommand({ Entries: [entry({})] }));
    await f.bus.idle();
    expect(handler.calls()).toBe(1);
  });

  it('records every accepted event in order and tells listeners', async () => {
    const heard: string[] = [];
    f.bus.on('event', (event, meta) => heard.push(`${meta.eventBusName}:${String(event.detail.n)}`));
    await f.client.send(new CreateEventBusCommand({ Name: 'suite' }));
    await f.client.send(new PutEventsCommand({ Entries: [entry({ n: 1 }), entry({ n: 2 }, { EventBusName: 'suite' }), entry({ n: 3 })] }));
    expect(f.bus.events().map((e) => e.detail.n)).toEqual([1, 2, 3]);
    expect(f.bus.events({ eventBusName: 'suite' }).map((e) => e.detail.n)).toEqual([2]);
    expect(heard).toEqual(['default:1', 'suite:2', 'default:3']);
  });

  it('refuses more than 10 entries', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => entry({ i }));
    await expect(f.client.send(new PutEventsCommand({ Entries: eleven }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    const ten = await f.client.send(new PutEventsCommand({ Entries: eleven.slice(0, 10) }));
    expect(ten.FailedEntryCount).toBe(0);
    expect(f.bus.events()).toHaveLength(10);
  });

  it('refuses entries over 256 KB counted as EventBridge documents (Time 14 bytes + UTF-8 of the strings)', async () => {
    const base = { Source: 'cocreate.deliberation', DetailType: 'ProposalAdopted', Resources: ['arn:x'], Time: new Date() };
    const fixed = 14 + base.Source.length + base.DetailType.length + 'arn:x'.length;
    // Detail {"s":"…"} of exactly the remaining bytes; "字" is 3 bytes in UTF-8.
    const detailOfBytes = (bytes: number) => `{"s":"${'字'.repeat(Math.floor((bytes - 8) / 3))}${'a'.repeat((bytes - 8) % 3)}"}`;
    const atLimit = detailOfBytes(256 * 1024 - fixed);
    expect(Buffer.byteLength(atLimit)).toBe(256 * 1024 - fixed);

    const accepted = await f.client.send(new PutEventsCommand({ Entries: [{ ...base, Detail: atLimit }] }));
    expect(accepted.FailedEntryCount).toBe(0);
    await expect(
      f.client.send(new PutEventsCommand({ Entries: [{ ...base, Detail: detailOfBytes(256 * 1024 - fixed + 1) }] })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });

  it('fails malformed entries one by one and accepts the rest', async () => {
    const put = await f.client.send(
      new PutEventsCommand({
        Entries: [
          entry({ ok: 1 }),
          { DetailType: 'X', Detail: '{}' },
          entry({}, { Detail: '[1,2]' }),
          entry({}, { Detail: 'not json' }),
          entry({}, { EventBusName: 'ghost' }),
          { Source: 'cocreate.x', Detail: '{}' },
          entry({ ok: 2 }),
        ],
      }),
    );
    expect(put.FailedEntryCount).toBe(5);
    expect(put.Entries?.map((e) => e.ErrorCode ?? 'ok')).toEqual([
      'ok',
      'InvalidArgument',
      'MalformedDetail',
      'MalformedDetail',
      'ResourceNotFoundException',
      'InvalidArgument',
      'ok',
    ]);
    expect(put.Entries?.[1]?.ErrorMessage).toBe('Parameter Source is not valid. Reason: Source is a required argument.');
    expect(put.Entries?.[2]?.ErrorMessage).toBe('Detail is malformed.');
    expect(f.bus.events().map((e) => e.detail.ok)).toEqual([1, 2]);
  });
});

describe('TestEventPattern', () => {
  const event = JSON.stringify({
    id: 'e1',
    account: ACCOUNT,
    source: 'cocreate.projects',
    time: '2026-03-01T08:30:15Z',
    region: REGION,
    resources: [],
    'detail-type': 'FundsDisbursed',
    detail: { data: { amount: 1200, place: 'cn/hb/wh/xx' } },
  });

  it('answers true and false', async () => {
    const yes = await f.client.send(
      new TestEventPatternCommand({
        Event: event,
        EventPattern: JSON.stringify({ detail: { data: { amount: [{ numeric: ['>=', 1000] }], place: [{ prefix: 'cn/hb' }] } } }),
      }),
    );
    expect(yes.Result).toBe(true);
    const no = await f.client.send(
      new TestEventPatternCommand({
        Event: event,
        EventPattern: JSON.stringify({ detail: { data: { amount: [{ numeric: ['<', 1000] }] } } }),
      }),
    );
    expect(no.Result).toBe(false);
  });

  it('refuses an invalid pattern and an event without the envelope fields', async () => {
    await expect(
      f.client.send(new TestEventPatternCommand({ Event: event, EventPattern: '{"source":"cocreate.projects"}' })),
    ).rejects.toMatchObject({
      name: 'InvalidEventPatternException',
      message: 'Event pattern is not valid. Reason: "source" must be an object or an array at source',
    });
    await expect(
      f.client.send(new TestEventPatternCommand({ Event: '{"source":"x"}', EventPattern: '{"source":["x"]}' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      f.client.send(new TestEventPatternCommand({ Event: 'plain string', EventPattern: '{"source":["x"]}' })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: 'Parameter Event is not valid.' });
  });
});
