import { SpaceAdopted, SpaceRegistered, SpaceReleased, UpkeepLogged } from '@cocreate/contracts';
import { type EvidenceUploadRequest, type RouteContext, newId } from '@cocreate/kernel';
import { isWithin, maskName } from '@cocreate/places';
import {
  type AdoptSpace,
  type Adoption,
  type LogUpkeep,
  type RegisterSpace,
  type Space,
  type Upkeep,
  adopt,
  checkUpkeep,
  holderKey,
  release,
  resolveAdopter,
} from '../domain/spaces.ts';
import { compacts } from '../repos/compacts.ts';
import { adoptions, spaces, upkeeps } from '../repos/spaces.ts';
import { callerHolds, callerPerson, listedVillage, namesOf, notFound, requireVillage, today, verifiedEvidence } from './common.ts';
import { refuse, settled } from './refusals.ts';

/** The public-space registry, adoption (认领), release and upkeep logs, and evidence uploads. */

const spaceOnce = (ctx: RouteContext, spaceId: string) => ctx.once(`space:${spaceId}`, () => spaces.get(ctx.table, spaceId));
const adoptionOnce = (ctx: RouteContext, adoptionId: string) =>
  ctx.once(`adoption:${adoptionId}`, () => adoptions.get(ctx.table, adoptionId));

/** The village of a space or of an adoption (what the routes' place checks ask; read once per attempt). */
export const spaceVillage = async (spaceId: string, ctx: RouteContext) => (await spaceOnce(ctx, spaceId))?.village;
export const adoptionVillage = async (adoptionId: string, ctx: RouteContext) => (await adoptionOnce(ctx, adoptionId))?.village;

async function spaceOrThrow(spaceId: string, ctx: RouteContext): Promise<Space> {
  const space = await spaceOnce(ctx, spaceId);
  if (!space) throw notFound.space();
  return space;
}

async function adoptionOrThrow(adoptionId: string, ctx: RouteContext): Promise<Adoption> {
  const adoption = await adoptionOnce(ctx, adoptionId);
  if (!adoption) throw notFound.adoption();
  return adoption;
}

export async function registerSpace(body: RegisterSpace, ctx: RouteContext): Promise<Space> {
  const [, place] = await Promise.all([requireVillage(ctx, body.village), ctx.register.place(body.place)]);
  if (!isWithin(body.place, body.village) || !place) throw refuse('place-outside-village', {}, '/place');
  let compactId = body.compactId;
  if (compactId) {
    if ((await compacts.get(ctx.table, compactId))?.village !== body.village) throw refuse('compact-elsewhere', {}, '/compactId');
  } else {
    compactId = await compacts.maintenanceCompactOf(ctx.table, body.village);
  }
  const space: Space = {
    spaceId: newId(),
    village: body.village,
    kind: body.kind,
    name: body.name,
    place: body.place,
    capacity: body.capacity,
    activeAdopters: 0,
    ...(body.description ? { description: body.description } : {}),
    ...(compactId ? { compactId } : {}),
    source: 'registered',
    registeredAt: ctx.now().toISOString(),
    registeredBy: ctx.actor.sub,
  };
  spaces.create(ctx.tx, space, 'retry');
  ctx.tx.emit(
    SpaceRegistered,
    {
      spaceId: space.spaceId,
      village: space.village,
      spaceKind: space.kind,
      name: space.name,
      place: space.place,
      capacity: space.capacity,
      ...(compactId ? { compactId } : {}),
      source: 'registered',
    },
    { place: space.village },
  );
  return space;
}

/** A village's spaces (of one kind if asked), with their free slots. */
export async function listSpaces(village: string, kind: Space['kind'] | undefined, ctx: RouteContext) {
  await listedVillage(ctx, village);
  return {
    items: (await spaces.listByVillage(ctx.table, village))
      .filter((s) => !kind || s.kind === kind)
      .map((s) => ({ ...s, freeSlots: Math.max(0, s.capacity - s.activeAdopters) })),
  };
}

/** A space with its adoption history; adopters' names masked. */
export async function getSpace(spaceId: string, ctx: RouteContext) {
  const space = await spaceOrThrow(spaceId, ctx);
  const list = await adoptions.listBySpace(ctx.table, space.spaceId);
  const names = await namesOf(
    ctx,
    list.filter((a) => a.adopter.kind !== 'group').map((a) => a.person),
  );
  return {
    space,
    adoptions: list.map((a) => ({
      adoptionId: a.adoptionId,
      kind: a.adopter.kind,
      name: a.adopter.kind === 'group' ? a.adopter.id : (names.get(a.person) ?? maskName(a.person)),
      adoptedOn: a.adoptedOn,
      ...(a.releasedOn ? { releasedOn: a.releasedOn } : {}),
      status: a.status,
    })),
  };
}

export async function adoptSpace(spaceId: string, body: AdoptSpace, ctx: RouteContext): Promise<Adoption> {
  const space = await spaceOrThrow(spaceId, ctx);
  const caller = await callerPerson(ctx);
  const who = settled(
    resolveAdopter(body, {
      sub: caller.sub,
      household: caller.village === space.village ? caller.household : undefined,
      isPartyMember: callerHolds(ctx, 'party-member', space.village),
    }),
  );
  const adoption = settled(adopt(space, who, newId(), { today: today(ctx), at: ctx.now().toISOString() }));
  // The counter only rises below capacity, in this same transaction: of two claims on the last slot one commits.
  spaces.takeSlot(ctx.tx, space.spaceId, refuse('space-full'));
  spaces.hold(ctx.tx, space.spaceId, holderKey(who.adopter), adoption.adoptionId, refuse('already-adopted'));
  adoptions.create(ctx.tx, adoption);
  ctx.tx.emit(
    SpaceAdopted,
    {
      spaceId: space.spaceId,
      village: space.village,
      spaceKind: space.kind,
      adopter: adoption.adopter,
      person: adoption.person,
      ...(adoption.household ? { household: adoption.household } : {}),
      adoptedOn: adoption.adoptedOn,
    },
    { place: space.village },
  );
  return adoption;
}

export async function releaseAdoption(adoptionId: string, reason: string | undefined, ctx: RouteContext): Promise<Adoption> {
  const adoption = await adoptionOrThrow(adoptionId, ctx);
  const caller = await callerPerson(ctx);
  const released = settled(release(adoption, { ...caller, isCadre: callerHolds(ctx, 'cadre', adoption.village) }, today(ctx), reason));
  adoptions.release(ctx.tx, released, 'retry');
  spaces.freeSlot(ctx.tx, adoption.spaceId, 'retry');
  spaces.unhold(ctx.tx, adoption.spaceId, holderKey(adoption.adopter), adoption.adoptionId, 'retry');
  ctx.tx.emit(
    SpaceReleased,
    {
      spaceId: adoption.spaceId,
      adoptionId: adoption.adoptionId,
      village: adoption.village,
      spaceKind: adoption.spaceKind,
      adopter: adoption.adopter,
      person: adoption.person,
      ...(adoption.household ? { household: adoption.household } : {}),
      adoptedOn: adoption.adoptedOn,
      releasedOn: released.releasedOn!,
      releasedBy: caller.sub,
    },
    { place: adoption.village },
  );
  return released;
}

/** An adoption with its upkeep logs. */
export async function getAdoption(adoptionId: string, ctx: RouteContext): Promise<{ adoption: Adoption; upkeep: Upkeep[] }> {
  const adoption = await adoptionOrThrow(adoptionId, ctx);
  return { adoption, upkeep: await upkeeps.listByAdoption(ctx.table, adoption.adoptionId) };
}

export async function logUpkeep(adoptionId: string, body: LogUpkeep, ctx: RouteContext): Promise<Upkeep> {
  const adoption = await adoptionOrThrow(adoptionId, ctx);
  const caller = await callerPerson(ctx);
  settled(checkUpkeep(adoption, caller));
  const evidence = await verifiedEvidence(ctx, body.evidence, adoption.village);
  const upkeep: Upkeep = {
    upkeepId: newId(),
    adoptionId: adoption.adoptionId,
    spaceId: adoption.spaceId,
    village: adoption.village,
    // The logger earns the participation; their household is what the red list counts.
    person: caller.sub,
    ...(caller.household ? { household: caller.household } : {}),
    note: body.note,
    evidence,
    loggedOn: today(ctx),
    loggedAt: ctx.now().toISOString(),
  };
  upkeeps.create(ctx.tx, upkeep, refuse('upkeep-already-logged-today'));
  adoptions.checkActive(ctx.tx, adoption.adoptionId, refuse('adoption-released'));
  ctx.tx.emit(
    UpkeepLogged,
    {
      upkeepId: upkeep.upkeepId,
      spaceId: upkeep.spaceId,
      village: upkeep.village,
      person: upkeep.person,
      ...(upkeep.household ? { household: upkeep.household } : {}),
      loggedAt: upkeep.loggedAt,
      hasEvidence: evidence.length > 0,
    },
    { place: upkeep.village },
  );
  return upkeep;
}

/** A presigned upload of evidence, kept per village or community. */
export async function requestEvidenceUpload(body: EvidenceUploadRequest & { village: string }, ctx: RouteContext) {
  await requireVillage(ctx, body.village);
  return ctx.evidence.presignUpload(body.village, body);
}
