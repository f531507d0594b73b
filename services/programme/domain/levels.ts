import type { PlaceKind } from '@cocreate/contracts';
import type { Role } from '@cocreate/places';
import { type ProgrammeLevel } from '@cocreate/contracts';
import { type Refused, refused } from './refusals.ts';

/**
 * The levels that run the campaign (统筹推进): a township (乡镇/街道) reports to its county, a county (县/市/区) to its
 * city (市住建局), a city to the province (省住建厅). Each level's own officials write its plan and tasks; the officials
 * of the level above review its filings and see its overdue tasks.
 */
export const OFFICIAL_OF: Readonly<Record<PlaceKind, Role | undefined>> = {
  province: 'province-official',
  city: 'city-official',
  county: 'county-official',
  township: 'township-official',
  village: undefined,
  community: undefined,
  group: undefined,
  compound: undefined,
  building: undefined,
  household: undefined,
};

/** Every official role of the levels, for routes whose place check the use case then narrows to one level. */
export { OFFICIALS } from '@cocreate/places';

export function levelOf(kind: PlaceKind): ProgrammeLevel | Refused<'not-a-programme-level'> {
  return kind === 'township' || kind === 'county' || kind === 'city' ? kind : refused('not-a-programme-level');
}

/**
 * Whether a caller acting as `role` may write for a place of `kind` (its own level) — officials above may not write a
 * lower level's plan for it: the plan is the level's own commitment.
 */
export function mayAuthor(role: string | undefined, kind: PlaceKind): true | Refused<'role-not-of-level'> {
  return role !== undefined && OFFICIAL_OF[kind] === role ? true : refused('role-not-of-level');
}

/** Whether a caller acting as `role` reviews filings made with a place of `kind` (the level above the author). */
export function mayReview(role: string | undefined, aboveKind: PlaceKind): true | Refused<'role-not-of-level'> {
  return role !== undefined && OFFICIAL_OF[aboveKind] === role ? true : refused('role-not-of-level');
}

/** The year a date (`2026-05-20`) belongs to. */
export const yearOfDate = (date: string): number => Number(date.slice(0, 4));
