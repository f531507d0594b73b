import { idCheckCharacter } from '../domain/import/id-number.ts';

/** A valid 18-character ID number for a region, a date of birth and a 3-digit sequence (odd: male). */
export function idNumber(bornOn: string, sequence = '123', region = '420102'): string {
  const first17 = `${region}${bornOn.replace(/-/g, '')}${sequence}`;
  return `${first17}${idCheckCharacter(first17)}`;
}
