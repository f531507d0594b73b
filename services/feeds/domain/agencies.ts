import * as z from 'zod';
import { once, IsoDateTime, PlacePath, says } from '@cocreate/contracts';
import { MAX_MEMBERS_PER_AGENCY } from './limits.ts';
import { type Refused, refused } from './refusals.ts';

/**
 * Agencies (订阅机构): bodies outside the platform — county housing bureaus (住建局), finance (财政局) and audit (审计局)
 * offices, the county and provincial campaign offices — registered by operations with the place subtree they may
 * see (their jurisdiction 辖区) and a contact. Their own users hold the role `agency` over that subtree and are listed
 * as members, so one county's audit office cannot manage the housing bureau's subscriptions.
 */

export const AgencyId = once(() =>
  z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{1,46}[a-z0-9]$/,
      says({ zh: '3–48 个小写字母、数字和连字符', en: '3–48 lower-case letters, digits and dashes' }),
    )
    .describe('Chosen by operations, e.g. `hongan-housing`'),
);
export type AgencyId = z.infer<ReturnType<typeof AgencyId>>;

/** A user's token subject. */
export const Member = once(() =>
  z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\x21-\x7e]+$/, says({ zh: '可见 ASCII 字符', en: 'visible ASCII' })),
);

export const Contact = once(() =>
  z.object({
    name: z.string().trim().min(1).max(64),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 -]{4,30}$/, says({ zh: '数字、空格和连字符', en: 'digits, spaces and dashes' }))
      .optional(),
  }),
);

export const RegisterAgency = once(() =>
  z.object({
    agencyId: AgencyId(),
    name: z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(200) }),
    jurisdiction: PlacePath.describe('The place subtree the agency receives events from; inside the registering admin’s own'),
    contact: Contact(),
    members: z.array(Member()).min(1).max(50).describe('Token subjects of the agency’s users (they hold role `agency`)'),
  }),
);
export type RegisterAgency = z.infer<ReturnType<typeof RegisterAgency>>;

export const Agency = once(() =>
  RegisterAgency().extend({
    registeredBy: z.string(),
    registeredAt: IsoDateTime,
  }),
);
export type Agency = z.infer<ReturnType<typeof Agency>>;

export const AddMembers = once(() => z.object({ members: z.array(Member()).min(1).max(50) }));
export type AddMembers = z.infer<ReturnType<typeof AddMembers>>;

export { MAX_MEMBERS_PER_AGENCY, MAX_SUBSCRIPTIONS_PER_AGENCY } from './limits.ts';

/**
 * Who may act for an agency: operations (role `ops-admin` over a subtree containing the jurisdiction — the kernel
 * checked that) or one of the agency's members acting in role `agency`.
 */
export function actsFor(agency: Pick<Agency, 'members'>, actor: { sub: string; role?: string | undefined }): boolean {
  if (actor.role === 'ops-admin') return true;
  return actor.role === 'agency' && agency.members.includes(actor.sub);
}

/** Where a members list first repeats a user (its index), if it does. */
export function repeatedAt(list: readonly string[]): number | undefined {
  const seen = new Set<string>();
  for (const [i, m] of list.entries()) {
    if (seen.has(m)) return i;
    seen.add(m);
  }
  return undefined;
}

/** An agency's members after adding `requested` (those already members are skipped), or too many. */
export function withMembers(
  agency: Pick<Agency, 'members'>,
  requested: readonly string[],
): { members: string[]; added: string[] } | Refused<'too-many-members'> {
  const added = requested.filter((m) => !agency.members.includes(m));
  const members = [...agency.members, ...added];
  return members.length > MAX_MEMBERS_PER_AGENCY ? refused('too-many-members') : { members, added };
}
