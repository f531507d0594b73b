import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../domain/import/id-number.ts';
import { planImport } from '../domain/import/plan.ts';
import { SHEETS, type SheetKind } from '../domain/import/sheets.ts';
import { MemoryRegister, hashId, planOptions, readCsv } from './import-register.ts';

const V = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const id = (bornOn: string, seq: string) => {
  const first17 = `421122${bornOn.replaceAll('-', '')}${seq}`;
  return first17 + idCheckCharacter(first17);
};
const header = (kind: SheetKind) => SHEETS[kind].columns.map((c) => c.zh).join(',');

/** A village register with its township above it, as the province import leaves it. */
function village(): MemoryRegister {
  const register = new MemoryRegister();
  register.apply([
    {
      change: {
        type: 'PlaceRegistered',
        state: { path: V.slice(0, V.lastIndexOf('/')), kind: 'township', name: { zh: '七里坪镇', en: 'Qiliping Town' }, revision: 1 },
      },
    },
    {
      change: {
        type: 'PlaceRegistered',
        state: { path: V, kind: 'village', name: { zh: '马家桥村', en: 'Majiaqiao Village' }, revision: 1 },
      },
    },
  ]);
  return register;
}

const PLACES = `${header('places')}
g1,湾组,1组,Group 1
g1/h01,户,1户,
g1/h02,户,2户,
`;
const people = (rows: string[]) => `${header('people')}\n${rows.join('\n')}\n`;
const WANG = `p-w-01,王建国,${id('1960-05-04', '123')},男,1960-05-04,13800000001,g1/h01,户主,是,是`;
const WANG_WIFE = `,李秀英,${id('1962-03-01', '124')},女,,,g1/h01,配偶,,`;
const ZHANG = `,张明,${id('1970-01-02', '131')},,,,g1/h02,户主,是,否`;

async function plan(register: MemoryRegister, files: Record<string, string>, options = planOptions()) {
  const roster = Object.assign({}, ...(await Promise.all(Object.entries(files).map(([name, text]) => readCsv(name, text)))));
  return planImport(V, register.slice(V), roster, options);
}

describe('planImport: a village roster', () => {
  it('enters places parent-first, then people, households, properties and memberships, with private fields beside', async () => {
    const register = village();
    const result = await plan(register, {
      'properties.csv': `${header('properties')}\ng1/h02,,${id('1970-01-02', '131')},张明,120.5 ㎡,2020-01-01,\n`,
      'memberships.csv': `${header('memberships')}\n村党支部,p-w-01,,王建国,书记,2026-01-01,,\ntwo-committees,,${id('1962-03-01', '124')},,委员,2023-01-01,2026-01-01,\n`,
      'people.csv': people([WANG, WANG_WIFE, ZHANG]),
      'places.csv': `${header('places')}\ng1/h02,户,2户,\ng1/h01,户,1户,\ng1,湾组,1组,Group 1\n`,
    });
    expect(result.report).toEqual({ ok: true, problems: [], left: [] });
    expect(
      result.changes.map(
        (c) =>
          `${c.change.type} ${'path' in c.change.state ? c.change.state.path.slice(V.length) : 'person' in c.change.state ? c.change.state.person : ''}`,
      ),
    ).toEqual([
      'PlaceRegistered /g1',
      'PlaceRegistered /g1/h02',
      'PlaceRegistered /g1/h01',
      'PersonRegistered p-w-01',
      'PersonRegistered p-new-1',
      'PersonRegistered p-new-2',
      'HouseholdChanged /g1/h01',
      'HouseholdChanged /g1/h02',
      'OwnershipChanged /g1/h02',
      'MembershipStarted p-w-01',
      'MembershipStarted p-new-1',
    ]);
    expect(result.changes[4]).toEqual({
      change: {
        type: 'PersonRegistered',
        state: {
          person: 'p-new-1',
          maskedName: '李*英',
          household: `${V}/g1/h01`,
          village: V,
          partyMember: false,
          resident: true,
          votingAgeFrom: '1980-03-01',
          revision: 1,
        },
      },
      private: {
        fullName: '李秀英',
        idNumber: id('1962-03-01', '124'),
        idHash: hashId(id('1962-03-01', '124')),
        bornOn: '1962-03-01',
        sex: 'female',
      },
    });
    expect(result.changes[6]!.change.state).toEqual({
      path: `${V}/g1/h01`,
      village: V,
      head: 'p-w-01',
      members: ['p-w-01', 'p-new-1'],
      revision: 1,
    });
    expect(result.changes[8]!.change.state).toEqual({
      path: `${V}/g1/h02`,
      village: V,
      owners: [{ person: 'p-new-2', area: 120.5, from: '2020-01-01' }],
      revision: 1,
    });
    expect(result.changes[10]!.change).toEqual({
      type: 'MembershipStarted',
      state: {
        membershipId: '01JD7Z8Q9W3V4X5Y6Z00000002',
        village: V,
        body: 'two-committees',
        person: 'p-new-1',
        title: '委员',
        from: '2023-01-01',
        until: '2026-01-01',
        revision: 1,
      },
    });
    expect(result.summary.people).toEqual({ added: 3, changed: 0, unchanged: 0, left: 0 });
  });

  it('is deterministic, matches people by ID number without a person id, and re-imported changes nothing', async () => {
    const register = village();
    const files = { 'places.csv': PLACES, 'people.csv': people([WANG, WANG_WIFE, ZHANG]) };
    const first = await plan(register, files);
    expect(await plan(register, files)).toEqual(first);
    register.apply(first.changes);
    const again = await plan(register, files, planOptions({ newPersonId: () => 'p-never' }));
    expect(again.changes).toEqual([]);
    expect(again.summary.people).toEqual({ added: 0, changed: 0, unchanged: 3, left: 0 });
    expect(again.summary.households).toEqual({ added: 0, changed: 0, unchanged: 2, left: 0 });
  });

  it('reports people missing from the sheet as left, and makes them leave only when asked', async () => {
    const register = village();
    register.apply(
      (
        await plan(register, {
          'places.csv': PLACES,
          'people.csv': people([WANG, WANG_WIFE, ZHANG]),
          'memberships.csv': `${header('memberships')}\n红白理事会,,${id('1962-03-01', '124')},,,2026-01-01,,\n`,
        })
      ).changes,
    );
    const files = { 'people.csv': people([WANG, ZHANG]) };
    const reported = await plan(register, files);
    expect(reported.report.left).toEqual([{ section: 'people', key: 'p-new-1', maskedName: '李*英' }]);
    expect(reported.changes).toEqual([]);
    expect(reported.summary.people).toEqual({ added: 0, changed: 0, unchanged: 2, left: 1 });

    const removed = await plan(register, files, planOptions({ removeMissing: true, today: '2026-12-01' }));
    const wife = register.people.get('p-new-1')!;
    expect(removed.changes.map((c) => c.change)).toEqual([
      {
        type: 'PersonLeft',
        state: {
          person: 'p-new-1',
          maskedName: '李*英',
          household: `${V}/g1/h01`,
          village: V,
          partyMember: false,
          resident: true,
          votingAgeFrom: '1980-03-01',
          left: { on: '2026-12-01', reason: 'moved-away' },
          revision: 2,
        },
      },
      { type: 'HouseholdChanged', state: { path: `${V}/g1/h01`, village: V, head: 'p-w-01', members: ['p-w-01'], revision: 2 } },
      { type: 'MembershipEnded', state: { ...[...register.memberships.values()][0]!, until: '2026-12-01', reason: 'left', revision: 2 } },
    ]);
    expect(wife.left).toBeUndefined();
  });

  it('reports every bad row with its line, column and reason in zh-CN and en, and plans nothing', async () => {
    const register = village();
    const result = await plan(register, {
      'places.csv': `${header('places')}\ng1,湾组,1组,\ng1/h01,户,1户,\ng1/h02,户,2户,\nG3,湾组,3组,\ng1/h01/x,楼栋,楼,\ng9/h01,户,户,\ng1/h05,院子,院,\ng1,湾组,1组,\n`,
      'people.csv': people([
        WANG, // 2
        `,李秀英,${id('1962-03-01', '124').slice(0, 17)}0,女,,,g1/h01,配偶,,`, // 3: check digit
        `,赵四,110105491231002,,,,g1/h01,子,,`, // 4: old 15-digit number
        `,钱五,${id('1970-01-02', '131')},女,1970-01-03,,g1/h02,户主,也许,`, // 5: sex, birth date, yes/no
        `,孙六,${id('1960-05-04', '123')},,,,g1/h02,户主,,`, // 6: same ID as line 2; second head of h02
        `p-w-01,周七,${id('1980-01-01', '111')},,,,g1/h09,户主,,`, // 7: duplicate person id, unknown household
        `,吴八,${id('1981-01-01', '113')},,,,g1,户主,,`, // 8: not a household
      ]),
      'properties.csv': `${header('properties')}\ng1/h02,p-nobody,,,100,2020-01-01,\ng1/h01,p-w-01,,王建国,-5,2020-13-01,\ng1/h01,p-w-01,,李四,80,2021-01-01,2020-01-01\n`,
      'memberships.csv': `${header('memberships')}\n村委会,p-w-01,,,,2026-01-01,,\n村党支部,p-w-01,,,,2026-01-01,,\n党支部,p-w-01,,,,2026-06-01,,\n两委,p-w-01,,,,2026-01-01,,去世\n`,
    });
    expect(result.report.ok).toBe(false);
    expect(result.changes).toEqual([]);
    const found = result.report.problems.map((p) => `${p.sheet}:${p.line}:${p.column}:${p.reason}`);
    expect(found).toEqual(
      [
        'places:5:地点编码:bad-path',
        'places:9:地点编码:duplicate-place',
        'places:6:类型:kind-not-allowed',
        'places:7:地点编码:unknown-parent',
        'places:8:类型:unknown-place-kind',
        'people:3:身份证号:id-number-check-digit',
        'people:4:身份证号:id-number-old-15',
        'people:5:性别:sex-not-matching-id',
        'people:5:出生日期:born-on-not-matching-id',
        'people:5:是否常住:bad-yes-no',
        'people:6:身份证号:duplicate-person',
        'people:7:人员编号:duplicate-person-id',
        'people:7:户:unknown-household',
        'people:8:户:not-a-household',
        'properties:2:业主人员编号:unknown-person',
        'properties:3:专有部分面积:bad-area',
        'properties:3:起始日期:bad-date',
        'properties:4:业主姓名:name-not-matching',
        'properties:4:截止日期:end-before-start',
        'memberships:2:组织:unknown-body',
        'memberships:4:任期开始:overlapping-terms',
        'memberships:5:离任原因:unknown-end-reason',
      ].sort(bySheetAndLine),
    );
    const overlap = result.report.problems.find((p) => p.reason === 'overlapping-terms')!;
    expect(overlap.message).toEqual({
      zh: '与第 3 行是同一人在同一组织的重叠任期',
      en: 'Overlaps the term on line 3 of the same person on the same body',
    });
    expect(result.report.problems.find((p) => p.reason === 'born-on-not-matching-id')!.message.zh).toBe(
      '出生日期与身份证号不符（身份证号中为 1970-01-02）',
    );
  });

  it('flags a household without a head, and one with two', async () => {
    const register = village();
    const result = await plan(register, {
      'places.csv': PLACES,
      'people.csv': people([WANG_WIFE, ZHANG, `,孙六,${id('1981-01-01', '113')},,,,g1/h02,户主,,`]),
    });
    expect(result.report.problems.map((p) => [p.line, p.column, p.reason, p.message.en])).toEqual([
      [2, '与户主关系', 'household-head', 'A household has exactly one head (户主); this one has 0'],
      [4, '与户主关系', 'household-head', 'A household has exactly one head (户主); this one has 2'],
    ]);
  });

  it('refuses more than 20,000 people in one village before looking at them', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `,王${i},,,,,g1/h01,户主,,`);
    const result = await plan(village(), { 'places.csv': PLACES, 'people.csv': people(rows) });
    expect(result.report).toMatchObject({ ok: false, refusal: { reason: 'too-many-people' }, problems: [] });
    expect(result.changes).toEqual([]);
  });
});

const order = ['places', 'people', 'properties', 'memberships'];
function bySheetAndLine(a: string, b: string): number {
  const [sa, la] = a.split(':');
  const [sb, lb] = b.split(':');
  return order.indexOf(sa!) - order.indexOf(sb!) || Number(la) - Number(lb);
}
