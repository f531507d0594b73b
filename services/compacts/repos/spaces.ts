import { type OnConflict, type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import type { Adoption, Space, Upkeep } from '../domain/spaces.ts';
import { dateRange, keys } from './keys.ts';

export const spaces = {
  get(table: Table, spaceId: string): Promise<Space | undefined> {
    return readRecord<Space>(table, keys.space(spaceId));
  },

  create(tx: UnitOfWork, space: Space, onConflict: OnConflict): void {
    tx.create(
      {
        ...keys.space(space.spaceId),
        gsi1pk: keys.villageSpaces(space.village),
        gsi1sk: `${space.registeredAt}#${space.spaceId}`,
        ...space,
      },
      onConflict,
    );
  },

  async listByVillage(table: Table, village: string): Promise<Space[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageSpaces(village) });
    return items.map((i) => recordOf<Space>(i));
  },

  /**
   * Takes one slot: the counter goes up only while it is below the capacity, in the same transaction as the
   * adoption — two claims on the last slot cannot both commit.
   */
  takeSlot(tx: UnitOfWork, spaceId: string, onConflict: OnConflict): void {
    tx.update(
      keys.space(spaceId),
      { add: { activeAdopters: 1 } },
      {
        condition: { expression: 'attribute_exists(pk) AND #held < #cap', names: { '#held': 'activeAdopters', '#cap': 'capacity' } },
        onConflict,
      },
    );
  },

  freeSlot(tx: UnitOfWork, spaceId: string, onConflict: OnConflict): void {
    tx.update(keys.space(spaceId), { add: { activeAdopters: -1 } }, { condition: cond.atLeast('activeAdopters', 1), onConflict });
  },

  /** One adopter holds at most one slot of a space. */
  hold(tx: UnitOfWork, spaceId: string, holderKey: string, adoptionId: string, onConflict: OnConflict): void {
    tx.create({ ...keys.holder(spaceId, holderKey), adoptionId }, onConflict);
  },

  unhold(tx: UnitOfWork, spaceId: string, holderKey: string, adoptionId: string, onConflict: OnConflict): void {
    tx.delete(keys.holder(spaceId, holderKey), { condition: cond.equals('adoptionId', adoptionId), onConflict });
  },
};

export const adoptions = {
  get(table: Table, adoptionId: string): Promise<Adoption | undefined> {
    return readRecord<Adoption>(table, keys.adoption(adoptionId));
  },

  create(tx: UnitOfWork, a: Adoption): void {
    tx.create(
      { ...keys.adoption(a.adoptionId), gsi1pk: keys.spaceAdoptions(a.spaceId), gsi1sk: `${a.adoptedAt}#${a.adoptionId}`, ...a },
      'retry',
    );
  },

  /** Saves the adoption as released; only an active one can be. */
  release(tx: UnitOfWork, a: Adoption, onConflict: OnConflict): void {
    tx.put(
      { ...keys.adoption(a.adoptionId), gsi1pk: keys.spaceAdoptions(a.spaceId), gsi1sk: `${a.adoptedAt}#${a.adoptionId}`, ...a },
      { condition: cond.equals('status', 'active'), onConflict },
    );
  },

  /** Asserts the adoption is still active when something is logged against it. */
  checkActive(tx: UnitOfWork, adoptionId: string, onConflict: OnConflict): void {
    tx.check(keys.adoption(adoptionId), cond.equals('status', 'active'), onConflict);
  },

  async listBySpace(table: Table, spaceId: string): Promise<Adoption[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.spaceAdoptions(spaceId) });
    return items.map((i) => recordOf<Adoption>(i));
  },
};

export const upkeeps = {
  /** The log, and the marker that keeps it to one per adoption and day. */
  create(tx: UnitOfWork, u: Upkeep, onDuplicateDay: OnConflict): void {
    tx.create({ ...keys.upkeepDay(u.adoptionId, u.loggedOn), upkeepId: u.upkeepId }, onDuplicateDay);
    tx.create(
      {
        ...keys.upkeep(u.upkeepId),
        gsi1pk: keys.villageUpkeep(u.village),
        gsi1sk: `${u.loggedOn}#${u.upkeepId}`,
        gsi2pk: keys.adoptionUpkeep(u.adoptionId),
        gsi2sk: `${u.loggedAt}#${u.upkeepId}`,
        ...u,
      },
      'retry',
    );
  },

  async listByAdoption(table: Table, adoptionId: string): Promise<Upkeep[]> {
    const items = await table.queryAll({ index: 'gsi2', pk: keys.adoptionUpkeep(adoptionId) });
    return items.map((i) => recordOf<Upkeep>(i));
  },

  async listByVillage(table: Table, village: string, from: string, to: string): Promise<Upkeep[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageUpkeep(village), sk: dateRange(from, to) }, 100_000);
    return items.map((i) => recordOf<Upkeep>(i));
  },
};
