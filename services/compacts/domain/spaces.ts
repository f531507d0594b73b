import * as z from 'zod';
import {
  once,
  EvidenceRef,
  Id,
  IsoDate,
  IsoDateTime,
  PersonId,
  PlacePath,
  type Refused,
  SpaceAdopter,
  SpaceKind,
  refused,
} from '@cocreate/contracts';

/**
 * The registry of public spaces, green plots, facilities and road sections of a village, and their adoption (认领)
 * by households, party members or groups. A space has at most `capacity` adopters at once (usually one); the count
 * is a conditional counter on the space, changed in the same transaction as the adoption.
 */

export const MAX_CAPACITY = 20;

export const RegisterSpace = once(() =>
  z
    .object({
      village: PlacePath,
      kind: SpaceKind,
      name: z.string().trim().min(1).max(200),
      /** Where it is: the village or a group/compound in it. */
      place: PlacePath,
      capacity: z.number().int().min(1).max(MAX_CAPACITY).default(1),
      description: z.string().trim().max(2000).optional(),
      /** The compact governing its upkeep (default: the village's maintenance compact, if any). */
      compactId: Id.optional(),
    })
    .strict(),
);
export type RegisterSpace = z.infer<ReturnType<typeof RegisterSpace>>;

export const Space = once(() =>
  z.object({
    spaceId: Id,
    village: PlacePath,
    kind: SpaceKind,
    name: z.string(),
    place: PlacePath,
    capacity: z.number().int().positive(),
    /** Adopters right now; never above capacity. */
    activeAdopters: z.number().int().nonnegative(),
    description: z.string().optional(),
    compactId: Id.optional(),
    source: z.enum(['registered', 'handed-over']),
    projectId: Id.optional(),
    registeredAt: IsoDateTime,
    registeredBy: z.string(),
  }),
);
export type Space = z.infer<ReturnType<typeof Space>>;

/** What a resident asks for when adopting: for their household, as a party member, or for a group they speak for. */
export const AdoptSpace = once(() =>
  z
    .discriminatedUnion('as', [
      z.object({ as: z.literal('household') }).strict(),
      z.object({ as: z.literal('party-member') }).strict(),
      z.object({ as: z.literal('group'), group: z.string().trim().min(1).max(100) }).strict(),
    ])
    .describe('Adopt for your household, as a party member, or for a group (e.g. 二组党小组) you speak for'),
);
export type AdoptSpace = z.infer<ReturnType<typeof AdoptSpace>>;

export const Adoption = once(() =>
  z.object({
    adoptionId: Id,
    spaceId: Id,
    village: PlacePath,
    spaceKind: SpaceKind,
    adopter: SpaceAdopter(),
    /** Who adopted (and whose upkeep earns points). */
    person: PersonId,
    household: PlacePath.optional(),
    status: z.enum(['active', 'released']),
    adoptedOn: IsoDate,
    adoptedAt: IsoDateTime,
    releasedOn: IsoDate.optional(),
    releasedBy: z.string().optional(),
    releaseReason: z.string().optional(),
  }),
);
export type Adoption = z.infer<ReturnType<typeof Adoption>>;

export interface Caller {
  sub: string;
  household: string | undefined;
  isPartyMember: boolean;
}

export type AdopterRefusal = 'not-a-resident' | 'not-a-party-member';

/** Who adopts: the adopter as the space records it, the person who earns the points, and their household. */
export interface Adopter {
  adopter: SpaceAdopter;
  person: string;
  household: string | undefined;
}

/** Who the adopter is for a request: the caller's household, the caller as party member, or a named group. */
export function resolveAdopter(req: AdoptSpace, caller: Caller): Adopter | Refused<AdopterRefusal> {
  if (!caller.household) return refused('not-a-resident');
  if (req.as === 'household') {
    return { adopter: { kind: 'household', id: caller.household }, person: caller.sub, household: caller.household };
  }
  if (req.as === 'party-member') {
    if (!caller.isPartyMember) return refused('not-a-party-member');
    return { adopter: { kind: 'party-member', id: caller.sub }, person: caller.sub, household: caller.household };
  }
  return { adopter: { kind: 'group', id: req.group }, person: caller.sub, household: caller.household };
}

/** The key that keeps one adopter from holding two slots of the same space. */
export function holderKey(adopter: SpaceAdopter): string {
  return `${adopter.kind}#${adopter.id}`;
}

/**
 * Who may act for an adoption (log upkeep, release it): the person who adopted, or — for a household adoption —
 * any member of that household.
 */
export function actsFor(adoption: Pick<Adoption, 'person' | 'adopter'>, caller: { sub: string; household: string | undefined }): boolean {
  if (caller.sub === adoption.person) return true;
  return adoption.adopter.kind === 'household' && caller.household === adoption.adopter.id;
}

/** A slot is free while fewer than `capacity` adopters hold the space. */
export function hasFreeSlot(space: Pick<Space, 'capacity' | 'activeAdopters'>): boolean {
  return space.activeAdopters < space.capacity;
}

/** An adoption of a space with a free slot (the store's counter guards the same rule against a concurrent claim). */
export function adopt(space: Space, who: Adopter, adoptionId: string, on: { today: string; at: string }): Adoption | Refused<'space-full'> {
  if (!hasFreeSlot(space)) return refused('space-full');
  return {
    adoptionId,
    spaceId: space.spaceId,
    village: space.village,
    spaceKind: space.kind,
    adopter: who.adopter,
    person: who.person,
    ...(who.household ? { household: who.household } : {}),
    status: 'active',
    adoptedOn: on.today,
    adoptedAt: on.at,
  };
}

/** The adopter, their household or a cadre releases an active adoption. */
export function release(
  adoption: Adoption,
  caller: { sub: string; household: string | undefined; isCadre: boolean },
  today: string,
  reason: string | undefined,
): Adoption | Refused<'not-adopter-or-cadre' | 'already-released'> {
  if (!actsFor(adoption, caller) && !caller.isCadre) return refused('not-adopter-or-cadre');
  if (adoption.status !== 'active') return refused('already-released');
  return { ...adoption, status: 'released', releasedOn: today, releasedBy: caller.sub, ...(reason ? { releaseReason: reason } : {}) };
}

/** Only the adopter or their household logs upkeep, and only while the adoption is active. */
export function checkUpkeep(
  adoption: Adoption,
  caller: { sub: string; household: string | undefined },
): 'ok' | Refused<'not-the-adopter' | 'adoption-released'> {
  if (!actsFor(adoption, caller)) return refused('not-the-adopter');
  if (adoption.status !== 'active') return refused('adoption-released');
  return 'ok';
}

export const ReleaseAdoption = once(() => z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict());

export const LogUpkeep = once(() =>
  z
    .object({
      note: z.string().trim().min(1).max(1000),
      /** Optional photo evidence: upload first via `POST /compacts/evidence-uploads`. */
      evidence: z.array(EvidenceRef).max(5).optional(),
    })
    .strict(),
);
export type LogUpkeep = z.infer<ReturnType<typeof LogUpkeep>>;

export const Upkeep = once(() =>
  z.object({
    upkeepId: Id,
    adoptionId: Id,
    spaceId: Id,
    village: PlacePath,
    person: PersonId,
    household: PlacePath.optional(),
    note: z.string(),
    evidence: z.array(EvidenceRef),
    loggedOn: IsoDate,
    loggedAt: IsoDateTime,
  }),
);
export type Upkeep = z.infer<ReturnType<typeof Upkeep>>;
