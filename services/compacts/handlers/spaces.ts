import * as z from 'zod';
import { once, Id, PlacePath } from '@cocreate/contracts';
import { EvidenceUpload, EvidenceUploadRequest, type RouteContext, defineRoute } from '@cocreate/kernel';
import { READERS } from '../app/common.ts';
import {
  adoptSpace,
  adoptionVillage,
  getAdoption,
  getSpace,
  listSpaces,
  logUpkeep,
  registerSpace,
  releaseAdoption,
  requestEvidenceUpload,
  spaceVillage,
} from '../app/spaces.ts';
import { AdoptSpace, Adoption, LogUpkeep, RegisterSpace, ReleaseAdoption, Space, Upkeep } from '../domain/spaces.ts';

/** The public-space registry, adoption (认领), release and upkeep logs, and evidence uploads. */

const SpaceParams = once(() => z.object({ spaceId: Id }));
const AdoptionParams = once(() => z.object({ adoptionId: Id }));
const ofSpace = ({ params }: { params: { spaceId: string } }, ctx: RouteContext) => spaceVillage(params.spaceId, ctx);
const ofAdoption = ({ params }: { params: { adoptionId: string } }, ctx: RouteContext) => adoptionVillage(params.adoptionId, ctx);

export const registerSpaceRoute = defineRoute({
  method: 'POST',
  path: '/compacts/spaces',
  operationId: 'registerSpace',
  summary: 'Register a public space, green plot, facility or road section of a village, with how many may adopt it at once',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: () => RegisterSpace(),
  response: () => Space(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => registerSpace(body, ctx),
});

export const listSpacesRoute = defineRoute({
  method: 'GET',
  path: '/compacts/spaces',
  operationId: 'listSpaces',
  summary: 'A village’s registry of spaces, with free adoption slots',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, kind: z.enum(['public-space', 'green-plot', 'facility', 'road-section']).optional() }),
  response: () => z.object({ items: z.array(Space().extend({ freeSlots: z.number().int().nonnegative() })) }),
  handler: ({ query }, ctx) => listSpaces(query.village, query.kind, ctx),
});

const AdopterView = once(() =>
  z.object({
    adoptionId: Id,
    kind: z.enum(['household', 'party-member', 'group']),
    /** Masked person name, or the group's name. */
    name: z.string(),
    adoptedOn: z.string(),
    releasedOn: z.string().optional(),
    status: z.enum(['active', 'released']),
  }),
);

export const getSpaceRoute = defineRoute({
  method: 'GET',
  path: '/compacts/spaces/{spaceId}',
  operationId: 'getSpace',
  summary: 'A space with its adoption history (adopters’ names masked)',
  auth: { roles: READERS, place: ofSpace },
  params: () => SpaceParams(),
  response: () => z.object({ space: Space(), adoptions: z.array(AdopterView()) }),
  handler: ({ params }, ctx) => getSpace(params.spaceId, ctx),
});

export const adoptSpaceRoute = defineRoute({
  method: 'POST',
  path: '/compacts/spaces/{spaceId}/adoptions',
  operationId: 'adoptSpace',
  summary: 'Adopt (认领) a space for your household, as a party member, or for a group; refused when every slot is taken',
  auth: { roles: ['resident'], place: ofSpace },
  params: () => SpaceParams(),
  body: () => AdoptSpace(),
  response: () => Adoption(),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => adoptSpace(params.spaceId, body, ctx),
});

export const releaseAdoptionRoute = defineRoute({
  method: 'POST',
  path: '/compacts/adoptions/{adoptionId}/release',
  operationId: 'releaseAdoption',
  summary: 'Release an adopted space (by the adopter, their household, or a cadre); the slot is free again',
  auth: { roles: ['resident', 'cadre'], place: ofAdoption },
  params: () => AdoptionParams(),
  body: () => ReleaseAdoption(),
  response: () => Adoption(),
  handler: ({ params, body }, ctx) => releaseAdoption(params.adoptionId, body.reason, ctx),
});

export const getAdoptionRoute = defineRoute({
  method: 'GET',
  path: '/compacts/adoptions/{adoptionId}',
  operationId: 'getAdoption',
  summary: 'An adoption with its upkeep logs',
  auth: { roles: READERS, place: ofAdoption },
  params: () => AdoptionParams(),
  response: () => z.object({ adoption: Adoption(), upkeep: z.array(Upkeep()) }),
  handler: ({ params }, ctx) => getAdoption(params.adoptionId, ctx),
});

export const logUpkeepRoute = defineRoute({
  method: 'POST',
  path: '/compacts/adoptions/{adoptionId}/upkeep',
  operationId: 'logUpkeep',
  summary: 'Log upkeep of an adopted space (at most once a day per adoption), with optional photo evidence',
  auth: { roles: ['resident'], place: ofAdoption },
  params: () => AdoptionParams(),
  body: () => LogUpkeep(),
  response: () => Upkeep(),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => logUpkeep(params.adoptionId, body, ctx),
});

export const requestEvidenceUploadRoute = defineRoute({
  method: 'POST',
  path: '/compacts/evidence-uploads',
  operationId: 'requestEvidenceUpload',
  summary: 'A presigned upload URL for a photo or document (upkeep, inspection, violation, rectification evidence)',
  auth: { roles: ['resident', 'inspector', 'cadre', 'council-member'], place: ({ body }) => body.village },
  body: () => EvidenceUploadRequest().extend({ village: PlacePath }).strict(),
  response: () => EvidenceUpload(),
  status: 201,
  handler: ({ body }, ctx) => requestEvidenceUpload(body, ctx),
});

export const spaceRoutes = [
  registerSpaceRoute,
  listSpacesRoute,
  getSpaceRoute,
  adoptSpaceRoute,
  releaseAdoptionRoute,
  getAdoptionRoute,
  logUpkeepRoute,
  requestEvidenceUploadRoute,
];
