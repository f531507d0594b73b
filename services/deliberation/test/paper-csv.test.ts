import { describe, expect, it } from 'vitest';
import { csvRecords, judgeSheet, paperCsvTemplate, parsePaperCsv, sameFile } from '../domain/paper-csv.ts';

const facts = (members: string[], registered: string[] = [], voted: Record<string, 'online' | 'paper'> = {}) => ({
  known: (v: string) => members.includes(v) || registered.includes(v),
  eligible: (v: string) => members.includes(v),
  voted: (v: string) => (voted[v] ? { channel: voted[v]! } : undefined),
});

describe('paper ballots as CSV: reading the file', () => {
  it('reads quoted cells, CRLF, a BOM and Chinese headers and choices', () => {
    expect(csvRecords('\ufeffa,"b,c","d ""q"""\r\n1,2,3\r\n')).toEqual([
      { row: 1, cells: ['a', 'b,c', 'd "q"'] },
      { row: 2, cells: ['1', '2', '3'] },
    ]);
    const sheet = parsePaperCsv('行号,投票人编号,姓名,表决意见\n1,p-a,王*,赞成\n2,p-b,"李,*",弃权\n3,p-c,张*,\n4,p-d,赵*,NO\n');
    expect(sheet.problems).toEqual([]);
    expect(sheet.ballots).toEqual([
      { row: 2, line: 1, voter: 'p-a', choice: 'yes' },
      { row: 3, line: 2, voter: 'p-b', choice: 'abstain' },
      { row: 5, line: 4, voter: 'p-d', choice: 'no' },
    ]);
    // A blank choice is a member who did not vote on paper.
    expect(sheet.skipped).toEqual([4]);
  });

  it('answers junk with problems of the whole file, never a throw', () => {
    expect(parsePaperCsv('\u0000\u0001PK\u0003\u0004binary').problems.map((p) => p.code)).toEqual(['not-csv']);
    expect(parsePaperCsv('\n\n  \n').problems.map((p) => p.code)).toEqual(['empty-file']);
    expect(parsePaperCsv('voter,choice\n').problems.map((p) => p.code)).toEqual(['empty-file']);
    expect(parsePaperCsv('who,what\np-a,yes\n').problems).toMatchObject([
      { row: 1, code: 'missing-column', column: 'voter' },
      { row: 1, code: 'missing-column', column: 'choice' },
    ]);
    expect(parsePaperCsv('voter,choice,voter\np-a,yes,p-b\n').problems).toMatchObject([{ row: 1, code: 'duplicate-column' }]);
    const many = `voter,choice\n${Array.from({ length: 1001 }, (_, i) => `p-${i},yes`).join('\n')}`;
    expect(parsePaperCsv(many).problems.map((p) => p.code)).toEqual(['too-many-rows']);
  });

  it('lists every unreadable row with its number and column', () => {
    const sheet = parsePaperCsv('line,voter,choice\n1,p-a,maybe\nx,p-b,yes\n3,p-c,yes\n3,p-d,no\n4,"p-e,yes\n');
    expect(sheet.problems.map((p) => [p.row, p.code, p.column])).toEqual([
      [2, 'bad-choice', 'choice'],
      [3, 'bad-line', 'line'],
      [5, 'bad-line', 'line'],
      [6, 'bad-row', undefined],
    ]);
    expect(parsePaperCsv('voter,choice\n../etc,yes\n').problems).toMatchObject([{ row: 2, code: 'unknown-voter', value: '../etc' }]);
  });
});

describe('paper ballots as CSV: judging the voters', () => {
  it('reports unknown, not eligible, twice in the file and already voted, each with its row', () => {
    const sheet = parsePaperCsv('voter,choice\np-a,yes\np-x,no\np-out,yes\np-a,no\np-b,yes\np-c,abstain\n');
    const problems = judgeSheet(sheet, facts(['p-a', 'p-b', 'p-c'], ['p-out'], { 'p-b': 'online' }));
    expect(problems.map((p) => [p.row, p.code, p.voter])).toEqual([
      [3, 'unknown-voter', 'p-x'],
      [4, 'not-eligible', 'p-out'],
      [5, 'duplicate-in-file', 'p-a'],
      [6, 'already-voted', 'p-b'],
    ]);
    expect(problems.find((p) => p.code === 'duplicate-in-file')?.firstRow).toBe(2);
    expect(problems.find((p) => p.code === 'already-voted')?.existing).toEqual({ channel: 'online' });
    expect(problems.every((p) => p.message.zh && p.message.en)).toBe(true);
  });

  it('a clean file has no problems', () => {
    expect(judgeSheet(parsePaperCsv('voter,choice\np-a,yes\np-b,反对\n'), facts(['p-a', 'p-b']))).toEqual([]);
  });

  it('the template is the documented header and a row per member, choices blank, read back as all skipped', () => {
    const csv = paperCsvTemplate([
      { id: 'p-a', name: '王*明' },
      { id: 'p-b', name: 'Li, "B"' },
    ]);
    expect(csv.startsWith('\ufeffline,voter,name,choice\r\n')).toBe(true);
    const sheet = parsePaperCsv(csv);
    expect(sheet).toEqual({ ballots: [], skipped: [2, 3], problems: [{ row: 0, code: 'empty-file', message: expect.any(Object) }] });
  });
});

describe('uploading a counted file again (续计)', () => {
  const counted = (text: string) =>
    parsePaperCsv(text).ballots.map((b) => ({ row: b.row, line: b.line, voter: b.voter, choice: b.choice, verdict: 'accepted' }));
  const file = 'voter,choice\np-a-02,yes\np-a-03,no\n';

  it('is the same file whatever its encoding, and another file when a ballot differs', () => {
    const recorded = counted(file);
    expect(sameFile(recorded, parsePaperCsv(`\ufeff投票人编号,表决意见,姓名\r\np-a-02,赞成,张*\r\n\r\np-a-03,反对,李*\r\n`))).toBe(true);
    expect(sameFile(recorded, parsePaperCsv('voter,choice\np-a-02,yes\np-a-03,abstain\n'))).toBe(false);
    expect(sameFile(recorded, parsePaperCsv('voter,choice\np-a-03,no\np-a-02,yes\n'))).toBe(false);
    expect(sameFile(recorded, parsePaperCsv('voter,choice\np-a-02,yes\n'))).toBe(false);
    expect(sameFile(recorded, parsePaperCsv('voter,choice,line\np-a-02,yes,5\np-a-03,no,6\n'))).toBe(false);
  });

  it('never matches a sheet of the JSON line import with a refused line', () => {
    const recorded = counted(file).map((l, i) => (i === 1 ? { ...l, verdict: 'refused' } : l));
    expect(sameFile(recorded, parsePaperCsv(file))).toBe(false);
  });
});
