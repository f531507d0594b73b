import { z } from 'zod';
import { DutyItem, Id, IsoDate, IsoDateTime, PersonId, PlacePath, type Refused, refused, says } from '@cocreate/contracts';
import type { PlaceKind } from '@cocreate/places';

/**
 * 门前三包: each household answers for sanitation, order and greenery on the stretch in front of its door; and the
 * four-level organisation (镇党委 + 村党支部 + 湾组党小组 + 党员中心户, "plus all household heads") in which every
 * level has its area and matters of responsibility (明确各级共管责任、区域和事项).
 */

export const AssignDuty = z
  .object({
    household: PlacePath,
    items: z
      .array(DutyItem)
      .min(1)
      .max(3)
      .refine((xs) => new Set(xs).size === xs.length, says({ zh: '每项只能出现一次', en: 'each item once' }))
      .default(['sanitation', 'order', 'greenery']),
    /** The stretch covered, as people describe it: "门前至村道 20 米". */
    stretch: z.string().trim().min(1).max(500),
    /** From when (default today). */
    from: IsoDate.optional(),
  })
  .strict();
export type AssignDuty = z.infer<typeof AssignDuty>;

export const Duty = z.object({
  dutyId: Id,
  village: PlacePath,
  household: PlacePath,
  person: PersonId,
  items: z.array(DutyItem),
  stretch: z.string(),
  from: IsoDate,
  assignedBy: z.string(),
  assignedAt: IsoDateTime,
  revision: z.number().int().positive(),
});
export type Duty = z.infer<typeof Duty>;

/** The four levels, top to bottom, and the kind of place each level's unit covers. */
export const OrgLevel = z.enum(['township-committee', 'village-branch', 'group-cell', 'central-household']);
export type OrgLevel = z.infer<typeof OrgLevel>;

export const ORG_LEVELS: Record<OrgLevel, { zh: string; en: string; placeKinds: readonly PlaceKind[] }> = {
  'township-committee': { zh: '镇党委', en: 'Township party committee', placeKinds: ['township'] },
  'village-branch': { zh: '村党支部', en: 'Village party branch', placeKinds: ['village', 'community'] },
  'group-cell': { zh: '湾组党小组', en: 'Group party cell', placeKinds: ['group', 'compound'] },
  'central-household': { zh: '党员中心户', en: 'Party-member central household', placeKinds: ['household'] },
};

export const SetOrgUnit = z
  .object({
    level: OrgLevel,
    /** The township, village, group or (for a central household) the household itself. */
    place: PlacePath,
    /** Who leads the unit (for a central household: the party member of that household). */
    leader: PersonId,
    /** The area it answers for, as people describe it. */
    area: z.string().trim().min(1).max(500),
    /** Matters of responsibility (共管事项). */
    matters: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
    /** For a central household: the neighbouring households it links (联户), in the same group. */
    linkedHouseholds: z.array(PlacePath).max(50).optional(),
  })
  .strict();
export type SetOrgUnit = z.infer<typeof SetOrgUnit>;

export const OrgUnit = z.object({
  level: OrgLevel,
  place: PlacePath,
  leader: PersonId,
  area: z.string(),
  matters: z.array(z.string()),
  linkedHouseholds: z.array(PlacePath).optional(),
  setBy: z.string(),
  setAt: IsoDateTime,
});
export type OrgUnit = z.infer<typeof OrgUnit>;

/** The township committee's unit is set by township officials; the village levels by cadres too. */
export function checkOrgSetter(level: OrgLevel, role: string | undefined): 'ok' | Refused<'township-officials-only'> {
  return level === 'township-committee' && role !== 'township-official' ? refused('township-officials-only') : 'ok';
}

export type OrgRefusal =
  | 'wrong-place-kind'
  | 'leader-not-party-member'
  | 'leader-elsewhere'
  | 'linked-households-only-for-central-household'
  | 'linked-household-outside-group';

/**
 * Rules of a unit: the place matches the level; the leader is a party member living under that place (a township
 * committee's leader is an official, not in the residents' data, so only the village levels check residence); a
 * central household's leader lives in that household and its linked households are in the same group.
 */
export function checkOrgUnit(
  unit: SetOrgUnit,
  placeKind: PlaceKind,
  leader: { household: string; partyMember: boolean } | undefined,
  parentOf: (path: string) => string | undefined,
): Refused<OrgRefusal> | 'ok' {
  if (!ORG_LEVELS[unit.level].placeKinds.includes(placeKind)) return refused('wrong-place-kind');
  if (unit.linkedHouseholds?.length && unit.level !== 'central-household') return refused('linked-households-only-for-central-household');
  if (unit.level === 'township-committee') return 'ok';
  if (!leader) return refused('leader-elsewhere');
  if (!leader.partyMember) return refused('leader-not-party-member');
  const within = leader.household === unit.place || leader.household.startsWith(`${unit.place}/`);
  if (!within) return refused('leader-elsewhere');
  if (unit.level === 'central-household') {
    const group = parentOf(unit.place);
    if ((unit.linkedHouseholds ?? []).some((h) => h === unit.place || parentOf(h) !== group))
      return refused('linked-household-outside-group');
  }
  return 'ok';
}
