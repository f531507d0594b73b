import { describe, expect, it } from 'vitest';
import { isWithin } from '@cocreate/places';
import { allocate } from '../domain/allocation.ts';
import {
  type Application,
  MAX_APPLICANTS,
  type OpenRound,
  type Round,
  decideApplication,
  decideExclusion,
  decideFigures,
  decideOpenRound,
  decidePublication,
  publicationInputs,
} from '../domain/rounds.ts';

/** The award rounds' pure decisions (以奖代补): each refusal by its code, and what a decision produces. */
const scope = 'hubei/huanggang/hongan';
const flat = (k: number) => ({ deliberationDepth: k, buildResults: k, managementMechanism: k, evaluationResponse: k });
const weights = { deliberationDepth: 30, buildResults: 30, managementMechanism: 20, evaluationResponse: 20 };
const rule = { method: 'proportional-above-threshold' as const, threshold: 60, capPerApplicant: 400_000 };
const now = new Date('2026-05-01T00:00:00.000Z');

const cmd: OpenRound = {
  scope,
  title: '2026 以奖代补',
  budget: 1_000_000,
  applicantKind: 'village',
  kpiYear: 2025,
  deadline: '2026-06-01T00:00:00+08:00',
  weights,
  rule,
};
const facts = { roundId: 'r1', by: 'p-county', now, scopeKind: 'county', eligibleKinds: [], isWithin };

describe('opening a round', () => {
  it('opens with the deadline as an ISO instant and no applications', () => {
    expect(decideOpenRound(cmd, facts)).toMatchObject({
      roundId: 'r1',
      status: 'open',
      deadline: '2026-05-31T16:00:00.000Z',
      openedAt: now.toISOString(),
      applications: 0,
    });
  });

  it('refuses a scope that is not a county or township, bad weights, a past deadline and bad applicants', () => {
    expect(decideOpenRound(cmd, { ...facts, scopeKind: 'village' })).toEqual({ refused: 'scope-not-county-or-township' });
    expect(decideOpenRound({ ...cmd, weights: { ...weights, buildResults: 31 } }, facts)).toEqual({
      refused: 'bad-weights',
      detail: { sum: 101 },
    });
    expect(decideOpenRound({ ...cmd, deadline: '2026-04-30T00:00:00Z' }, facts)).toEqual({ refused: 'deadline-passed' });
    const eligible = [`${scope}/t/v1`, 'hubei/elsewhere/t/v2', `${scope}/t/v1/g1/h01`];
    expect(decideOpenRound({ ...cmd, eligible }, { ...facts, eligibleKinds: ['village', undefined, 'household'] })).toEqual({
      refused: 'bad-eligible',
      detail: { indexes: [1, 2] },
    });
    // Twice the same village: refused though each place is right.
    expect(
      decideOpenRound({ ...cmd, eligible: [`${scope}/t/v1`, `${scope}/t/v1`] }, { ...facts, eligibleKinds: ['village', 'village'] }),
    ).toEqual({ refused: 'bad-eligible', detail: { indexes: [] } });
  });
});

describe('applying', () => {
  const round = decideOpenRound(cmd, facts) as Round;
  const village = `${scope}/t/v1`;
  const base = {
    now: '2026-05-02T00:00:00.000Z',
    by: 'p-cadre',
    applicantKind: 'village',
    village,
    cadre: true,
    householdHead: undefined,
    isWithin,
  };

  it('a village applies through its cadres while the round is open', () => {
    expect(decideApplication(round, { applicant: village, statement: '申报' }, base)).toMatchObject({ status: 'submitted', village });
    expect(decideApplication(round, { applicant: village, statement: '申报' }, { ...base, cadre: false })).toEqual({
      refused: 'village-applies-through-cadres',
    });
  });

  it('a household applies through its head, or a cadre on its behalf', () => {
    const households = { ...round, applicantKind: 'household' as const };
    const hh = `${village}/g1/h01`;
    const asHead = { ...base, by: 'p-head', applicantKind: 'household', cadre: false, householdHead: 'p-head' };
    expect(decideApplication(households, { applicant: hh, statement: '申报' }, asHead)).toMatchObject({ applicantKind: 'household' });
    expect(decideApplication(households, { applicant: hh, statement: '申报' }, { ...asHead, by: 'p-other' })).toEqual({
      refused: 'household-applies-through-head',
    });
    expect(decideApplication(households, { applicant: hh, statement: '申报' }, { ...asHead, by: 'p-other', cadre: true })).toMatchObject({
      appliedBy: 'p-other',
    });
  });

  it('refuses once closed, published, full, of the wrong kind or not eligible', () => {
    const app = { applicant: village, statement: '申报' };
    expect(decideApplication(round, app, { ...base, now: '2026-06-01T00:00:00.000Z' })).toEqual({ refused: 'round-closed' });
    expect(decideApplication({ ...round, status: 'published' }, app, base)).toEqual({ refused: 'round-published' });
    expect(decideApplication({ ...round, applications: MAX_APPLICANTS }, app, base)).toEqual({ refused: 'too-many-applications' });
    expect(decideApplication(round, app, { ...base, applicantKind: 'household' })).toEqual({ refused: 'wrong-applicant-kind' });
    expect(decideApplication(round, { ...app, applicant: 'hubei/elsewhere/t/v' }, base)).toEqual({ refused: 'not-eligible' });
  });
});

describe('reviewing and publishing', () => {
  const round = decideOpenRound(cmd, facts) as Round;
  const app = (applicant: string, status: Application['status'] = 'submitted'): Application => ({
    roundId: 'r1',
    applicant,
    applicantKind: 'village',
    village: applicant,
    statement: '申报',
    appliedBy: 'p-cadre',
    appliedAt: now.toISOString(),
    status,
  });
  const after = '2026-06-02T00:00:00.000Z';

  it('figures only for household rounds, changes only while open', () => {
    expect(decideFigures(round, app('a'), flat(80), 'p-county')).toEqual({ refused: 'figures-not-for-villages' });
    expect(decideFigures({ ...round, applicantKind: 'household' }, app('a'), flat(80), 'p-county')).toMatchObject({ figures: flat(80) });
    expect(decideFigures({ ...round, status: 'published' }, app('a'), flat(80), 'p-county')).toEqual({ refused: 'round-published' });
    expect(decideExclusion({ ...round, status: 'published' }, app('a'), '无考核', 'p-county')).toEqual({ refused: 'round-published' });
    expect(decideExclusion(round, app('a'), '无考核', 'p-county')).toMatchObject({ status: 'excluded', excludedReason: '无考核' });
  });

  it('publishes after the deadline only, with every applicant’s figures', () => {
    const apps = [app('hubei/x/b'), app('hubei/x/a'), app('hubei/x/c', 'excluded')];
    expect(publicationInputs(round, apps, new Map(), '2026-05-20T00:00:00.000Z')).toEqual({ refused: 'round-still-open' });
    expect(publicationInputs({ ...round, status: 'published' }, apps, new Map(), after)).toEqual({ refused: 'round-published' });
    expect(publicationInputs(round, apps, new Map([['hubei/x/a', flat(90)]]), after)).toEqual({
      refused: 'figures-missing',
      detail: { missing: ['hubei/x/b'] },
    });
    const figures = new Map([
      ['hubei/x/a', flat(90)],
      ['hubei/x/b', flat(50)],
    ]);
    const inputs = publicationInputs(round, apps, figures, after);
    expect(inputs).toMatchObject({ budget: 1_000_000, applicants: [{ applicant: 'hubei/x/a' }, { applicant: 'hubei/x/b' }] });
    if ('refused' in inputs) throw new Error('refused');
    let n = 0;
    const out = decidePublication(round, apps, inputs, allocate(inputs), {
      now: after,
      by: 'p-county',
      newId: () => `award-${++n}`,
      kpiSources: { 'hubei/x/a': 'as-1' },
      publicNames: new Map(),
    });
    expect(out.round).toMatchObject({ status: 'published', publishedAt: after, payout: { due: 1, paid: 0 } });
    expect(out.payoutPending).toBe(true);
    expect(out.result.lines.map((l) => [l.applicant, l.amount, l.awardId])).toEqual([
      ['hubei/x/a', 400_000, 'award-1'],
      ['hubei/x/b', 0, undefined],
    ]);
    expect(out.result.excluded).toEqual([{ applicant: 'hubei/x/c', reason: '' }]);
  });
});
