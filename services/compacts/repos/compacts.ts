import { type OnConflict, type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import type { Compact, CompactVersion, ParkedDecision } from '../domain/compacts.ts';
import { keys, revisionIs } from './keys.ts';

/** Versions and parked decisions carry a `version` of their own (the version number), not the item's. */
const KEEP_VERSION = { keep: ['version'] } as const;

export const compacts = {
  get(table: Table, compactId: string): Promise<Compact | undefined> {
    return readRecord<Compact>(table, keys.compact(compactId));
  },

  /** The header and every version, in one query of the compact's partition. */
  async getWithVersions(table: Table, compactId: string): Promise<{ compact: Compact; versions: CompactVersion[] } | undefined> {
    const items = await table.queryAll({ pk: keys.compact(compactId).pk });
    const head = items.find((i) => i.sk === 'HEAD');
    if (!head) return undefined;
    return {
      compact: recordOf<Compact>(head),
      versions: items.filter((i) => i.sk.startsWith('V#')).map((i) => recordOf<CompactVersion>(i, KEEP_VERSION)),
    };
  },

  /** Every version of a compact, without its header. */
  async versions(table: Table, compactId: string): Promise<CompactVersion[]> {
    const items = await table.queryAll({ pk: keys.compact(compactId).pk, sk: { beginsWith: 'V#' } });
    return items.map((i) => recordOf<CompactVersion>(i, KEEP_VERSION));
  },

  getVersion(table: Table, compactId: string, version: number): Promise<CompactVersion | undefined> {
    return readRecord<CompactVersion>(table, keys.version(compactId, version), KEEP_VERSION);
  },

  async listByVillage(table: Table, village: string): Promise<Compact[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageCompacts(village) });
    return items.map((i) => recordOf<Compact>(i));
  },

  createHeader(tx: UnitOfWork, compact: Compact, onConflict: OnConflict): void {
    tx.create(
      {
        ...keys.compact(compact.compactId),
        gsi1pk: keys.villageCompacts(compact.village),
        gsi1sk: `${compact.createdAt}#${compact.compactId}`,
        ...compact,
      },
      onConflict,
    );
  },

  /** Moves the header's latest version from `expected` to `next` (so two amendments never get the same number). */
  bumpLatest(tx: UnitOfWork, compactId: string, expected: number, next: number, onConflict: OnConflict): void {
    tx.update(keys.compact(compactId), { set: { latestVersion: next } }, { condition: cond.equals('latestVersion', expected), onConflict });
  },

  createVersion(tx: UnitOfWork, version: CompactVersion, onConflict: OnConflict): void {
    tx.create({ ...keys.version(version.compactId, version.version), ...version }, onConflict);
  },

  /** Saves a changed version; `expectedRevision` is the one it was computed from. */
  saveVersion(tx: UnitOfWork, version: CompactVersion, expectedRevision: number, onConflict: OnConflict): void {
    tx.put({ ...keys.version(version.compactId, version.version), ...version }, { condition: revisionIs(expectedRevision), onConflict });
  },

  async maintenanceCompactOf(table: Table, village: string): Promise<string | undefined> {
    return (await table.get(keys.maintenanceCompact(village)))?.compactId as string | undefined;
  },

  /** Names a village's maintenance compact; only the first one wins. */
  claimMaintenance(tx: UnitOfWork, village: string, compactId: string, onConflict: OnConflict): void {
    tx.create({ ...keys.maintenanceCompact(village), village, compactId }, onConflict);
  },
};

export const parked = {
  put(tx: UnitOfWork, d: ParkedDecision): void {
    tx.put({ ...keys.parked(d.compactId, d.version), gsi1pk: keys.villageParked(d.village), gsi1sk: `${d.parkedAt}#${d.compactId}`, ...d });
  },

  get(table: Table, compactId: string, version: number): Promise<ParkedDecision | undefined> {
    return readRecord<ParkedDecision>(table, keys.parked(compactId, version), KEEP_VERSION);
  },

  remove(tx: UnitOfWork, compactId: string, version: number): void {
    tx.delete(keys.parked(compactId, version));
  },

  async listByVillage(table: Table, village: string): Promise<ParkedDecision[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageParked(village) });
    return items.map((i) => recordOf<ParkedDecision>(i, KEEP_VERSION));
  },
};
