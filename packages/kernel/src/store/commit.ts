import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Problem, problems } from '../problem.ts';
import type { UnitOfWork } from './unit.ts';

export type CommitOutcome = 'committed' | 'duplicate' | 'retry';

interface CancellationReason {
  Code?: string;
  Message?: string;
}

/**
 * Commits a unit of work as one TransactWriteItems and says what happened: committed; a duplicate (the
 * processed-event marker already existed, so the whole change had been applied before); or retry (a concurrent
 * writer got there first and the change must be recomputed). A condition mapped to a Problem is thrown as it.
 */
export async function commit(doc: DynamoDBDocumentClient, unit: UnitOfWork): Promise<CommitOutcome> {
  const writes = unit.pending();
  if (!writes.length) return 'committed';
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.item) }));
    return 'committed';
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'TransactionCanceledException') {
      const reasons = ((err as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? []).map((r) => r?.Code ?? 'None');
      const failed = reasons.map((code, i) => ({ code, write: writes[i] })).filter((r) => r.code === 'ConditionalCheckFailed');
      if (failed.some((f) => f.write?.duplicateMarker)) return 'duplicate';
      // A lost optimistic race means the state moved on: recompute before judging any other condition, which may
      // only have failed because of that same concurrent change (e.g. an identical retried request).
      if (failed.some((f) => f.write?.onConflict === 'retry')) return 'retry';
      for (const f of failed) {
        if (f.write?.onConflict instanceof Problem) throw f.write.onConflict;
      }
      if (failed.length) {
        throw new Error(`unexpected condition failure on write(s) ${failed.map((f) => writes.indexOf(f.write!)).join(',')}`);
      }
      if (reasons.some((c) => c === 'TransactionConflict' || c === 'ThrottlingError' || c === 'ProvisionedThroughputExceeded')) {
        return 'retry';
      }
      throw err;
    }
    if (name === 'TransactionConflictException' || name === 'TransactionInProgressException') return 'retry';
    if (isLocalLockTimeout(err)) return 'retry';
    throw err;
  }
}

/**
 * DynamoDB Local serialises transactions with item locks and, under heavy contention, gives up on one with a 500
 * ("…timed out because it too long waiting for a lock. This request will succeed in actual DynamoDB API"). The
 * transaction was not applied, so for us it is a lost race like TransactionConflict, not a fault. The SDK's own
 * retries cannot be relied on here: its retry quota drains under exactly this load.
 */
function isLocalLockTimeout(err: unknown): boolean {
  const e = err as { name?: string; message?: string };
  return e?.name === 'InternalServerError' && /waiting for a lock/i.test(e.message ?? '');
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Contention on hot items (a tally, a stock count) is normal: many attempts, full jitter. */
export const defaultRetryPolicy: RetryPolicy = { attempts: 40, baseDelayMs: 5, maxDelayMs: 400 };

/**
 * Runs `attempt` until its unit commits or is a duplicate: each try recomputes from fresh reads, so an optimistic
 * check that lost a race is simply redone. Gives up with 503 (nothing written) after the policy's attempts.
 */
export async function withRetries<T>(
  attempt: (tryNumber: number) => Promise<{ outcome: CommitOutcome; value: T }>,
  policy: RetryPolicy = defaultRetryPolicy,
  onRetry?: (tryNumber: number) => void,
): Promise<{ outcome: Exclude<CommitOutcome, 'retry'>; value: T }> {
  for (let i = 0; i < policy.attempts; i++) {
    const { outcome, value } = await attempt(i);
    if (outcome !== 'retry') return { outcome, value };
    onRetry?.(i);
    const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(i, 10));
    await new Promise((r) => setTimeout(r, Math.random() * cap));
  }
  throw problems.unavailable();
}
