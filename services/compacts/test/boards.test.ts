import { describe, expect, it } from 'vitest';
import { maskName } from '@cocreate/places';
import { type Board, type BoardInputs, RED_MAX_ENTRIES, computeRedBlackLists, periodEnded, publicBoard } from '../domain/boards.ts';

const v = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const h = (n: number) => `${v}/g${n <= 6 ? 1 : 2}/h${String(n).padStart(2, '0')}`;
const head = (n: number) => `p-majiaqiao-${String(n).padStart(2, '0')}`;
const households = [1, 2, 3, 4, 5, 6].map((n) => ({ path: h(n), head: head(n) }));

/** The known data set of the README's worked example (October 2026, six households). */
const known: BoardInputs = {
  from: '2026-10-01',
  to: '2026-10-31',
  households,
  inspections: [
    {
      conductedOn: '2026-10-05',
      results: [
        { household: h(1), outcome: 'pass' },
        { household: h(1), outcome: 'pass' },
        { household: h(2), outcome: 'pass' },
        { household: h(3), outcome: 'fail' },
        { household: h(4), outcome: 'pass' },
        { household: h(5), outcome: 'fail' },
      ],
    },
    {
      conductedOn: '2026-10-20',
      results: [
        { household: h(1), outcome: 'pass' },
        { household: h(2), outcome: 'pass' },
        { household: h(3), outcome: 'fail' },
        { household: h(4), outcome: 'pass' },
        { household: h(6), outcome: 'pass' },
      ],
    },
    { conductedOn: '2026-09-30', results: [{ household: h(5), outcome: 'pass' }] }, // before the period
    { conductedOn: '2026-11-01', results: [{ household: h(3), outcome: 'pass' }] }, // after it
  ],
  violations: [
    { household: h(4), occurredOn: '2026-10-10', status: 'recorded', handling: { pointsDeduction: 5 } },
    {
      household: h(5),
      occurredOn: '2026-10-15',
      status: 'upheld',
      handling: { pointsDeduction: 10, publicListing: true, rectificationDays: 3 },
      rectification: { status: 'overdue' },
    },
    { household: h(6), occurredOn: '2026-10-16', status: 'overturned', handling: { publicListing: true } },
    { household: h(2), occurredOn: '2026-10-17', status: 'appealed', handling: { publicListing: true } },
    { household: h(1), occurredOn: '2026-09-28', status: 'recorded', handling: { publicListing: true } },
  ],
  upkeep: [
    { household: h(1), loggedOn: '2026-10-02' },
    { household: h(1), loggedOn: '2026-10-02' },
    { household: h(1), loggedOn: '2026-10-03' },
    { household: h(2), loggedOn: '2026-10-04' },
    { household: h(2), loggedOn: '2026-10-05' },
    { household: h(2), loggedOn: '2026-10-06' },
    { household: h(6), loggedOn: '2026-10-07' },
    { household: h(6), loggedOn: '2026-11-01' },
    { household: 'hubei/huanggang/hongan/qiliping/changsheng/g1/h01', loggedOn: '2026-10-08' },
    { loggedOn: '2026-10-09' },
  ],
};

describe('red/black list rule red-black-v1 on a known data set', () => {
  const lists = computeRedBlackLists(known);

  it('puts households 1 and 2 on the red list, best first', () => {
    expect(lists.rule).toBe('red-black-v1');
    expect(lists.red.map((t) => [t.household, t.person, t.score])).toEqual([
      [h(1), head(1), 8], // 3 passes ×2 + 2 upkeep days
      [h(2), head(2), 7], // 2 passes ×2 + 3 upkeep days; its appeal is pending, so the violation does not count yet
    ]);
    expect(lists.red[0]).toMatchObject({ passes: 3, fails: 0, violations: 0, upkeepDays: 2 });
  });

  it('puts households 5 and 3 on the black list, worst first, with the reasons', () => {
    expect(lists.black.map((t) => [t.household, t.score, t.reasons])).toEqual([
      [h(5), -13, ['publicly-listed-violation', 'overdue-rectification']], // 1 fail, 1 listed violation, overdue
      [h(3), -6, ['repeated-inspection-failures']], // 2 fails (the pass on 1 Nov is outside the period)
    ]);
  });

  it('leaves off household 4 (an unlisted violation) and household 6 (score 3, below the red bar; its violation was overturned)', () => {
    const named = [...lists.red, ...lists.black].map((t) => t.household);
    expect(named).not.toContain(h(4));
    expect(named).not.toContain(h(6));
  });

  it('is a pure function: same data, same lists; input order does not matter', () => {
    const shuffled = {
      ...known,
      inspections: [...known.inspections].reverse(),
      violations: [...known.violations].reverse(),
      upkeep: [...known.upkeep].reverse(),
    };
    expect(computeRedBlackLists(shuffled)).toEqual(lists);
  });

  it('takes at most 10 on the red list, ties by household path; score exactly 4 qualifies, 3 does not', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ path: h(i + 1), head: head(i + 1) }));
    const twoPasses = many.map((x) => ({
      conductedOn: '2026-10-05',
      results: [
        { household: x.path, outcome: 'pass' as const },
        { household: x.path, outcome: 'pass' as const },
      ],
    }));
    const out = computeRedBlackLists({
      from: '2026-10-01',
      to: '2026-10-31',
      households: many,
      inspections: twoPasses,
      violations: [],
      upkeep: [],
    });
    expect(out.red).toHaveLength(RED_MAX_ENTRIES);
    expect(out.red.map((t) => t.household)).toEqual(many.slice(0, 10).map((x) => x.path));
    const three = computeRedBlackLists({
      from: '2026-10-01',
      to: '2026-10-31',
      households: many.slice(0, 1),
      inspections: [{ conductedOn: '2026-10-05', results: [{ household: h(1), outcome: 'pass' }] }],
      violations: [],
      upkeep: [{ household: h(1), loggedOn: '2026-10-05' }],
    });
    expect(three.red).toEqual([]);
  });

  it('one failure alone puts nobody on the black list; two do', () => {
    const one = computeRedBlackLists({
      ...known,
      inspections: [{ conductedOn: '2026-10-05', results: [{ household: h(1), outcome: 'fail' }] }],
      violations: [],
      upkeep: [],
    });
    expect(one.black).toEqual([]);
    expect(one.red).toEqual([]);
  });
});

describe('the public board', () => {
  const lists = computeRedBlackLists(known);
  const board: Board = {
    village: v,
    period: '2026-10',
    from: '2026-10-01',
    to: '2026-10-31',
    ...lists,
    publishedAt: '2026-11-02T00:00:00.000Z',
    publishedBy: 'p-majiaqiao-01',
  };
  const names: Record<string, string> = { [head(1)]: '王建国', [head(2)]: '李丽', [head(3)]: '张明', [head(5)]: '欧阳春花' };
  const view = publicBoard(
    board,
    '马家桥村',
    (household, person) => ({ name: names[person]!, group: household.includes('/g1/') ? '1组' : '2组' }),
    maskName,
  );

  it('shows ranks, masked names and groups, never ids or paths', () => {
    expect(view.red).toEqual([
      { rank: 1, name: '王*国', group: '1组', score: 8 },
      { rank: 2, name: '李*', group: '1组', score: 7 },
    ]);
    expect(view.black.map((e) => [e.rank, e.name, e.reasons])).toEqual([
      [1, '欧**花', ['publicly-listed-violation', 'overdue-rectification']],
      [2, '张*', ['repeated-inspection-failures']],
    ]);
    const text = JSON.stringify(view);
    expect(text).not.toContain('p-majiaqiao');
    expect(text).not.toContain('/g1/h');
    expect(text).not.toContain('王建国');
  });

  it('is published only for a period that has ended', () => {
    expect(periodEnded('2026-10-31', '2026-10-31')).toBe(false);
    expect(periodEnded('2026-10-31', '2026-11-01')).toBe(true);
  });
});
