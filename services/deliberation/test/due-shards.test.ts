import { describe, expect, it } from 'vitest';
import type { Item, UnitOfWork } from '@cocreate/kernel';
import type { ConsentPoll } from '../domain/consent.ts';
import type { Proposal } from '../domain/proposals.ts';
import { DUE_SHARDS } from '../repos/keys.ts';
import { polls } from '../repos/polls.ts';
import { proposals } from '../repos/proposals.ts';

/** What a unit of work was asked to write. */
function written(write: (tx: UnitOfWork) => void): Item[] {
  const items: Item[] = [];
  write({ putVersioned: (item: Item) => void items.push(item) } as unknown as UnitOfWork);
  return items;
}

const id = (n: number) => `01JD7Z8Q9W3V4X5Y6Z7A8B${String(n).padStart(4, '0')}`;
const village = (n: number) => `hubei/city-${n % 10}/county-${n % 100}/town/village-${n}`;

// Only the fields the indexes are built from; the rest of a record does not decide where it is indexed.
const inNotice = (n: number) =>
  ({
    proposalId: id(n),
    village: village(n),
    submittedAt: '2026-05-01T00:00:00.000Z',
    status: 'notice',
    notice: { endsAt: '2026-05-08T00:00:00.000Z' },
  }) as unknown as Proposal;
const openPoll = (n: number) =>
  ({
    pollId: id(n),
    village: village(n),
    openedAt: '2026-05-01T00:00:00.000Z',
    status: 'open',
    closesAt: '2026-05-15T00:00:00.000Z',
  }) as unknown as ConsentPoll;

describe('the due indexes of notices and consent polls', () => {
  it.each([
    ['notices ending', /^DUE#NOTICE#\d+$/, (n: number) => written((tx) => proposals.save(tx, inNotice(n), undefined))],
    ['polls closing', /^DUE#POLL#\d+$/, (n: number) => written((tx) => polls.save(tx, openPoll(n), {}, undefined))],
  ] as const)("spread a province's %s over every shard, never one partition", (_what, key, write) => {
    const items = Array.from({ length: 200 }, (_, n) => write(n)[0]!);
    const partitions = new Set(items.map((i) => i.gsi2pk));
    for (const pk of partitions) expect(pk).toMatch(key);
    expect(partitions.size).toBe(DUE_SHARDS);
    // A record rewritten while still due stays in its shard.
    expect(write(7)[0]!.gsi2pk).toBe(items[7]!.gsi2pk);
  });

  it('takes a record out of the due index once it is no longer due', () => {
    const closed = written((tx) => polls.save(tx, { ...openPoll(1), status: 'closed' } as ConsentPoll, {}, 1))[0]!;
    expect(closed.gsi2pk).toBeUndefined();
    const decided = written((tx) => proposals.save(tx, { ...inNotice(1), status: 'final' } as unknown as Proposal, 1))[0]!;
    expect(decided.gsi2pk).toBeUndefined();
  });
});
