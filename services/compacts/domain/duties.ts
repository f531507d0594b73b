import * as z from 'zod';
import {
  once,
  type AuditedChange,
  type DutyData,
  DutyItem,
  Id,
  IsoDate,
  IsoDateTime,
  OrgLevel,
  type OrgUnitData,
  PersonId,
  PlacePath,
  type Refused,
  SettingReason,
  auditEntry,
  auditedChangeOf,
  refused,
  says,
} from '@cocreate/contracts';
import type { PlaceKind } from '@cocreate/places';

/**
 * 门前三包: each household answers for sanitation, order and greenery on the stretch in front of its door; and the
 * four-level organisation (镇党委 + 村党支部 + 湾组党小组 + 党员中心户, "plus all household heads") in which every
 * level has its area and matters of responsibility (明确各级共管责任、区域和事项).
 */

export const AssignDuty = once(() =>
  z
    .object({
      household: PlacePath,
      items: z
        .array(DutyItem())
        .min(1)
        .max(3)
        .refine((xs) => new Set(xs).size === xs.length, says({ zh: '每项只能出现一次', en: 'each item once' }))
        .default(['sanitation', 'order', 'greenery']),
      /** The stretch covered, as people describe it: "门前至村道 20 米". */
      stretch: z.string().trim().min(1).max(500),
      /** From when (default today). */
      from: IsoDate.optional(),
      /** Why (the meeting or agreement that set the duty): every assignment is audited. */
      reason: SettingReason,
    })
    .strict(),
);
export type AssignDuty = z.infer<ReturnType<typeof AssignDuty>>;

export const Duty = once(() =>
  z.object({
    dutyId: Id,
    village: PlacePath,
    household: PlacePath,
    person: PersonId,
    items: z.array(DutyItem()),
    stretch: z.string(),
    from: IsoDate,
    assignedBy: z.string(),
    assignedAt: IsoDateTime,
    revision: z.number().int().positive(),
  }),
);
export type Duty = z.infer<ReturnType<typeof Duty>>;

export { OrgLevel };

/** The four levels, top to bottom, and the kind of place each level's unit covers. */
export const ORG_LEVELS: Record<OrgLevel, { zh: string; en: string; placeKinds: readonly PlaceKind[] }> = {
  'township-committee': { zh: '镇党委', en: 'Township party committee', placeKinds: ['township'] },
  'village-branch': { zh: '村党支部', en: 'Village party branch', placeKinds: ['village', 'community'] },
  'group-cell': { zh: '湾组党小组', en: 'Group party cell', placeKinds: ['group', 'compound'] },
  'central-household': { zh: '党员中心户', en: 'Party-member central household', placeKinds: ['household'] },
};

export const SetOrgUnit = once(() =>
  z
    .object({
      level: OrgLevel(),
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
      /** Why (the meeting that elected the leader, the document that set the matters): every change is audited. */
      reason: SettingReason,
    })
    .strict(),
);
export type SetOrgUnit = z.infer<ReturnType<typeof SetOrgUnit>>;

export const OrgUnit = once(() =>
  z.object({
    level: OrgLevel(),
    place: PlacePath,
    leader: PersonId,
    area: z.string(),
    matters: z.array(z.string()),
    linkedHouseholds: z.array(PlacePath).optional(),
    setBy: z.string(),
    setAt: IsoDateTime,
  }),
);
export type OrgUnit = z.infer<ReturnType<typeof OrgUnit>>;

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

/**
 * Audited organisation (issue 12 item 4): a unit of the four-level organisation and a household's 门前三包 duty are
 * settings like any other — each change is kept with who, when, why, before and after, and published.
 */
export const SettingName = once(() => z.enum(['org-unit', 'duty']));
export type SettingName = z.infer<ReturnType<typeof SettingName>>;
export type SettingChange<T> = AuditedChange<T, SettingName>;

/** A history route's item whose value has schema `value`. */
export const settingChangeOf = <T extends z.ZodType>(value: T) => auditedChangeOf(SettingName(), value, PlacePath);

export const orgUnitData = (u: Pick<OrgUnit, 'leader' | 'area' | 'matters' | 'linkedHouseholds'>): OrgUnitData => ({
  leader: u.leader,
  area: u.area,
  matters: u.matters,
  ...(u.linkedHouseholds ? { linkedHouseholds: u.linkedHouseholds } : {}),
});

export const dutyData = (d: Pick<Duty, 'items' | 'stretch' | 'from'>): DutyData => ({ items: d.items, stretch: d.stretch, from: d.from });

interface Change {
  changeId: string;
  by: string;
  now: Date;
}

/**
 * Setting a unit (after its rules were checked): the unit as it now stands and the audited change, before (absent
 * when the level had no unit at that place) and after, scoped by the place and kinded by the level.
 */
export function setUnit(current: OrgUnit | undefined, cmd: SetOrgUnit, c: Change): { next: OrgUnit; change: SettingChange<OrgUnitData> } {
  const next: OrgUnit = {
    level: cmd.level,
    place: cmd.place,
    ...orgUnitData(cmd),
    setBy: c.by,
    setAt: c.now.toISOString(),
  };
  const change = auditEntry({
    changeId: c.changeId,
    setting: 'org-unit' as const,
    scope: cmd.place,
    kind: cmd.level,
    before: current ? orgUnitData(current) : undefined,
    after: orgUnitData(next),
    by: c.by,
    now: c.now,
    reason: cmd.reason,
  });
  return { next, change };
}

/** Assigning a duty: the household's next revision and the audited change (before absent on the first). */
export function assign(
  current: Duty | undefined,
  cmd: AssignDuty & { village: string; household: string; person: string; from: string },
  c: Change & { dutyId: string },
): { next: Duty; change: SettingChange<DutyData> } {
  const next: Duty = {
    dutyId: c.dutyId,
    village: cmd.village,
    household: cmd.household,
    person: cmd.person,
    items: cmd.items,
    stretch: cmd.stretch,
    from: cmd.from,
    assignedBy: c.by,
    assignedAt: c.now.toISOString(),
    revision: (current?.revision ?? 0) + 1,
  };
  const change = auditEntry({
    changeId: c.changeId,
    setting: 'duty' as const,
    scope: cmd.household,
    before: current ? dutyData(current) : undefined,
    after: dutyData(next),
    by: c.by,
    now: c.now,
    reason: cmd.reason,
  });
  return { next, change };
}
