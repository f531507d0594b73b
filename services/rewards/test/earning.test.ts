import { describe, expect, it } from 'vitest';
import { earningOf } from '../domain/earning.ts';

/** The event → credit table: who earns what for which fact (the source key makes it once-only). */
const V = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const at = '2026-05-20T02:00:00.000Z';
type Arg<F extends (...a: never[]) => unknown> = Parameters<F>[0];

describe('what an event earns', () => {
  it('a counted ballot earns its voter; a proxy ballot nothing', () => {
    const d = { proposalId: 'P1', village: V, body: 'representatives-assembly', step: 3, voter: 'p-1', channel: 'online' } as Arg<
      typeof earningOf.ballotCast
    >;
    expect(earningOf.ballotCast(d, at)).toEqual({
      who: { person: 'p-1' },
      village: V,
      activity: 'ballot-cast',
      units: 1,
      source: 'ballot:P1:3:representatives-assembly:p-1',
      occurredAt: at,
    });
    expect(earningOf.ballotCast({ ...d, channel: 'proxy' }, at)).toBeUndefined();
  });

  it('unpaid labour per hour on the day it was done; paid labour or labour without hours nothing; the head when no person is named', () => {
    const d = { contributionId: 'C1', village: V, household: `${V}/g1/h01`, kind: 'labour', hours: 3, contributedOn: '2026-05-19' } as Arg<
      typeof earningOf.contributionRecorded
    >;
    expect(earningOf.contributionRecorded(d)).toMatchObject({
      who: { headOf: `${V}/g1/h01` },
      activity: 'labour-hour',
      units: 3,
      source: 'contribution:C1',
      occurredAt: '2026-05-19T12:00:00+08:00',
    });
    expect(earningOf.contributionRecorded({ ...d, paid: true })).toBeUndefined();
    expect(earningOf.contributionRecorded({ ...d, hours: undefined })).toBeUndefined();
    expect(earningOf.contributionRecorded({ ...d, kind: 'materials', person: 'p-2' } as typeof d)).toMatchObject({
      who: { person: 'p-2' },
      activity: 'contribution-in-kind',
      units: 1,
    });
  });

  it('each attendee of a session once; an award its person, else the winning household’s head; a village nothing', () => {
    const session = { sessionId: 'S1', village: V, heldAt: at, residentAttendees: ['p-1', 'p-2', 'p-1'] } as Arg<
      typeof earningOf.discussionHeld
    >;
    expect(earningOf.discussionHeld(session).map((e) => e.source)).toEqual(['discussion:S1:p-1', 'discussion:S1:p-2']);
    const award = { awardId: 'A1', village: V, winner: { kind: 'household', id: `${V}/g1/h02` } } as Arg<typeof earningOf.awardGranted>;
    expect(earningOf.awardGranted(award, at)).toMatchObject({ who: { headOf: `${V}/g1/h02` }, source: 'award:A1' });
    expect(earningOf.awardGranted({ ...award, person: 'p-3' }, at)).toMatchObject({ who: { person: 'p-3' } });
    expect(earningOf.awardGranted({ ...award, winner: { kind: 'village', id: V } } as typeof award, at)).toBeUndefined();
  });
});
