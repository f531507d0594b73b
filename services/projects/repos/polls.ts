import { type Table, type UnitOfWork, readRecord } from '@cocreate/kernel';
import type { KnownPoll } from '../domain/stages.ts';
import { keys } from './keys.ts';

/** Consent polls as deliberation closed them: what a renovation's willingness survey refers to. */
export const polls = {
  get: (table: Table, pollId: string) => readRecord<KnownPoll & { village: string }>(table, keys.consentPoll(pollId)),

  /** The poll's closing result; a redelivered or replayed close writes the same facts again. */
  record(tx: UnitOfWork, p: KnownPoll & { village: string }): void {
    tx.put({ ...keys.consentPoll(p.pollId), ...p });
  },
};
