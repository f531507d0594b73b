import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import type { RouteBody } from '@cocreate/local/testing';
import { api, busEvents, cadreOf, evidence, head, passSteps, submitPlanProposal, vote } from './helpers.ts';
import { getTally } from '../handlers/proposals.ts';
import { listBallots, paperCsvTemplate, uploadPaperBallotsCsv } from '../handlers/ballots.ts';

/**
 * 马家桥村: a step's paper ballots uploaded as one CSV file — the template, a dry run's report by row, a file with
 * problems refused whole (nothing counted), junk answered with problems, a clean file counted all-or-nothing, and a
 * file racing an online ballot either counted whole or not at all.
 */
const v = demo.majiaqiao;
const cadre = cadreOf(v);
const STEP = 2; // the party members' meeting: households 1–7

const upload = (id: string, body: Omit<RouteBody<typeof uploadPaperBallotsCsv>, 'step'>, lang?: 'en' | 'zh-CN') =>
  api.call(uploadPaperBallotsCsv, { params: { proposalId: id }, body: { step: STEP, ...body } }, { as: cadre, ...(lang ? { lang } : {}) });
const tally = async (id: string) => (await api.call(getTally, { params: { proposalId: id } }, { as: cadre })).body.tally;
const csv = (rows: string[][]) => `voter,choice\n${rows.map((r) => r.join(',')).join('\n')}\n`;

async function atPartyMembers() {
  const { proposal } = await submitPlanProposal(v);
  await passSteps(proposal.proposalId, v, 0, STEP);
  return proposal.proposalId as string;
}

describe('paper ballots as a CSV upload (纸质选票导入)', () => {
  it('serves a template, reports every row’s problems, refuses a bad file whole and counts a clean one', async () => {
    const id = await atPartyMembers();
    const scan = await evidence(v, 'paper-sheet.jpg', 'image/jpeg');
    expect((await vote(id, STEP, head(v, 1))).status).toBe(201);

    // The template: the documented header and one row per member of the meeting, choices blank.
    const template = await api.call(paperCsvTemplate, { params: { proposalId: id }, query: { step: STEP } }, { as: cadre });
    expect(template.status).toBe(200);
    expect(template.body.columns.map((c: { name: string }) => c.name)).toEqual(['voter', 'choice', 'line', 'name']);
    const lines = (template.body.csv as string)
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('line,voter,name,choice');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => head(v, n)));
    expect((await api.call(paperCsvTemplate, { params: { proposalId: id }, query: { step: STEP } }, { as: head(v, 8) })).status).toBe(403);

    // A file with a problem of each kind: the dry run lists them all with their rows and counts nothing.
    const bad = csv([
      [head(v, 1), 'no'], // row 2: voted online already
      ['p-nobody-99', 'yes'], // row 3: unknown to the register
      [head(v, 11), 'yes'], // row 4: not a party member
      [head(v, 2), 'yes'], // row 5
      [head(v, 2), 'no'], // row 6: twice in the file
      [head(v, 3), 'maybe'], // row 7: not a choice
    ]);
    const dry = await upload(id, { batchRef: 'pm-sheet-1', scan, csv: bad, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, valid: false, counted: 0, ballots: 5 });
    expect(dry.body.problems.map((p: { row: number; code: string }) => [p.row, p.code])).toEqual([
      [2, 'already-voted'],
      [3, 'unknown-voter'],
      [4, 'not-eligible'],
      [6, 'duplicate-in-file'],
      [7, 'bad-choice'],
    ]);
    expect(dry.body.problems[0]!.existing).toEqual({ channel: 'online' });
    expect(dry.body.problems[3]!.firstRow).toBe(5);

    // Applied, the same file is refused whole (422, the rule and the report), in the caller's language.
    const refused = await upload(id, { batchRef: 'pm-sheet-1', scan, csv: bad }, 'zh-CN');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('paper-sheet-invalid');
    expect(refused.body.problems).toHaveLength(5);
    expect(refused.body.errors!.map((e: { rule: string }) => e.rule)).toEqual([
      'already-voted',
      'unknown-voter',
      'not-eligible',
      'duplicate-in-file',
      'bad-choice',
    ]);
    expect(refused.body.errors![0]!.message).toMatch(/^第 2 行/);
    expect((await tally(id)).cast).toBe(1);

    // Junk is answered with problems, never a 500 or a partial count.
    const junk = await upload(id, { batchRef: 'pm-junk', scan, csv: 'PK\u0003\u0004\u0000\u0000binary' });
    expect(junk.status).toBe(422);
    expect(junk.body.problems.map((p: { code: string }) => p.code)).toEqual(['not-csv']);
    const headerless = await upload(id, { batchRef: 'pm-junk', scan, csv: 'a,b\n1,2\n' });
    expect(headerless.body.problems.map((p) => [p.code, p.column])).toEqual([
      ['missing-column', 'voter'],
      ['missing-column', 'choice'],
    ]);
    const huge = await upload(id, { batchRef: 'pm-junk', scan, csv: `voter,choice\n${'x'.repeat(300_000)}` });
    expect(huge.status).toBe(422);
    expect(huge.body.errors![0]!.pointer).toBe('/csv');
    expect((await tally(id)).cast).toBe(1);

    // A clean file (Chinese header and choices; a blank choice is a member who did not vote on paper).
    const clean = `\ufeff行号,投票人编号,表决意见\r\n1,${head(v, 2)},赞成\r\n2,${head(v, 3)},反对\r\n3,${head(v, 4)},弃权\r\n4,${head(v, 5)},\r\n`;
    const check = await upload(id, { batchRef: 'pm-sheet-2', scan, csv: clean, dryRun: true });
    expect(check.body).toMatchObject({ valid: true, ballots: 3, skipped: 1, counted: 0, problems: [] });
    expect((await tally(id)).cast).toBe(1);
    const counted = await upload(id, { batchRef: 'pm-sheet-2', scan, csv: clean });
    expect(counted.status).toBe(200);
    expect(counted.body).toMatchObject({ dryRun: false, valid: true, counted: 3 });
    expect(await tally(id)).toEqual({ yes: 2, no: 1, abstain: 1, cast: 4 });
    const listed = await api.call(listBallots, { params: { proposalId: id }, query: { step: STEP } }, { as: cadre });
    expect(
      listed.body.items.filter((b: { channel: string; batchRef?: string }) => b.channel === 'paper' && b.batchRef === 'pm-sheet-2'),
    ).toHaveLength(3);
    expect((await vote(id, STEP, head(v, 2))).body).toMatchObject({ code: 'already-voted', voter: head(v, 2) });
    await expect
      .poll(async () => (await busEvents('BallotCast', (d) => d.proposalId === id && d.channel === 'paper')).length, { timeout: 20_000 })
      .toBe(3);

    // The reference is the sheet's: used again (with a file that would be clean), it is refused.
    const reused = await upload(id, { batchRef: 'pm-sheet-2', scan, csv: csv([[head(v, 6), 'yes']]) });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('paper-sheet-exists');
  });

  it('a file racing an online ballot of one of its voters is counted whole or not at all', async () => {
    const id = await atPartyMembers();
    const scan = await evidence(v, 'paper-sheet-race.jpg', 'image/jpeg');
    const file = csv([
      [head(v, 2), 'yes'],
      [head(v, 3), 'yes'],
      [head(v, 4), 'no'],
      [head(v, 5), 'yes'],
    ]);
    const [uploaded, online] = await Promise.all([upload(id, { batchRef: 'race-1', scan, csv: file }), vote(id, STEP, head(v, 5), 'no')]);
    const t = await tally(id);
    if (uploaded.status === 200) {
      expect(online.status).toBe(409);
      expect(t).toEqual({ yes: 3, no: 1, abstain: 0, cast: 4 });
    } else {
      expect(uploaded.status).toBe(422);
      expect(uploaded.body.problems).toMatchObject([{ code: 'already-voted', voter: head(v, 5) }]);
      expect(online.status).toBe(201);
      // Nothing of the file was counted, and its voters may still vote.
      expect(t).toEqual({ yes: 0, no: 1, abstain: 0, cast: 1 });
      expect((await vote(id, STEP, head(v, 2))).status).toBe(201);
    }
  });
});
