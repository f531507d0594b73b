import type { EvidenceRef, ProgrammeLevel } from '@cocreate/contracts';
import { type EvidenceUploadRequest, type RouteContext, type ServiceContext, problems } from '@cocreate/kernel';
import { type Place, chinaDay, parentOf } from '@cocreate/places';
import { levelOf, mayAuthor } from '../domain/levels.ts';
import { settled } from './refusals.ts';

/** Today in China: every deadline of the programme is a China calendar day. */
export const today = (ctx: Pick<ServiceContext, 'now'>): string => chinaDay(ctx.now());

export async function placeOrThrow(ctx: ServiceContext, path: string): Promise<Place> {
  const place = await ctx.register.place(path);
  if (!place) throw problems.notFound({ zh: '地点', en: 'The place' });
  return place;
}

/** A level of the programme (township, county, city) and the place above it, which its filings go to. */
export async function levelAt(
  ctx: ServiceContext,
  path: string,
  pointer = '/place',
): Promise<{ place: Place; level: ProgrammeLevel; above: Place }> {
  const place = await placeOrThrow(ctx, path);
  const level = settled(levelOf(place.kind), pointer);
  const abovePath = parentOf(path);
  const above = abovePath ? await ctx.register.place(abovePath) : undefined;
  if (!above) throw problems.notFound({ zh: '上级地点', en: 'The place above' });
  return { place, level, above };
}

/** The caller writes for their own level only: the plan and the tasks are that level's own commitments. */
export async function authorAt(ctx: RouteContext, path: string) {
  const at = await levelAt(ctx, path);
  settled(mayAuthor(ctx.actor.role, at.place.kind));
  return at;
}

/** Evidence a record refers to: under this service's prefix and the place, and there. */
export const verified = (ctx: ServiceContext, refs: readonly EvidenceRef[], place: string, field: string): Promise<EvidenceRef[]> =>
  Promise.all(refs.map((r, i) => ctx.evidence.verify(r, place, `${field}/${i}`)));

/** A presigned upload under the place, for a document or evidence a later request refers to. */
export const presignEvidence = (ctx: ServiceContext, place: string, req: EvidenceUploadRequest) => ctx.evidence.presignUpload(place, req);
