import { describe, expect, it } from 'vitest';
import { type Need, attributeNeed, canSecond, checkMergeSize, supportersToMove, triage } from '../domain/needs.ts';
import { type Resource, canSupport, checkCandidateSources, updatedResource } from '../domain/lists.ts';
import { effectiveSettings } from '../domain/settings.ts';

const village = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const now = new Date('2026-03-01T02:00:00.000Z');
const need = (over: Partial<Need> = {}): Need => ({
  needId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D',
  village,
  place: village,
  category: 'roads',
  text: '路坏了',
  channel: 'online',
  raisedBy: 'p-majiaqiao-07',
  recordedBy: 'p-majiaqiao-07',
  status: 'raised',
  supporters: 0,
  createdAt: now.toISOString(),
  ...over,
});
const other = need({ needId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0E', raisedBy: 'p-majiaqiao-08' });

describe('triage', () => {
  it('accepts a raised need, optionally recategorised', () => {
    expect(triage(need(), { action: 'accept', category: 'water' }, undefined, 'p-majiaqiao-01', now)).toMatchObject({
      status: 'triaged',
      category: 'water',
      triagedBy: 'p-majiaqiao-01',
    });
    expect(triage(need({ status: 'triaged' }), { action: 'accept' }, undefined, 'c', now)).toEqual({ refused: 'not-triageable' });
  });

  it('rejects with the reason; settled needs cannot be triaged again', () => {
    const r = triage(need(), { action: 'reject', reason: '不属于本村事务' }, undefined, 'c', now);
    expect(r).toMatchObject({ status: 'rejected', reason: '不属于本村事务' });
    for (const status of ['rejected', 'merged', 'listed'] as const) {
      expect(triage(need({ status }), { action: 'categorise', category: 'water' }, undefined, 'c', now)).toEqual({
        refused: 'not-triageable',
      });
    }
  });

  it('merges into an open need of the same village, never into itself or a closed one', () => {
    expect(triage(need(), { action: 'merge', into: other.needId }, other, 'c', now)).toMatchObject({
      status: 'merged',
      mergedInto: other.needId,
    });
    expect(triage(need({ status: 'triaged' }), { action: 'merge', into: other.needId }, other, 'c', now)).toMatchObject({
      status: 'merged',
    });
    expect(triage(need(), { action: 'merge', into: need().needId }, need(), 'c', now)).toEqual({ refused: 'merge-into-self' });
    expect(triage(need(), { action: 'merge', into: other.needId }, { ...other, village: 'elsewhere' }, 'c', now)).toEqual({
      refused: 'merge-target-elsewhere',
    });
    expect(triage(need(), { action: 'merge', into: other.needId }, undefined, 'c', now)).toEqual({ refused: 'merge-target-elsewhere' });
    expect(triage(need(), { action: 'merge', into: other.needId }, { ...other, status: 'rejected' }, 'c', now)).toEqual({
      refused: 'merge-target-closed',
    });
  });

  it('a merge moves the duplicate’s raiser and supporters, once each, not those already behind the target', () => {
    expect(supportersToMove(need(), ['a', 'b', 'p-majiaqiao-08', 'a'], other, new Set(['b']))).toEqual(['p-majiaqiao-07', 'a']);
  });
});

describe('seconding and supporting', () => {
  it('a resident seconds an open need of someone else', () => {
    expect(canSecond(need(), 'p-majiaqiao-09')).toBeUndefined();
    expect(canSecond(need(), 'p-majiaqiao-07')).toEqual({ refused: 'own-need' });
    expect(canSecond(need({ status: 'merged' }), 'p-majiaqiao-09')).toEqual({ refused: 'need-closed' });
  });

  it('supports stay within the village’s per-resident limit', () => {
    expect(canSupport('open', 2, 3)).toBeUndefined();
    expect(canSupport('open', 3, 3)).toEqual({ refused: 'support-limit-reached', detail: { limit: 3 } });
    expect(canSupport('planned', 0, 3)).toEqual({ refused: 'candidate-closed' });
  });

  it('a village’s settings override the defaults kind by kind', () => {
    expect(effectiveSettings(village, undefined)).toMatchObject({
      supportLimit: 3,
      noticeDays: { 'project-plan': 7, 'project-change': 5 },
    });
    expect(effectiveSettings(village, { supportLimit: 5, noticeDays: { compact: 10 } as never })).toMatchObject({
      supportLimit: 5,
      noticeDays: { compact: 10, 'project-plan': 7 },
    });
  });
});

describe('who raised a need', () => {
  const villageOf = (p: string) => (p.startsWith('p-majiaqiao') ? village : undefined);
  it('a grid worker records for a resident of the village; a resident cannot record for others', () => {
    expect(attributeNeed({ onBehalfOf: 'p-majiaqiao-11' }, { sub: 'p-majiaqiao-grid', role: 'grid-worker' }, village, villageOf)).toEqual({
      raisedBy: 'p-majiaqiao-11',
      recordedBy: 'p-majiaqiao-grid',
    });
    expect(attributeNeed({ onBehalfOf: 'p-majiaqiao-11' }, { sub: 'p-majiaqiao-07', role: 'resident' }, village, villageOf)).toEqual({
      refused: 'not-a-recorder',
    });
    expect(attributeNeed({ onBehalfOf: 'p-fengshu-11' }, { sub: 'p-majiaqiao-01', role: 'cadre' }, village, villageOf)).toEqual({
      refused: 'resident-elsewhere',
    });
  });
});

describe('a merge fits one change', () => {
  it('moves as many supporters as the change has room for, and refuses more', () => {
    expect(checkMergeSize(96, 96)).toBeUndefined();
    expect(checkMergeSize(0, 96)).toBeUndefined();
    expect(checkMergeSize(97, 96)).toEqual({ refused: 'merge-too-large', detail: { max: 96, moving: 97 } });
  });
});

describe('a candidate item’s sources', () => {
  const accepted = { village, status: 'triaged' };
  it('are accepted needs and resources of the village', () => {
    expect(
      checkCandidateSources(village, [{ needId: 'n1', need: accepted }], [{ resourceId: 'r1', resource: { village } }]),
    ).toBeUndefined();
  });
  it('refuses, naming the entry: a need missing or elsewhere, a need not accepted, a resource missing or elsewhere', () => {
    const ok = { needId: 'n1', need: accepted };
    expect(checkCandidateSources(village, [ok, { needId: 'n2', need: undefined }], [])).toEqual({
      refused: 'need-elsewhere',
      detail: { needId: 'n2' },
      pointer: '/needIds/1',
    });
    expect(checkCandidateSources(village, [{ needId: 'n3', need: { village: 'hubei/x', status: 'triaged' } }], [])).toMatchObject({
      refused: 'need-elsewhere',
    });
    expect(checkCandidateSources(village, [{ needId: 'n4', need: { village, status: 'listed' } }], [])).toEqual({
      refused: 'need-not-accepted',
      detail: { needId: 'n4', current: 'listed' },
      pointer: '/needIds/0',
    });
    expect(checkCandidateSources(village, [ok], [{ resourceId: 'r2', resource: { village: 'hubei/x' } }])).toEqual({
      refused: 'resource-elsewhere',
      detail: { resourceId: 'r2' },
      pointer: '/resourceIds/0',
    });
  });
});

describe('updating a resource', () => {
  const resource: Resource = {
    resourceId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0F',
    village,
    kind: 'land',
    title: '晒场',
    quantity: 2,
    unit: '亩',
    status: 'available',
    createdBy: 'c',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 3,
  };
  const later = new Date('2026-03-02T02:00:00.000Z');
  it('changes what is given on the version seen, and moves the version on', () => {
    expect(
      updatedResource(resource, { expectedVersion: 3, status: 'committed', quantity: undefined, reason: '用于口袋公园' }, later),
    ).toEqual({
      ...resource,
      status: 'committed',
      updatedAt: later.toISOString(),
      version: 4,
    });
  });
  it('refuses a change based on an older version, saying the current one', () => {
    expect(updatedResource(resource, { expectedVersion: 2, status: 'committed', reason: '用于口袋公园' }, later)).toEqual({
      refused: 'stale-version',
      detail: { version: 3 },
    });
  });
});
