import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { LIMITS, readRoster, type ReadResult } from '../domain/import/read.ts';
import { SHEET_KINDS, SHEETS } from '../domain/import/sheets.ts';
import { templateCsv, templateWorkbook } from '../domain/import/templates.ts';

const PEOPLE_HEADER = SHEETS.people.columns.map((c) => c.zh).join(',');
const ROW = 'p-x-01,王建国,11010519491231002X,女,1949-12-31,13800000000,g1/h01,户主,是,否';
const utf8 = (s: string) => new TextEncoder().encode(s);
const refusal = (r: ReadResult) => (r.ok ? undefined : r.refusal);

/** GBK bytes of a text, from the platform's own GBK decoder run backwards (Node has no GBK encoder). */
function gbk(text: string): Uint8Array {
  const codes = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) codes.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  return new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : codes.get(c)!)));
}

/**
 * A zip of the given parts, deflated by Node's own zlib: JSZip's pure-JS deflate takes tens of seconds over the
 * hundreds of megabytes a zip bomb or 200,000 rows unpack to.
 */
function zipOf(parts: Record<string, Uint8Array | string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
    const packed = deflateRawSync(data, { level: 1 });
    const file = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(file.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(file.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, file, packed);
    centrals.push(central, file);
    offset += local.length + file.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The parts of a workbook exceljs wrote, to change some before zipping them again. */
async function partsOf(bytes: Uint8Array): Promise<Record<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f.name, await f.async('uint8array')] as const)));
}

async function workbook(rows: unknown[][], name = '人口花名册'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading rosters', () => {
  it('reads a UTF-8 CSV with its BOM, lines numbered as Excel shows them', async () => {
    const read = await readRoster([
      { name: 'people.csv', bytes: utf8(`\uFEFF${PEOPLE_HEADER}\r\n${ROW}\r\n\r\n${ROW.replace('p-x-01', 'p-x-02')}\r\n`) },
    ]);
    expect(read.ok).toBe(true);
    const sheet = read.ok ? read.roster.people! : undefined;
    expect(sheet?.rows.map((r) => [r.line, r.cells.person, r.cells.fullName])).toEqual([
      [2, 'p-x-01', '王建国'],
      [4, 'p-x-02', '王建国'],
    ]);
    expect(sheet?.headers.fullName).toBe('姓名');
  });

  it('reads a GBK CSV, as Excel on a Chinese Windows saves it', async () => {
    const bytes = gbk(`${PEOPLE_HEADER}\r\n${ROW}\r\n`);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const read = await readRoster([{ name: 'people.csv', bytes }]);
    expect(read.ok && read.roster.people!.rows[0]!.cells).toMatchObject({ fullName: '王建国', relation: '户主', resident: '是' });
  });

  it('accepts English headers, a title row above the header, and a 序号 column', async () => {
    const read = await readRoster([
      { name: 'places.csv', bytes: utf8('马家桥村地点表\n序号,path,kind,name,name-en\n1,g1,湾组,1组,Group 1\n') },
    ]);
    expect(read.ok && read.roster.places!.rows).toEqual([{ line: 3, cells: { path: 'g1', kind: '湾组', zh: '1组', en: 'Group 1' } }]);
  });

  it('reads a workbook: sheets told apart by their headers, dates and numbers as Excel stored them', async () => {
    const bytes = await workbook(
      [
        ['组织', '人员编号', '任期开始'],
        ['村党支部', 'p-x-01', new Date(Date.UTC(2026, 0, 1))],
      ],
      'Sheet1',
    );
    const read = await readRoster([{ name: 'roster.xlsx', bytes }]);
    expect(read.ok && read.roster.memberships).toMatchObject({
      name: 'Sheet1',
      rows: [{ line: 2, cells: { body: '村党支部', person: 'p-x-01', from: new Date(Date.UTC(2026, 0, 1)) } }],
    });
  });

  it('serves templates that read back: a CSV per sheet and one workbook with a sheet and a note per column', async () => {
    for (const kind of SHEET_KINDS) {
      const csv = templateCsv(kind);
      expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const header = new TextDecoder().decode(csv);
      const filled = utf8(`${header}${SHEETS[kind].columns.map((c) => (c.required ? 'x' : '')).join(',')}\r\n`);
      const read = await readRoster([{ name: `${kind}.csv`, bytes: filled }]);
      expect(read.ok && read.roster[kind]?.rows).toHaveLength(1);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateWorkbook()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEET_KINDS.map((k) => SHEETS[k].zh));
    const people = wb.getWorksheet('人口花名册')!;
    expect(people.getCell('C1').value).toBe('身份证号');
    expect(String(people.getCell('C1').note)).toContain('18位');
    people.getRow(2).values = ['', '王建国', '11010519491231002X', '女', '', '', 'g1/h01', '户主'];
    const read = await readRoster([{ name: 'template.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }]);
    expect(read.ok && Object.keys(read.roster)).toEqual(['people']);
    expect(read.ok && read.roster.people!.rows[0]!.cells).toMatchObject({ fullName: '王建国', idNumber: '11010519491231002X' });
  });
});

describe('files refused whole, before any cell is read', () => {
  it('wrong columns: names the missing and the unknown ones', async () => {
    const read = await readRoster([
      { name: 'people.csv', bytes: utf8('姓名,身份证号,住址,与户主关系\n王建国,11010519491231002X,某街,户主\n') },
    ]);
    expect(refusal(read)).toMatchObject({ reason: 'wrong-columns', file: 'people.csv', missing: ['户'], unknown: ['住址'] });
    expect(refusal(read)!.message.zh).toContain('缺少：户');
    const none = await readRoster([{ name: 'x.csv', bytes: utf8('a,b,c\n1,2,3\n') }]);
    expect(refusal(none)).toMatchObject({ reason: 'wrong-columns', unknown: ['a', 'b', 'c'] });
  });

  it('10 MB of junk bytes: too large; a little junk: neither CSV nor XLSX; an old .xls: its own reason', async () => {
    const junk = new Uint8Array(LIMITS.fileBytes + 1).map((_, i) => (i * 2654435761) >>> 24);
    expect(refusal(await readRoster([{ name: 'people.csv', bytes: junk }]))).toMatchObject({ reason: 'file-too-large' });
    expect(refusal(await readRoster([{ name: 'people.csv', bytes: junk.slice(0, 4096) }]))).toMatchObject({ reason: 'not-csv-or-xlsx' });
    expect(refusal(await readRoster([{ name: 'people.xlsx', bytes: junk.slice(0, 4096) }]))).toMatchObject({ reason: 'not-csv-or-xlsx' });
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...junk.slice(0, 512)]);
    expect(refusal(await readRoster([{ name: 'people.xls', bytes: xls }]))).toMatchObject({ reason: 'old-xls' });
    const zip = new JSZip().file('word/document.xml', '<w:document/>');
    expect(refusal(await readRoster([{ name: 'people.xlsx', bytes: await zip.generateAsync({ type: 'uint8array' }) }]))).toMatchObject({
      reason: 'not-csv-or-xlsx',
    });
  });

  it('a macro-enabled workbook: by its vbaProject part, or by its content type', async () => {
    const plain = await workbook([PEOPLE_HEADER.split(','), ROW.split(',')]);
    const withVba = await JSZip.loadAsync(plain);
    withVba.file('xl/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    expect(refusal(await readRoster([{ name: 'roster.xlsx', bytes: await withVba.generateAsync({ type: 'uint8array' }) }]))).toMatchObject({
      reason: 'macro-enabled',
    });
    const xlsm = await JSZip.loadAsync(plain);
    const types = await xlsm.file('[Content_Types].xml')!.async('string');
    xlsm.file(
      '[Content_Types].xml',
      types.replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      ),
    );
    expect(refusal(await readRoster([{ name: 'roster.xlsx', bytes: await xlsm.generateAsync({ type: 'uint8array' }) }]))).toMatchObject({
      reason: 'macro-enabled',
    });
  });

  it('200,000 rows of one village, as CSV and as XLSX: refused quickly by their row count', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `,王${i % 10},,,,,g1/h${i % 100},户主,,`);
    const csv = utf8(`${PEOPLE_HEADER}\n${rows.join('\n')}\n`);
    expect(csv.length).toBeLessThan(LIMITS.fileBytes);
    let started = performance.now();
    expect(refusal(await readRoster([{ name: 'people.csv', bytes: csv }]))).toMatchObject({ reason: 'too-many-rows', sheet: 'people.csv' });
    expect(performance.now() - started).toBeLessThan(5_000);

    // A real workbook with one small sheet, whose sheet part is then replaced by 200,000 rows of inline strings.
    const parts = await partsOf(await workbook([PEOPLE_HEADER.split(',')]));
    const part = 'xl/worksheets/sheet1.xml';
    const row = (i: number) =>
      `<row r="${i}"><c r="B${i}" t="inlineStr"><is><t>王明</t></is></c><c r="G${i}" t="inlineStr"><is><t>g1/h01</t></is></c></row>`;
    const body = Array.from({ length: 200_000 }, (_, i) => row(i + 2)).join('');
    const xlsx = zipOf({
      ...parts,
      [part]: new TextDecoder().decode(parts[part]).replace(/<\/row><\/sheetData>/, `</row>${body}</sheetData>`),
    });
    expect(xlsx.length).toBeLessThan(LIMITS.fileBytes);
    started = performance.now();
    expect(refusal(await readRoster([{ name: 'roster.xlsx', bytes: xlsx }]))).toMatchObject({
      reason: 'too-many-rows',
      sheet: '人口花名册',
    });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a workbook that unpacks far beyond its size (a zip bomb)', async () => {
    const parts = await partsOf(await workbook([PEOPLE_HEADER.split(',')]));
    const bomb = zipOf({ ...parts, 'xl/media/padding.xml': ' '.repeat(LIMITS.unpackedBytes + 1) });
    expect(bomb.length).toBeLessThan(LIMITS.fileBytes);
    expect(refusal(await readRoster([{ name: 'roster.xlsx', bytes: bomb }]))).toMatchObject({ reason: 'file-unpacks-too-large' });
  });

  it('two files of the same sheet, and files without rows', async () => {
    const people = { name: 'people.csv', bytes: utf8(`${PEOPLE_HEADER}\n${ROW}\n`) };
    expect(refusal(await readRoster([people, { ...people, name: 'people (2).csv' }]))).toMatchObject({
      reason: 'duplicate-sheet',
      file: 'people (2).csv',
    });
    expect(refusal(await readRoster([{ name: 'people.csv', bytes: templateCsv('people') }]))).toMatchObject({ reason: 'empty' });
  });
});
