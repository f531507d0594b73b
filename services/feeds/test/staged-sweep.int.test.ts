import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { NeedRaised } from '@cocreate/contracts';
import { newId, resourceNames } from '@cocreate/kernel';
import { LocalApi, eventually } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { stagedEntryOf } from '../domain/log.ts';
import { keys } from '../repos/keys.ts';
import { pullEventsRoute } from '../handlers/feed.ts';
import { raiseNeed, registerAgency, runDeliver, stack, subscribe, uniqueText } from './support.ts';

const api = new LocalApi(stack().url);
const doc = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: stack().dynamodb, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
);
const TableName = resourceNames.table('feeds');

describe('an event a dispatcher staged and never appended (it died between the two)', () => {
  it('is appended to its county’s log by the delivery job’s scheduled run, and read by pull subscribers in order', async () => {
    const marker = uniqueText('swept');
    const county = await registerAgency(api, demo.hongan, 'hongan-sweep');
    await subscribe(api, county, { pattern: { detail: { data: { text: [{ prefix: marker }] } } }, delivery: { mode: 'pull' } });
    // An event dispatched whole first: the county's log and its root exist, as in any county that has had events.
    const before = await raiseNeed(demo.majiaqiao, `${marker} before`);
    const readIds = async () => {
      const res = await api.call(pullEventsRoute, { query: { limit: 50 } }, { as: county.as });
      expect(res.status).toBe(200);
      return res.body.items.map((i: { id: string }) => i.id) as string[];
    };
    await eventually(async () => (await readIds()).includes(before), 30_000, 'the dispatched event in the pull feed');

    // What a dispatcher leaves when it dies after staging: the stage item, no log entry, no pointer.
    const id = newId();
    const occurredAt = new Date().toISOString();
    const entry = stagedEntryOf(
      {
        meta: {
          id,
          type: NeedRaised.type,
          version: NeedRaised.version,
          source: NeedRaised.source,
          occurredAt,
          place: `${demo.majiaqiao}/g1`,
          actor: { sub: 'test:deliberation' },
          correlationId: `test-${id}`,
          causationId: null,
        },
        data: NeedRaised.data.parse({
          ...NeedRaised.example,
          needId: newId(),
          village: demo.majiaqiao,
          place: `${demo.majiaqiao}/g1`,
          text: `${marker} staged`,
        }),
      },
      new Date(),
    );
    const staged = keys.staged(entry.root, entry.eventId);
    await doc.send(new PutCommand({ TableName, Item: { ...staged, ...entry } }));
    expect(await readIds()).not.toContain(id);

    // The run the schedule makes (the local endpoint runs a job as its schedule does) sweeps the stages.
    const summary = await runDeliver(api);
    expect(summary).toHaveProperty('sequencedBySweep');
    expect(await readIds()).toEqual([before, id]);
    const left = await doc.send(new GetCommand({ TableName, Key: staged, ConsistentRead: true }));
    expect(left.Item).toBeUndefined();
    // Its pointer says where it was appended: after the event dispatched before it.
    const pointer = await doc.send(new GetCommand({ TableName, Key: keys.pointer(id), ConsistentRead: true }));
    const earlier = await doc.send(new GetCommand({ TableName, Key: keys.pointer(before), ConsistentRead: true }));
    expect(pointer.Item!.seq as number).toBeGreaterThan(earlier.Item!.seq as number);
  });
});
