import type { BallotChannel } from '@cocreate/contracts';
import type { Choice, PaperLine } from './votes.ts';

/** Words in both languages. */
export interface Text {
  zh: string;
  en: string;
}

/**
 * 纸质选票 CSV: a step's paper ballots as one file, checked whole before anything is counted. The file is UTF-8 CSV
 * (a BOM, CRLF or LF, quoted fields as Excel writes them); its first row names the columns, in English or Chinese:
 *
 *   voter  投票人编号   required  the voter's register id (p-…)
 *   choice 表决意见     required  yes / no / abstain, or 赞成 / 反对 / 弃权; blank = this member did not vote on paper
 *   line   行号         optional  the line number on the paper sheet (default: the row's position among the ballots)
 *   name   姓名         optional  ignored (the template shows each member's masked name to help the clerk)
 *
 * Other columns are ignored. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
export const PAPER_CSV_COLUMNS = [
  { name: 'voter', zh: '投票人编号', required: true, en: "the voter's register id" },
  { name: 'choice', zh: '表决意见', required: true, en: 'yes, no or abstain (赞成, 反对, 弃权); blank: did not vote on paper' },
  { name: 'line', zh: '行号', required: false, en: 'the line number on the paper sheet' },
  { name: 'name', zh: '姓名', required: false, en: 'ignored: the masked name, for the clerk' },
] as const;

/** The most ballots one file may hold (a paper sheet's limit), and its size (checked by the route, in characters). */
export const MAX_CSV_BALLOTS = 1000;
export const MAX_CSV_CHARS = 256 * 1024;

export type RowProblemCode =
  | 'not-csv'
  | 'empty-file'
  | 'missing-column'
  | 'duplicate-column'
  | 'too-many-rows'
  | 'bad-row'
  | 'bad-choice'
  | 'bad-line'
  | 'unknown-voter'
  | 'not-eligible'
  | 'duplicate-in-file'
  | 'already-voted';

/** What each problem says, in both languages. */
export const ROW_PROBLEMS: Readonly<Record<RowProblemCode, Text>> = {
  'not-csv': { zh: '文件不是 UTF-8 文本格式的 CSV。', en: 'The file is not UTF-8 CSV text.' },
  'empty-file': { zh: '文件没有任何选票行。', en: 'The file holds no ballot rows.' },
  'missing-column': { zh: '表头缺少必填列。', en: 'The header lacks a required column.' },
  'duplicate-column': { zh: '表头中同一列出现了两次。', en: 'The header names a column twice.' },
  'too-many-rows': { zh: `一个文件最多 ${MAX_CSV_BALLOTS} 张选票。`, en: `A file holds at most ${MAX_CSV_BALLOTS} ballots.` },
  'bad-row': {
    zh: '该行的列数与表头不符，或引号未闭合。',
    en: 'The row has another number of cells than the header, or an unclosed quote.',
  },
  'bad-choice': { zh: '表决意见须为 赞成/反对/弃权（yes/no/abstain）。', en: 'The choice must be yes, no or abstain (赞成, 反对, 弃权).' },
  'bad-line': { zh: '行号须为正整数，且在文件中不重复。', en: 'The line number must be a positive whole number, once per file.' },
  'unknown-voter': { zh: '村情台账中没有该投票人。', en: 'The register knows no such voter.' },
  'not-eligible': { zh: '该投票人不是本环节表决组织的成员。', en: 'The voter is not a member of the body voting at this step.' },
  'duplicate-in-file': {
    zh: '同一投票人在文件中出现了多次（首次出现的行见 firstRow）。',
    en: 'The voter is on more than one row (see firstRow).',
  },
  'already-voted': {
    zh: '该投票人已通过其他渠道或其他计票单投过票。',
    en: 'The voter already has a counted ballot (another channel or sheet).',
  },
};

export interface RowProblem {
  /** The spreadsheet row (the header is 1); 0 for a problem of the whole file. */
  row: number;
  code: RowProblemCode;
  message: Text;
  column?: string;
  voter?: string;
  value?: string;
  firstRow?: number;
  existing?: { channel: BallotChannel; batchRef?: string };
}

const problem = (row: number, code: RowProblemCode, more: Omit<RowProblem, 'row' | 'code' | 'message'> = {}): RowProblem => ({
  row,
  code,
  message: ROW_PROBLEMS[code],
  ...more,
});

const HEADER_ALIASES: Readonly<Record<string, (typeof PAPER_CSV_COLUMNS)[number]['name']>> = {
  voter: 'voter',
  投票人编号: 'voter',
  choice: 'choice',
  表决意见: 'choice',
  line: 'line',
  行号: 'line',
  name: 'name',
  姓名: 'name',
};

const CHOICES: Readonly<Record<string, Choice>> = {
  yes: 'yes',
  no: 'no',
  abstain: 'abstain',
  赞成: 'yes',
  同意: 'yes',
  反对: 'no',
  不同意: 'no',
  弃权: 'abstain',
};

/** RFC 4180 cells of each record, with the row number each starts on; `undefined` cells mark an unclosed quote. */
export function csvRecords(text: string): { row: number; cells: string[]; broken?: boolean }[] {
  const out: { row: number; cells: string[]; broken?: boolean }[] = [];
  let row = 1;
  let start = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    cells.push(cell);
    out.push({ row: start, cells });
    cells = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') row++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') continue;
    else if (ch === '\n' || ch === '\r') {
      endRecord();
      row++;
      start = row;
    } else cell += ch;
  }
  if (quoted) {
    cells.push(cell);
    out.push({ row: start, cells, broken: true });
  } else if (cell !== '' || cells.length) endRecord();
  return out;
}

export interface ParsedSheet {
  /** The rows that are ballots, in file order. */
  ballots: (PaperLine & { row: number })[];
  /** Rows of members who did not vote on paper (blank choice). */
  skipped: number[];
  problems: RowProblem[];
}

/**
 * Reads a sheet's text: the header, then every row — blank rows ignored, a blank choice skipped, a choice or line
 * number that cannot be read reported with its row. Nothing about the voters is judged here (see `judgeSheet`).
 */
export function parsePaperCsv(text: string): ParsedSheet {
  // eslint-disable-next-line no-control-regex -- control characters are what marks a binary file
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) return { ballots: [], skipped: [], problems: [problem(0, 'not-csv')] };
  const records = csvRecords(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = records.shift();
  if (!header) return { ballots: [], skipped: [], problems: [problem(0, 'empty-file')] };
  const columns = new Map<string, number>();
  const problems: RowProblem[] = [];
  header.cells.forEach((raw, i) => {
    const name = HEADER_ALIASES[raw.trim().toLowerCase()] ?? HEADER_ALIASES[raw.trim()];
    if (!name) return;
    if (columns.has(name)) problems.push(problem(header.row, 'duplicate-column', { column: name }));
    else columns.set(name, i);
  });
  for (const c of PAPER_CSV_COLUMNS)
    if (c.required && !columns.has(c.name)) problems.push(problem(header.row, 'missing-column', { column: c.name }));
  if (problems.length) return { ballots: [], skipped: [], problems };

  const cell = (cells: string[], name: string) => {
    const i = columns.get(name);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const ballots: ParsedSheet['ballots'] = [];
  const skipped: number[] = [];
  const lines = new Map<number, number>();
  for (const r of records) {
    if (r.broken || r.cells.length < Math.max(...columns.values()) + 1) {
      problems.push(problem(r.row, 'bad-row'));
      continue;
    }
    const voter = cell(r.cells, 'voter');
    const rawChoice = cell(r.cells, 'choice');
    if (rawChoice === '') {
      skipped.push(r.row);
      continue;
    }
    const choice = CHOICES[rawChoice.toLowerCase()] ?? CHOICES[rawChoice];
    const rawLine = cell(r.cells, 'line');
    const line = rawLine === '' ? ballots.length + 1 : /^\d{1,6}$/.test(rawLine) ? Number(rawLine) : NaN;
    let ok = true;
    if (!choice) {
      problems.push(problem(r.row, 'bad-choice', { column: 'choice', value: rawChoice.slice(0, 40), ...(voter ? { voter } : {}) }));
      ok = false;
    }
    if (!Number.isInteger(line) || line < 1 || (rawLine !== '' && lines.has(line))) {
      problems.push(problem(r.row, 'bad-line', { column: 'line', value: rawLine.slice(0, 40) }));
      ok = false;
    } else if (rawLine !== '') lines.set(line, r.row);
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(voter)) {
      problems.push(problem(r.row, 'unknown-voter', { column: 'voter', value: voter.slice(0, 64) }));
      ok = false;
    }
    if (ok) ballots.push({ row: r.row, line, voter, choice: choice! });
  }
  if (ballots.length > MAX_CSV_BALLOTS) problems.unshift(problem(0, 'too-many-rows'));
  if (!ballots.length && !problems.length) problems.push(problem(0, 'empty-file'));
  return { ballots, skipped, problems };
}

/** What the sheet's voters are, as the register, the step's electorate and the counted ballots say. */
export interface VoterFacts {
  known: (voter: string) => boolean;
  eligible: (voter: string) => boolean;
  /** The voter's counted ballot, if any (a claim of this same sheet does not count: a retried upload takes it over). */
  voted: (voter: string) => { channel: BallotChannel; batchRef?: string } | undefined;
}

/**
 * Judges every ballot row of a parsed sheet at once, so the report lists every problem with its row: a voter the
 * register does not know, one not in the step's electorate, one on an earlier row of the file, one with a counted
 * ballot already. The sheet is counted only if the report is empty.
 */
export function judgeSheet(sheet: ParsedSheet, facts: VoterFacts): RowProblem[] {
  const problems = [...sheet.problems];
  const first = new Map<string, number>();
  for (const b of sheet.ballots) {
    const seen = first.get(b.voter);
    if (!facts.known(b.voter)) problems.push(problem(b.row, 'unknown-voter', { column: 'voter', voter: b.voter }));
    else if (!facts.eligible(b.voter)) problems.push(problem(b.row, 'not-eligible', { column: 'voter', voter: b.voter }));
    else if (seen !== undefined) problems.push(problem(b.row, 'duplicate-in-file', { column: 'voter', voter: b.voter, firstRow: seen }));
    else {
      const prior = facts.voted(b.voter);
      if (prior) problems.push(problem(b.row, 'already-voted', { column: 'voter', voter: b.voter, existing: prior }));
    }
    if (seen === undefined) first.set(b.voter, b.row);
  }
  return problems.sort((a, b) => a.row - b.row);
}

/** The template: the header and one row per member of the step's electorate, choice left blank for the clerk. */
export function paperCsvTemplate(members: readonly { id: string; name?: string | undefined }[]): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = members.map((m, i) => [String(i + 1), m.id, quote(m.name ?? ''), ''].join(','));
  return `\ufeff${['line', 'voter', 'name', 'choice'].join(',')}\r\n${rows.map((r) => `${r}\r\n`).join('')}`;
}

/**
 * The file read now is the file a recorded sheet counted (续计: uploading it again finishes an interrupted count): the
 * same ballots — voter, choice, line — in the same order, every recorded line counted. The bytes may differ (a BOM,
 * CRLF, a name column, blank rows); a sheet recorded by the JSON line import, with lines it refused, never matches.
 */
export function sameFile(recorded: readonly unknown[], sheet: ParsedSheet): boolean {
  const lines = recorded as readonly { voter?: string; choice?: string; line?: number; verdict?: string }[];
  return (
    lines.length === sheet.ballots.length &&
    lines.every((l, i) => {
      const b = sheet.ballots[i]!;
      return l.verdict === 'accepted' && l.voter === b.voter && l.choice === b.choice && l.line === b.line;
    })
  );
}
