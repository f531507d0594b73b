import { inject } from 'vitest';
import type { z } from 'zod';
import type { EventContract } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { LocalApi, eventually, publishEvent, q } from '@cocreate/local/testing';
import { auditEntries, type LedgerEntry } from '../domain/entries.ts';
import { getStatement } from '../handlers/points.ts';

declare module 'vitest' {
  // Provided by the integration setup (test/setup/local-stack.ts); repeated so this service type-checks alone.
  export interface ProvidedContext {
    stack: { url: string; dynamodb: string; s3: string; eventbridge: string };
  }
}

/** Shared helpers of the rewards integration tests: they talk to the local stack over HTTP only. */
export const api = new LocalApi(inject('stack').url);
export const bus = inject('stack').eventbridge;

export async function clockNow(): Promise<Date> {
  return new Date((await api.get('/_local/clock')).body.now);
}

export async function advance(duration: string): Promise<void> {
  const res = await api.post('/_local/clock', { advance: duration });
  if (res.status !== 200) throw new Error(`clock: ${JSON.stringify(res.body)}`);
}

/** Plays an upstream service: publishes `data` as `contract` (same id again = a duplicate delivery). */
export async function publish<C extends EventContract>(
  contract: C,
  data: z.input<C['data']>,
  opts: { place: string; id?: string; occurredAt?: string },
): Promise<string> {
  return publishEvent(bus, contract, data, { ...opts, occurredAt: opts.occurredAt ?? (await clockNow()).toISOString() });
}

export const ulid = () => newId();

export interface Statement {
  balance: number;
  held: number;
  debt: number;
  lots: { lot: string; expiresAt: string; remaining: number }[];
  entries: LedgerEntry[];
}

/** A person's statement, read as themselves. */
export async function statement(person: string, query: Record<string, string> = {}): Promise<Statement> {
  const res = await api.call(getStatement, { params: { person }, query: { limit: 100, ...query } }, { as: person });
  if (res.status !== 200) throw new Error(`statement ${person}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Every entry of a person's ledger, oldest first (following cursors). */
export async function allEntries(person: string): Promise<LedgerEntry[]> {
  const out: LedgerEntry[] = [];
  let cursor: string | undefined;
  do {
    const res = await api.call(getStatement, { params: { person }, query: { limit: 100, cursor } }, { as: person });
    out.push(...res.body.entries);
    cursor = res.body.cursor;
  } while (cursor);
  return out.sort((a, b) => a.seq - b.seq);
}

/** The ledger replays to the account's figures with no gaps; returns the entries. */
export async function audited(person: string): Promise<LedgerEntry[]> {
  const [s, list] = await Promise.all([statement(person), allEntries(person)]);
  const problems = auditEntries(list);
  if (problems.length) throw new Error(`ledger of ${person} broken: ${problems.join('; ')}`);
  const last = list.at(-1);
  const figures = last ? { balance: last.balanceAfter, held: last.heldAfter, debt: last.debtAfter } : { balance: 0, held: 0, debt: 0 };
  if (figures.balance !== s.balance || figures.held !== s.held || figures.debt !== s.debt) {
    throw new Error(`account of ${person} ${JSON.stringify(s)} differs from its ledger ${JSON.stringify(figures)}`);
  }
  if (s.lots.reduce((t, l) => t + l.remaining, 0) !== s.balance) throw new Error(`lots of ${person} do not add up to the balance`);
  return list;
}

/** Waits until `person`'s ledger satisfies `check`. */
export function waitFor(person: string, check: (s: Statement) => boolean, what: string, timeoutMs = 60_000): Promise<Statement> {
  return eventually(
    async () => {
      const s = await statement(person);
      return check(s) ? s : undefined;
    },
    timeoutMs,
    what,
  );
}

/** Lets in-flight deliveries finish before asserting that nothing more happened. */
export const settle = (ms = 1_500) => new Promise((r) => setTimeout(r, ms));

/** Events the local bus accepted, by type, filtered on their data. */
export async function busEvents<T = Record<string, unknown>>(
  type: string,
  match: (data: T) => boolean,
): Promise<{ meta: Record<string, unknown>; data: T }[]> {
  const res = await api.get(`/_local/bus/events${q({ type })}`);
  return (res.body.events as { detail: { meta: Record<string, unknown>; data: T } }[]).map((e) => e.detail).filter((d) => match(d.data));
}

/**
 * Waits until exactly `count` matching events are on the bus (they leave through the outbox relay, a moment after
 * the change commits), then lets deliveries settle and checks no further copy arrived.
 */
export async function onBus<T = Record<string, unknown>>(
  type: string,
  match: (data: T) => boolean,
  count: number,
): Promise<{ meta: Record<string, unknown>; data: T }[]> {
  await eventually(async () => (await busEvents<T>(type, match)).length >= count || undefined, 60_000, `${count} ${type} on the bus`);
  await settle(500);
  const found = await busEvents<T>(type, match);
  if (found.length !== count) throw new Error(`expected ${count} ${type}, found ${found.length}`);
  return found;
}

export function shuffle<T>(list: T[], seed = 42): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
