import { NeedRaised, NeedTriaged } from '@cocreate/contracts';
import { MAX_TRANSACTION_ITEMS, type RouteContext, newId, problems } from '@cocreate/kernel';
import {
  type Need,
  type RaiseNeed,
  type TriageNeed,
  attributeNeed,
  canSecond,
  checkMergeSize,
  supportersToMove,
  triage,
} from '../domain/needs.ts';
import { NEED_SHARDS, needs } from '../repos/needs.ts';
import { listedVillage, personIn, refuse, settled, villageOf } from './common.ts';

/** The need a request is about, read once per attempt: the route's place check and the use case share it. */
const loadNeed = (ctx: Pick<RouteContext, 'table' | 'once'>, needId: string) =>
  ctx.once(`need:${needId}`, () => needs.getVersioned(ctx.table, needId));

async function needOrThrow(ctx: RouteContext, needId: string) {
  const cur = await loadNeed(ctx, needId);
  if (!cur) throw problems.notFound({ zh: '需求', en: 'The need' });
  return cur;
}

export const needVillage = async ({ params }: { params: { needId: string } }, ctx: RouteContext) =>
  (await loadNeed(ctx, params.needId))?.value.village;

/** A need with its supporters' total: the item and its counter's shards. */
export async function getNeed(needId: string, ctx: RouteContext): Promise<Need> {
  const [cur, read] = await Promise.all([needOrThrow(ctx, needId), needs.supporterShards(ctx.table, needId)]);
  return { ...cur.value, supporters: needs.supportersOf(cur.value, read) };
}

/** 群众提: a resident raises a need, or a grid worker or cadre records one on a resident's behalf. */
export async function raiseNeed(cmd: RaiseNeed, ctx: RouteContext): Promise<Need> {
  const [village, resident] = await Promise.all([
    villageOf(ctx, cmd.place),
    cmd.onBehalfOf ? ctx.register.person(cmd.onBehalfOf) : Promise.resolve(undefined),
  ]);
  if (!village) throw refuse('place-not-in-village');
  const who = settled(
    attributeNeed(cmd, ctx.actor as { sub: string; role: string | undefined }, village, (p) =>
      p === resident?.id ? resident.village : undefined,
    ),
  );
  const need: Need = {
    needId: newId(),
    village,
    place: cmd.place,
    category: cmd.category,
    text: cmd.text,
    channel: cmd.channel,
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
}

/**
 * 附议: a resident of the village seconds an open need; once per person, the raiser already counts. The supporter
 * record's conditional create is the once-per-person check (a second try is refused from its failure, nothing read
 * again), and the count goes to one shard of the need's counter: concurrent seconds of one need do not queue on its
 * item. A need merged or rejected meanwhile has its counter frozen, which refuses the second.
 */
export async function secondNeed(needId: string, ctx: RouteContext): Promise<Need> {
  const [cur, read] = await Promise.all([needOrThrow(ctx, needId), needs.supporterShards(ctx.table, needId)]);
  const need = cur.value;
  const person = await personIn(ctx, need.village);
  settled(canSecond(need, person.id));
  needs.addSupporter(ctx.tx, need.needId, person.id, ctx.now().toISOString(), undefined, refuse('already-supporting'));
  needs.countSupporters(ctx.tx, need.needId, 1, refuse('need-closed'));
  // The total as this request saw it, plus this second (concurrent seconds may each miss the other).
  return { ...need, supporters: needs.supportersOf(need, read) + 1 };
}

/**
 * Writes a merge needs besides the moved supporters: source, target, event, idempotency record, the source's frozen
 * counter shards and the target's shard increment.
 */
const MERGE_OVERHEAD = 4 + NEED_SHARDS + 1;

/** 分类、合并、驳回: cadres accept, recategorise, merge into a duplicate, or reject with a reason. */
export async function triageNeed(needId: string, cmd: TriageNeed, ctx: RouteContext): Promise<Need> {
  // The counter's shards are read before the supporters: a second committed in between changes a shard read, so
  // freezing on the read makes this unit recompute rather than leave that supporter behind.
  const [cur, read] = await Promise.all([needOrThrow(ctx, needId), needs.supporterShards(ctx.table, needId)]);
  const target = cmd.action === 'merge' ? await needs.getVersioned(ctx.table, cmd.into) : undefined;
  const now = ctx.now();
  const at = now.toISOString();
  const result = settled(triage(cur.value, cmd, target?.value, ctx.actor.sub, now));
  needs.save(ctx.tx, result, cur.version, cur.value.supporters);
  // Merged or rejected, a need takes no more seconds: its count is closed on exactly the supporters it has.
  const closing = cmd.action === 'merge' || cmd.action === 'reject';
  if (closing) needs.freezeSupporters(ctx.tx, needId, read, at);

  if (cmd.action === 'merge' && target) {
    // The merged-into need keeps everyone who backed either: the duplicate's raiser and supporters move onto it.
    const [sourceSupporters, targetSupporters] = await Promise.all([
      needs.supporters(ctx.table, cur.value.needId),
      needs.supporters(ctx.table, target.value.needId),
    ]);
    const moving = supportersToMove(cur.value, sourceSupporters, target.value, new Set(targetSupporters));
    settled(checkMergeSize(moving.length, MAX_TRANSACTION_ITEMS - MERGE_OVERHEAD));
    // A supporter who seconds the target meanwhile makes this create fail: recompute without them.
    for (const p of moving) needs.addSupporter(ctx.tx, target.value.needId, p, at, cur.value.needId, 'retry');
    if (moving.length) needs.countSupporters(ctx.tx, target.value.needId, moving.length, 'retry');
    needs.save(
      ctx.tx,
      { ...target.value, mergedFrom: [...(target.value.mergedFrom ?? []), cur.value.needId] },
      target.version,
      target.value.supporters,
    );
  }

  if (cmd.action !== 'categorise') {
    ctx.tx.emit(
      NeedTriaged,
      {
        needId: result.needId,
        village: result.village,
        outcome: cmd.action === 'accept' ? 'accepted' : cmd.action === 'merge' ? 'merged' : 'rejected',
        category: result.category,
        raisedBy: result.raisedBy,
        ...(result.mergedInto ? { mergedInto: result.mergedInto } : {}),
        ...(cmd.action === 'reject' ? { reason: cmd.reason } : {}),
      },
      { place: result.place },
    );
  }
  return { ...result, supporters: needs.supportersOf(cur.value, read) };
}

/** A page of a village's needs, newest first, each with its supporters' total (the page's shards read at once). */
export async function listNeeds(query: { village: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  await listedVillage(ctx, query.village);
  const page = await needs.listByVillage(ctx.table, query.village, query);
  return { ...page, items: await needs.withSupporters(ctx.table, page.items) };
}
