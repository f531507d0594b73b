import * as z from 'zod';
import { once, type EvidenceRef, Id, IsoDateTime, ProjectStage } from '@cocreate/contracts';
import { stageLabels } from './lifecycle.ts';

/**
 * 现场照片 on the public board (张榜公布): the photos a milestone was completed with, published with the milestone and
 * stage they document. Pure: which verified evidence becomes a public photo, and what of it the public sees.
 *
 * Only what the service verified when it accepted the file (its stored type, checked by the kernel's HEAD) and only
 * pictures every phone's browser shows: a PDF, a video, a text file, a HEIC photo (most browsers cannot show one) stays
 * on file for the officials and counts on the board, but is not published as a picture. Never who uploaded or
 * completed it. The survey stages' files (摸底排查 sheets, 意愿调查 forms with households' answers, design-review
 * opinions) are records for the officials, not site photos, and are not published here.
 */
export const BOARD_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type BoardPhotoType = (typeof BOARD_PHOTO_TYPES)[number];

export const isBoardPhoto = (contentType: string | undefined): contentType is BoardPhotoType =>
  (BOARD_PHOTO_TYPES as readonly string[]).includes(contentType ?? '');

/** A photo as the table keeps it for the board: no person, only what documents the work. */
export const PublicPhoto = once(() =>
  z.object({
    projectId: Id,
    milestoneId: Id,
    /** The milestone it documents (its title when it was completed). */
    milestone: z.string(),
    /** The stage the project was in when the milestone was completed with it (施工 or 整改). */
    stage: ProjectStage,
    /** Its place among the milestone's files (0-based), so a milestone's photos keep their order. */
    index: z.number().int().min(0),
    key: z.string(),
    contentType: z.enum(BOARD_PHOTO_TYPES),
    caption: z.string().optional(),
    documentedAt: IsoDateTime,
  }),
);
export type PublicPhoto = z.infer<ReturnType<typeof PublicPhoto>>;

/**
 * The public photos of a milestone just completed: its verified evidence (what `ctx.evidence.verify` answered: the
 * stored, checked type) that is a picture a browser shows, in the order given.
 */
export function publicPhotosOf(
  m: { projectId: string; milestoneId: string; title: string; caption?: string | undefined },
  stage: ProjectStage,
  verified: readonly EvidenceRef[],
  at: string,
): PublicPhoto[] {
  return verified.flatMap((ref, index) =>
    isBoardPhoto(ref.contentType)
      ? [
          {
            projectId: m.projectId,
            milestoneId: m.milestoneId,
            milestone: m.title,
            stage,
            index,
            key: ref.key,
            contentType: ref.contentType,
            ...(m.caption ? { caption: m.caption } : {}),
            documentedAt: at,
          },
        ]
      : [],
  );
}

/** What the board shows of a photo: where to fetch it for a while, and what it documents — in the reader's language. */
export const BoardPhoto = once(() =>
  z.object({
    milestoneId: Id,
    milestone: z.string(),
    stage: ProjectStage,
    stageLabel: z.string(),
    caption: z.string().optional(),
    /** Alternative text for readers who cannot see it: the caption, else the milestone and its place among the photos. */
    alt: z.string(),
    contentType: z.enum(BOARD_PHOTO_TYPES),
    documentedAt: IsoDateTime,
    /** A short-lived presigned GET of the file, answered with `contentType` (no token needed; it expires at `expiresAt`). */
    url: z.string(),
    expiresAt: IsoDateTime,
  }),
);
export type BoardPhoto = z.infer<ReturnType<typeof BoardPhoto>>;

type Locale = 'zh-CN' | 'en';

export function boardPhotoOf(p: PublicPhoto, locale: Locale, url: string, expiresAt: string): BoardPhoto {
  const stage = stageLabels[p.stage];
  const n = p.index + 1;
  const alt = p.caption
    ? `${p.caption}${n > 1 ? ` (${n})` : ''}`
    : locale === 'en'
      ? `Site photo ${n} of the milestone “${p.milestone}”`
      : `“${p.milestone}”节点现场照片（第 ${n} 张）`;
  return {
    milestoneId: p.milestoneId,
    milestone: p.milestone,
    stage: p.stage,
    stageLabel: locale === 'en' ? stage.en : stage.zh,
    ...(p.caption ? { caption: p.caption } : {}),
    alt,
    contentType: p.contentType,
    documentedAt: p.documentedAt,
    url,
    expiresAt,
  };
}
