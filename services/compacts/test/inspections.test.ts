import { describe, expect, it } from 'vitest';
import {
  CreateInspection,
  type InspectionResult,
  MAX_BACKDATE_DAYS,
  checkRecordedDate,
  checkResults,
  checkScheduledFor,
} from '../domain/inspections.ts';
import { refused } from '@cocreate/contracts';
import { addDays } from '@cocreate/places';

const village = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const other = 'hubei/huanggang/hongan/qiliping/changsheng';
const villageOf = (h: string) => (h.startsWith(`${village}/`) ? village : h.startsWith(`${other}/`) ? other : undefined);
const r = (
  household: string,
  item: InspectionResult['item'] = 'sanitation',
  outcome: InspectionResult['outcome'] = 'pass',
): InspectionResult => ({ household, item, outcome });

describe('inspection results', () => {
  const today = '2026-10-12';

  it('one per household and duty item, all in the village', () => {
    expect(checkResults([r(`${village}/g1/h01`), r(`${village}/g1/h01`, 'order')], today, today, villageOf, village)).toBe('ok');
    expect(checkResults([r(`${village}/g1/h01`), r(`${village}/g1/h01`)], today, today, villageOf, village)).toEqual(
      refused('duplicate-result', { index: 1 }),
    );
    expect(checkResults([r(`${village}/g1/h01`), r(`${other}/g1/h01`)], today, today, villageOf, village)).toEqual(
      refused('household-outside-village', { index: 1 }),
    );
  });

  it('dated today or up to 30 days back, never ahead', () => {
    expect(checkRecordedDate(today, today)).toBe('ok');
    expect(checkRecordedDate(addDays(today, -MAX_BACKDATE_DAYS), today)).toBe('ok');
    expect(checkRecordedDate(addDays(today, -MAX_BACKDATE_DAYS - 1), today)).toEqual(refused('date-too-old'));
    expect(checkRecordedDate(addDays(today, 1), today)).toEqual(refused('date-in-future'));
    expect(checkResults([r(`${village}/g1/h01`)], addDays(today, 1), today, villageOf, village)).toEqual(refused('date-in-future'));
  });

  it('a scheduled inspection is planned for today or later', () => {
    expect(checkScheduledFor(today, today)).toBe('ok');
    expect(checkScheduledFor(addDays(today, -1), today)).toEqual(refused('scheduled-in-past'));
  });

  it('an unannounced inspection comes with results; a scheduled one with a date', () => {
    expect(CreateInspection().safeParse({ kind: 'unannounced', village, topic: '垃圾分类', results: [] }).success).toBe(false);
    expect(CreateInspection().safeParse({ kind: 'scheduled', village, topic: '垃圾分类' }).success).toBe(false);
    expect(CreateInspection().safeParse({ kind: 'scheduled', village, topic: '垃圾分类', scheduledFor: today }).success).toBe(true);
    expect(
      CreateInspection().safeParse({
        kind: 'unannounced',
        village,
        topic: 'x',
        results: [{ household: `${village}/g1/h01`, item: 'rubbish', outcome: 'pass' }],
      }).success,
    ).toBe(false);
  });
});
