import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { FILE_REASONS, type FileReason, type FileRefusal } from './reasons.ts';
import { headerKey, SHEET_KINDS, SHEETS, type SheetKind } from './sheets.ts';

/**
 * Reading uploaded rosters (CSV or XLSX) into rows of cells by column, refusing a whole file — before any cell is
 * read — when it is too big, carries macros, is not a roster, or does not have the template's columns.
 */
export const LIMITS = {
  fileBytes: 10 * 1024 * 1024,
  /** A 10 MB workbook can unpack to gigabytes (a zip bomb); real rosters unpack to a few times their size. */
  unpackedBytes: 200 * 1024 * 1024,
  rowsPerSheet: 50_000,
  peoplePerVillage: 20_000,
} as const;

export type Cell = string | number | boolean | Date;

export interface RosterRow {
  /** The row number the clerk sees in Excel (the header is line 1 in a template). */
  line: number;
  /** Non-blank cells by column key. */
  cells: Record<string, Cell>;
}

export interface RosterSheet {
  kind: SheetKind;
  /** The sheet's name in the workbook, or the file's name for a CSV. */
  name: string;
  /** The headers as written in the file, by column key: problems name the column the clerk sees. */
  headers: Record<string, string>;
  rows: RosterRow[];
}

export type Roster = Partial<Record<SheetKind, RosterSheet>>;

export interface RosterFile {
  name: string;
  bytes: Uint8Array;
}

export type ReadResult = { ok: true; roster: Roster } | { ok: false; refusal: FileRefusal };

/** Headers clerks add that carry nothing to import: a running number and remarks. */
const IGNORED_HEADERS = new Set(['序号', '编号序号', '备注', 'no', 'no.', 'remarks', 'note'].map(headerKey));

class Refused extends Error {
  constructor(readonly refusal: FileRefusal) {
    super(refusal.message.en);
  }
}

function refuse<R extends FileReason>(
  reason: R,
  file: string,
  args: Parameters<(typeof FILE_REASONS)[R]>,
  extra: Partial<FileRefusal> = {},
): never {
  const message = (FILE_REASONS[reason] as (...a: unknown[]) => FileRefusal['message'])(...args);
  throw new Refused({ reason, file, ...extra, message });
}

/** Reads the files of one import (one workbook, or one CSV per sheet) into one roster. */
export async function readRoster(files: RosterFile[]): Promise<ReadResult> {
  try {
    const roster: Roster = {};
    for (const file of files) {
      for (const sheet of await readFile(file)) {
        if (roster[sheet.kind]) refuse('duplicate-sheet', file.name, [SHEETS[sheet.kind].zh], { sheet: sheet.name });
        roster[sheet.kind] = sheet;
      }
    }
    if (!Object.values(roster).some((s) => s.rows.length > 0)) refuse('empty', files.map((f) => f.name).join(', '), []);
    return { ok: true, roster };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: e.refusal };
    throw e;
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The OLE2 compound file: Excel 97–2003 workbooks (.xls), and also encrypted .xlsx. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

async function readFile(file: RosterFile): Promise<RosterSheet[]> {
  if (file.bytes.length > LIMITS.fileBytes) refuse('file-too-large', file.name, [LIMITS.fileBytes / 1024 / 1024]);
  if (startsWith(file.bytes, ZIP)) return readWorkbook(file);
  if (startsWith(file.bytes, OLE2)) refuse('old-xls', file.name, []);
  return readCsv(file);
}

/**
 * Text as Excel saves it: UTF-8 (with or without BOM), or GBK when saved as "CSV (逗号分隔)" on a Chinese Windows.
 * Bytes that are neither, or hold control characters no text has, are not a CSV file.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  for (const encoding of ['utf-8', 'gbk']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
      return hasControlCharacters(text) ? undefined : text;
    } catch {
      // not this encoding
    }
  }
  return undefined;
}

/** Tab, line feed and carriage return are the only control characters a CSV file holds. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

function readCsv(file: RosterFile): RosterSheet[] {
  const text = decodeText(file.bytes);
  if (text === undefined) refuse('not-csv-or-xlsx', file.name, []);
  let records: string[][];
  try {
    // One record more than a sheet may hold (and the header, and a title row above it) is enough to refuse.
    records = parse(text, { relax_column_count: true, relax_quotes: true, to: LIMITS.rowsPerSheet + 7 });
  } catch (e) {
    refuse('unreadable', file.name, [(e as Error).message]);
  }
  const sheet = toSheet(
    file.name,
    file.name,
    records.map((cells, i) => ({ line: i + 1, cells })),
  );
  return sheet ? [sheet] : [];
}

async function readWorkbook(file: RosterFile): Promise<RosterSheet[]> {
  await inspectPackage(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch (e) {
    refuse('unreadable', file.name, [(e as Error).message]);
  }
  const sheets: RosterSheet[] = [];
  workbook.eachSheet((ws) => {
    const rows: RawRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: (Cell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = cellValue(cell.value);
      });
      rows.push({ line: row.number, cells });
    });
    const sheet = toSheet(file.name, ws.name, rows);
    if (sheet) sheets.push(sheet);
  });
  return sheets;
}

/**
 * Looks inside the package before exceljs reads it: macros (a vbaProject part, or the xlsm content type) are refused,
 * and every part is unpacked as a stream with a byte budget while worksheets' rows are counted, so neither a zip bomb
 * nor 200,000 rows are ever parsed.
 */
async function inspectPackage(file: RosterFile): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file.bytes);
  } catch {
    refuse('not-csv-or-xlsx', file.name, []);
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir);
  if (parts.some((p) => /(^|\/)vbaProject\.bin$/i.test(p.name))) refuse('macro-enabled', file.name, []);
  const contentTypes = zip.file('[Content_Types].xml');
  const types = contentTypes ? await unpack(file, contentTypes, { budget: 1024 * 1024 }) : { text: '' };
  if (/macroEnabled/i.test(types.text)) refuse('macro-enabled', file.name, []);
  if (!/spreadsheetml\.(sheet|template)\.main\+xml/.test(types.text)) refuse('not-csv-or-xlsx', file.name, []);
  let budget: number = LIMITS.unpackedBytes;
  const tooMany: string[] = [];
  for (const part of parts) {
    const worksheet = /^xl\/worksheets\/[^/]+\.xml$/.test(part.name);
    const { bytes, rows } = await unpack(file, part, { budget, countRows: worksheet });
    budget -= bytes;
    if (rows > LIMITS.rowsPerSheet + 1) tooMany.push(part.name);
  }
  if (tooMany.length > 0) {
    const names = await sheetNames(zip);
    refuse('too-many-rows', file.name, [LIMITS.rowsPerSheet], { sheet: tooMany.map((p) => names.get(p) ?? p).join(', ') });
  }
}

/** Unpacks one part as a stream, stopping as soon as the budget is spent or there are more rows than a sheet may hold. */
function unpack(
  file: RosterFile,
  part: JSZip.JSZipObject,
  opts: { budget: number; countRows?: boolean },
): Promise<{ text: string; bytes: number; rows: number }> {
  return new Promise((resolve, reject) => {
    const stream = part.nodeStream('nodebuffer');
    const keep = !opts.countRows && opts.budget <= 1024 * 1024;
    let bytes = 0;
    let rows = 0;
    let tail = '';
    let text = '';
    const stop = (result: { text: string; bytes: number; rows: number }) => {
      stream.removeAllListeners('data');
      stream.pause();
      resolve(result);
    };
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > opts.budget) {
        stream.removeAllListeners('data');
        stream.pause();
        reject(
          new Refused({
            reason: 'file-unpacks-too-large',
            file: file.name,
            message: FILE_REASONS['file-unpacks-too-large'](LIMITS.unpackedBytes / 1024 / 1024),
          }),
        );
        return;
      }
      const s = chunk.toString('latin1');
      if (keep) text += s;
      if (opts.countRows) {
        // `<row ` or `<x:row>`: rows may carry a namespace prefix; a tag may straddle two chunks.
        rows += (tail + s).match(/<(?:\w+:)?row[\s>]/g)?.length ?? 0;
        tail = s.slice(-12);
        rows -= tail.match(/<(?:\w+:)?row[\s>]/g)?.length ?? 0;
        if (rows > LIMITS.rowsPerSheet + 1) stop({ text, bytes, rows });
      }
    });
    stream.on('end', () => resolve({ text, bytes, rows: rows + (tail.match(/<(?:\w+:)?row[\s>]/g)?.length ?? 0) }));
    stream.on('error', () =>
      reject(new Refused({ reason: 'unreadable', file: file.name, message: FILE_REASONS.unreadable('damaged zip / 压缩包损坏') })),
    );
  });
}

/** Worksheet part → sheet name, from the workbook's own list of sheets, only to name a refused sheet. */
async function sheetNames(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => [attr(tag, 'Id'), attr(tag, 'Target')?.replace(/^\/?(xl\/)?/, 'xl/')]),
  );
  return new Map(
    [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].flatMap(([tag]) => {
      const part = targets.get(attr(tag, 'r:id'));
      const name = attr(tag, 'name');
      return part && name ? [[part, name] as const] : [];
    }),
  );
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** A cell as exceljs gives it, reduced to what a roster holds: formulas by their result, rich text by its text. */
function cellValue(value: ExcelJS.CellValue): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value)
    return (
      value.richText
        .map((r) => r.text)
        .join('')
        .trim() || undefined
    );
  if ('hyperlink' in value) return String(value.text).trim() || undefined;
  if ('result' in value) return value.result === undefined ? undefined : cellValue(value.result as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return undefined;
}

interface RawRow {
  line: number;
  cells: (Cell | undefined)[];
}

/** How many of a row's cells are headers of a sheet kind. */
function score(kind: SheetKind, headers: string[]): number {
  const known = new Set(SHEETS[kind].columns.flatMap((c) => [c.zh, ...c.aliases].map(headerKey)));
  return headers.filter((h) => known.has(headerKey(h))).length;
}

/**
 * Finds the header row (a title row such as 马家桥村人口花名册 may sit above it), tells which roster the sheet is by
 * its headers, and refuses it when a required column is missing or a column is not the template's.
 */
function toSheet(file: string, name: string, raw: RawRow[]): RosterSheet | undefined {
  const text = (c: Cell | undefined) => (c === undefined ? '' : String(c).trim());
  const candidates = raw.filter((r) => r.cells.some((c) => text(c) !== '')).slice(0, 5);
  const best = (r: RawRow) => Math.max(...SHEET_KINDS.map((k) => score(k, r.cells.map(text))));
  const headerRow = candidates.find((r) => best(r) >= 2) ?? candidates[0];
  if (!headerRow) return undefined;
  const titles = headerRow.cells.map(text);
  const kind = [...SHEET_KINDS].sort((a, b) => score(b, titles) - score(a, titles))[0]!;
  const spec = SHEETS[kind];
  const byHeader = new Map(spec.columns.flatMap((c) => [c.zh, ...c.aliases].map((h) => [headerKey(h), c.key] as const)));
  const keyAt: (string | undefined)[] = [];
  const headers: Record<string, string> = {};
  const unknown: string[] = [];
  titles.forEach((title, i) => {
    if (title === '' || IGNORED_HEADERS.has(headerKey(title))) return;
    const key = byHeader.get(headerKey(title));
    if (key === undefined || headers[key] !== undefined) {
      unknown.push(title);
      return;
    }
    headers[key] = title;
    keyAt[i] = key;
  });
  const missing = spec.columns.filter((c) => c.required && headers[c.key] === undefined).map((c) => c.zh);
  if (score(kind, titles) === 0) {
    refuse('wrong-columns', file, [[], unknown, SHEET_KINDS.map((k) => SHEETS[k].zh).join('/')], { sheet: name, missing: [], unknown });
  }
  if (missing.length > 0 || unknown.length > 0)
    refuse('wrong-columns', file, [missing, unknown, spec.zh], { sheet: name, missing, unknown });
  const rows: RosterRow[] = [];
  for (const r of raw) {
    if (r.line <= headerRow.line) continue;
    const cells: Record<string, Cell> = {};
    r.cells.forEach((c, i) => {
      const key = keyAt[i];
      if (key !== undefined && c !== undefined && text(c) !== '') cells[key] = typeof c === 'string' ? c.trim() : c;
    });
    if (Object.keys(cells).length > 0) rows.push({ line: r.line, cells });
  }
  // A sheet left blank (a template's other sheets) is no sheet: an empty people sheet must not read as "all left".
  if (rows.length === 0) return undefined;
  if (rows.length > LIMITS.rowsPerSheet) refuse('too-many-rows', file, [LIMITS.rowsPerSheet], { sheet: name });
  return { kind, name, headers, rows };
}
