import type { Progress, RunOptions } from './progress.ts';
import { quiet } from './progress.ts';

/** One message in a dead-letter queue, as the operator sees it before deciding to redrive. */
export interface DeadLetter {
  id: string;
  /** The queue it sits in (its name). */
  queue: string;
  /** Where it was going: the rule and target, or the function. */
  target: string;
  eventId?: string;
  eventType?: string;
  error?: string;
}

/**
 * Where dead letters are and how each goes back to where it failed: SQS queues in AWS (`sqsDeadLetters`), the
 * local bus's dead-letter store locally (`localDeadLetters`).
 */
export interface DeadLetterStore {
  readonly where: string;
  list(queue?: string): Promise<DeadLetter[]>;
  /** Delivers each again to its own target; answers how many were taken (and left the queue). */
  redrive(letters: readonly DeadLetter[], progress: Progress): Promise<number>;
}

export interface RedriveResult {
  found: DeadLetter[];
  redriven: number;
}

/**
 * Redrives a dead-letter queue (or every queue): lists what waits, then — unless a dry run — hands each message back
 * to the target it failed on. Consumers are idempotent, so a message that did get through once changes nothing.
 */
export async function redrive(store: DeadLetterStore, o: RunOptions & { queue?: string } = {}): Promise<RedriveResult> {
  const progress = o.progress ?? quiet;
  const found = await store.list(o.queue);
  progress(`${found.length} dead letter(s) in ${o.queue ?? 'every queue'} of ${store.where}`);
  for (const d of found)
    progress(`  ${d.queue}: ${d.eventType ?? 'message'} ${d.eventId ?? d.id} → ${d.target}${d.error ? ` (${d.error})` : ''}`);
  if (o.dryRun || found.length === 0) {
    if (o.dryRun) progress('dry run: nothing redriven');
    return { found, redriven: 0 };
  }
  const redriven = await store.redrive(found, progress);
  progress(`redrove ${redriven} of ${found.length}`);
  return { found, redriven };
}

interface LocalDeadLetter {
  id: string;
  ruleName: string;
  targetArn: string;
  deadLetterArn?: string;
  event: { id: string; 'detail-type': string; detail?: { meta?: { id?: string } } };
  error: string;
}

/** The local stack's bus (its EventBridge endpoint): dead letters are kept per rule target and redriven by id. */
export function localDeadLetters(busEndpoint: string): DeadLetterStore {
  const queueOf = (d: LocalDeadLetter) => d.deadLetterArn?.split(':').at(-1) ?? `${d.ruleName}-dlq`;
  const all = async (): Promise<LocalDeadLetter[]> => {
    const res = await fetch(`${busEndpoint}/_local/dead-letters`);
    if (!res.ok) throw new Error(`${busEndpoint}: dead letters answered ${res.status}`);
    return (await res.json()) as LocalDeadLetter[];
  };
  return {
    where: `the local bus at ${busEndpoint}`,
    async list(queue) {
      return (await all())
        .filter((d) => !queue || queueOf(d) === queue)
        .map((d) => ({
          id: d.id,
          queue: queueOf(d),
          target: `${d.ruleName} → ${d.targetArn}`,
          eventId: d.event.detail?.meta?.id ?? d.event.id,
          eventType: d.event['detail-type'],
          error: d.error,
        }));
    },
    async redrive(letters, progress) {
      progress(`redriving ${letters.length} through the local bus`);
      const res = await fetch(`${busEndpoint}/_local/dead-letters/redrive`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ids: letters.map((d) => d.id) }),
      });
      if (!res.ok) throw new Error(`${busEndpoint}: redrive answered ${res.status}`);
      return ((await res.json()) as { redriven: number }).redriven;
    },
  };
}
