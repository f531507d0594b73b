import { z } from 'zod';
import { Id, PlacePath, SpaceAdopted, SpaceRegistered, SpaceReleased, UpkeepLogged } from '@cocreate/contracts';
import { EvidenceUploadRequest, type RouteContext, defineRoute, newId, problems } from '@cocreate/kernel';
import { isWithin, maskName } from '@cocreate/places';
import {
  AdoptSpace,
  Adoption,
  LogUpkeep,
  RegisterSpace,
  ReleaseAdoption,
  Space,
  Upkeep,
  actsFor,
  hasFreeSlot,
  holderKey,
  resolveAdopter,
} from '../domain/spaces.ts';
import { adoptions, compacts, spaces, upkeeps } from '../store.ts';
import { READERS, callerHolds, callerPerson, namesOf, notFound, today, villageAt } from './common.ts';

/** The public-space registry, adoption (认领), release and upkeep logs, and evidence uploads. */

const SpaceParams = z.object({ spaceId: Id });
const AdoptionParams = z.object({ adoptionId: Id });

const spaceVillage = async ({ params }: { params: { spaceId: string } }, ctx: RouteContext) =>
  (await spaces.get(ctx.table, params.spaceId))?.village;
const adoptionVillage = async ({ params }: { params: { adoptionId: string } }, ctx: RouteContext) =>
  (await adoptions.get(ctx.table, params.adoptionId))?.village;

const spaceFull = () =>
  problems.conflict('space-full', {
    zh: '该空间的认领名额已满。',
    en: 'Every adoption slot of this space is taken.',
  });

export const registerSpace = defineRoute({
  method: 'POST',
  path: '/compacts/spaces',
  operationId: 'registerSpace',
  summary: 'Register a public space, green plot, facility or road section of a village, with how many may adopt it at once',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: RegisterSpace,
  response: Space,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const [village, place] = await Promise.all([villageAt(ctx, body.village), ctx.register.place(body.place)]);
    if (!village) {
      throw problems.rule('not-a-village', { zh: '须登记在某个村或社区。', en: 'Spaces are registered in a village or community.' }, {}, [
        {
          in: 'body',
          pointer: '/village',
          rule: 'village',
          message: { zh: '须为村或社区的路径', en: 'must be a village or community path' },
        },
      ]);
    }
    if (!isWithin(body.place, body.village) || !place) {
      throw problems.rule('place-outside-village', { zh: '位置须在本村范围内。', en: 'The place must lie within the village.' }, {}, [
        {
          in: 'body',
          pointer: '/place',
          rule: 'within-village',
          message: { zh: `须为 ${body.village} 或其中的地点`, en: `must be ${body.village} or a place in it` },
        },
      ]);
    }
    let compactId = body.compactId;
    if (compactId) {
      if ((await compacts.get(ctx.table, compactId))?.village !== body.village) {
        throw problems.rule('compact-elsewhere', { zh: '所选公约不属于本村。', en: 'That compact is not one of this village’s.' }, {}, [
          {
            in: 'body',
            pointer: '/compactId',
            rule: 'village-compact',
            message: { zh: '须为本村的公约', en: 'must be a compact of the village' },
          },
        ]);
      }
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
  },
});

export const listSpaces = defineRoute({
  method: 'GET',
  path: '/compacts/spaces',
  operationId: 'listSpaces',
  summary: 'A village’s registry of spaces, with free adoption slots',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath, kind: z.enum(['public-space', 'green-plot', 'facility', 'road-section']).optional() }),
  response: z.object({ items: z.array(Space.extend({ freeSlots: z.number().int().nonnegative() })) }),
  handler: async ({ query }, ctx) => ({
    items: (await spaces.listByVillage(ctx.table, query.village))
      .filter((s) => !query.kind || s.kind === query.kind)
      .map((s) => ({ ...s, freeSlots: Math.max(0, s.capacity - s.activeAdopters) })),
  }),
});

const AdopterView = z.object({
  adoptionId: Id,
  kind: z.enum(['household', 'party-member', 'group']),
  /** Masked person name, or the group's name. */
  name: z.string(),
  adoptedOn: z.string(),
  releasedOn: z.string().optional(),
  status: z.enum(['active', 'released']),
});

export const getSpace = defineRoute({
  method: 'GET',
  path: '/compacts/spaces/{spaceId}',
  operationId: 'getSpace',
  summary: 'A space with its adoption history (adopters’ names masked)',
  auth: { roles: READERS, place: spaceVillage },
  params: SpaceParams,
  response: z.object({ space: Space, adoptions: z.array(AdopterView) }),
  handler: async ({ params }, ctx) => {
    const space = await spaces.get(ctx.table, params.spaceId);
    if (!space) throw notFound.space();
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
  },
});

export const adoptSpace = defineRoute({
  method: 'POST',
  path: '/compacts/spaces/{spaceId}/adoptions',
  operationId: 'adoptSpace',
  summary: 'Adopt (认领) a space for your household, as a party member, or for a group; refused when every slot is taken',
  auth: { roles: ['resident'], place: spaceVillage },
  params: SpaceParams,
  body: AdoptSpace,
  response: Adoption,
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const space = await spaces.get(ctx.table, params.spaceId);
    if (!space) throw notFound.space();
    const caller = await callerPerson(ctx);
    const who = resolveAdopter(body, {
      sub: caller.sub,
      household: caller.village === space.village ? caller.household : undefined,
      isPartyMember: callerHolds(ctx, 'party-member', space.village),
    });
    if ('refused' in who) {
      throw who.refused === 'not-a-party-member'
        ? problems.forbidden({ zh: '只有党员可以以党员身份认领。', en: 'Only party members can adopt as a party member.' })
        : problems.forbidden({ zh: '只有本村居民可以认领。', en: 'Only residents of the village can adopt its spaces.' });
    }
    if (!hasFreeSlot(space)) throw spaceFull();
    const now = ctx.now();
    const adoption: Adoption = {
      adoptionId: newId(),
      spaceId: space.spaceId,
      village: space.village,
      spaceKind: space.kind,
      adopter: who.adopter,
      person: who.person,
      ...(who.household ? { household: who.household } : {}),
      status: 'active',
      adoptedOn: today(ctx),
      adoptedAt: now.toISOString(),
    };
    // The counter only rises below capacity, in this same transaction: of two claims on the last slot one commits.
    spaces.takeSlot(ctx.tx, space.spaceId, spaceFull());
    spaces.hold(
      ctx.tx,
      space.spaceId,
      holderKey(who.adopter),
      adoption.adoptionId,
      problems.conflict('already-adopted', { zh: '您已认领了该空间。', en: 'You already hold an adoption of this space.' }),
    );
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
  },
});

export const releaseAdoption = defineRoute({
  method: 'POST',
  path: '/compacts/adoptions/{adoptionId}/release',
  operationId: 'releaseAdoption',
  summary: 'Release an adopted space (by the adopter, their household, or a cadre); the slot is free again',
  auth: { roles: ['resident', 'cadre'], place: adoptionVillage },
  params: AdoptionParams,
  body: ReleaseAdoption,
  response: Adoption,
  handler: async ({ params, body }, ctx) => {
    const adoption = await adoptions.get(ctx.table, params.adoptionId);
    if (!adoption) throw notFound.adoption();
    const caller = await callerPerson(ctx);
    if (!actsFor(adoption, caller) && !callerHolds(ctx, 'cadre', adoption.village)) {
      throw problems.forbidden({
        zh: '只有认领人（或其家庭成员）或村干部可以解除认领。',
        en: 'Only the adopter, their household, or a cadre can release an adoption.',
      });
    }
    const alreadyReleased = problems.conflict('already-released', { zh: '该认领已解除。', en: 'This adoption was already released.' });
    if (adoption.status !== 'active') throw alreadyReleased;
    const released: Adoption = {
      ...adoption,
      status: 'released',
      releasedOn: today(ctx),
      releasedBy: caller.sub,
      ...(body.reason ? { releaseReason: body.reason } : {}),
    };
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
  },
});

export const getAdoption = defineRoute({
  method: 'GET',
  path: '/compacts/adoptions/{adoptionId}',
  operationId: 'getAdoption',
  summary: 'An adoption with its upkeep logs',
  auth: { roles: READERS, place: adoptionVillage },
  params: AdoptionParams,
  response: z.object({ adoption: Adoption, upkeep: z.array(Upkeep) }),
  handler: async ({ params }, ctx) => {
    const adoption = await adoptions.get(ctx.table, params.adoptionId);
    if (!adoption) throw notFound.adoption();
    return { adoption, upkeep: await upkeeps.listByAdoption(ctx.table, adoption.adoptionId) };
  },
});

export const logUpkeep = defineRoute({
  method: 'POST',
  path: '/compacts/adoptions/{adoptionId}/upkeep',
  operationId: 'logUpkeep',
  summary: 'Log upkeep of an adopted space (at most once a day per adoption), with optional photo evidence',
  auth: { roles: ['resident'], place: adoptionVillage },
  params: AdoptionParams,
  body: LogUpkeep,
  response: Upkeep,
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const adoption = await adoptions.get(ctx.table, params.adoptionId);
    if (!adoption) throw notFound.adoption();
    const caller = await callerPerson(ctx);
    if (!actsFor(adoption, caller)) {
      throw problems.forbidden({ zh: '只有认领人或其家庭成员可以记录管护。', en: 'Only the adopter or their household can log upkeep.' });
    }
    const released = problems.conflict('adoption-released', {
      zh: '该认领已解除，不能再记录管护。',
      en: 'This adoption was released; upkeep can no longer be logged.',
    });
    if (adoption.status !== 'active') throw released;
    const evidence = await Promise.all((body.evidence ?? []).map((ref, i) => ctx.evidence.verify(ref, adoption.village, `/evidence/${i}`)));
    const now = ctx.now();
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
      loggedAt: now.toISOString(),
    };
    upkeeps.create(
      ctx.tx,
      upkeep,
      problems.conflict('upkeep-already-logged-today', {
        zh: '今天已记录过该认领的管护。',
        en: 'Upkeep of this adoption was already logged today.',
      }),
    );
    adoptions.checkActive(ctx.tx, adoption.adoptionId, released);
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
  },
});

export const requestEvidenceUpload = defineRoute({
  method: 'POST',
  path: '/compacts/evidence-uploads',
  operationId: 'requestEvidenceUpload',
  summary: 'A presigned upload URL for a photo or document (upkeep, inspection, violation, rectification evidence)',
  auth: { roles: ['resident', 'inspector', 'cadre', 'council-member'], place: ({ body }) => body.village },
  body: EvidenceUploadRequest.extend({ village: PlacePath }).strict(),
  response: z.object({
    key: z.string(),
    uploadUrl: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  }),
  status: 201,
  handler: async ({ body }, ctx) => {
    if (!(await villageAt(ctx, body.village))) {
      throw problems.rule('not-a-village', { zh: '证据按村或社区存放。', en: 'Evidence is kept per village or community.' }, {}, [
        {
          in: 'body',
          pointer: '/village',
          rule: 'village',
          message: { zh: '须为村或社区的路径', en: 'must be a village or community path' },
        },
      ]);
    }
    return ctx.evidence.presignUpload(body.village, { filename: body.filename, contentType: body.contentType });
  },
});
