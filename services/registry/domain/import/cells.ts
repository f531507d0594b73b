import { isCalendarDate } from './id-number.ts';
import { type Cell } from './read.ts';

/**
 * Reading a cell's value as the clerk meant it, whether it came from a CSV (always text) or from a workbook (where
 * Excel may have turned a date into a Date, a phone number into a number, or an ID number into 4.21122E+17).
 */

/** The text of a cell; a date cell as yyyy-mm-dd. */
export function cellText(cell: Cell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell).trim();
}

/** Excel's day 0 (its serial dates count from 1899-12-30, having kept Lotus's missing 1900-02-29). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** 2026-01-01, 2026/1/1, 2026.1.1, 2026年1月1日, 20260101, a date cell, or an Excel serial date. */
export function cellDate(cell: Cell): string | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number' && !/^\d{8}$/.test(String(cell))) {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return undefined;
    return new Date(EXCEL_EPOCH + cell * 86_400_000).toISOString().slice(0, 10);
  }
  const s = cellText(cell);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/** A floor area in m², with or without its unit. */
export function cellArea(cell: Cell): number | undefined {
  if (typeof cell === 'number') return cell;
  const m = /^(\d+(?:\.\d+)?)\s*(?:㎡|m²|m2|平方米|平米)?$/i.exec(cellText(cell));
  return m ? Number(m[1]) : undefined;
}

/**
 * An ID number as text, or `undefined` when Excel has stored it as a number: an 18-digit number is past what a
 * double holds exactly, so its last digits are already gone (4.21122E+17 in a CSV saved from such a sheet).
 */
export function cellIdNumber(cell: Cell): string | undefined {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? String(cell) : undefined;
  const s = cellText(cell);
  return /^\d(\.\d+)?e\+\d+$/i.test(s) ? undefined : s;
}

/** `a` plus `years` years; 29 February becomes 1 March in a common year. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return date.toISOString().slice(0, 10);
}
