import { z } from 'zod';
import { Id, NeedRaised, NeedTriaged, PlacePath } from '@cocreate/contracts';
import { MAX_TRANSACTION_ITEMS, type Table, defineRoute, newId, problems } from '@cocreate/kernel';
import { Need, RaiseNeed, TriageNeed, attributeNeed, canSecond, supportersToMove, triage } from '../domain/needs.ts';
import { needs } from '../store.ts';
import { VILLAGE_PEOPLE, VILLAGE_READERS, personIn, refuse, villageOf } from './common.ts';

const needVillage = async ({ params }: { params: { needId: string } }, ctx: { table: Table }) =>
  (await needs.get(ctx.table, params.needId))?.village;

const NeedParams = z.object({ needId: Id });

export const raiseNeed = defineRoute({
  method: 'POST',
  path: '/deliberation/needs',
  operationId: 'raiseNeed',
  summary: 'Raise a need (群众提), or record one on a resident’s behalf',
  auth: {
    roles: ['resident', 'grid-worker', 'cadre'],
    place: ({ body }) => body.place,
  },
  body: RaiseNeed,
  response: Need,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const [village, resident] = await Promise.all([
      villageOf(ctx, body.place),
      body.onBehalfOf ? ctx.register.person(body.onBehalfOf) : Promise.resolve(undefined),
    ]);
    if (!village) {
      throw problems.rule('place-not-in-village', {
        zh: '需求须落在某个村或社区内。',
        en: 'A need must be placed in a village or community.',
      });
    }
    const who = attributeNeed(body, ctx.actor as { sub: string; role: string | undefined }, village, (p) =>
      p === resident?.id ? resident.village : undefined,
    );
    if ('refused' in who) {
      throw who.refused === 'not-a-recorder'
        ? problems.forbidden({ zh: '只有网格员或村干部可以代为登记。', en: 'Only grid workers and cadres may record needs for others.' })
        : problems.rule('resident-elsewhere', { zh: '被代登记的居民不属于该村。', en: 'That resident does not live in this village.' });
    }
    const need: Need = {
      needId: newId(),
      village,
      place: body.place,
      category: body.category,
      text: body.text,
      channel: body.channel,
      ...who,
      status: 'raised',
      supporters: 0,
      createdAt: ctx.now().toISOString(),
    };
    needs.create(ctx.tx, need);
    ctx.tx.emit(
      NeedRaised,
      {
        needId: need.needId,
        village,
        place: need.place,
        category: need.category,
        text: need.text,
        channel: need.channel,
        raisedBy: need.raisedBy,
        recordedBy: need.recordedBy,
      },
      { place: need.place },
    );
    return need;
  },
});

export const listNeeds = defineRoute({
  method: 'GET',
  path: '/deliberation/needs',
  operationId: 'listNeeds',
  summary: 'List a village’s needs, newest first (需求清单)',
  auth: {
    roles: ['resident', 'grid-worker', 'cadre', 'supervisor', 'township-official', 'county-official'],
    place: ({ query }) => query.village,
  },
  query: z.object({
    village: PlacePath,
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
  }),
  response: z.object({ items: z.array(Need), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => needs.listByVillage(ctx.table, query.village, query),
});

export const getNeed = defineRoute({
  method: 'GET',
  path: '/deliberation/needs/{needId}',
  operationId: 'getNeed',
  summary: 'One need, with its triage outcome and supporters count',
  auth: { roles: VILLAGE_READERS, place: needVillage },
  params: NeedParams,
  response: Need,
  handler: async ({ params }, ctx) => {
    const need = await needs.get(ctx.table, params.needId);
    if (!need) throw problems.notFound({ zh: '需求', en: 'The need' });
    return need;
  },
});

/** 附议: a resident of the village seconds an open need; once per person, the raiser already counts. */
export const secondNeed = defineRoute({
  method: 'POST',
  path: '/deliberation/needs/{needId}/supporters',
  operationId: 'secondNeed',
  summary: 'Second a need (附议): a resident backs a need someone else raised; once per person',
  auth: { roles: VILLAGE_PEOPLE, place: needVillage },
  params: NeedParams,
  response: Need,
  status: 201,
  idempotent: true,
  handler: async ({ params }, ctx) => {
    const cur = await needs.getVersioned(ctx.table, params.needId);
    if (!cur) throw problems.notFound({ zh: '需求', en: 'The need' });
    const need = cur.value;
    const person = await personIn(ctx, need.village);
    const refusal = canSecond(need, person.id);
    if (refusal) throw refuse(refusal);
    const updated: Need = { ...need, supporters: need.supporters + 1 };
    needs.addSupporter(ctx.tx, need.needId, person.id, ctx.now().toISOString(), undefined, refuse('already-supporting'));
    needs.save(ctx.tx, updated, cur.version);
    return updated;
  },
});

/** Writes a merge needs besides the moved supporters: source, target, event, idempotency record. */
const MERGE_OVERHEAD = 4;

/** 分类、合并、驳回: cadres triage needs; residents cannot. */
export const triageNeed = defineRoute({
  method: 'POST',
  path: '/deliberation/needs/{needId}/triage',
  operationId: 'triageNeed',
  summary: 'Triage a need (cadres): accept onto the needs list, change its category, merge into a duplicate, or reject with a reason',
  auth: { roles: ['cadre'], place: needVillage },
  params: NeedParams,
  body: TriageNeed,
  response: Need,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const cur = await needs.getVersioned(ctx.table, params.needId);
    if (!cur) throw problems.notFound({ zh: '需求', en: 'The need' });
    const target = body.action === 'merge' ? await needs.getVersioned(ctx.table, body.into) : undefined;
    const now = ctx.now();
    const result = triage(cur.value, body, target?.value, ctx.actor.sub, now);
    if ('refused' in result) throw refuse(result.refused);
    needs.save(ctx.tx, result, cur.version);

    if (body.action === 'merge' && target) {
      // The merged-into need keeps everyone who backed either: the duplicate's raiser and supporters move onto it.
      const [sourceSupporters, targetSupporters] = await Promise.all([
        needs.supporters(ctx.table, cur.value.needId),
        needs.supporters(ctx.table, target.value.needId),
      ]);
      const moving = supportersToMove(cur.value, sourceSupporters, target.value, new Set(targetSupporters));
      if (moving.length + MERGE_OVERHEAD > MAX_TRANSACTION_ITEMS) {
        throw problems.rule('merge-too-large', {
          zh: `一次合并最多转移 ${MAX_TRANSACTION_ITEMS - MERGE_OVERHEAD} 位支持者，本次需转移 ${moving.length} 位。`,
          en: `A merge moves at most ${MAX_TRANSACTION_ITEMS - MERGE_OVERHEAD} supporters at once; this one needs ${moving.length}.`,
        });
      }
      const at = now.toISOString();
      // A supporter who seconds the target meanwhile makes this create fail: recompute without them.
      for (const p of moving) needs.addSupporter(ctx.tx, target.value.needId, p, at, cur.value.needId, 'retry');
      needs.save(
        ctx.tx,
        {
          ...target.value,
          supporters: target.value.supporters + moving.length,
          mergedFrom: [...(target.value.mergedFrom ?? []), cur.value.needId],
        },
        target.version,
      );
    }

    if (body.action !== 'categorise') {
      ctx.tx.emit(
        NeedTriaged,
        {
          needId: result.needId,
          village: result.village,
          outcome: body.action === 'accept' ? 'accepted' : body.action === 'merge' ? 'merged' : 'rejected',
          category: result.category,
          raisedBy: result.raisedBy,
          ...(result.mergedInto ? { mergedInto: result.mergedInto } : {}),
          ...(body.action === 'reject' ? { reason: body.reason } : {}),
        },
        { place: result.place },
      );
    }
    return result;
  },
});
