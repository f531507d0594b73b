import { describe, expect, it } from 'vitest';
import type { Item, Table, UnitOfWork } from '@cocreate/kernel';
import type { Delivery } from '../domain/deliveries.ts';
import { DUE_SHARDS, deliveries } from '../repos/deliveries.ts';

const now = new Date('2026-06-01T08:00:00.000Z');

const pending = (n: number): Delivery => ({
  deliveryId: `01JD7Z8Q9W3V4X5Y6Z7A8B${String(n).padStart(4, '0')}`,
  subscriptionId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0S',
  agencyId: 'audit-hongan',
  eventId: `01JD7Z8Q9W3V4X5Y6Z7A8B${String(n).padStart(4, '0')}`,
  eventType: 'FundsDisbursed',
  eventVersion: 1,
  place: `hubei/huanggang/county-${n % 100}`,
  occurredAt: now.toISOString(),
  status: 'pending',
  attempts: 0,
  createdAt: now.toISOString(),
  // Spread over the hour before and after `now`.
  nextAttemptAt: new Date(now.getTime() + (((n * 37) % 120) - 60) * 60_000).toISOString(),
  redrives: 0,
  history: [],
  version: 1,
});

/** What a unit of work was asked to write. */
function written(write: (tx: UnitOfWork) => void): Item[] {
  const items: Item[] = [];
  write({ put: (item: Item) => void items.push(item) } as unknown as UnitOfWork);
  return items;
}

/** The due index as DynamoDB would answer a query on one partition: sort-key order, up to `limit`. */
function indexOf(items: Item[]): Table {
  return {
    query: async ({ index, pk, sk, limit }: { index: string; pk: string; sk: { lte: string }; limit: number }) => ({
      items: items
        .filter((i) => index === 'gsi1' && i.gsi1pk === pk && String(i.gsi1sk) <= sk.lte)
        .sort((a, b) => String(a.gsi1sk).localeCompare(String(b.gsi1sk)))
        .slice(0, limit),
    }),
  } as unknown as Table;
}

describe('the due index of pending deliveries', () => {
  const many = Array.from({ length: 400 }, (_, n) => pending(n));
  const items = many.flatMap((d) => written((tx) => deliveries.save(tx, d, undefined, now, 'retry')));

  it("spreads a province's pending deliveries over every shard, never one partition", () => {
    const partitions = new Set(items.map((i) => i.gsi1pk));
    for (const pk of partitions) expect(pk).toMatch(/^DUE#\d+$/);
    expect(partitions.size).toBe(DUE_SHARDS);
  });

  it('hands the job the earliest due deliveries across all shards, and none that are not due yet', async () => {
    const due = many.filter((d) => Date.parse(d.nextAttemptAt!) <= now.getTime());
    const earliest = [...due]
      .sort((a, b) =>
        `${a.nextAttemptAt}#${a.subscriptionId}#${a.deliveryId}`.localeCompare(`${b.nextAttemptAt}#${b.subscriptionId}#${b.deliveryId}`),
      )
      .map((d) => ({ subscriptionId: d.subscriptionId, deliveryId: d.deliveryId }));
    expect(await deliveries.due(indexOf(items), now, 50)).toEqual(earliest.slice(0, 50));
    expect(await deliveries.due(indexOf(items), now, 1000)).toEqual(earliest);
  });

  it('takes a delivery out of the index once it is no longer pending', () => {
    const delivered = written((tx) => deliveries.save(tx, { ...pending(1), status: 'delivered' }, 1, now, 'retry'))[0]!;
    expect(delivered.gsi1pk).toBeUndefined();
  });
});
