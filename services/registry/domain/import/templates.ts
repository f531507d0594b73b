import ExcelJS from 'exceljs';
import { SHEET_KINDS, SHEETS, type SheetKind } from './sheets.ts';

/**
 * The blank templates a clerk fills in: each sheet as CSV, and one workbook with a sheet per roster whose headers
 * carry a note (批注) explaining the column. Line 1 is the header in both, so the report's line numbers are Excel's.
 */
const BOM = [0xef, 0xbb, 0xbf];

/** A sheet's template as CSV: UTF-8 with a BOM, without which Excel on a Chinese Windows reads it as GBK. */
export function templateCsv(kind: SheetKind): Uint8Array {
  const header = SHEETS[kind].columns.map((c) => c.zh).join(',');
  return new Uint8Array([...BOM, ...new TextEncoder().encode(`${header}\r\n`)]);
}

/** Rows the workbook formats and validates ahead of the clerk: more than a village has. */
const PREPARED_ROWS = 2000;

const CHOICES: Record<string, string> = { sex: '"男,女"', resident: '"是,否"', partyMember: '"是,否"', endReason: '"任期届满,辞职,罢免,更正"' };

export async function templateWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cocreate registry';
  for (const kind of SHEET_KINDS) {
    const spec = SHEETS[kind];
    const ws = workbook.addWorksheet(spec.zh, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({ header: c.zh, key: c.key, width: Math.max(12, c.zh.length * 2 + 4), ...(c.text ? { style: { numFmt: '@' } } : {}) }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.note = `${c.required ? '【必填】' : '【选填】'}${c.note.zh}\n${c.required ? '(required) ' : '(optional) '}${c.note.en}`;
      if (c.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      const choices = CHOICES[c.key];
      if (choices) {
        const letter = ws.getColumn(i + 1).letter;
        for (let r = 2; r <= PREPARED_ROWS; r++) ws.getCell(`${letter}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [choices] };
      }
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
