import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { demoDirectory } from '@cocreate/places/directory';
import {
  type ConsentCounts,
  MAX_OWNERS,
  answeringArea,
  checkElectorate,
  checkPollOpening,
  decideResponse,
  defaultRule,
  eligibleOwners,
  emptyConsentCounts,
  evaluateConsent,
  openingElectorate,
  responseDelta,
  sumConsentCounts,
  toDm2,
} from '../domain/consent.ts';

/** Counts from a list of (choice, area m²) responses. */
function counts(responses: ['agree' | 'disagree' | 'abstain', number][]): ConsentCounts {
  return sumConsentCounts(responses.map(([c, a]) => responseDelta(c, toDm2(a))));
}

const byName = (r: ReturnType<typeof evaluateConsent>, name: string) => r.conditions.find((c) => c.name === name)!;

describe('areas are exact integers', () => {
  it('converts m² with up to two decimals to dm² without drift', () => {
    expect(toDm2(88.4)).toBe(8840);
    expect(toDm2(102.3)).toBe(10230);
    expect(toDm2(0.1 + 0.2)).toBe(30);
    expect(() => toDm2(10.005)).toThrow(/two decimals/);
    expect(() => toDm2(-1)).toThrow();
  });

  it('the demo community: 12 owners, 1,155.5 m² in all, an owner of two flats counts once', () => {
    const owners = eligibleOwners(demoDirectory.owners(demo.xingfu));
    expect(Object.keys(owners)).toHaveLength(12);
    expect(Object.values(owners).reduce((a, b) => a + b, 0)).toBe(115_550);
    const twoFlats = eligibleOwners([
      { person: 'o1', household: 'h1', area: 60.5 },
      { person: 'o1', household: 'h2', area: 70.25 },
      { person: 'o2', household: 'h3', area: 80 },
    ]);
    expect(twoFlats).toEqual({ o1: 13_075, o2: 8000 });
  });
});

describe('the seed rule: at least 2/3 of owners agree, property fees at least 50% collected', () => {
  const fee = { collected: 50_000, due: 100_000 };

  it('2 of 3 owners is exactly 2/3: holds, with margin 0', () => {
    const r = evaluateConsent(
      'seed-renovation',
      { owners: 3, areaDm2: 30_000 },
      counts([
        ['agree', 100],
        ['agree', 100],
        ['disagree', 100],
      ]),
      fee,
    );
    expect(r.passed).toBe(true);
    expect(byName(r, 'agree-owners')).toMatchObject({ part: 2, whole: 3, held: true, needed: 2, margin: 0, share: { num: 2, den: 3 } });
  });

  it('1 of 3 owners fails, short by one owner', () => {
    const r = evaluateConsent(
      'seed-renovation',
      { owners: 3, areaDm2: 30_000 },
      counts([
        ['agree', 100],
        ['disagree', 100],
      ]),
      fee,
    );
    expect(r.passed).toBe(false);
    expect(byName(r, 'agree-owners')).toMatchObject({ held: false, needed: 2, margin: -1 });
  });

  it('counts owners who did not answer against the 2/3 (the base is all owners)', () => {
    const r = evaluateConsent(
      'seed-renovation',
      { owners: 12, areaDm2: 115_550 },
      counts(Array.from({ length: 7 }, () => ['agree', 90] as ['agree', number])),
      fee,
    );
    expect(byName(r, 'agree-owners')).toMatchObject({ part: 7, whole: 12, needed: 8, margin: -1, held: false });
  });

  it('fee collection of exactly half holds; one fen less fails', () => {
    const agree = counts([
      ['agree', 100],
      ['agree', 100],
      ['agree', 100],
    ]);
    expect(byName(evaluateConsent('seed-renovation', { owners: 3, areaDm2: 30_000 }, agree, fee), 'property-fee-collection').held).toBe(
      true,
    );
    const short = evaluateConsent('seed-renovation', { owners: 3, areaDm2: 30_000 }, agree, { collected: 49_999, due: 100_000 });
    expect(short.passed).toBe(false);
    expect(byName(short, 'property-fee-collection')).toMatchObject({ held: false, margin: -1 });
  });

  it('without fee figures the fee condition cannot hold', () => {
    const r = evaluateConsent(
      'seed-renovation',
      { owners: 3, areaDm2: 30_000 },
      counts([
        ['agree', 100],
        ['agree', 100],
        ['agree', 100],
      ]),
    );
    expect(r.passed).toBe(false);
  });
});

describe('Civil Code art. 278', () => {
  const eligible = { owners: 4, areaDm2: 40_000 };

  it('major matters: exactly 3/4 of participating area and owners holds', () => {
    const r = evaluateConsent(
      'civil-code-major',
      eligible,
      counts([
        ['agree', 100],
        ['agree', 100],
        ['agree', 100],
        ['disagree', 100],
      ]),
    );
    expect(r.passed).toBe(true);
    expect(byName(r, 'agree-area')).toMatchObject({ part: 30_000, whole: 40_000, needed: 30_000, margin: 0, held: true });
    expect(byName(r, 'agree-owners')).toMatchObject({ part: 3, whole: 4, held: true, margin: 0 });
  });

  it('major matters: 3/4 of owners but 1 dm² under 3/4 of area fails on area alone, and says by how much', () => {
    const r = evaluateConsent(
      'civil-code-major',
      { owners: 4, areaDm2: 40_001 },
      counts([
        ['agree', 100],
        ['agree', 100],
        ['agree', 100],
        ['disagree', 100.01],
      ]),
    );
    expect(r.passed).toBe(false);
    expect(byName(r, 'agree-owners').held).toBe(true);
    expect(byName(r, 'agree-area')).toMatchObject({ part: 30_000, whole: 40_001, needed: 30_001, margin: -1, held: false });
  });

  it('participation needs 2/3 of owners and 2/3 of the area, each exactly', () => {
    const eligible3 = { owners: 3, areaDm2: 30_000 };
    const two = evaluateConsent(
      'civil-code-ordinary',
      eligible3,
      counts([
        ['agree', 100],
        ['agree', 100],
      ]),
    );
    expect(byName(two, 'participation-owners')).toMatchObject({ held: true, margin: 0 });
    expect(byName(two, 'participation-area')).toMatchObject({ held: true, margin: 0 });
    expect(two.passed).toBe(true);
    // Two small flats take part: 2 of 3 owners, but only 40% of the area.
    const small = evaluateConsent(
      'civil-code-ordinary',
      { owners: 3, areaDm2: 30_000 + 5000 },
      counts([
        ['agree', 60],
        ['agree', 60],
      ]),
    );
    expect(byName(small, 'participation-owners').held).toBe(true);
    expect(byName(small, 'participation-area')).toMatchObject({ held: false });
    expect(small.passed).toBe(false);
  });

  it('ordinary matters need more than half: exactly half of participating area fails', () => {
    const r = evaluateConsent(
      'civil-code-ordinary',
      eligible,
      counts([
        ['agree', 100],
        ['agree', 100],
        ['disagree', 100],
        ['abstain', 100],
      ]),
    );
    expect(byName(r, 'agree-owners')).toMatchObject({ part: 2, whole: 4, held: false, needed: 3, margin: -1 });
    expect(byName(r, 'agree-area')).toMatchObject({ held: false });
    expect(r.passed).toBe(false);
  });

  it('headcount and area majorities can differ: one large owner', () => {
    const r = evaluateConsent(
      'civil-code-ordinary',
      { owners: 3, areaDm2: 40_000 },
      counts([
        ['agree', 200],
        ['disagree', 100],
        ['disagree', 100],
      ]),
    );
    expect(byName(r, 'agree-area').held).toBe(false); // exactly half of the area
    expect(byName(r, 'agree-owners').held).toBe(false); // 1 of 3
    const r2 = evaluateConsent(
      'civil-code-ordinary',
      { owners: 3, areaDm2: 40_000 },
      counts([
        ['agree', 201],
        ['disagree', 99],
        ['disagree', 100],
      ]),
    );
    expect(byName(r2, 'agree-area').held).toBe(true);
    expect(byName(r2, 'agree-owners').held).toBe(false);
  });

  it('nobody taking part is not consent', () => {
    const r = evaluateConsent('civil-code-major', eligible, emptyConsentCounts());
    expect(r.passed).toBe(false);
    expect(r.conditions.every((c) => !c.held)).toBe(true);
  });

  it('refuses counts beyond the eligible owners', () => {
    expect(() =>
      evaluateConsent(
        'civil-code-major',
        { owners: 1, areaDm2: 10_000 },
        counts([
          ['agree', 100],
          ['agree', 100],
        ]),
      ),
    ).toThrow();
  });
});

describe('default rules by matter', () => {
  it('renovation → the seed rule; maintenance funds, rebuilding, common parts → major; other → ordinary', () => {
    expect(defaultRule('renovation')).toBe('seed-renovation');
    expect(defaultRule('maintenance-fund')).toBe('civil-code-major');
    expect(defaultRule('rebuilding')).toBe('civil-code-major');
    expect(defaultRule('common-parts-change')).toBe('civil-code-major');
    expect(defaultRule('other')).toBe('civil-code-ordinary');
  });
});

describe('the electorate is fixed when a poll opens', () => {
  const fee = { collected: 60_000, due: 100_000 };
  const onOpeningDay = [
    { person: 'o1', household: 'h1', area: 90 },
    { person: 'o2', household: 'h2', area: 80 },
    { person: 'o3', household: 'h3', area: 70 },
  ];

  it('a flat sold during the poll keeps its denominator: the seller answers with its area, the buyer cannot', () => {
    const electorate = openingElectorate(onOpeningDay);
    expect(electorate).toEqual({ ownerAreas: { o1: 9000, o2: 8000, o3: 7000 }, eligible: { owners: 3, areaDm2: 24_000 } });
    // o2 sells h2 to o9 while the poll is open; the register moves on, the poll's record does not.
    expect(answeringArea(electorate, 'o2')).toBe(8000);
    expect(answeringArea(electorate, 'o9')).toBeUndefined();
    const r = evaluateConsent(
      'seed-renovation',
      electorate.eligible,
      counts([
        ['agree', 90],
        ['agree', 80],
      ]),
      fee,
    );
    expect(byName(r, 'agree-owners')).toMatchObject({ part: 2, whole: 3, held: true });
    expect(r.areaDm2).toMatchObject({ eligible: 24_000, agree: 17_000 });
  });

  it('only owners recorded at the opening answer (no name inherited from an object counts as one)', () => {
    const electorate = openingElectorate(onOpeningDay);
    expect(answeringArea(electorate, 'constructor')).toBeUndefined();
    expect(answeringArea(electorate, 'toString')).toBeUndefined();
  });

  it('an owner of two flats on the opening day is one owner with both areas', () => {
    const electorate = openingElectorate([...onOpeningDay, { person: 'o1', household: 'h4', area: 60.5 }]);
    expect(electorate.eligible).toEqual({ owners: 3, areaDm2: 30_050 });
    expect(answeringArea(electorate, 'o1')).toBe(15_050);
  });
});

describe('a poll needs owners to ask, and no more than its item holds', () => {
  it('refuses a scope without owners and one beyond the limit; a scope of one owner or of the limit opens', () => {
    expect(checkElectorate({ owners: 0, areaDm2: 0 })).toEqual({ refused: 'no-owners' });
    expect(checkElectorate({ owners: MAX_OWNERS + 1, areaDm2: 1 })).toEqual({
      refused: 'too-many-owners',
      detail: { owners: MAX_OWNERS + 1 },
    });
    expect(checkElectorate({ owners: 1, areaDm2: 6250 })).toBeUndefined();
    expect(checkElectorate({ owners: MAX_OWNERS, areaDm2: 1 })).toBeUndefined();
  });
});

describe('opening a poll', () => {
  const now = new Date('2026-05-01T00:00:00.000Z');
  const base = { communityKind: 'community', rule: 'civil-code-ordinary' as const, propertyFee: undefined, closesAt: undefined };
  it('opens over a community, with fee figures for the renovation rule, closing in the future', () => {
    expect(checkPollOpening(base, now)).toBeUndefined();
    expect(checkPollOpening({ ...base, closesAt: '2026-05-02T00:00:00.000Z' }, now)).toBeUndefined();
  });
  it('refuses each condition, naming its field', () => {
    expect(checkPollOpening({ ...base, communityKind: 'village' }, now)).toEqual({ refused: 'not-a-community', pointer: '/scope' });
    expect(checkPollOpening({ ...base, rule: 'seed-renovation' }, now)).toEqual({ refused: 'fee-required', pointer: '/propertyFee' });
    expect(checkPollOpening({ ...base, closesAt: now.toISOString() }, now)).toEqual({ refused: 'closes-in-past', pointer: '/closesAt' });
  });
});

describe('responding to a poll', () => {
  const now = new Date('2026-05-01T00:00:00.000Z');
  const open = { status: 'open' as const, closesAt: '2026-05-02T00:00:00.000Z' };
  const electorate = { ownerAreas: { o1: 6250, o2: 7500 } };
  const by = (over: Partial<{ caller: string; cadre: boolean; owner: string; hasForm: boolean }> = {}) => ({
    caller: 'o1',
    cadre: false,
    owner: undefined,
    hasForm: false,
    ...over,
  });
  it('an owner online, or a cadre recording an owner’s paper form, weighted by the owner’s area', () => {
    expect(decideResponse(open, electorate, by(), now)).toEqual({ owner: 'o1', channel: 'online', areaDm2: 6250 });
    expect(decideResponse(open, electorate, by({ caller: 'c', cadre: true, owner: 'o2', hasForm: true }), now)).toEqual({
      owner: 'o2',
      channel: 'paper',
      areaDm2: 7500,
    });
  });
  it('refuses a closed poll, a non-cadre or a missing form for someone else, and someone who was not an owner', () => {
    expect(decideResponse({ ...open, status: 'closed' }, electorate, by(), now)).toEqual({ refused: 'poll-closed' });
    expect(decideResponse(open, electorate, by(), new Date(open.closesAt))).toEqual({ refused: 'poll-closed' });
    expect(decideResponse(open, electorate, by({ owner: 'o2', hasForm: true }), now)).toEqual({ refused: 'not-cadre' });
    expect(decideResponse(open, electorate, by({ caller: 'c', cadre: true, owner: 'o2' }), now)).toEqual({
      refused: 'paper-evidence-required',
    });
    expect(decideResponse(open, electorate, by({ caller: 'x' }), now)).toEqual({ refused: 'not-an-owner', detail: { owner: 'x' } });
  });
});
