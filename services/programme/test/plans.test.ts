import { describe, expect, it } from 'vitest';
import { type Refused, isRefused } from '@cocreate/contracts';
import { levelOf, mayAuthor, mayReview } from '../domain/levels.ts';
import { type PlanContent, decideDeadline, decideFile, decideReview, decideWrite, overdueFilings } from '../domain/plans.ts';

const content: PlanContent = {
  approach: '以“五共”为路径，先试点后推开',
  goals: ['年底前完成2个试点村'],
  responsibilities: [{ item: '1', what: '试点村项目建设', leader: '张县长', unit: '县住建局', person: '李科长' }],
  schedule: [{ item: '1', by: '2026-10-31', what: '竣工验收' }],
  documents: [],
};
const cmd = { place: 'hubei/huanggang/hongan', level: 'county' as const, year: 2026, filedWith: 'hubei/huanggang', content };
const must = <T>(x: T): Exclude<T, Refused> => {
  if (isRefused(x)) throw new Error(`refused ${x.refused}`);
  return x as Exclude<T, Refused>;
};

describe('implementation plans, written and filed upward', () => {
  it('writes version 1 as a draft, rewrites a draft in place, and revises a returned plan as the next version', () => {
    const first = must(decideWrite(undefined, cmd, '2026-05-01T00:00:00Z', 'c1'));
    expect(first.plan).toMatchObject({ status: 'draft', version: 1, revision: 1 });
    const again = must(decideWrite(first.plan, cmd, '2026-05-02T00:00:00Z', 'c1'));
    expect(again).toMatchObject({ newVersion: false, plan: { version: 1, revision: 2 } });
    const filed = must(decideFile(again.plan, '2026-05-03T00:00:00Z', 'c1', '2026-05-20'));
    const returned = must(
      decideReview(filed.plan, { version: 1, outcome: 'returned', comments: '责任未到人' }, '2026-05-04T00:00:00Z', 'city'),
    );
    const revised = must(decideWrite(returned, cmd, '2026-05-05T00:00:00Z', 'c1'));
    expect(revised).toMatchObject({ newVersion: true, plan: { status: 'draft', version: 2 }, version: { version: 2 } });
    expect(revised.plan.history.map((h) => h.action)).toEqual(['drafted', 'filed', 'returned', 'revised']);
  });

  it('refuses a schedule entry for an item nobody is responsible for', () => {
    const bad = { ...cmd, content: { ...content, schedule: [{ item: '9', by: '2026-06-01', what: 'x' }] } };
    expect(decideWrite(undefined, bad, '2026-05-01T00:00:00Z', 'c1')).toMatchObject({ refused: 'unknown-responsibility' });
  });

  it('keeps a filed plan unchanged while reviewed and an acknowledged one for good', () => {
    const filed = must(
      decideFile(must(decideWrite(undefined, cmd, '2026-05-01T00:00:00Z', 'c1')).plan, '2026-05-03T00:00:00Z', 'c1', undefined),
    );
    expect(decideWrite(filed.plan, cmd, '2026-05-04T00:00:00Z', 'c1')).toMatchObject({ refused: 'plan-under-review' });
    expect(decideFile(filed.plan, '2026-05-04T00:00:00Z', 'c1', undefined)).toMatchObject({ refused: 'plan-not-draft' });
    expect(decideReview(filed.plan, { version: 2, outcome: 'acknowledged' }, '2026-05-04T00:00:00Z', 'city')).toMatchObject({
      refused: 'stale-plan-version',
    });
    const acked = must(decideReview(filed.plan, { version: 1, outcome: 'acknowledged' }, '2026-05-04T00:00:00Z', 'city'));
    expect(decideWrite(acked, cmd, '2026-05-05T00:00:00Z', 'c1')).toMatchObject({ refused: 'plan-acknowledged' });
    expect(decideFile(acked, '2026-05-05T00:00:00Z', 'c1', undefined)).toMatchObject({ refused: 'plan-acknowledged' });
    expect(decideReview(acked, { version: 1, outcome: 'returned', comments: 'x' }, '2026-05-05T00:00:00Z', 'city')).toMatchObject({
      refused: 'plan-not-filed',
    });
  });

  it('judges lateness by the China day of the first filing: 23:30 Beijing on the 20th is on time, refiling later is not late', () => {
    const draft = must(decideWrite(undefined, cmd, '2026-05-01T00:00:00Z', 'c1')).plan;
    // 2026-05-20T15:30Z is 23:30 on the 20th in Beijing.
    expect(must(decideFile(draft, '2026-05-20T15:30:00Z', 'c1', '2026-05-20')).late).toBe(false);
    const late = must(decideFile(draft, '2026-05-20T16:30:00Z', 'c1', '2026-05-20'));
    expect(late.late).toBe(true);
    const returned = must(decideReview(late.plan, { version: 1, outcome: 'returned', comments: '补充' }, '2026-05-21T00:00:00Z', 'city'));
    const revised = must(decideWrite(returned, cmd, '2026-05-22T00:00:00Z', 'c1')).plan;
    const refiled = must(decideFile(revised, '2026-06-01T00:00:00Z', 'c1', '2026-05-20'));
    expect(refiled).toMatchObject({ late: false, plan: { firstFiledAt: '2026-05-20T16:30:00Z' } });
  });

  it('lists as overdue the places that did not file by the deadline, and those that filed late', () => {
    const below = [
      { place: 'a', status: 'none' as const },
      { place: 'b', status: 'filed' as const, firstFiledAt: '2026-05-19T02:00:00Z' },
      { place: 'c', status: 'acknowledged' as const, firstFiledAt: '2026-05-22T02:00:00Z' },
      { place: 'd', status: 'draft' as const },
    ];
    expect(overdueFilings('2026-05-20', '2026-05-20', below)).toMatchObject([{ place: 'c', late: true, daysOverdue: 2 }]);
    expect(overdueFilings('2026-05-20', '2026-05-25', below).map((f) => [f.place, f.daysOverdue])).toEqual([
      ['a', 5],
      ['c', 2],
      ['d', 5],
    ]);
    expect(overdueFilings(undefined, '2026-12-31', below)).toEqual([]);
  });

  it('sets a deadline within the plan year only', () => {
    expect(decideDeadline(2026, '2026-05-20')).toBe(true);
    expect(decideDeadline(2026, '2027-01-10')).toMatchObject({ refused: 'deadline-outside-year' });
  });
});

describe('levels', () => {
  it('a township, county or city runs a programme; a village does not', () => {
    expect(levelOf('county')).toBe('county');
    expect(levelOf('village')).toMatchObject({ refused: 'not-a-programme-level' });
  });

  it('each level writes its own plan and the level above reviews it', () => {
    expect(mayAuthor('county-official', 'county')).toBe(true);
    expect(mayAuthor('county-official', 'township')).toMatchObject({ refused: 'role-not-of-level' });
    expect(mayReview('city-official', 'city')).toBe(true);
    expect(mayReview('province-official', 'city')).toMatchObject({ refused: 'role-not-of-level' });
  });
});
