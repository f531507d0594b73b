import { describe, expect, it } from 'vitest';
import type { RouteContext } from '@cocreate/kernel';
import type { Register } from '@cocreate/places';
import { requireCommittee, sitsOn } from '../app/common.ts';

const V = 'hubei/huanggang/hongan/qiliping/majiaqiao';

/**
 * A register whose supervision committee and two committees changed at an election (换届) recorded for 2027-03-02:
 * p-old sat until 2027-03-01, p-new from 2027-03-02 on. Only membership questions are asked here.
 */
const electedOn = '2027-03-02';
const register = {
  isMember: async (village: string, _kind: string, person: string, on?: string) => {
    if (village !== V || on === undefined) throw new Error(`asked without a day: ${village} ${person}`);
    return person === (on < electedOn ? 'p-old' : 'p-new');
  },
} as Pick<Register, 'isMember'> as Register;

const caller = (sub: string, at: string) =>
  ({ register, now: () => new Date(at), actor: { sub, role: 'supervisor' } }) as unknown as RouteContext;

describe('who may approve and countersign is asked of the day of the act', () => {
  it('takes the day in China from the service clock: 16:30 UTC on 1 March is already 2 March in China', async () => {
    expect(await sitsOn(caller('p-new', '2027-03-01T16:30:00Z'), V, 'supervision-committee')).toBe(true);
    expect(await sitsOn(caller('p-old', '2027-03-01T16:30:00Z'), V, 'supervision-committee')).toBe(false);
    expect(await sitsOn(caller('p-old', '2027-03-01T15:59:59Z'), V, 'supervision-committee')).toBe(true);
    expect(await sitsOn(caller('p-new', '2027-03-01T15:59:59Z'), V, 'supervision-committee')).toBe(false);
  });

  it('refuses a committee member whose term ended before the day', async () => {
    await expect(requireCommittee(caller('p-old', '2027-06-01T02:00:00Z'), V)).rejects.toMatchObject({ status: 403 });
    await expect(requireCommittee(caller('p-new', '2027-06-01T02:00:00Z'), V)).resolves.toBeUndefined();
  });
});
