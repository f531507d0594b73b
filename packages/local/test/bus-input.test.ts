/**
 * What targets receive: the event, a constant Input, an InputPath selection, or an InputTransformer rendering —
 * the examples of "Amazon EventBridge input transformation" plus its predefined variables and edge cases.
 */
import { PutEventsCommand, PutRuleCommand, PutTargetsCommand, type Target } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, REGION, recorder, startBus, type BusFixture } from './bus-fixture.ts';

let f: BusFixture;
beforeAll(async () => {
  f = await startBus();
});
afterAll(async () => {
  await f.stop();
});

/** The user guide's EC2 example event, under a source customers may publish. */
const detail = { 'instance-id': 'i-0123456789', state: 'RUNNING', count: 3, items: [{ id: 'a' }, { id: 'b' }] };
const time = new Date('2015-11-11T21:29:54Z');
const pathsMap = { timestamp: '$.time', instance: '$.detail.instance-id', state: '$.detail.state' };

let ruleCount = 0;

/** Puts a rule with one target configured by `settings`, sends the example event and returns what the target got. */
async function deliveredWith(settings: Partial<Target>): Promise<unknown> {
  const rule = `example-${++ruleCount}`;
  const arn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${rule}`;
  const target = recorder();
  f.bus.registerTarget(arn, target.handler);
  await f.client.send(new PutRuleCommand({ Name: rule, EventPattern: JSON.stringify({ detail: { rule: [rule] } }) }));
  await f.client.send(new PutTargetsCommand({ Rule: rule, Targets: [{ Id: 't', Arn: arn, ...settings }] }));
  await f.client.send(
    new PutEventsCommand({
      Entries: [
        {
          Source: 'cocreate.example',
          DetailType: 'EC2 Instance State-change Notification',
          Time: time,
          Resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
          Detail: JSON.stringify({ ...detail, rule }),
        },
      ],
    }),
  );
  await f.bus.idle();
  expect(target.inputs).toHaveLength(1);
  return target.inputs[0];
}

const transformer = (InputTemplate: string, InputPathsMap: Record<string, string> = pathsMap): Partial<Target> => ({
  InputTransformer: { InputTemplate, InputPathsMap },
});

describe('input settings', () => {
  it('delivers the whole event by default', async () => {
    const input = (await deliveredWith({})) as Record<string, unknown>;
    expect(input).toMatchObject({ version: '0', source: 'cocreate.example', time: '2015-11-11T21:29:54Z' });
    expect(input.detail).toMatchObject(detail);
  });

  it('delivers a constant Input as JSON', async () => {
    expect(await deliveredWith({ Input: '{"job":"recount","dryRun":false}' })).toEqual({ job: 'recount', dryRun: false });
  });

  it('delivers the part InputPath selects', async () => {
    expect(await deliveredWith({ InputPath: '$.detail.items[1]' })).toEqual({ id: 'b' });
    expect(await deliveredWith({ InputPath: '$.detail.state' })).toBe('RUNNING');
    expect(await deliveredWith({ InputPath: '$.detail.nothing' })).toBeNull();
  });
});

describe('InputTransformer (user guide examples)', () => {
  it('fills a simple string', async () => {
    expect(await deliveredWith(transformer('"instance <instance> is in <state>"'))).toBe('instance i-0123456789 is in RUNNING');
  });

  it('fills simple JSON, quoting string values', async () => {
    expect(await deliveredWith(transformer('{"instance" : <instance>, "state": <state>}'))).toEqual({
      instance: 'i-0123456789',
      state: 'RUNNING',
    });
  });

  it('fills JSON with strings and variables, inserting raw text inside strings', async () => {
    const template = '{"instance": <instance>, "state": "<state>", "instanceStatus": "instance \\"<instance>\\" is in <state>"}';
    expect(await deliveredWith(transformer(template))).toEqual({
      instance: 'i-0123456789',
      state: 'RUNNING',
      instanceStatus: 'instance "i-0123456789" is in RUNNING',
    });
  });

  it('fills JSON that mixes variables and static information', async () => {
    expect(await deliveredWith(transformer('{"instance": <instance>, "state": [9, <state>, true], "Transformed": "Yes"}'))).toEqual({
      instance: 'i-0123456789',
      state: [9, 'RUNNING', true],
      Transformed: 'Yes',
    });
  });

  it('provides the predefined variables', async () => {
    const template =
      '{"ruleArn": <aws.events.rule-arn>, "ruleName": <aws.events.rule-name>, "ingested": <aws.events.event.ingestion-time>, ' +
      '"original": <aws.events.event>, "full": <aws.events.event.json>}';
    const input = (await deliveredWith(transformer(template, {}))) as Record<string, Record<string, unknown>>;
    const ruleName = `example-${ruleCount}`;
    expect(input.ruleArn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:rule/${ruleName}`);
    expect(input.ruleName).toBe(ruleName);
    expect(String(input.ingested)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // aws.events.event is the event without its detail; aws.events.event.json is all of it.
    expect(input.original).toEqual({
      version: '0',
      id: input.full?.id,
      'detail-type': 'EC2 Instance State-change Notification',
      source: 'cocreate.example',
      account: ACCOUNT,
      time: '2015-11-11T21:29:54Z',
      region: REGION,
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
    });
    expect(input.full?.detail).toEqual({ ...detail, rule: ruleName });
  });

  it('uses predefined variables inside a string', async () => {
    expect(await deliveredWith(transformer('"<aws.events.rule-name> triggered"', {}))).toBe(`example-${ruleCount} triggered`);
  });

  it('delivers a template that is not JSON as text', async () => {
    expect(await deliveredWith(transformer('<instance> is in state <state>'))).toBe('i-0123456789 is in state RUNNING');
  });
});

describe('InputTransformer edge cases', () => {
  it('renders the suite subscription template with the whole event', async () => {
    const input = (await deliveredWith(transformer('{"subscription":"need-raised","event":<aws.events.event.json>}', {}))) as {
      subscription: string;
      event: { detail: Record<string, unknown> };
    };
    expect(input.subscription).toBe('need-raised');
    expect(input.event.detail).toEqual({ ...detail, rule: `example-${ruleCount}` });
  });

  it('inserts numbers, arrays and wildcard selections as JSON', async () => {
    const paths = { count: '$.detail.count', ids: '$.detail.items[*].id', first: '$.resources[0]' };
    expect(await deliveredWith(transformer('{"count": <count>, "ids": <ids>, "first": <first>, "text": "n=<count>"}', paths))).toEqual({
      count: 3,
      ids: ['a', 'b'],
      first: 'arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111',
      text: 'n=3',
    });
  });

  it('renders a variable whose path selects nothing as "" inside strings and null elsewhere', async () => {
    const paths = { missing: '$.detail.nothing', state: '$.detail.state' };
    expect(await deliveredWith(transformer('{"a": <missing>, "b": "[<missing>]", "c": <state>}', paths))).toEqual({
      a: null,
      b: '[]',
      c: 'RUNNING',
    });
  });

  it('leaves placeholders that name no variable alone', async () => {
    expect(await deliveredWith(transformer('"<b>bold</b> <state>"', { state: '$.detail.state' }))).toBe('<b>bold</b> RUNNING');
  });

  it('refuses reserved variable names, invalid paths and Input that is not JSON', async () => {
    await f.client.send(new PutRuleCommand({ Name: 'refusals', EventPattern: '{"source":["x"]}' }));
    const put = (settings: Partial<Target>) =>
      f.client.send(new PutTargetsCommand({ Rule: 'refusals', Targets: [{ Id: 't', Arn: 'arn:x', ...settings }] }));
    await expect(put(transformer('"<aws.events.rule-name>"', { 'aws.events.rule-name': '$.source' }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(put(transformer('"<x>"', { x: 'detail.state' }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(put({ InputPath: '$..detail' })).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(put({ Input: '{not json' })).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
