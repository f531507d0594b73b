import { describe, expect, it } from 'vitest';
import { refused } from '@cocreate/contracts';
import type { CompactVersion } from '../domain/compacts.ts';
import {
  APPEAL_WINDOW_DAYS,
  type Violation,
  appeal,
  type RecordViolation,
  type RecordingFacts,
  applicableHandling,
  checkRecording,
  closeRectification,
  isOverdue,
  rectificationFor,
  rule,
  recordedViolation,
} from '../domain/violations.ts';

const village = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const h08 = `${village}/g2/h08`;
const compactId = '01JD7Z8Q9W3V4X5Y6Z7A8B9C0C';

const v1: CompactVersion = {
  compactId,
  village,
  kind: 'village-rules',
  version: 1,
  title: '村规民约',
  status: 'adopted',
  inForceFrom: '2026-04-15',
  revision: 2,
  createdAt: '2026-04-01T00:00:00.000Z',
  createdBy: 'p-majiaqiao-01',
  updatedAt: '2026-04-15T00:00:00.000Z',
  articles: [
    {
      articleId: 'art-5',
      title: '垃圾分类',
      text: '垃圾须分类投放。',
      violationTypes: [{ code: 'rubbish-not-sorted', name: '垃圾未分类', handling: { pointsDeduction: 5, rectificationDays: 7 } }],
    },
  ],
};
const v2: CompactVersion = {
  ...v1,
  version: 2,
  inForceFrom: '2026-09-01',
  articles: [
    {
      articleId: 'art-6',
      title: '垃圾分类（修订）',
      text: '垃圾须分类投放，屡教不改的张榜公布。',
      violationTypes: [
        { code: 'rubbish-not-sorted', name: '垃圾未分类', handling: { pointsDeduction: 10, publicListing: true, rectificationDays: 3 } },
        { code: 'lavish-banquet', name: '大操大办', handling: { pointsDeduction: 20, referralTo: 'weddings-funerals-council' } },
      ],
    },
  ],
};

describe('the handling a violation gets', () => {
  it('is that of the article in force on the day it happened', () => {
    const before = applicableHandling([v1, v2], 'rubbish-not-sorted', '2026-08-31');
    expect(before).toMatchObject({ articleId: 'art-5', handling: { pointsDeduction: 5, rectificationDays: 7 } });
    expect('version' in before && before.version.version).toBe(1);
    const onTheDay = applicableHandling([v1, v2], 'rubbish-not-sorted', '2026-09-01');
    expect(onTheDay).toMatchObject({ articleId: 'art-6', handling: { pointsDeduction: 10, publicListing: true, rectificationDays: 3 } });
    expect('version' in onTheDay && onTheDay.version.version).toBe(2);
  });

  it('does not exist before any version was in force, or for a type the version then did not define', () => {
    expect(applicableHandling([v1, v2], 'rubbish-not-sorted', '2026-04-14')).toEqual({ refused: 'no-version-in-force' });
    expect(applicableHandling([v1, v2], 'lavish-banquet', '2026-08-31')).toEqual({ refused: 'violation-type-not-in-force' });
    expect(applicableHandling([v1, v2], 'lavish-banquet', '2026-09-01')).toMatchObject({
      handling: { referralTo: 'weddings-funerals-council' },
    });
  });

  it('sets a rectification deadline N days after recording, only when the handling asks for one', () => {
    expect(rectificationFor({ rectificationDays: 7 }, '2026-10-12')).toEqual({ deadline: '2026-10-19', status: 'open' });
    expect(rectificationFor({ pointsDeduction: 5 }, '2026-10-12')).toBeUndefined();
  });
});

const violation = (over: Partial<Violation> = {}): Violation => ({
  violationId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0V',
  village,
  household: h08,
  person: 'p-majiaqiao-08',
  compactId,
  compactVersion: 1,
  articleId: 'art-5',
  articleTitle: '垃圾分类',
  violationType: 'rubbish-not-sorted',
  violationName: '垃圾未分类',
  occurredOn: '2026-10-11',
  description: '垃圾未分类',
  handling: { pointsDeduction: 5, rectificationDays: 7 },
  evidence: [],
  recordedBy: 'p-majiaqiao-09',
  recordedAt: '2026-10-12T01:00:00.000Z',
  recordedOn: '2026-10-12',
  status: 'recorded',
  rectification: { deadline: '2026-10-19', status: 'open' },
  revision: 1,
  ...over,
});
const now = new Date('2026-10-13T11:00:00Z');

describe('appeals', () => {
  const member = { sub: 'p-majiaqiao-08-1', household: h08 };

  it('a member of the household appeals once', () => {
    const out = appeal(violation(), member, '家属已分类', now, '2026-10-13');
    expect(out).toMatchObject({ status: 'appealed', appeal: { by: 'p-majiaqiao-08-1', reason: '家属已分类' } });
    expect(appeal(out as Violation, member, '再申诉', now, '2026-10-13')).toEqual({ refused: 'already-appealed' });
  });

  it('nobody appeals for another household', () => {
    expect(appeal(violation(), { sub: 'p-majiaqiao-07', household: `${village}/g2/h07` }, 'x', now, '2026-10-13')).toEqual({
      refused: 'not-your-household',
    });
  });

  it('within the window, counted from the recording day (last day included)', () => {
    const last = `2026-10-${12 + APPEAL_WINDOW_DAYS}`;
    expect('status' in appeal(violation(), member, 'x', now, last)).toBe(true);
    expect(appeal(violation(), member, 'x', now, `2026-10-${13 + APPEAL_WINDOW_DAYS}`)).toEqual({ refused: 'appeal-window-closed' });
  });

  it('a decided appeal cannot be appealed again', () => {
    expect(appeal(violation({ status: 'upheld' }), member, 'x', now, '2026-10-13')).toEqual({ refused: 'already-appealed' });
  });
});

describe('rulings of the morality review council', () => {
  const appealed = violation({ status: 'appealed', appeal: { by: 'p-majiaqiao-08', at: now.toISOString(), reason: 'x' } });
  const p10 = { sub: 'p-majiaqiao-10', household: `${village}/g2/h10`, onCouncil: true };

  it('uphold keeps the handling and the rectification', () => {
    const out = rule(appealed, p10, 'uphold', '照片清楚', now) as Violation;
    expect(out.status).toBe('upheld');
    expect(out.ruling).toMatchObject({ outcome: 'upheld', by: 'p-majiaqiao-10' });
    expect(out.rectification?.status).toBe('open');
  });

  it('overturn reverses the consequences: the rectification is cancelled', () => {
    const out = rule(appealed, p10, 'overturn', '记录有误', now) as Violation;
    expect(out.status).toBe('overturned');
    expect(out.rectification?.status).toBe('cancelled');
  });

  it('only council members, never on their own household, never the recorder, only once', () => {
    expect(rule(appealed, { ...p10, onCouncil: false }, 'overturn', 'x', now)).toEqual({ refused: 'not-on-council' });
    expect(rule(appealed, { sub: 'p-majiaqiao-08', household: h08, onCouncil: true }, 'overturn', 'x', now)).toEqual({
      refused: 'own-household',
    });
    expect(rule(violation({ ...appealed, recordedBy: 'p-majiaqiao-10' }), p10, 'overturn', 'x', now)).toEqual({ refused: 'recorded-it' });
    expect(rule(violation(), p10, 'overturn', 'x', now)).toEqual({ refused: 'not-under-appeal' });
    expect(rule(rule(appealed, p10, 'uphold', 'x', now) as Violation, p10, 'overturn', 'x', now)).toEqual({ refused: 'not-under-appeal' });
  });
});

describe('rectification', () => {
  const inspector9 = { sub: 'p-majiaqiao-09', household: `${village}/g2/h09` };

  it('is never closed by someone of the household itself', () => {
    expect(closeRectification(violation(), { sub: 'p-majiaqiao-08', household: h08 }, '2026-10-15', 'ok', [])).toEqual({
      refused: 'own-household',
    });
  });

  it('closes on time up to the deadline day, late after it', () => {
    const onTime = closeRectification(violation(), inspector9, '2026-10-19', '已整改', []) as Violation;
    expect(onTime.rectification).toMatchObject({ status: 'closed', closedOn: '2026-10-19', late: false });
    const late = closeRectification(
      violation({ rectification: { deadline: '2026-10-19', status: 'overdue' } }),
      inspector9,
      '2026-10-20',
      '已整改',
      [],
    ) as Violation;
    expect(late.rectification).toMatchObject({ status: 'closed', late: true });
  });

  it('cannot close twice, without a rectification, or after an overturn', () => {
    const closed = closeRectification(violation(), inspector9, '2026-10-15', 'ok', []) as Violation;
    expect(closeRectification(closed, inspector9, '2026-10-15', 'ok', [])).toEqual({ refused: 'already-closed' });
    const { rectification: _r, ...none } = violation();
    expect(closeRectification(none as Violation, inspector9, '2026-10-15', 'ok', [])).toEqual({ refused: 'no-rectification' });
    expect(
      closeRectification(
        violation({ status: 'overturned', rectification: { deadline: '2026-10-19', status: 'cancelled' } }),
        inspector9,
        '2026-10-15',
        'ok',
        [],
      ),
    ).toEqual({
      refused: 'overturned',
    });
  });

  it('is overdue only after the deadline day, while open and not awaiting a ruling', () => {
    expect(isOverdue(violation(), '2026-10-19')).toBe(false);
    expect(isOverdue(violation(), '2026-10-20')).toBe(true);
    expect(isOverdue(violation({ status: 'upheld' }), '2026-10-20')).toBe(true);
    expect(isOverdue(violation({ status: 'appealed' }), '2026-10-20')).toBe(false);
    expect(isOverdue(violation({ rectification: { deadline: '2026-10-19', status: 'closed' } }), '2026-10-20')).toBe(false);
    expect(isOverdue(violation({ rectification: { deadline: '2026-10-19', status: 'overdue' } }), '2026-10-20')).toBe(false);
  });
});

describe('recording a violation', () => {
  const body: RecordViolation = {
    household: h08,
    compactId,
    violationType: 'rubbish-not-sorted',
    occurredOn: '2026-10-10',
    description: '垃圾未分类',
  };
  const facts: RecordingFacts = {
    household: { path: h08, village, head: 'p-majiaqiao-08', members: ['p-majiaqiao-08', 'p-majiaqiao-08-1'] },
    compact: { village, versions: [v1, v2] },
    inspectionVillage: undefined,
    today: '2026-10-12',
  };

  it('falls on the household head by default and applies the article in force that day', () => {
    const checked = checkRecording(body, facts);
    expect(checked).toMatchObject({ person: 'p-majiaqiao-08', applied: { articleId: 'art-6', handling: { rectificationDays: 3 } } });
    const v = recordedViolation(body, facts.household, checked as Exclude<typeof checked, { refused: string }>, {
      violationId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0V',
      evidence: [],
      by: 'p-majiaqiao-09',
      at: '2026-10-12T02:00:00.000Z',
      on: '2026-10-12',
    });
    expect(v).toMatchObject({
      status: 'recorded',
      compactVersion: 2,
      revision: 1,
      rectification: { deadline: '2026-10-15', status: 'open' },
    });
  });

  it('refuses someone outside the household, bad dates, another village’s compact or inspection, in that order', () => {
    expect(checkRecording({ ...body, person: 'p-majiaqiao-07' }, facts)).toEqual(refused('person-not-in-household'));
    expect(checkRecording({ ...body, occurredOn: '2026-10-13' }, facts)).toEqual(refused('date-in-future'));
    expect(checkRecording({ ...body, occurredOn: '2026-09-01' }, facts)).toEqual(refused('date-too-old'));
    expect(checkRecording(body, { ...facts, compact: undefined })).toEqual(refused('compact-elsewhere'));
    expect(checkRecording(body, { ...facts, compact: { village: 'elsewhere', versions: [v1] } })).toEqual(refused('compact-elsewhere'));
    const named = { ...body, inspectionId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0I' };
    expect(checkRecording(named, facts)).toEqual(refused('inspection-elsewhere'));
    expect(checkRecording(named, { ...facts, inspectionVillage: 'elsewhere' })).toEqual(refused('inspection-elsewhere'));
    expect(checkRecording(named, { ...facts, inspectionVillage: village })).toMatchObject({ person: 'p-majiaqiao-08' });
    expect(checkRecording({ ...body, occurredOn: '2026-09-20', violationType: 'dog-off-leash' }, facts)).toEqual(
      refused('violation-type-not-in-force'),
    );
  });
});
