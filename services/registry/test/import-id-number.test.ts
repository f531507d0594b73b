import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckCharacter } from '../domain/import/id-number.ts';

describe('checkIdNumber (GB 11643)', () => {
  it('reads the date of birth and the sex of a valid number, X check character included', () => {
    // The standard's own example: a woman born 1949-12-31 in Beijing's Chaoyang district.
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true, idNumber: '11010519491231002X', bornOn: '1949-12-31', sex: 'female' });
    expect(checkIdNumber(' 110105 19491231 002x ')).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
    expect(checkIdNumber('440524188001010014')).toEqual({ ok: false, reason: 'id-number-birth-date' });
    const man = `42112219800504123${idCheckCharacter('42112219800504123')}`;
    expect(checkIdNumber(man)).toEqual({ ok: true, idNumber: man, bornOn: '1980-05-04', sex: 'male' });
  });

  it('refuses a mistyped digit by its check character', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'id-number-check-digit' });
    expect(checkIdNumber('11010519491231012X')).toEqual({ ok: false, reason: 'id-number-check-digit' });
  });

  it('refuses old 15-digit numbers with their own reason', () => {
    expect(checkIdNumber('110105491231002')).toEqual({ ok: false, reason: 'id-number-old-15' });
  });

  it('refuses a date of birth that does not exist, and anything that is not 17 digits and a check character', () => {
    const feb30 = '42112219800230123';
    expect(checkIdNumber(feb30 + idCheckCharacter(feb30))).toEqual({ ok: false, reason: 'id-number-birth-date' });
    for (const bad of ['', '4211221980050412', '4211221980050412345', '42112219800504123Y', '4211221980O504123X']) {
      expect(checkIdNumber(bad)).toEqual({ ok: false, reason: 'id-number-format' });
    }
  });
});
