import type { RegisterChange } from '@cocreate/contracts';
import { describe, expect, it } from 'vitest';
import { WRITES_PER_CHUNK, chunkPlan, classify, fingerprint, framesOf, sliceNeeds, writesOf } from '../domain/imports.ts';
import { readCsv } from './import-register.ts';

const person = (n: number, revision = 1): RegisterChange => ({
  type: 'PersonRegistered',
  state: {
    person: `p-${n}`,
    maskedName: '张*',
    household: 'a/b/c/d/v/h1',
    village: 'a/b/c/d/v',
    partyMember: false,
    resident: true,
    revision,
  },
});
const place = (path: string, kind: 'group' | 'household' | 'village' | 'county'): RegisterChange => ({
  type: 'PlaceRegistered',
  state: { path, kind, name: { zh: path, en: path }, revision: 1 },
});

describe('cutting a plan into chunks', () => {
  it('keeps each chunk within one transaction and one RegisterImported part', () => {
    const changes = [
      ...Array.from({ length: 150 }, (_, i) => ({ change: place(`v/g1/h${i}`, 'household') })),
      ...Array.from({ length: 100 }, (_, i) => ({ change: person(i) })),
    ];
    const starts = chunkPlan(changes);
    expect(starts[0]).toBe(0);
    starts.forEach((start, i) => {
      const chunk = changes.slice(start, starts[i + 1] ?? changes.length);
      expect(chunk.length).toBeLessThanOrEqual(100);
      expect(chunk.reduce((w, c) => w + writesOf(c.change), 0)).toBeLessThanOrEqual(WRITES_PER_CHUNK);
    });
    expect(chunkPlan([])).toEqual([]);
  });
});

describe('applying a change twice changes nothing', () => {
  it('writes at the next revision, leaves a thing already in its planned state, and refuses a register that moved on', () => {
    const c = person(1, 2);
    expect(classify(person(1), undefined)).toBe('write');
    expect(classify(c, { ...c.state, revision: 1 })).toBe('write');
    expect(classify(c, { ...c.state, fullName: '张三' })).toBe('done');
    expect(classify(c, { ...c.state, resident: false })).toBe('changed');
    expect(classify(c, { ...c.state, revision: 3 })).toBe('changed');
    expect(classify(c, undefined)).toBe('changed');
    // A stored map comes back from DynamoDB with its keys in another order: still the planned state.
    const renamed: RegisterChange = {
      type: 'PlaceRenamed',
      state: { path: 'v/g1', kind: 'group', name: { zh: '一组', en: 'Group One' }, revision: 2 },
    };
    expect(classify(renamed, { path: 'v/g1', kind: 'group', name: { en: 'Group One', zh: '一组' }, revision: 2, village: 'v' })).toBe(
      'done',
    );
    expect(classify(renamed, { path: 'v/g1', kind: 'group', name: { en: 'Group 1', zh: '一组' }, revision: 2 })).toBe('changed');
    expect(classify(renamed, { path: 'v/g1', kind: 'group', name: { zh: '一组' }, revision: 2 })).toBe('changed');
  });
});

describe('what a dry run reads and remembers', () => {
  it('reads no people for a places-only roster of the tree, and only as deep as its kinds', async () => {
    const tree = await readCsv(
      'places.csv',
      '地点编码,类型,名称\r\n.,省,湖北省\r\nhg,市,黄冈市\r\nhg/ha,县/区,红安县\r\nhg/ha/q,乡镇/街道,七里坪镇\r\nhg/ha/q/m,行政村,马家桥村\r\n',
    );
    expect(sliceNeeds(tree, false)).toEqual({
      deepestKind: 'village',
      people: false,
      households: false,
      properties: false,
      memberships: false,
    });
    const roster = await readCsv('people.csv', '姓名,身份证号,户,与户主关系\r\n张三,420102198006151234,g1/h01,户主\r\n');
    expect(sliceNeeds(roster, true)).toMatchObject({ deepestKind: 'household', people: true, households: true, memberships: true });
  });

  it('fingerprints the revisions read, and frames each planned place with its village and county', () => {
    const slice = {
      scope: 'a/c',
      places: [{ path: 'a/c', kind: 'county' as const, name: { zh: '县', en: 'C' }, revision: 1 }],
      households: [],
      people: [],
      properties: [],
      memberships: [],
    };
    expect(fingerprint(slice)).toBe(fingerprint({ ...slice }));
    expect(fingerprint(slice)).not.toBe(fingerprint({ ...slice, places: [{ ...slice.places[0]!, revision: 2 }] }));
    const frames = framesOf([{ change: place('a/c/t/v', 'village') }, { change: place('a/c/t/v/g1', 'group') }], slice, { county: 'a/c' });
    expect(frames.get('a/c/t/v/g1')).toEqual({ county: 'a/c', village: 'a/c/t/v' });
  });
});
