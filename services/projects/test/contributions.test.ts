import { describe, expect, it } from 'vitest';
import {
  RecordContribution,
  checkRateChange,
  checkRateReplace,
  labourIsPaid,
  rateOn,
  valueContribution,
  valueLabour,
  valueMaterials,
} from '../domain/contributions.ts';
import { chinaDay } from '@cocreate/places';

const H = 'hubei/huanggang/hongan/qiliping/majiaqiao/g1/h03';
const rates = [
  { effectiveFrom: '2026-01-01', hourlyWage: 2000 },
  { effectiveFrom: '2026-05-01', hourlyWage: 2500 },
  { effectiveFrom: '2026-09-01', hourlyWage: 2800 },
];

describe('the local hourly wage, versioned by date (当地工时费)', () => {
  it('uses the rate in force on the work date, switching on the effective date itself', () => {
    expect(rateOn(rates, '2025-12-31')).toBeUndefined();
    expect(rateOn(rates, '2026-01-01')!.hourlyWage).toBe(2000);
    expect(rateOn(rates, '2026-04-30')!.hourlyWage).toBe(2000);
    expect(rateOn(rates, '2026-05-01')!.hourlyWage).toBe(2500);
    expect(rateOn(rates, '2027-01-01')!.hourlyWage).toBe(2800);
    // Order of the list does not matter.
    expect(rateOn([...rates].reverse(), '2026-06-15')!.hourlyWage).toBe(2500);
  });

  it('values hours in quarter hours, to the nearest fen', () => {
    expect(valueLabour(8, 2500)).toBe(20_000);
    expect(valueLabour(0.25, 2001)).toBe(500); // 500.25 → 500
    expect(valueLabour(0.5, 2001)).toBe(1001); // 1000.5 → 1001 (halves up)
    expect(valueLabour(7.75, 3333)).toBe(25_831); // 25830.75 → 25831
  });

  it('is set ahead and never changed once in force', () => {
    expect(checkRateChange('2026-05-01', '2026-05-01')).toEqual({ ok: true });
    expect(checkRateChange('2026-04-30', '2026-05-01')).toEqual({ refused: 'backdated', detail: { today: '2026-05-01' } });
    expect(checkRateReplace({ effectiveFrom: '2026-05-02', hourlyWage: 1 }, '2026-05-01')).toEqual({ ok: true });
    expect(checkRateReplace({ effectiveFrom: '2026-05-01', hourlyWage: 1 }, '2026-05-01')).toEqual({
      refused: 'rate-in-force',
      detail: { effectiveFrom: '2026-05-01' },
    });
  });
});

describe('valuing contributions (出钱出力出物让地出点子)', () => {
  const rateFor = (d: string) => rateOn(rates, d);

  it('pays labour on cooperative-built projects, counts it in kind on the others', () => {
    expect(labourIsPaid('cooperative')).toBe(true);
    expect(labourIsPaid('residents')).toBe(false);
    expect(labourIsPaid('contractor')).toBe(false);
    const labour = RecordContribution().parse({
      kind: 'labour',
      household: H,
      person: 'p-majiaqiao-03',
      hours: 8,
      contributedOn: '2026-04-30',
    });
    expect(valueContribution(labour, 'cooperative', '2026-06-01', rateFor)).toEqual({
      value: 16_000,
      paid: true,
      hours: 8,
      hourlyWage: 2000,
    });
    expect(valueContribution({ ...labour, contributedOn: '2026-05-01' }, 'residents', '2026-06-01', rateFor)).toEqual({
      value: 20_000,
      paid: false,
      hours: 8,
      hourlyWage: 2500,
    });
  });

  it('refuses labour with no rate in force, and any contribution dated in the future', () => {
    const labour = RecordContribution().parse({
      kind: 'labour',
      household: H,
      person: 'p-majiaqiao-03',
      hours: 8,
      contributedOn: '2025-12-31',
    });
    expect(valueContribution(labour, 'residents', '2026-06-01', rateFor)).toEqual({
      refused: 'no-wage-rate',
      detail: { date: '2025-12-31' },
    });
    const money = RecordContribution().parse({ kind: 'money', household: H, amount: 100, contributedOn: '2026-06-02' });
    expect(valueContribution(money, 'residents', '2026-06-01', rateFor)).toEqual({
      refused: 'future-date',
      detail: { today: '2026-06-01' },
    });
  });

  it('values materials at quantity × agreed price, land and ideas at nothing', () => {
    expect(valueMaterials(2.5, 1999)).toBe(4998); // 4997.5 → 4998
    expect(valueMaterials(0.001, 1_000_000)).toBe(1000);
    const m = RecordContribution().parse({
      kind: 'materials',
      household: H,
      contributedOn: '2026-05-01',
      description: '水泥',
      quantity: 3,
      unit: '吨',
      unitPrice: 45_000,
    });
    expect(valueContribution(m, 'residents', '2026-06-01', rateFor)).toEqual({ value: 135_000, paid: false });
    const land = RecordContribution().parse({
      kind: 'land',
      household: H,
      contributedOn: '2026-05-01',
      description: '让出菜地',
      area: 30,
      termMonths: 120,
    });
    expect(valueContribution(land, 'residents', '2026-06-01', rateFor)).toEqual({ value: 0, paid: false });
    const idea = RecordContribution().parse({ kind: 'ideas', household: H, contributedOn: '2026-05-01', description: '排水沟加盖板' });
    expect(valueContribution(idea, 'residents', '2026-06-01', rateFor)).toEqual({ value: 0, paid: false });
  });

  it('validates each kind’s fields', () => {
    expect(RecordContribution().safeParse({ kind: 'labour', household: H, hours: 8, contributedOn: '2026-05-01' }).success).toBe(false); // no person
    expect(
      RecordContribution().safeParse({ kind: 'labour', household: H, person: 'p-1', hours: 8.1, contributedOn: '2026-05-01' }).success,
    ).toBe(false);
    expect(
      RecordContribution().safeParse({ kind: 'labour', household: H, person: 'p-1', hours: 25, contributedOn: '2026-05-01' }).success,
    ).toBe(false);
    expect(RecordContribution().safeParse({ kind: 'money', household: H, amount: 10.5, contributedOn: '2026-05-01' }).success).toBe(false);
    expect(
      RecordContribution().safeParse({
        kind: 'materials',
        household: H,
        contributedOn: '2026-05-01',
        description: 'x',
        quantity: 1.0001,
        unit: 't',
        unitPrice: 1,
      }).success,
    ).toBe(false);
    expect(RecordContribution().safeParse({ kind: 'gold', household: H, contributedOn: '2026-05-01' }).success).toBe(false);
  });
});

describe('dates in China', () => {
  it('turns over at midnight Beijing time, not UTC', () => {
    expect(chinaDay(new Date('2026-05-01T15:59:59Z'))).toBe('2026-05-01');
    expect(chinaDay(new Date('2026-05-01T16:00:00Z'))).toBe('2026-05-02');
  });
});
