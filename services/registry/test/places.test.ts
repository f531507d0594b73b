import { describe, expect, it } from 'vitest';
import type { PlaceKind } from '@cocreate/contracts';
import type { PlaceRecord } from '../domain/model.ts';
import {
  PARENT_KINDS,
  ancestorsOf,
  decideRegisterPlace,
  decideRenamePlace,
  decideRetirePlace,
  frameOf,
  isPublicPlace,
  managersOf,
  walksBelow,
} from '../domain/places.ts';

const place = (path: string, kind: PlaceKind, extra: Partial<PlaceRecord> = {}): PlaceRecord => ({
  path,
  kind,
  name: { zh: path, en: path },
  revision: 1,
  ...extra,
});
const name = { zh: '马家桥村', en: 'Majiaqiao' };
const township = place('hubei/huanggang/hongan/qiliping', 'township');

describe('the place tree: what may hold what', () => {
  it('registers a village under a township at parent path + "/" + id, revision 1, PlaceRegistered', () => {
    const d = decideRegisterPlace({ parent: township.path, id: 'majiaqiao', kind: 'village', name }, township, undefined);
    expect(d).toEqual({
      state: { path: `${township.path}/majiaqiao`, kind: 'village', name, revision: 1 },
      changes: [{ type: 'PlaceRegistered', state: { path: `${township.path}/majiaqiao`, kind: 'village', name, revision: 1 } }],
    });
  });

  it('follows the levels 省 → 市 → 县 → 乡镇 → 村/社区 → 组/小区 → 楼栋 → 户, and nothing else', () => {
    const ok: [PlaceKind, PlaceKind][] = [
      ['city', 'province'],
      ['county', 'city'],
      ['county', 'province'],
      ['township', 'county'],
      ['village', 'township'],
      ['community', 'township'],
      ['group', 'village'],
      ['compound', 'community'],
      ['building', 'compound'],
      ['household', 'group'],
      ['household', 'building'],
    ];
    for (const [kind, parentKind] of ok) {
      expect(decideRegisterPlace({ parent: 'p', id: 'x', kind, name }, place('p', parentKind), undefined)).toHaveProperty('state');
    }
    const refusedPairs: [PlaceKind, PlaceKind][] = [
      ['village', 'county'],
      ['household', 'township'],
      ['township', 'village'],
      ['building', 'group'],
      ['city', 'city'],
    ];
    for (const [kind, parentKind] of refusedPairs) {
      expect(decideRegisterPlace({ parent: 'p', id: 'x', kind, name }, place('p', parentKind), undefined)).toMatchObject({
        refused: 'kind-not-allowed-here',
        detail: { allowedParents: PARENT_KINDS[kind] },
      });
    }
  });

  it('refuses an unknown or retired parent, a second place at a path, and a province with a parent', () => {
    expect(decideRegisterPlace({ parent: 'nowhere', id: 'x', kind: 'village', name }, undefined, undefined)).toEqual({
      refused: 'parent-unknown',
    });
    const retired = { ...township, retired: { on: '2027-01-01' } };
    expect(decideRegisterPlace({ parent: township.path, id: 'x', kind: 'village', name }, retired, undefined)).toEqual({
      refused: 'parent-retired',
    });
    const existing = place(`${township.path}/x`, 'village');
    expect(decideRegisterPlace({ parent: township.path, id: 'x', kind: 'village', name }, township, existing)).toMatchObject({
      refused: 'place-exists',
    });
    expect(decideRegisterPlace({ parent: 'china', id: 'hubei', kind: 'province', name }, undefined, undefined)).toEqual({
      refused: 'province-has-no-parent',
    });
    expect(decideRegisterPlace({ id: 'hubei', kind: 'province', name }, undefined, undefined)).toHaveProperty('state.path', 'hubei');
  });

  it('keeps the village and county a place lies in on its record', () => {
    const county = frameOf('county', 'hubei/huanggang/hongan', {});
    const village = frameOf('village', 'hubei/huanggang/hongan/qiliping/majiaqiao', county);
    expect(frameOf('household', 'hubei/huanggang/hongan/qiliping/majiaqiao/g1/h01', village)).toEqual({
      county: 'hubei/huanggang/hongan',
      village: 'hubei/huanggang/hongan/qiliping/majiaqiao',
    });
  });

  it('says who manages each level: operations above the village, officials villages, cadres below', () => {
    expect(managersOf('township')).toEqual(['ops-admin']);
    expect(managersOf('village')).toEqual(['township-official', 'county-official']);
    expect(managersOf('household')).toContain('cadre');
  });
});

describe('renaming, retiring and merging (撤销, 撤并村): never deleted', () => {
  const village = place(`${township.path}/majiaqiao`, 'village');
  const other = place(`${township.path}/changsheng`, 'village');

  it('renames with the next revision; a stale expected revision or a retired place is refused', () => {
    const d = decideRenamePlace(village, { path: village.path, name: { zh: '马家桥社区', en: 'Majiaqiao Community' } });
    expect(d).toMatchObject({ state: { revision: 2, name: { zh: '马家桥社区' } }, changes: [{ type: 'PlaceRenamed' }] });
    expect(decideRenamePlace(village, { path: village.path, name, expectedRevision: 5 })).toEqual({
      refused: 'stale-revision',
      detail: { currentRevision: 1 },
    });
    expect(decideRenamePlace({ ...village, retired: { on: '2027-01-01' } }, { path: village.path, name })).toEqual({
      refused: 'place-retired',
    });
  });

  it('merges a village into another: retired with mergedInto, nothing below it moved', () => {
    const d = decideRetirePlace(village, { path: village.path, on: '2027-01-01', mergedInto: other.path }, other);
    expect(d).toEqual({
      state: { ...village, retired: { on: '2027-01-01', mergedInto: other.path }, revision: 2 },
      changes: [{ type: 'PlaceRetired', state: { ...village, retired: { on: '2027-01-01', mergedInto: other.path }, revision: 2 } }],
    });
  });

  it('refuses merging into itself or below itself, into a retired or non-village place, and retiring twice', () => {
    expect(
      decideRetirePlace(
        village,
        { path: village.path, on: '2027-01-01', mergedInto: `${village.path}/g1` },
        place(`${village.path}/g1`, 'group'),
      ),
    ).toEqual({
      refused: 'merge-into-self',
    });
    expect(decideRetirePlace(village, { path: village.path, on: '2027-01-01', mergedInto: township.path }, township)).toEqual({
      refused: 'merge-target-unsuitable',
    });
    expect(
      decideRetirePlace(
        village,
        { path: village.path, on: '2027-01-01', mergedInto: other.path },
        { ...other, retired: { on: '2026-01-01' } },
      ),
    ).toEqual({
      refused: 'merge-target-unsuitable',
    });
    expect(decideRetirePlace({ ...village, retired: { on: '2026-01-01' } }, { path: village.path, on: '2027-01-01' }, undefined)).toEqual({
      refused: 'place-retired',
    });
  });
});

describe('places on public pages', () => {
  const at = (kind: PlaceRecord['kind'], retired?: { on: string }) => ({ kind, ...(retired ? { retired } : {}) });
  it('names administrative places down to villages, and a retired one only until the day it was retired', () => {
    expect(['province', 'county', 'township', 'village', 'community'].every((k) => isPublicPlace(at(k as never), '2026-12-03'))).toBe(true);
    expect(['group', 'compound', 'building', 'household'].some((k) => isPublicPlace(at(k as never), '2026-12-03'))).toBe(false);
    expect(isPublicPlace(at('village', { on: '2027-01-01' }), '2026-12-31')).toBe(true);
    expect(isPublicPlace(at('village', { on: '2027-01-01' }), '2027-01-01')).toBe(false);
    expect(walksBelow(at('township'))).toBe(true);
    expect(walksBelow(at('community'))).toBe(false);
    expect(ancestorsOf('hubei/huanggang/hongan')).toEqual(['hubei', 'hubei/huanggang']);
    expect(ancestorsOf('hubei')).toEqual([]);
  });
});
