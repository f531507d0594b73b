import { z } from 'zod';
import { Id, ObjectionAnswered, ObjectionRaised, PlacePath, ProposalKind, ProposalReopened } from '@cocreate/contracts';
import { defineJob, defineRoute, newId, problems } from '@cocreate/kernel';
import { NewObjection, Objection, ObjectionAnswer, answer } from '../domain/notice.ts';
import { ProposalStatus, answerObjection, isDueForFinal, raiseObjection } from '../domain/proposals.ts';
import { DUE_SHARDS, proposals } from '../store.ts';
import { VILLAGE_PEOPLE, VILLAGE_READERS, callerHolds, isVillage, peopleById, personIn, refuse } from './common.ts';
import { finaliseProposal } from './flow.ts';
import { StepView, loadProposal, proposalVillage, readTally, stepView } from './proposals.ts';

const ProposalParams = z.object({ proposalId: Id });

/** 异议: a person of the village objects to a decision during its public notice. */
export const raiseObjectionRoute = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/objections',
  operationId: 'raiseObjection',
  summary: 'Object to a decision during its public notice (公示期内提出异议)',
  auth: { roles: VILLAGE_PEOPLE, place: proposalVillage },
  params: ProposalParams,
  body: NewObjection,
  response: Objection,
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const cur = await loadProposal(ctx, params.proposalId);
    if (!cur) throw problems.notFound({ zh: '议题', en: 'The proposal' });
    const p = cur.value;
    const person = await personIn(ctx, p.village);
    const now = ctx.now();
    const next = raiseObjection(p, now);
    if ('refused' in next) throw refuse(next.refused, p.notice ? { endsAt: p.notice.endsAt } : {});
    const evidence = await Promise.all(body.evidence.map((e, i) => ctx.evidence.verify(e, p.village, `/evidence/${i}`)));
    const o: Objection = {
      objectionId: newId(),
      proposalId: p.proposalId,
      village: p.village,
      round: p.round,
      objector: person.id,
      text: body.text,
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
  },
});

const ObjectionView = Objection.omit({ objector: true }).extend({ objector: z.string().optional(), objectorName: z.string().optional() });

export const listObjections = defineRoute({
  method: 'GET',
  path: '/deliberation/proposals/{proposalId}/objections',
  operationId: 'listObjections',
  summary: 'Objections to a decision and their answers; objectors’ names are masked except for cadres and supervisors',
  auth: { roles: VILLAGE_READERS, place: proposalVillage },
  params: ProposalParams,
  response: z.object({ items: z.array(ObjectionView) }),
  handler: async ({ params }, ctx) => {
    const cur = await loadProposal(ctx, params.proposalId);
    if (!cur) throw problems.notFound({ zh: '议题', en: 'The proposal' });
    const full = callerHolds(ctx, 'cadre', cur.value.village) || callerHolds(ctx, 'supervisor', cur.value.village);
    const items = await proposals.objections(ctx.table, params.proposalId);
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
  },
});

/**
 * The committee's answer. Sustained: the proposal reopens (it must be revised and pass its chain again). Dismissed
 * after the period ended with nothing else pending: the decision becomes final right away.
 */
export const answerObjectionRoute = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/objections/{objectionId}/answer',
  operationId: 'answerObjection',
  summary: 'Answer an objection (cadres): sustained reopens the proposal; dismissed lets the notice run out',
  auth: { roles: ['cadre'], place: proposalVillage },
  params: z.object({ proposalId: Id, objectionId: Id }),
  body: ObjectionAnswer,
  response: Objection.extend({ proposalStatus: ProposalStatus }),
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const [cur, obj] = await Promise.all([
      loadProposal(ctx, params.proposalId),
      proposals.objectionVersioned(ctx.table, params.proposalId, params.objectionId),
    ]);
    if (!cur || !obj) throw problems.notFound({ zh: '异议', en: 'The objection' });
    const now = ctx.now();
    const answered = answer(obj.value, body, ctx.actor.sub, now);
    if ('refused' in answered) throw refuse(answered.refused);
    proposals.saveObjection(ctx.tx, answered, obj.version, refuse('already-answered'));
    const effect = answerObjection(cur.value, obj.value, body.sustained, now);
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
        sustained: body.sustained,
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
  },
});

/**
 * 公示期满: every five minutes, decisions whose notice ended with no objection pending become final and are filed
 * with the township. Re-running changes nothing already final (each proposal commits on its version).
 */
export const closeDueNotices = defineJob({
  name: 'close-due-notices',
  summary: 'Make final every decision whose public notice ended with no sustained or pending objection',
  schedule: 'rate(5 minutes)',
  handler: async (ctx) => {
    const now = ctx.now();
    let finalised = 0;
    let waiting = 0;
    for (let shard = 0; shard < DUE_SHARDS; shard++) {
      let cursor: string | undefined;
      do {
        const pageOf = await proposals.dueNotices(ctx.table, shard, now.toISOString(), 100, cursor);
        for (const proposalId of pageOf.ids) {
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
        }
        cursor = pageOf.cursor;
      } while (cursor);
    }
    return { finalised, waiting };
  },
});

/* 公开栏: the public board of a village's decisions and their two disclosures -------------------------------------- */

const BoardItem = z.object({
  proposalId: Id,
  kind: ProposalKind,
  title: z.string(),
  status: ProposalStatus,
  round: z.number().int(),
  notice: z.object({ startsAt: z.string(), endsAt: z.string(), days: z.number().int() }).optional(),
  adoptedAt: z.string().optional(),
  finalAt: z.string().optional(),
  filedWith: z.string().optional(),
  /** How each body of the adopting round voted. */
  resolutions: z.array(StepView),
  implementation: z
    .object({ acceptedAt: z.string(), budget: z.number().int(), spent: z.number().int(), disclosedAt: z.string() })
    .optional(),
});

export const publicBoard = defineRoute({
  method: 'GET',
  path: '/deliberation/board',
  operationId: 'getPublicBoard',
  summary: 'The public disclosure board (公开栏): decisions under notice or final, how each body voted, and implementation results',
  auth: { public: true },
  query: z.object({ village: PlacePath, limit: z.coerce.number().int().min(1).max(50).default(20) }),
  response: z.object({ village: PlacePath, items: z.array(BoardItem) }),
  handler: async ({ query }, ctx) => {
    if (!(await isVillage(ctx, query.village))) throw problems.notFound({ zh: '村或社区', en: 'The village' });
    const shown: z.infer<typeof BoardItem>[] = [];
    let cursor: string | undefined;
    do {
      const pageOf = await proposals.listByVillage(ctx.table, query.village, { limit: 50, ...(cursor ? { cursor } : {}) });
      for (const p of pageOf.items) {
        if (shown.length >= query.limit) break;
        if (p.status !== 'notice' && p.status !== 'final') continue;
        const [steps, disclosure] = await Promise.all([
          proposals.steps(ctx.table, p.proposalId),
          proposals.disclosure(ctx.table, p.proposalId),
        ]);
        const resolutions = await Promise.all(
          steps.filter((s) => s.round === p.round).map(async (s) => stepView(s, await readTally(ctx.table, s))),
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
      cursor = shown.length >= query.limit ? undefined : pageOf.cursor;
    } while (cursor);
    return { village: query.village, items: shown };
  },
});
