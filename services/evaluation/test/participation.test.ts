import { describe, expect, it } from 'vitest';
import { yearEnd, yearOf } from '@cocreate/places';
import { type Counts, type Fact, COMPONENT_NAMES, factOf, participation, zeroCounts } from '../domain/participation.ts';

const v = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const id = (n: number) => `01JD7Z8Q9W3V4X5Y6Z7A8B9C${String(n).padStart(2, '0')}`;
const at = '2030-06-01T10:00:00+08:00';

/** Counts facts the way the consumers do: each fact key once per component and village-year. */
function tally(facts: (Fact | undefined)[], village: string, year: number): Counts {
  const seen = new Set<string>();
  const counts = zeroCounts();
  for (const f of facts) {
    if (!f || f.village !== village || f.year !== year) continue;
    const k = `${f.component}#${f.key}`;
    if (seen.has(k)) continue;
    seen.add(k);
    counts[f.component] += f.count;
  }
  return counts;
}

describe('the participation metric on a known event set', () => {
  const facts: (Fact | undefined)[] = [
    ...Array.from({ length: 6 }, (_, i) =>
      factOf.needRaised(
        {
          needId: id(i),
          village: v,
          place: v,
          category: 'roads',
          text: 'x',
          channel: 'online',
          raisedBy: 'p-majiaqiao-01',
          recordedBy: 'p-majiaqiao-01',
        },
        at,
      ),
    ),
    // the same need published again under another event id: counted once
    factOf.needRaised(
      {
        needId: id(0),
        village: v,
        place: v,
        category: 'roads',
        text: 'x',
        channel: 'online',
        raisedBy: 'p-majiaqiao-01',
        recordedBy: 'p-majiaqiao-01',
      },
      at,
    ),
    // a need of another year
    factOf.needRaised(
      {
        needId: id(50),
        village: v,
        place: v,
        category: 'roads',
        text: 'x',
        channel: 'online',
        raisedBy: 'p-majiaqiao-01',
        recordedBy: 'p-majiaqiao-01',
      },
      '2029-12-31T15:00:00Z',
    ),
    ...Array.from({ length: 12 }, (_, i) =>
      factOf.candidateSupported(
        { candidateId: id(1), village: v, supporter: `p-majiaqiao-${String(i + 1).padStart(2, '0')}`, total: i + 1 },
        at,
      ),
    ),
    ...Array.from({ length: 18 }, (_, i) =>
      factOf.ballotCast(
        {
          proposalId: id(2),
          village: v,
          body: 'villagers-meeting',
          step: i % 2,
          voter: `p-majiaqiao-${String((i % 9) + 1).padStart(2, '0')}`,
          channel: 'online',
        },
        at,
      ),
    ),
    factOf.discussionHeld({
      sessionId: id(3),
      village: v,
      planId: id(4),
      planVersion: 1,
      heldAt: at,
      parties: ['residents'],
      residentAttendees: ['p-majiaqiao-01', 'p-majiaqiao-02', 'p-majiaqiao-03', 'p-majiaqiao-03'],
      otherAttendees: 2,
    }),
    factOf.discussionHeld({
      sessionId: id(5),
      village: v,
      planId: id(4),
      planVersion: 2,
      heldAt: at,
      parties: ['residents'],
      residentAttendees: ['p-majiaqiao-04', 'p-majiaqiao-05', 'p-majiaqiao-06'],
      otherAttendees: 0,
    }),
    ...Array.from({ length: 4 }, (_, i) =>
      factOf.contributionRecorded({
        contributionId: id(10 + i),
        projectId: id(6),
        village: v,
        household: `${v}/g1/h01`,
        kind: 'labour',
        value: 100,
        paid: false,
        contributedOn: '2030-05-12',
      }),
    ),
    ...Array.from({ length: 2 }, (_, i) =>
      factOf.spaceAdopted({
        spaceId: id(20 + i),
        village: v,
        spaceKind: 'green-plot',
        adopter: { kind: 'household', id: `${v}/g1/h03` },
        person: 'p-majiaqiao-03',
        adoptedOn: '2030-03-01',
      }),
    ),
    ...Array.from({ length: 5 }, (_, i) =>
      factOf.upkeepLogged({
        upkeepId: id(30 + i),
        spaceId: id(20),
        village: v,
        person: 'p-majiaqiao-03',
        loggedAt: at,
        hasEvidence: false,
      }),
    ),
    ...Array.from({ length: 3 }, (_, i) =>
      factOf.reviewSubmitted(
        { reviewId: id(7), responseId: id(40 + i), village: v, purpose: 'satisfaction', reviewer: 'p-majiaqiao-01' },
        at,
        v,
      ),
    ),
    // a juror from elsewhere scoring this village is not this village participating
    factOf.reviewSubmitted(
      { reviewId: id(7), responseId: id(45), village: v, purpose: 'competition', reviewer: 'county-1' },
      at,
      undefined,
    ),
  ];

  it('counts each fact once, in its year', () => {
    expect(tally(facts, v, 2030)).toEqual({
      needsRaised: 6,
      supports: 12,
      ballots: 18,
      discussionAttendance: 6,
      contributions: 4,
      adoptions: 2,
      upkeep: 5,
      reviews: 3,
    });
    expect(tally(facts, v, 2029).needsRaised).toBe(1);
  });

  it('normalises per household, weights the components and derives the four KPIs', () => {
    const out = participation(tally(facts, v, 2030), 12);
    // 3×6 + 1×12 + 1×18 + 2×6 + 3×4 + 3×2 + 1×5 + 2×3 = 89; 89 / 12 = 7.4166…
    expect(out.weightedCount).toBe(89);
    expect(out.score).toBe(7.42);
    expect(out.components).toEqual({
      needsRaised: { count: 6, perHousehold: 0.5 },
      supports: { count: 12, perHousehold: 1 },
      ballots: { count: 18, perHousehold: 1.5 },
      discussionAttendance: { count: 6, perHousehold: 0.5 },
      contributions: { count: 4, perHousehold: 0.33 },
      adoptions: { count: 2, perHousehold: 0.17 },
      upkeep: { count: 5, perHousehold: 0.42 },
      reviews: { count: 3, perHousehold: 0.25 },
    });
    // 共谋 60/12 = 5 of 10 → 50; 共建 12/12 = 1 of 6 → 16.7; 共管 11/12 of 6 → 15.3; 共评 6/12 of 4 → 12.5
    expect(out.kpis).toEqual({ deliberationDepth: 50, buildResults: 16.7, managementMechanism: 15.3, evaluationResponse: 12.5 });
  });

  it('caps KPIs at 100 and scores 0 for a village without households', () => {
    const many = { ...zeroCounts(), reviews: 100 };
    expect(participation(many, 2).kpis.evaluationResponse).toBe(100);
    const none = participation(many, 0);
    expect(none.score).toBe(0);
    expect(none.kpis).toEqual({ deliberationDepth: 0, buildResults: 0, managementMechanism: 0, evaluationResponse: 0 });
    expect(Object.keys(none.components)).toEqual(COMPONENT_NAMES);
  });
});

describe('the year a fact belongs to (China time)', () => {
  it('reads dates as they are and instants in UTC+8', () => {
    expect(yearOf('2030-12-31')).toBe(2030);
    expect(yearOf('2030-12-31T15:59:59Z')).toBe(2030);
    expect(yearOf('2030-12-31T16:00:00Z')).toBe(2031);
    expect(yearOf('2031-01-01T00:00:00+08:00')).toBe(2031);
    expect(yearEnd(2030)).toBe('2030-12-31T16:00:00.000Z');
    expect(() => yearOf('not a date')).toThrow();
  });
});
