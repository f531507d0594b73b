import type { ProposalKind } from '@cocreate/contracts';
import { type OnConflict, type Table, type UnitOfWork, readRecord, readVersioned } from '@cocreate/kernel';
import type { ChainConfig, Classification, VillageSettings } from '../domain/settings.ts';
import { keys } from './keys.ts';

/** A village's own records: its settings, its configured chains, its class and each resident's support counter. */
export const villages = {
  settings: (table: Table, village: string) => readVersioned<Partial<VillageSettings>>(table, keys.settings(village)),

  saveSettings(tx: UnitOfWork, settings: VillageSettings, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.settings(settings.village), ...settings }, expectedVersion, 'retry');
  },

  chain: (table: Table, village: string, kind: ProposalKind) => readVersioned<ChainConfig>(table, keys.chain(village, kind)),

  saveChain(
    tx: UnitOfWork,
    config: Omit<ChainConfig, 'version' | 'isDefault'>,
    expectedVersion: number | undefined,
    stale: OnConflict,
  ): void {
    tx.putVersioned({ ...keys.chain(config.village, config.kind), ...config }, expectedVersion, stale);
  },

  classification: (table: Table, village: string) => readRecord<Classification>(table, keys.classification(village)),

  /** The latest final classification wins (a later decision replaces an earlier one; a replayed earlier one does not). */
  classify(tx: UnitOfWork, c: Classification): void {
    tx.put(
      { ...keys.classification(c.village), ...c },
      {
        condition: { expression: 'attribute_not_exists(pk) OR #at <= :at', names: { '#at': 'decidedAt' }, values: { ':at': c.decidedAt } },
        onConflict: 'retry',
      },
    );
  },

  async supportUse(table: Table, village: string, person: string): Promise<number> {
    const item = await table.get(keys.supportUse(village, person));
    return (item?.used as number | undefined) ?? 0;
  },

  /** Counts one more support against the resident's limit, refusing (`limitReached`) when it is used up. */
  useSupport(tx: UnitOfWork, village: string, person: string, limit: number, limitReached: OnConflict): void {
    tx.update(
      keys.supportUse(village, person),
      { add: { used: 1 }, set: { village, person } },
      {
        condition: { expression: 'attribute_not_exists(#used) OR #used < :limit', names: { '#used': 'used' }, values: { ':limit': limit } },
        onConflict: limitReached,
      },
    );
  },
};
