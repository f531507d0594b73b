/**
 * The resident ID number (居民身份证号码, GB 11643-1999): 6 digits of region, 8 of date of birth, 3 of sequence
 * (odd for men, even for women) and a check character (ISO 7064 MOD 11-2, `X` for 10).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberCheck =
  | { ok: true; idNumber: string; bornOn: string; sex: 'male' | 'female' }
  | { ok: false; reason: 'id-number-format' | 'id-number-old-15' | 'id-number-birth-date' | 'id-number-check-digit' };

/** The check character of the first 17 characters of an ID number. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/**
 * Checks an ID number as a clerk typed it (spaces and a lower-case x tolerated) and reads the date of birth and sex
 * it carries. 15-digit numbers (issued before 1999) are refused on their own: they have no check digit, and every
 * holder has long since been issued an 18-digit one.
 */
export function checkIdNumber(input: string): IdNumberCheck {
  const idNumber = input.replace(/\s/g, '').toUpperCase();
  if (/^\d{15}$/.test(idNumber)) return { ok: false, reason: 'id-number-old-15' };
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, reason: 'id-number-format' };
  const bornOn = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isCalendarDate(bornOn) || bornOn < '1900-01-01') return { ok: false, reason: 'id-number-birth-date' };
  if (idCheckCharacter(idNumber) !== idNumber[17]) return { ok: false, reason: 'id-number-check-digit' };
  return { ok: true, idNumber, bornOn, sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female' };
}

/** True for an ISO date (yyyy-mm-dd) that exists in the calendar. */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso;
}
