import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { BallotCast } from '@cocreate/contracts';
import { Table, UnitOfWork, commit, documentClient, newId, resourceNames } from '@cocreate/kernel';
import { localClients } from '@cocreate/local/clients';
import { demo } from '@cocreate/places/seed';
import { manifest as deliberation } from '../manifest.ts';
import { type Ballot, type Choice, emptyTally } from '../domain/votes.ts';
import { ballots } from '../repos/ballots.ts';
import { proposals } from '../repos/proposals.ts';
import type { RouteBody } from '@cocreate/local/testing';
import { api, busEvents, cadreOf, evidence, head, passSteps, submitPlanProposal, vote } from './helpers.ts';
import { getTally } from '../handlers/proposals.ts';
import { listBallots, paperBallotsCsvStatus, uploadPaperBallotsCsv } from '../handlers/ballots.ts';

/**
 * 马家桥村: a paper-ballot CSV upload cut off part-way (the process died) is finished by uploading the same file
 * again — exactly the pending ballots are confirmed, nothing is cast twice and each BallotCast is published once.
 *
 * The cut-off is written by the deliberation repositories themselves on the local stack's table, in the units the
 * upload commits (claims; the count point: tally and sheet; confirmations with their BallotCast), stopping after the
 * units a dying upload would have committed. The stack's outbox relay publishes what those units emitted.
 */
const v = demo.majiaqiao;
const cadre = cadreOf(v);
const STEP = 2; // the party members' meeting: households 1–7
const stack = inject('stack');
const doc = documentClient(localClients({ dynamodb: stack.dynamodb, s3: stack.s3, eventbridge: stack.eventbridge }).dynamodb);
const table = new Table(doc, resourceNames.table('deliberation'), deliberation.table);

const upload = (id: string, body: Omit<RouteBody<typeof uploadPaperBallotsCsv>, 'step'>) =>
  api.call(uploadPaperBallotsCsv, { params: { proposalId: id }, body: { step: STEP, ...body } }, { as: cadre });
const status = (id: string, batchRef: string) =>
  api.call(paperBallotsCsvStatus, { params: { proposalId: id }, query: { step: STEP, batchRef } }, { as: cadre });
const tally = async (id: string) => (await api.call(getTally, { params: { proposalId: id } }, { as: cadre })).body.tally;
const paperBallots = async (id: string, batchRef: string) =>
  (await api.call(listBallots, { params: { proposalId: id }, query: { step: STEP } }, { as: cadre })).body.items.filter(
    (b: { batchRef?: string }) => b.batchRef === batchRef,
  );
const casts = (id: string) => busEvents('BallotCast', (d) => d.proposalId === id && d.channel === 'paper');

/** The file: households 2–7 of the party members' meeting, on lines 1–6. */
const FILE: { voter: string; choice: Choice }[] = [
  { voter: head(v, 2), choice: 'yes' },
  { voter: head(v, 3), choice: 'yes' },
  { voter: head(v, 4), choice: 'no' },
  { voter: head(v, 5), choice: 'abstain' },
  { voter: head(v, 6), choice: 'yes' },
  { voter: head(v, 7), choice: 'no' },
];
const FILE_TALLY = { yes: 3, no: 2, abstain: 1, cast: 6 };
const csvOf = (eol = '\n') => `voter,choice${eol}${FILE.map((b) => `${b.voter},${b.choice}`).join(eol)}${eol}`;

async function atPartyMembers() {
  const { proposal } = await submitPlanProposal(v);
  await passSteps(proposal.proposalId, v, 0, STEP);
  return proposal.proposalId as string;
}

async function committed(work: (tx: UnitOfWork) => void) {
  const tx = new UnitOfWork(table.name, {
    actor: { sub: cadre },
    correlationId: newId(),
    causationId: null,
    now: () => new Date(),
    publishes: deliberation.publishes,
  });
  work(tx);
  expect(await commit(doc, tx)).toBe('committed');
}

/**
 * What an upload of FILE left when it died: its claims, then (`counted`) the count point, then the confirmations of
 * the first `confirmed` ballots with their BallotCast.
 */
async function cutOffUpload(id: string, batchRef: string, scan: { key: string }, stage: { counted: boolean; confirmed: number }) {
  const p = (await proposals.getVersioned(table, id))!.value;
  const s = (await proposals.step(table, id, p.round, STEP))!;
  const ref = { proposalId: id, round: p.round, step: STEP };
  const at = new Date().toISOString();
  const file: (Ballot & { batchRef: string })[] = FILE.map((b, i) => ({
    ...b,
    channel: 'paper',
    castBy: cadre,
    castAt: at,
    batchRef,
    line: i + 1,
  }));
  await committed((tx) => {
    ballots.stepOpen(tx, ref, 'retry');
    for (const b of file) ballots.claim(tx, ref, b, 'retry');
  });
  if (!stage.counted) return;
  await committed((tx) => {
    const deltas = emptyTally();
    for (const b of file) {
      deltas[b.choice] += 1;
      deltas.cast += 1;
    }
    ballots.addToTally(tx, ref, deltas, 'retry');
    ballots.createPaper(
      tx,
      {
        ...ref,
        batchRef,
        scan,
        importedBy: cadre,
        importedAt: at,
        accepted: file.length,
        refused: 0,
        lines: file.map((b, i) => ({ row: i + 2, line: b.line, voter: b.voter, choice: b.choice, verdict: 'accepted' })),
      },
      'retry',
    );
  });
  if (!stage.confirmed) return;
  await committed((tx) => {
    for (const b of file.slice(0, stage.confirmed)) {
      ballots.confirm(tx, ref, b.voter, batchRef);
      tx.emit(BallotCast, { proposalId: id, village: v, body: s.body, step: STEP, voter: b.voter, channel: 'paper' }, { place: v });
    }
  });
}

/** Waits for `n` paper BallotCast of the proposal, then checks each voter's was published exactly once. */
async function eachCastOnce(id: string, n: number) {
  await expect.poll(async () => (await casts(id)).length, { timeout: 20_000 }).toBe(n);
  await new Promise((r) => setTimeout(r, 1_000)); // a duplicate would arrive right behind
  const voters = (await casts(id)).map((e) => e.detail.data.voter as string);
  expect(voters.sort()).toEqual(
    FILE.slice(0, n)
      .map((b) => b.voter)
      .sort(),
  );
}

describe('an interrupted paper-ballot CSV count is resumed (纸质选票续计)', () => {
  it('cut off after 2 of 6 confirmations: the status shows it, the same file finishes exactly the 4 pending', async () => {
    const id = await atPartyMembers();
    const scan = await evidence(v, 'paper-sheet-cut.jpg', 'image/jpeg');
    await cutOffUpload(id, 'cut-1', scan, { counted: true, confirmed: 2 });

    // The file is in the tally (its count point passed); 2 ballots are counted and announced, 4 claims pending.
    expect(await tally(id)).toEqual(FILE_TALLY);
    expect((await status(id, 'cut-1')).body).toMatchObject({ batchRef: 'cut-1', ballots: 6, counted: 2, pending: 4, complete: false });
    expect(await paperBallots(id, 'cut-1')).toHaveLength(2);
    await eachCastOnce(id, 2);
    // A pending voter holds their claim: they cannot vote again meanwhile.
    expect((await vote(id, STEP, head(v, 6))).body).toMatchObject({ code: 'already-voted' });

    // A dry run of the same file reports the progress and changes nothing.
    const dry = await upload(id, { batchRef: 'cut-1', scan, csv: csvOf(), dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ valid: true, counted: 2, pending: 4, resumed: 0 });
    expect((await status(id, 'cut-1')).body.pending).toBe(4);

    // The same file again (as Excel saves it: BOM, CRLF) finishes the count.
    const resumed = await upload(id, { batchRef: 'cut-1', scan, csv: `\ufeff${csvOf('\r\n')}` });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    expect(resumed.body).toMatchObject({ valid: true, counted: 6, pending: 0, resumed: 4, problems: [] });
    expect((await status(id, 'cut-1')).body).toMatchObject({ counted: 6, pending: 0, complete: true });
    expect(await tally(id)).toEqual(FILE_TALLY);
    expect(await paperBallots(id, 'cut-1')).toHaveLength(6);
    await eachCastOnce(id, 6);

    // Once more: nothing left to do, nothing cast twice.
    const again = await upload(id, { batchRef: 'cut-1', scan, csv: csvOf() });
    expect(again.body).toMatchObject({ counted: 6, pending: 0, resumed: 0 });
    expect(await tally(id)).toEqual(FILE_TALLY);
    await eachCastOnce(id, 6);

    // Another file under the sheet's reference is still refused.
    const other = await upload(id, { batchRef: 'cut-1', scan, csv: `voter,choice\n${head(v, 2)},no\n` });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('paper-sheet-exists');
    expect((await status(id, 'never-uploaded')).status).toBe(404);
  });

  it('two uploads resuming the same cut-off file at once confirm each pending ballot once between them', async () => {
    const id = await atPartyMembers();
    const scan = await evidence(v, 'paper-sheet-cut2.jpg', 'image/jpeg');
    await cutOffUpload(id, 'cut-2', scan, { counted: true, confirmed: 0 });
    expect((await status(id, 'cut-2')).body).toMatchObject({ counted: 0, pending: 6 });

    const both = await Promise.all([
      upload(id, { batchRef: 'cut-2', scan, csv: csvOf() }),
      upload(id, { batchRef: 'cut-2', scan, csv: csvOf() }),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both.reduce((n, r) => n + r.body.resumed, 0)).toBe(6);
    expect(await tally(id)).toEqual(FILE_TALLY);
    expect(await paperBallots(id, 'cut-2')).toHaveLength(6);
    await eachCastOnce(id, 6);
  });

  it('cut off before its count point: the same file takes its claims over and is counted once', async () => {
    const id = await atPartyMembers();
    const scan = await evidence(v, 'paper-sheet-cut3.jpg', 'image/jpeg');
    await cutOffUpload(id, 'cut-3', scan, { counted: false, confirmed: 0 });
    expect((await tally(id)).cast).toBe(0);
    expect((await status(id, 'cut-3')).status).toBe(404); // not counted: no sheet yet

    const counted = await upload(id, { batchRef: 'cut-3', scan, csv: csvOf() });
    expect(counted.status, JSON.stringify(counted.body)).toBe(200);
    expect(counted.body).toMatchObject({ counted: 6, pending: 0, resumed: 0 });
    expect(await tally(id)).toEqual(FILE_TALLY);
    await eachCastOnce(id, 6);
  });
});
