import { describe, expect, it } from 'vitest';
import { Restriction, permits, planAllocation, planHold } from '../domain/funds.ts';

const P = '01PPPPPPPPPPPPPPPPPPPPPPPP';
const Q = '01QQQQQQQQQQQQQQQQQQQQQQQQ';
const roadsProject = { projectId: P, category: 'roads' as const };
const S = (n: number) => `01SSSSSSSSSSSSSSSSSSSSSSS${n}`;

describe('purpose restrictions (用途不变)', () => {
  it('let unrestricted money pay for anything', () => {
    expect(permits(undefined, roadsProject)).toBe(true);
  });

  it('hold categories and named projects, both when both are given', () => {
    expect(permits({ categories: ['roads', 'water'] }, roadsProject)).toBe(true);
    expect(permits({ categories: ['lighting'] }, roadsProject)).toBe(false);
    expect(permits({ projects: [P] }, roadsProject)).toBe(true);
    expect(permits({ projects: [Q] }, roadsProject)).toBe(false);
    expect(permits({ categories: ['roads'], projects: [Q] }, roadsProject)).toBe(false);
    expect(permits({ categories: ['lighting'], projects: [P] }, roadsProject)).toBe(false);
  });

  it('must name something', () => {
    expect(Restriction().safeParse({}).success).toBe(false);
    expect(Restriction().safeParse({ categories: [] }).success).toBe(false);
    expect(Restriction().safeParse({ categories: ['roads'] }).success).toBe(true);
  });
});

describe('allocation', () => {
  const pool = [
    { sourceId: S(1), source: 'fiscal-award' as const, restriction: { categories: ['lighting' as const] }, balance: 5000 },
    { sourceId: S(2), source: 'township-subsidy' as const, balance: 3000 },
    { sourceId: S(3), source: 'self-raised' as const, restriction: { projects: [P] }, balance: 2000 },
    { sourceId: S(4), source: 'self-raised' as const, restriction: { projects: [Q] }, balance: 9000 },
  ];
  const base = { budget: 100_000, allocatedSoFar: 0, project: roadsProject, sources: pool };

  it('refuses money named for a forbidden purpose', () => {
    expect(planAllocation({ ...base, amount: 1000, explicit: [{ sourceId: S(1), amount: 1000 }] })).toEqual({
      refused: 'restricted-source',
      detail: { sourceIds: [S(1)] },
    });
    expect(planAllocation({ ...base, amount: 1000, explicit: [{ sourceId: S(4), amount: 1000 }] })).toEqual({
      refused: 'restricted-source',
      detail: { sourceIds: [S(4)] },
    });
  });

  it('picks only the sources that allow the project, oldest first', () => {
    expect(planAllocation({ ...base, amount: 4000 })).toEqual({
      draws: [
        { sourceId: S(2), amount: 3000 },
        { sourceId: S(3), amount: 1000 },
      ],
    });
    // 5000 + 9000 restricted elsewhere do not count.
    expect(planAllocation({ ...base, amount: 5001 })).toEqual({ refused: 'insufficient-pool', detail: { available: 5000 } });
  });

  it('never allocates beyond the budget', () => {
    expect(planAllocation({ ...base, budget: 10_000, allocatedSoFar: 8_000, amount: 2_001 })).toEqual({
      refused: 'over-budget',
      detail: { room: 2_000 },
    });
    expect(planAllocation({ ...base, budget: 10_000, allocatedSoFar: 8_000, amount: 2_000 })).toMatchObject({
      draws: [{ sourceId: S(2), amount: 2000 }],
    });
  });

  it('checks named sources exist, hold enough and add up', () => {
    expect(planAllocation({ ...base, amount: 100, explicit: [{ sourceId: S(9), amount: 100 }] })).toEqual({
      refused: 'unknown-source',
      detail: { sourceIds: [S(9)] },
    });
    expect(planAllocation({ ...base, amount: 3001, explicit: [{ sourceId: S(2), amount: 3001 }] })).toEqual({
      refused: 'insufficient-source',
      detail: { sourceId: S(2), balance: 3000 },
    });
    expect(planAllocation({ ...base, amount: 100, explicit: [{ sourceId: S(2), amount: 99 }] })).toEqual({
      refused: 'sources-do-not-add-up',
      detail: { total: 99 },
    });
    expect(
      planAllocation({
        ...base,
        amount: 3500,
        explicit: [
          { sourceId: S(2), amount: 3000 },
          { sourceId: S(3), amount: 500 },
        ],
      }),
    ).toEqual({
      draws: [
        { sourceId: S(2), amount: 3000 },
        { sourceId: S(3), amount: 500 },
      ],
    });
  });

  it('names each source once, before anything else is judged', () => {
    const twice = [
      { sourceId: S(2), amount: 1000 },
      { sourceId: S(2), amount: 1000 },
    ];
    expect(planAllocation({ ...base, amount: 2000, explicit: twice })).toEqual({ refused: 'duplicate-source' });
    // Even when the amount would also break the budget.
    expect(planAllocation({ ...base, budget: 1000, amount: 2000, explicit: twice })).toEqual({ refused: 'duplicate-source' });
  });

  it('caps the sources of one posting', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      sourceId: `01SSSSSSSSSSSSSSSSSSSSSS${String(i).padStart(2, '0')}`,
      source: 'self-raised' as const,
      balance: 1,
    }));
    expect(planAllocation({ ...base, sources: many, amount: 25 })).toEqual({ refused: 'too-many-sources', detail: { max: 20 } });
  });
});

describe('holding money for a disbursement', () => {
  it('takes from the project’s allocations oldest first, re-checking restrictions', () => {
    const allocations = [
      { sourceId: S(2), source: 'township-subsidy' as const, balance: 50 },
      { sourceId: S(1), source: 'fiscal-award' as const, restriction: { categories: ['lighting' as const] }, balance: 1000 },
      { sourceId: S(3), source: 'self-raised' as const, balance: 80 },
    ];
    expect(planHold(100, roadsProject, allocations)).toEqual({
      draws: [
        { sourceId: S(2), amount: 50 },
        { sourceId: S(3), amount: 50 },
      ],
    });
    expect(planHold(131, roadsProject, allocations)).toEqual({
      refused: 'insufficient-allocation',
      detail: { available: 130, requested: 131 },
    });
  });
});
