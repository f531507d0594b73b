import { ObjectionAnswered, ObjectionRaised, ProposalReopened, isRefused } from '@cocreate/contracts';
import { type JobContext, type RouteContext, jobBudget, newId, problems, sweepDue } from '@cocreate/kernel';
import { type NewObjection, type Objection, type ObjectionAnswer, answer } from '../domain/notice.ts';
import { type Proposal, type ProposalStatus, answerObjection, isDueForFinal, raiseObjection } from '../domain/proposals.ts';
import { DUE_SHARDS } from '../repos/keys.ts';
import { proposals } from '../repos/proposals.ts';
import { callerHolds, listedVillage, peopleById, personIn, refuse, settled } from './common.ts';
import { finaliseProposal } from './flow.ts';
import { loadProposal, proposalOrThrow, stepViews } from './proposals.ts';
import type { StepView } from './views.ts';

/** 异议: a person of the village objects to a decision during its public notice. */
export async function raiseObjectionTo(proposalId: string, cmd: NewObjection, ctx: RouteContext): Promise<Objection> {
  const cur = await proposalOrThrow(ctx, proposalId);
  const p = cur.value;
  const person = await personIn(ctx, p.village);
  const now = ctx.now();
  const next = raiseObjection(p, now);
  if (isRefused(next)) throw refuse(next.refused, p.notice ? { endsAt: p.notice.endsAt } : {});
  const evidence = await Promise.all(cmd.evidence.map((e, i) => ctx.evidence.verify(e, p.village, `/evidence/${i}`)));
  const o: Objection = {
    objectionId: newId(),
    proposalId: p.proposalId,
    village: p.village,
    round: p.round,
    objector: person.id,
    text: cmd.text,
    evidence,
    raisedAt: now.toISOString(),
    status: 'pending',
  };
  proposals.saveObjection(ctx.tx, o, undefined, 'retry');
  // The proposal's count of pending objections holds the final decision back until each is answered.
  proposals.save(ctx.tx, next, cur.version);
  ctx.tx.emit(
    ObjectionRaised,
    { objectionId: o.objectionId, proposalId: p.proposalId, village: p.village, objector: o.objector, round: o.round },
    { place: p.village },
  );
  return o;
}

/** Objections and their answers; objectors' names are masked, and their ids shown to cadres and supervisors only. */
export async function listObjections(proposalId: string, ctx: RouteContext) {
  const p = (await proposalOrThrow(ctx, proposalId)).value;
  const full = callerHolds(ctx, 'cadre', p.village) || callerHolds(ctx, 'supervisor', p.village);
  const items = await proposals.objections(ctx.table, proposalId);
  const people = await peopleById(
    ctx,
    items.map((o) => o.objector),
  );
  return {
    items: items.map(({ objector, ...o }) => {
      const name = people.get(objector)?.name;
      return { ...o, ...(full ? { objector } : {}), ...(name ? { objectorName: name } : {}) };
    }),
  };
}

/**
 * The committee's answer. Sustained: the proposal reopens (it must be revised and pass its chain again). Dismissed
 * after the period ended with nothing else pending: the decision becomes final right away.
 */
export async function answerObjectionOf(
  ids: { proposalId: string; objectionId: string },
  cmd: ObjectionAnswer,
  ctx: RouteContext,
): Promise<Objection & { proposalStatus: ProposalStatus }> {
  const [cur, obj] = await Promise.all([
    loadProposal(ctx, ids.proposalId),
    proposals.objectionVersioned(ctx.table, ids.proposalId, ids.objectionId),
  ]);
  if (!cur || !obj) throw problems.notFound({ zh: '异议', en: 'The objection' });
  const now = ctx.now();
  const answered = settled(answer(obj.value, cmd, ctx.actor.sub, now));
  proposals.saveObjection(ctx.tx, answered, obj.version, refuse('already-answered'));
  const effect = answerObjection(cur.value, obj.value, cmd.sustained, now);
  let status = cur.value.status;
  if (effect.proposal) {
    if (!effect.reopened && isDueForFinal(effect.proposal, now)) {
      status = (await finaliseProposal(ctx, ctx.tx, effect.proposal, cur.version)).status;
    } else {
      proposals.save(ctx.tx, effect.proposal, cur.version);
      status = effect.proposal.status;
    }
  }
  const where = { place: cur.value.village };
  ctx.tx.emit(
    ObjectionAnswered,
    {
      objectionId: answered.objectionId,
      proposalId: answered.proposalId,
      village: answered.village,
      objector: answered.objector,
      sustained: cmd.sustained,
      answeredBy: ctx.actor.sub,
    },
    where,
  );
  if (effect.reopened) {
    ctx.tx.emit(
      ProposalReopened,
      { proposalId: cur.value.proposalId, village: cur.value.village, round: cur.value.round, objectionId: answered.objectionId },
      where,
    );
  }
  return { ...answered, proposalStatus: status };
}

/**
 * 公示期满: decisions whose notice ended with no objection pending become final and are filed with the township.
 * Re-running changes nothing already final (each proposal commits on its version).
 */
export async function closeDueNotices(ctx: JobContext): Promise<{ finalised: number; waiting: number }> {
  const now = ctx.now();
  let finalised = 0;
  let waiting = 0;
  await sweepDue({
    shards: DUE_SHARDS,
    due: async (shard, cursor) => {
      const page = await proposals.dueNotices(ctx.table, shard, now.toISOString(), 100, cursor);
      return { items: page.ids, cursor: page.cursor };
    },
    key: (id) => id,
    concurrency: 4,
    go: jobBudget(ctx),
    each: async (proposalId) => {
      let done = false;
      await ctx.unit(async (tx) => {
        done = false;
        const cur = await proposals.getVersioned(ctx.table, proposalId);
        if (!cur || !isDueForFinal(cur.value, now)) return;
        await finaliseProposal(ctx, tx, cur.value, cur.version);
        done = true;
      });
      if (done) finalised += 1;
      else waiting += 1;
    },
  });
  return { finalised, waiting };
}

export interface BoardItem {
  proposalId: string;
  kind: Proposal['kind'];
  title: string;
  status: ProposalStatus;
  round: number;
  notice?: { startsAt: string; endsAt: string; days: number };
  adoptedAt?: string;
  finalAt?: string;
  filedWith?: string;
  resolutions: StepView[];
  implementation?: { acceptedAt: string; budget: number; spent: number; disclosedAt: string };
}

/** 公开栏: a village's decisions under notice or final, how each body of the adopting round voted, and their results. */
export async function publicBoard(query: { village: string; limit: number }, ctx: RouteContext) {
  await listedVillage(ctx, query.village);
  const shown: BoardItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await proposals.listByVillage(ctx.table, query.village, { limit: 50, ...(cursor ? { cursor } : {}) });
    for (const p of page.items) {
      if (shown.length >= query.limit) break;
      if (p.status !== 'notice' && p.status !== 'final') continue;
      const [steps, disclosure] = await Promise.all([
        proposals.steps(ctx.table, p.proposalId),
        proposals.disclosure(ctx.table, p.proposalId),
      ]);
      const resolutions = await stepViews(
        ctx,
        steps.filter((s) => s.round === p.round),
      );
      shown.push({
        proposalId: p.proposalId,
        kind: p.kind,
        title: p.title,
        status: p.status,
        round: p.round,
        ...(p.notice ? { notice: { startsAt: p.notice.startsAt, endsAt: p.notice.endsAt, days: p.notice.days } } : {}),
        ...(p.adoptedAt ? { adoptedAt: p.adoptedAt } : {}),
        ...(p.finalAt ? { finalAt: p.finalAt } : {}),
        ...(p.filedWith ? { filedWith: p.filedWith } : {}),
        resolutions,
        ...(disclosure
          ? {
              implementation: {
                acceptedAt: disclosure.acceptedAt,
                budget: disclosure.budget,
                spent: disclosure.spent,
                disclosedAt: disclosure.disclosedAt,
              },
            }
          : {}),
      });
    }
    cursor = shown.length >= query.limit ? undefined : page.cursor;
  } while (cursor);
  return { village: query.village, items: shown };
}
