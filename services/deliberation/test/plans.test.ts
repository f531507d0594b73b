import { describe, expect, it } from 'vitest';
import { type PlanVersion, checkDiscussedVersion, checkPlanContent, revise, sortAttendees } from '../domain/plans.ts';

const village = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const now = new Date('2026-03-01T02:00:00.000Z');
const v1: PlanVersion = {
  planId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0E',
  version: 1,
  village,
  title: '村口道路硬化',
  description: '硬化 400 米道路',
  category: 'roads',
  builder: 'cooperative',
  budget: 48_000_000,
  beneficiaries: [`${village}/g1/h01`],
  place: `${village}/g1`,
  createdAt: now.toISOString(),
  createdBy: 'p-majiaqiao-01',
};

describe('plan versions', () => {
  it('a discussion yields the next version: the revision over the discussed one', () => {
    const v2 = revise(
      v1,
      { budget: 52_000_000, builder: 'contractor', contractor: '红安县路桥公司', changeNote: '增加排水沟' },
      'S1',
      'p-majiaqiao-02',
      now,
    );
    expect(v2).toMatchObject({
      version: 2,
      budget: 52_000_000,
      builder: 'contractor',
      contractor: '红安县路桥公司',
      title: v1.title,
      sessionId: 'S1',
      changeNote: '增加排水沟',
    });
    expect(v1.version).toBe(1); // kept as it was
  });

  it('a plan stays in its village and benefits households of it', () => {
    const villageOf = (p: string) => (p.startsWith(village) ? village : undefined);
    const isHousehold = (p: string) => /\/h\d\d$/.test(p);
    expect(checkPlanContent(v1, village, villageOf, isHousehold)).toBeUndefined();
    expect(checkPlanContent({ ...v1, place: 'hubei/huanggang/macheng' }, village, villageOf, isHousehold)).toEqual({
      refused: 'place-outside-village',
      pointer: '/place',
    });
    expect(checkPlanContent({ ...v1, beneficiaries: [`${village}/g1/h01`, `${village}/g1`] }, village, villageOf, isHousehold)).toEqual({
      refused: 'beneficiary-not-a-household',
      pointer: '/beneficiaries/1',
    });
  });
});

describe('three-party attendance', () => {
  const villageOf = (id: string) => (id.startsWith('p-majiaqiao') ? village : id.startsWith('p-') ? 'elsewhere' : undefined);

  it('needs government, society and residents; residents of the village are named, others counted', () => {
    const r = sortAttendees(
      [
        { name: '镇干部', party: 'government', organisation: '七里坪镇' },
        { name: '规划师', party: 'society' },
        { person: 'p-majiaqiao-04', party: 'residents' },
        { person: 'p-majiaqiao-04', party: 'residents' },
        { person: 'p-fengshu-04', party: 'residents' },
      ],
      village,
      villageOf,
    );
    expect(r).toEqual({ parties: ['government', 'society', 'residents'], residentAttendees: ['p-majiaqiao-04'], otherAttendees: 3 });
  });

  it('refuses a session without all three parties, or with an unknown person', () => {
    expect(
      sortAttendees(
        [
          { person: 'p-majiaqiao-04', party: 'residents' },
          { name: 'x', party: 'government' },
        ],
        village,
        villageOf,
      ),
    ).toMatchObject({ refused: 'parties-missing' });
    expect(sortAttendees([{ person: 'nobody', party: 'residents' }], village, villageOf)).toEqual({
      refused: 'attendee-unknown',
      pointer: '/attendees/0/person',
    });
  });
});

describe('a discussion is of the current version', () => {
  it('refuses an older version, naming the current one', () => {
    expect(checkDiscussedVersion({ currentVersion: 2 }, 2)).toBeUndefined();
    expect(checkDiscussedVersion({ currentVersion: 2 }, 1)).toEqual({ refused: 'stale-plan-version', detail: { currentVersion: 2 } });
  });
});
