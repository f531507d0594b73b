import { PointsExpired, SubsidyAwarded, isRefused } from '@cocreate/contracts';
import { type JobContext, jobBudget, sweepDue } from '@cocreate/kernel';
import { expire } from '../domain/ledger.ts';
import { canCancel } from '../domain/supermarket.ts';
import { accounts } from '../repos/accounts.ts';
import { SHARDS } from '../repos/keys.ts';
import { redemptions } from '../repos/redemptions.ts';
import { rounds } from '../repos/rounds.ts';
import { type PostingContext, append, loadAccount } from './posting.ts';
import { releaseRedemption } from './supermarket.ts';

/**
 * Scheduled work. Every job is safe to re-run and to overlap: each account, order or award is handled in its own
 * unit of work that re-reads its state and writes conditionally, so a second run finds nothing left to do.
 */
const SERVICE_ACTOR = 'cocreate.rewards';

const posting = (ctx: JobContext, tx: PostingContext['tx']): PostingContext => ({
  table: ctx.table,
  register: ctx.register,
  tx,
  now: ctx.now,
  actor: SERVICE_ACTOR,
});

/** Expires points that reached their age, oldest lots first: one entry per account and run. */
export async function expirePoints(ctx: JobContext) {
  const now = ctx.now().toISOString();
  let accountsTouched = 0;
  let points = 0;
  await sweepDue({
    shards: SHARDS,
    due: async (shard) => ({ items: await accounts.dueForExpiry(ctx.table, shard, now) }),
    key: (person) => person,
    concurrency: 4,
    go: jobBudget(ctx),
    each: async (person) => {
      await ctx.unit(async (tx) => {
        const p = posting(ctx, tx);
        const loaded = await loadAccount(p, { person, village: '' });
        if (!loaded.record) return;
        const { state, expired } = expire(loaded.state, now);
        if (!expired.length) return;
        const total = expired.reduce((s, l) => s + l.points, 0);
        const entry = append(p, loaded, state, { kind: 'expiry', points: total, lots: expired, actor: SERVICE_ACTOR });
        tx.emit(
          PointsExpired,
          {
            entryId: entry.entryId,
            person,
            village: entry.village,
            points: total,
            lots: expired.map((l) => ({ lot: l.lot, points: l.points })),
            balanceAfter: entry.balanceAfter,
          },
          { place: entry.village },
        );
        accountsTouched += 1;
        points += total;
      });
    },
  });
  return { accounts: accountsTouched, points };
}

/** Cancels supermarket reservations past their hold time, releasing points and stock. */
export async function expireReservations(ctx: JobContext) {
  const now = ctx.now().toISOString();
  let expired = 0;
  await sweepDue({
    shards: SHARDS,
    due: async (shard) => ({ items: await redemptions.dueForExpiry(ctx.table, shard, now) }),
    key: (id) => id,
    concurrency: 4,
    go: jobBudget(ctx),
    each: async (id) => {
      await ctx.unit(async (tx) => {
        const r = await redemptions.get(ctx.table, id);
        if (!r || 'refused' in canCancel(r.value, 'expiry', now)) return;
        if (!isRefused(await releaseRedemption(posting(ctx, tx), r, 'expiry'))) expired += 1;
      });
    },
  });
  return { expired };
}

/** Awards per unit of work: each is an award record plus its event (two writes), well inside one transaction. */
const PAYOUT_CHUNK = 40;

/** Pays published village awards into their fund pools: one SubsidyAwarded per award, exactly once. */
export async function paySubsidies(ctx: JobContext) {
  let paid = 0;
  for (const roundId of await rounds.payoutsPending(ctx.table)) {
    const [stored, result] = await Promise.all([rounds.get(ctx.table, roundId), rounds.result(ctx.table, roundId)]);
    const round = stored?.value;
    if (!round || !result || !round.payout) continue;
    const due = result.lines.filter((l) => l.applicantKind === 'village' && l.amount > 0 && l.awardId);
    for (let i = 0; i < due.length; i += PAYOUT_CHUNK) {
      const chunk = due.slice(i, i + PAYOUT_CHUNK);
      await ctx.unit(async (tx) => {
        const done = await rounds.paidAwards(ctx.table, roundId);
        for (const l of chunk) {
          if (done.has(l.applicant)) continue;
          rounds.createAward(tx, {
            roundId,
            awardId: l.awardId!,
            village: l.applicant,
            amount: l.amount,
            paidAt: ctx.now().toISOString(),
          });
          tx.emit(
            SubsidyAwarded,
            {
              awardId: l.awardId!,
              roundId,
              village: l.applicant,
              amount: l.amount,
              title: round.title,
              ...(round.restriction ? { restriction: round.restriction } : {}),
            },
            { place: l.applicant },
          );
          paid += 1;
        }
      });
    }
    await ctx.unit(async (tx) => {
      const fresh = await rounds.get(ctx.table, roundId);
      if (!fresh?.value.payout || fresh.value.payout.paid === fresh.value.payout.due) return;
      rounds.write(tx, { ...fresh.value, payout: { due: fresh.value.payout.due, paid: fresh.value.payout.due } }, fresh.version, false);
    });
  }
  return { paid };
}
