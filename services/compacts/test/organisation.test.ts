import { describe, expect, it } from 'vitest';
import { refused } from '@cocreate/contracts';
import { parentOf, registerOf } from '@cocreate/places';
import { demoSeed } from '@cocreate/places/seed';
import { demoDirectory } from '@cocreate/places/directory';
import { councilsOf } from '../domain/councils.ts';
import {
  AssignDuty,
  type SetOrgUnit,
  SetOrgUnit as SetOrgUnitSchema,
  assign,
  checkOrgUnit,
  checkOrgSetter,
  setUnit,
} from '../domain/duties.ts';

const village = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const unit = (over: Partial<SetOrgUnit>): SetOrgUnit => ({
  level: 'group-cell',
  place: `${village}/g1`,
  leader: 'p-majiaqiao-03',
  area: '一组',
  matters: ['环境卫生'],
  reason: '党员大会决定',
  ...over,
});
// People as the handler sees them: the register's view (party membership, household).
const register = registerOf(demoSeed);
const person = (id: string) => register.person(id);

describe('the four-level organisation', () => {
  it('matches each level to its kind of place', async () => {
    expect(checkOrgUnit(unit({}), 'group', await person('p-majiaqiao-03'), parentOf)).toBe('ok');
    expect(checkOrgUnit(unit({}), 'village', await person('p-majiaqiao-03'), parentOf)).toEqual(refused('wrong-place-kind'));
    expect(
      checkOrgUnit(unit({ level: 'township-committee', place: 'hubei/huanggang/hongan/qiliping' }), 'township', undefined, parentOf),
    ).toBe('ok');
    expect(checkOrgUnit(unit({ level: 'village-branch', place: village }), 'village', await person('p-majiaqiao-01'), parentOf)).toBe('ok');
  });

  it('the township committee is set by township officials only', () => {
    expect(checkOrgSetter('township-committee', 'cadre')).toEqual(refused('township-officials-only'));
    expect(checkOrgSetter('township-committee', 'township-official')).toBe('ok');
    expect(checkOrgSetter('village-branch', 'cadre')).toBe('ok');
  });

  it('is led by party members living within the unit', async () => {
    expect(checkOrgUnit(unit({ leader: 'p-majiaqiao-10' }), 'group', await person('p-majiaqiao-10'), parentOf)).toEqual(
      refused('leader-not-party-member'),
    );
    // household 7 lives in group 2, not group 1
    expect(checkOrgUnit(unit({ leader: 'p-majiaqiao-07' }), 'group', await person('p-majiaqiao-07'), parentOf)).toEqual(
      refused('leader-elsewhere'),
    );
    expect(checkOrgUnit(unit({ leader: 'p-nobody' }), 'group', undefined, parentOf)).toEqual(refused('leader-elsewhere'));
  });

  it('a central household links other households of its own group', async () => {
    const central = unit({
      level: 'central-household',
      place: `${village}/g1/h03`,
      linkedHouseholds: [`${village}/g1/h04`, `${village}/g1/h05`],
    });
    expect(checkOrgUnit(central, 'household', await person('p-majiaqiao-03'), parentOf)).toBe('ok');
    expect(
      checkOrgUnit({ ...central, linkedHouseholds: [`${village}/g2/h08`] }, 'household', await person('p-majiaqiao-03'), parentOf),
    ).toEqual(refused('linked-household-outside-group'));
    expect(
      checkOrgUnit({ ...central, linkedHouseholds: [`${village}/g1/h03`] }, 'household', await person('p-majiaqiao-03'), parentOf),
    ).toEqual(refused('linked-household-outside-group'));
    expect(checkOrgUnit(unit({ linkedHouseholds: [`${village}/g1/h04`] }), 'group', await person('p-majiaqiao-03'), parentOf)).toEqual(
      refused('linked-households-only-for-central-household'),
    );
  });
});

describe('门前三包 duties', () => {
  it('default to all three items, each at most once', () => {
    const r = '村民代表会议确定';
    expect(AssignDuty().parse({ household: `${village}/g1/h03`, stretch: '门前 20 米', reason: r }).items).toEqual([
      'sanitation',
      'order',
      'greenery',
    ]);
    expect(AssignDuty().safeParse({ household: `${village}/g1/h03`, stretch: '门前', items: ['order', 'order'], reason: r }).success).toBe(
      false,
    );
    expect(AssignDuty().safeParse({ household: `${village}/g1/h03`, stretch: '', reason: r }).success).toBe(false);
  });
});

describe('audited organisation (issue 12 item 4)', () => {
  const at = new Date('2026-05-01T01:00:00Z');

  it('a unit or a duty changes only with its reason', () => {
    const { reason: _, ...noReason } = unit({});
    expect(SetOrgUnitSchema().safeParse(noReason).success).toBe(false);
    expect(SetOrgUnitSchema().safeParse({ ...noReason, reason: '   ' }).success).toBe(false);
    expect(SetOrgUnitSchema().safeParse(unit({})).success).toBe(true);
    expect(AssignDuty().safeParse({ household: `${village}/g1/h03`, stretch: '门前 20 米' }).success).toBe(false);
  });

  it('setting a unit keeps before (absent for a new unit), after, who, when and why, scoped by place and level', () => {
    const first = setUnit(undefined, unit({}), { changeId: 'c1', by: 'p-majiaqiao-01', now: at });
    expect(first.next).toMatchObject({ level: 'group-cell', place: `${village}/g1`, leader: 'p-majiaqiao-03', setBy: 'p-majiaqiao-01' });
    expect(first.change).toEqual({
      changeId: 'c1',
      setting: 'org-unit',
      scope: `${village}/g1`,
      kind: 'group-cell',
      after: { leader: 'p-majiaqiao-03', area: '一组', matters: ['环境卫生'] },
      changedBy: 'p-majiaqiao-01',
      changedAt: at.toISOString(),
      reason: '党员大会决定',
    });
    const second = setUnit(first.next, unit({ leader: 'p-majiaqiao-04', matters: ['环境卫生', '公共空间管护'], reason: '改选' }), {
      changeId: 'c2',
      by: 'p-majiaqiao-02',
      now: at,
    });
    expect(second.change.before).toEqual(first.change.after);
    expect(second.change.after).toEqual({ leader: 'p-majiaqiao-04', area: '一组', matters: ['环境卫生', '公共空间管护'] });
    expect(second.change).toMatchObject({ changedBy: 'p-majiaqiao-02', reason: '改选' });
  });

  it('re-assigning a duty keeps the duty before and counts the revision', () => {
    const cmd = {
      household: `${village}/g1/h03`,
      items: ['sanitation' as const],
      stretch: '门前 10 米',
      reason: '首次确定',
      village,
      person: 'p-majiaqiao-03',
      from: '2026-05-01',
    };
    const first = assign(undefined, cmd, { dutyId: 'd1', changeId: 'c1', by: 'p-majiaqiao-01', now: at });
    expect(first.next.revision).toBe(1);
    expect(first.change.before).toBeUndefined();
    const second = assign(
      first.next,
      { ...cmd, stretch: '门前 20 米', reason: '扩大责任区' },
      { dutyId: 'd2', changeId: 'c2', by: 'p-majiaqiao-02', now: at },
    );
    expect(second.next.revision).toBe(2);
    expect(second.change).toMatchObject({
      setting: 'duty',
      scope: cmd.household,
      before: { items: ['sanitation'], stretch: '门前 10 米', from: '2026-05-01' },
      after: { items: ['sanitation'], stretch: '门前 20 米', from: '2026-05-01' },
      changedBy: 'p-majiaqiao-02',
      reason: '扩大责任区',
    });
  });
});

describe('一约四会', () => {
  it('lists the four councils with members from the places data, names masked; the morality council hears appeals', () => {
    const councils = councilsOf(
      (kind) => demoDirectory.body(village, kind)?.members ?? [],
      (p) => demoDirectory.person(p)?.name,
    );
    expect(councils.map((c) => c.kind)).toEqual([
      'deliberation-council',
      'weddings-funerals-council',
      'anti-drug-gambling-council',
      'morality-review-council',
    ]);
    const morality = councils.find((c) => c.kind === 'morality-review-council')!;
    expect(morality.hearsAppeals).toBe(true);
    expect(morality.members.map((m) => m.person)).toEqual(['p-majiaqiao-06', 'p-majiaqiao-08', 'p-majiaqiao-10']);
    for (const m of morality.members) {
      expect(m.name).toContain('*');
      expect(m.name).not.toBe(demoDirectory.person(m.person)!.name);
    }
    expect(councils.filter((c) => c.hearsAppeals)).toHaveLength(1);
  });
});
