import { describe, expect, it } from 'vitest';
import { CONSENT_IN_FORCE_DAYS, consentGate, ineligibleBecause, isRenovation } from '../domain/renovation.ts';

/** Consent gates renovation: the compound, its eligibility, and the poll that passed for it, in force on the day. */
const compound = 'hubei/huanggang/hongan/chengguan/xingfu/c2';
const closedAt = '2026-03-20T02:00:00.000Z';
const poll = {
  pollId: 'poll-1',
  scope: compound,
  matter: 'renovation' as const,
  status: 'closed' as const,
  closedAt,
  result: { passed: true } as never,
};
const eligible = { multiStorey: true, structurallySafe: true, onDemolitionPlan: false };
const day = new Date('2026-04-01T02:00:00Z');
const gate = (over: Partial<Parameters<typeof consentGate>[0]> = {}) =>
  consentGate({ compound, consentPollId: 'poll-1', poll, eligibility: eligible, now: day, ...over });

describe('the consent gate', () => {
  it('a renovation plan is one of an urban community with a renovation class', () => {
    expect(isRenovation({ renovationClass: 'basic' }, 'community')).toBe(true);
    expect(isRenovation({ renovationClass: 'basic' }, 'village')).toBe(false);
    expect(isRenovation({}, 'community')).toBe(false);
  });

  it('passes on a passed renovation poll over the compound, in force, for an eligible compound', () => {
    expect(gate()).toEqual({ compound, consentPollId: 'poll-1' });
  });

  it('refuses each missing link with the rule and the field', () => {
    expect(gate({ compound: undefined })).toMatchObject({ refused: 'renovation-needs-compound', pointer: '/place' });
    expect(gate({ consentPollId: undefined })).toMatchObject({ refused: 'renovation-needs-consent', pointer: '/consentPollId' });
    expect(gate({ poll: undefined })).toMatchObject({ refused: 'consent-poll-not-for-compound' });
    expect(gate({ poll: { ...poll, scope: 'hubei/huanggang/hongan/chengguan/xingfu' } })).toMatchObject({
      refused: 'consent-poll-not-for-compound',
    });
    expect(gate({ poll: { ...poll, matter: 'maintenance-fund' } })).toMatchObject({ refused: 'consent-poll-not-for-compound' });
    expect(gate({ poll: { ...poll, status: 'open' } })).toMatchObject({ refused: 'consent-not-passed' });
    expect(gate({ poll: { ...poll, result: { passed: false } as never } })).toMatchObject({ refused: 'consent-not-passed' });
  });

  it('a passed poll is in force for a year after it closed, to the millisecond', () => {
    const last = new Date(Date.parse(closedAt) + CONSENT_IN_FORCE_DAYS * 86_400_000);
    expect(gate({ now: last })).toMatchObject({ consentPollId: 'poll-1' });
    expect(gate({ now: new Date(last.getTime() + 1) })).toMatchObject({ refused: 'consent-lapsed' });
  });

  it('the compound must be recorded eligible: multi-storey, structurally safe, not on a demolition plan', () => {
    expect(gate({ eligibility: undefined })).toMatchObject({ refused: 'compound-eligibility-unrecorded' });
    expect(gate({ eligibility: { ...eligible, onDemolitionPlan: true } })).toMatchObject({
      refused: 'compound-not-eligible',
      detail: { failing: ['on-demolition-plan'] },
    });
    expect(ineligibleBecause({ multiStorey: false, structurallySafe: false, onDemolitionPlan: false })).toEqual([
      'not-multi-storey',
      'not-structurally-safe',
    ]);
  });
});
