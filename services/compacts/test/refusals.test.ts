import { describe, expect, it } from 'vitest';
import { refused } from '@cocreate/contracts';
import { Problem } from '@cocreate/kernel';
import type { Place, Register } from '@cocreate/places';
import { requireVillage, villageOf } from '../app/common.ts';
import { refuse, refusalCodes, settled } from '../app/refusals.ts';
import { refusals } from '../domain/refusals.ts';

/** How compacts' refusals reach the caller: the catalogue's kind decides the status; three keep their own code. */
describe('refusals as problems', () => {
  it('a rule is a 422 with the field it is about, a conflict a 409 with the facts it names', () => {
    const rule = refuse('place-outside-village', {}, '/place');
    expect(rule).toMatchObject({
      status: 422,
      code: 'place-outside-village',
      errors: [{ pointer: '/place', rule: 'place-outside-village' }],
    });
    const stale = refuse('stale-revision', { revision: 3 });
    expect(stale).toMatchObject({ status: 409, code: 'stale-revision', extensions: { revision: 3 } });
    expect(stale.detail).toEqual({ zh: refusals['stale-revision'][1], en: refusals['stale-revision'][2] });
  });

  it('a forbidden refusal is a 403 naming its reason; own-household, recorded-it and not-on-council keep their code', () => {
    expect(refuse('not-the-adopter')).toMatchObject({ status: 403, code: 'forbidden', extensions: { reason: 'not-the-adopter' } });
    for (const code of ['own-household', 'recorded-it', 'not-on-council'] as const) {
      expect(refuse(code)).toMatchObject({ status: 403, code, extensions: { reason: code } });
    }
  });

  it('settles a decision: its value, or its refusal thrown with the detail as facts', () => {
    expect(settled<number>(7)).toBe(7);
    expect(() => settled(refused('period-not-ended', { to: '2026-10-31' }), '/period')).toThrow(
      expect.objectContaining({ status: 422, code: 'period-not-ended', extensions: { to: '2026-10-31' } }),
    );
    expect(refusalCodes).toEqual(Object.keys(refusals));
  });
});

describe('villages of places', () => {
  const village: Place = { path: 'hubei/v', kind: 'village', name: { zh: '村', en: 'Village' } } as Place;
  const township: Place = { path: 'hubei', kind: 'township', name: { zh: '镇', en: 'Township' } } as Place;
  const register = {
    villageOf: async (path: string) => (path.startsWith('hubei/v') ? village : undefined),
    place: async (path: string) => (path === village.path ? village : path === township.path ? township : undefined),
  } as unknown as Register;

  it('a place outside every village is refused on the field named', async () => {
    expect(await villageOf({ register }, 'hubei/v/g1', '/place')).toBe('hubei/v');
    const err = await villageOf({ register }, 'hubei/x', '/place').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Problem);
    expect(err).toMatchObject({ status: 422, code: 'place-not-in-village', errors: [{ pointer: '/place' }] });
  });

  it('compacts, spaces, evidence and boards belong to a village or community, never a township', async () => {
    expect(await requireVillage({ register }, 'hubei/v')).toBe(village);
    await expect(requireVillage({ register }, 'hubei')).rejects.toMatchObject({ status: 422, code: 'not-a-village' });
    await expect(requireVillage({ register }, 'nowhere')).rejects.toMatchObject({ status: 422, code: 'not-a-village' });
  });
});
