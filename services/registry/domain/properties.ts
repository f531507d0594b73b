import * as z from 'zod';
import { once, IsoDate, type OwnershipTerm, PersonId, PlacePath, type RegisterChange } from '@cocreate/contracts';
import { holdsOn, overlaps } from './terms.ts';
import type { PropertyRecord } from './model.ts';
import { type Refused, refused } from './refusals.ts';

const Area = once(() => z.number().positive().max(100_000).describe('专有部分面积, m²'));

/** An owner's share of a property (业主) from a day: a first registration, an inheritance, a corrected record. */
export const RecordOwner = once(() => z.object({ property: PlacePath, person: PersonId, area: Area(), from: IsoDate }));
export type RecordOwner = z.infer<ReturnType<typeof RecordOwner>>;

/** A sale: the seller's term ends and the buyer's begins the same day, with the seller's area unless another is given. */
export const RecordSale = once(() =>
  z.object({ property: PlacePath, seller: PersonId, buyer: PersonId, on: IsoDate, area: Area().optional() }),
);
export type RecordSale = z.infer<ReturnType<typeof RecordSale>>;

/** The owners of a property on a day, with their areas. */
export function ownersOn(property: Pick<PropertyRecord, 'owners'>, day: string): OwnershipTerm[] {
  return property.owners.filter((t) => holdsOn(t, day));
}

type Decision = { state: PropertyRecord; changes: RegisterChange[] } | Refused;

const nextOf = (current: PropertyRecord | undefined, path: string, village: string, owners: OwnershipTerm[]): PropertyRecord => ({
  path,
  village,
  owners,
  revision: (current?.revision ?? 0) + 1,
});

export function decideRecordOwner(current: PropertyRecord | undefined, village: string, cmd: RecordOwner): Decision {
  const owners = current?.owners ?? [];
  const term: OwnershipTerm = { person: cmd.person, area: cmd.area, from: cmd.from };
  if (owners.some((t) => t.person === cmd.person && overlaps(t, term))) return refused('owner-term-overlaps');
  const state = nextOf(current, cmd.property, village, [...owners, term]);
  return { state, changes: [{ type: 'OwnershipChanged', state }] };
}

/** 房屋买卖: the whole owner history of the property travels on the event. */
export function decideSale(current: PropertyRecord | undefined, cmd: RecordSale): Decision {
  const owners = current?.owners ?? [];
  const i = owners.findIndex((t) => t.person === cmd.seller && holdsOn(t, cmd.on) && t.until === undefined);
  if (!current || i < 0) return refused('seller-not-owner');
  const sold = owners[i]!;
  if (sold.from >= cmd.on) return refused('sale-on-first-day');
  const buyerTerm: OwnershipTerm = { person: cmd.buyer, area: cmd.area ?? sold.area, from: cmd.on };
  if (owners.some((t) => t.person === cmd.buyer && overlaps(t, buyerTerm))) return refused('buyer-already-owner');
  const history = owners.map((t, j) => (j === i ? { ...t, until: cmd.on } : t));
  const state = nextOf(current, current.path, current.village, [...history, buyerTerm]);
  return { state, changes: [{ type: 'OwnershipChanged', state }] };
}
