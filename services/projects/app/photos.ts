import type { RouteContext } from '@cocreate/kernel';
import { type BoardPhoto, boardPhotoOf } from '../domain/photos.ts';
import { photos } from '../repos/photos.ts';
import { loadProject } from './common.ts';

/** How long a photo's URL serves: long enough to scroll a page of lazy-loaded photos, short enough not to be a link. */
export const PHOTO_URL_SECONDS = 900;

/**
 * 现场照片 of a project on the public board: a page of the photos its milestones were completed with, each with a
 * short-lived presigned GET answered with the type the service verified (never the caller's, never the object's own
 * metadata), the milestone and stage it documents and its caption. No person: not who took, uploaded or accepted it.
 */
export async function boardPhotos(
  projectId: string,
  page: { limit: number; cursor?: string | undefined },
  ctx: RouteContext,
): Promise<{ projectId: string; items: BoardPhoto[]; cursor?: string }> {
  // Every project a village has opened is on its board (GET /projects/board); one it has not is a 404 here too.
  await loadProject(ctx, projectId);
  const found = await photos.page(ctx.table, projectId, page);
  const expiresAt = new Date(ctx.now().getTime() + PHOTO_URL_SECONDS * 1000).toISOString();
  const items = await Promise.all(
    found.items.map(async (p) =>
      boardPhotoOf(
        p,
        ctx.locale,
        await ctx.evidence.presignDownload(p.key, { contentType: p.contentType, expiresIn: PHOTO_URL_SECONDS }),
        expiresAt,
      ),
    ),
  );
  return { projectId, items, ...(found.cursor ? { cursor: found.cursor } : {}) };
}
