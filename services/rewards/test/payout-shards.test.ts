import { describe, expect, it } from 'vitest';
import type { Item, Table, UnitOfWork } from '@cocreate/kernel';
import type { Round } from '../domain/rounds.ts';
import { SHARDS } from '../repos/keys.ts';
import { rounds } from '../repos/rounds.ts';

const round = (n: number): Round => ({
  roundId: `01JD7Z8Q9W3V4X5Y6Z7A8B${String(n).padStart(4, '0')}`,
  scope: 'hubei/huanggang/hongan',
  title: `round ${n}`,
  budget: 100_000,
  applicantKind: 'village',
  kpiYear: 2026,
  deadline: '2026-06-01T00:00:00.000Z',
  weights: {} as Round['weights'],
  rule: {} as Round['rule'],
  status: 'published',
  openedBy: 'u-1',
  openedAt: '2026-05-01T00:00:00.000Z',
  applications: 3,
  publishedAt: `2026-06-${String(1 + (n % 28)).padStart(2, '0')}T00:00:00.000Z`,
  payout: { due: 3, paid: 0 },
});

/** What a unit of work was asked to write. */
function written(write: (tx: UnitOfWork) => void): Item[] {
  const items: Item[] = [];
  write({ putVersioned: (item: Item) => void items.push(item) } as unknown as UnitOfWork);
  return items;
}

describe('rounds waiting for payout', () => {
  const many = Array.from({ length: 100 }, (_, n) => round(n));
  const items = many.flatMap((r) => written((tx) => rounds.write(tx, r, undefined, true)));

  it("spread over every shard of the index, so a province's rounds never share one partition", () => {
    const partitions = new Set(items.map((i) => i.gsi2pk));
    for (const pk of partitions) expect(pk).toMatch(/^PAYOUTS#\d+$/);
    expect(partitions.size).toBe(SHARDS);
    // The same round always lands on the same shard, so a rewrite moves nothing.
    expect(written((tx) => rounds.write(tx, many[7]!, 1, true))[0]!.gsi2pk).toBe(items[7]!.gsi2pk);
  });

  it('are all found again, from every shard, earliest published first', async () => {
    const table = {
      queryAll: async ({ index, pk }: { index: string; pk: string }) => items.filter((i) => index === 'gsi2' && i.gsi2pk === pk),
    } as unknown as Table;
    const expected = [...many].sort((a, b) => `${a.publishedAt}#${a.roundId}`.localeCompare(`${b.publishedAt}#${b.roundId}`));
    expect(await rounds.payoutsPending(table)).toEqual(expected.map((r) => r.roundId));
  });

  it('leave the index once nothing is left to pay', () => {
    expect(written((tx) => rounds.write(tx, round(1), 1, false))[0]!.gsi2pk).toBeUndefined();
  });
});
