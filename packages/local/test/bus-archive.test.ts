import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateArchiveCommand,
  DescribeArchiveCommand,
  DescribeReplayCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { type BusFixture, entry, recorder, startBus } from './bus-fixture.ts';

/** Archives and replays through the unmodified SDK: what the feeds service uses for windows older than its log. */
let f: BusFixture;
const live = recorder();
const replayOnly = recorder();
let ruleArns: { live: string; replayOnly: string };

beforeAll(async () => {
  f = await startBus();
  const arn = (name: string) => `arn:aws:lambda:cn-north-1:123456789012:function:${name}`;
  f.bus.registerTarget(arn('live'), live.handler);
  f.bus.registerTarget(arn('replay-only'), replayOnly.handler);
  const a = await f.client.send(new PutRuleCommand({ Name: 'live', EventPattern: JSON.stringify({ source: ['cocreate.deliberation'] }) }));
  const b = await f.client.send(
    new PutRuleCommand({
      Name: 'replay-only',
      EventPattern: JSON.stringify({ source: ['cocreate.deliberation'], 'replay-name': [{ prefix: 'feeds-' }] }),
    }),
  );
  ruleArns = { live: a.RuleArn!, replayOnly: b.RuleArn! };
  await f.client.send(new PutTargetsCommand({ Rule: 'live', Targets: [{ Id: 't', Arn: arn('live') }] }));
  await f.client.send(new PutTargetsCommand({ Rule: 'replay-only', Targets: [{ Id: 't', Arn: arn('replay-only') }] }));
});

afterAll(() => f.stop());

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('archives and replays', () => {
  it('archives accepted events and replays a time window, marked with replay-name, only to the filtered rules', async () => {
    const archive = await f.client.send(
      new CreateArchiveCommand({ ArchiveName: 'all', EventSourceArn: 'arn:aws:events:cn-north-1:123456789012:event-bus/default' }),
    );
    const t = (iso: string) => new Date(iso);
    await f.client.send(
      new PutEventsCommand({
        Entries: [
          entry({ n: 1 }, { Time: t('2026-01-01T10:00:00Z') }),
          entry({ n: 2 }, { Time: t('2026-01-02T10:00:00Z') }),
          entry({ n: 3 }, { Time: t('2026-01-03T10:00:00Z') }),
        ],
      }),
    );
    await f.bus.idle();
    expect(live.inputs).toHaveLength(3);
    expect(replayOnly.inputs).toHaveLength(0);
    expect((await f.client.send(new DescribeArchiveCommand({ ArchiveName: 'all' }))).EventCount).toBe(3);

    await f.client.send(
      new StartReplayCommand({
        ReplayName: 'feeds-r1',
        EventSourceArn: archive.ArchiveArn,
        EventStartTime: t('2026-01-02T00:00:00Z'),
        EventEndTime: t('2026-01-04T00:00:00Z'),
        Destination: { Arn: 'arn:aws:events:cn-north-1:123456789012:event-bus/default', FilterArns: [ruleArns.replayOnly] },
      }),
    );
    await waitFor(() => replayOnly.inputs.length === 2);
    await f.bus.idle();
    const replayed = replayOnly.inputs as { detail: { n: number }; 'replay-name': string; id: string }[];
    expect(replayed.map((e) => e.detail.n)).toEqual([2, 3]);
    expect(replayed.every((e) => e['replay-name'] === 'feeds-r1')).toBe(true);
    // The live rule was not in FilterArns; replayed events are not archived again.
    expect(live.inputs).toHaveLength(3);
    expect((await f.client.send(new DescribeArchiveCommand({ ArchiveName: 'all' }))).EventCount).toBe(3);
    const described = await f.client.send(new DescribeReplayCommand({ ReplayName: 'feeds-r1' }));
    expect(described.State).toBe('COMPLETED');
    expect(described.EventLastReplayedTime?.toISOString()).toBe('2026-01-03T10:00:00.000Z');
  });

  it('refuses a replay to another bus and an empty window', async () => {
    const archiveArn = 'arn:aws:events:cn-north-1:123456789012:archive/all';
    await expect(
      f.client.send(
        new StartReplayCommand({
          ReplayName: 'x1',
          EventSourceArn: archiveArn,
          EventStartTime: new Date('2026-01-01'),
          EventEndTime: new Date('2026-01-02'),
          Destination: { Arn: 'arn:aws:events:cn-north-1:123456789012:event-bus/other' },
        }),
      ),
    ).rejects.toThrow(/only be replayed to the event bus/);
    await expect(
      f.client.send(
        new StartReplayCommand({
          ReplayName: 'x2',
          EventSourceArn: archiveArn,
          EventStartTime: new Date('2026-01-02'),
          EventEndTime: new Date('2026-01-02'),
          Destination: { Arn: 'arn:aws:events:cn-north-1:123456789012:event-bus/default' },
        }),
      ),
    ).rejects.toThrow(/before EventEndTime/);
  });
});
