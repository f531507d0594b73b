import * as z from 'zod';
import { says } from './says.ts';

/**
 * A place path: ids from the province down, joined by '/', e.g. `hubei/huanggang/hongan/qiliping/majiaqiao`.
 * Every record and every event carries one; permission checks compare paths as subtrees.
 */
export const PlacePath = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, says({ zh: '以“/”连接的小写编号', en: 'lower-case ids joined by "/"' }))
  .describe('Place path from the province down, ids joined by "/"');
export type PlacePath = z.infer<typeof PlacePath>;

/** Ids minted by the services: ULIDs, sortable by creation time. */
export const Id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, says({ zh: '须为 ULID', en: 'a ULID' }));
export type Id = z.infer<typeof Id>;

/** A person's id in the places data (`p-…`). */
export const PersonId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, says({ zh: '小写编号', en: 'lower-case id' }));
export type PersonId = z.infer<typeof PersonId>;

/** Money is integer fen (分, 1/100 yuan): never floats. */
export const Fen = z.number().int().safe();
export const PositiveFen = Fen.positive();

export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

/** Who did something: the token subject, and the role they acted in (if the route required one). */
export const Actor = z.object({
  sub: z.string().min(1),
  role: z.string().optional(),
});
export type Actor = z.infer<typeof Actor>;

/** Reference to an evidence object in the evidence bucket (minutes, photos, tally-sheet scans). */
export const EvidenceRef = z.object({
  key: z.string().min(1).max(1024),
  contentType: z.string().min(1).max(255).optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type EvidenceRef = z.infer<typeof EvidenceRef>;
