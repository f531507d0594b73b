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

export async function templateWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cocreate registry';
  for (const kind of SHEET_KINDS) {
    const spec = SHEETS[kind];
    const ws = workbook.addWorksheet(spec.zh, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({
      header: c.zh,
      key: c.key,
      width: Math.max(12, c.zh.length * 2 + 4),
      ...(c.text ? { style: { numFmt: '@' } } : {}),
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.note = `${c.required ? '【必填】' : '【选填】'}${c.note.zh}\n${c.required ? '(required) ' : '(optional) '}${c.note.en}`;
      if (c.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
