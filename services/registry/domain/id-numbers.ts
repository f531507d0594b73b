import { checkIdNumber } from './import/id-number.ts';
import { type Refused, refused } from './refusals.ts';

export interface IdNumberFacts {
  /** Upper-case, no spaces: what is encrypted, hashed and masked. */
  normalised: string;
  /** The date of birth the number carries (digits 7–14). */
  bornOn: string;
  /** The 17th digit: odd for men, even for women. */
  sex: 'male' | 'female';
}

/**
 * An ID number entered through the API, checked as the roster import checks it (GB 11643-1999: format, check
 * character, a real date of birth) and, beyond that, born no later than today.
 */
export function idNumberFacts(raw: string, today: string): IdNumberFacts | Refused {
  const id = checkIdNumber(raw);
  if (!id.ok) return refused(id.reason);
  if (id.bornOn > today) return refused('id-number-birth-date');
  return { normalised: id.idNumber, bornOn: id.bornOn, sex: id.sex };
}

/** The day a person born on `bornOn` turns 18; someone born on 29 February comes of age on 1 March. */
export function votingAgeFrom(bornOn: string): string {
  const [y, m, d] = bornOn.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 18, m - 1, d)).toISOString().slice(0, 10);
}
