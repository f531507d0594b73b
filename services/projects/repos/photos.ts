import { type Page, type Table, type UnitOfWork, pageOf } from '@cocreate/kernel';
import type { PublicPhoto } from '../domain/photos.ts';
import { keys } from './keys.ts';

/** The photos published on the board (现场照片), written with the milestone completion that verified them. */
export const photos = {
  put(tx: UnitOfWork, p: PublicPhoto): void {
    tx.put({ ...keys.photo(p.projectId, p.documentedAt, p.milestoneId, p.index), ...p });
  },

  /** A page of a project's photos, newest milestone first (a milestone's photos in the order they were given). */
  page(table: Table, projectId: string, page: { limit: number; cursor?: string | undefined }): Promise<Page<PublicPhoto>> {
    return pageOf<PublicPhoto>(table, {
      pk: keys.photosPk(projectId),
      forward: false,
      limit: page.limit,
      ...(page.cursor ? { cursor: page.cursor } : {}),
    });
  },
};
