import * as z from 'zod';
import { once, IsoDate, PLACE_LEVEL, PlaceKind, PlacePath, type RegisterChange, says } from '@cocreate/contracts';
import { OVERSIGHT, type Role } from '@cocreate/places';
import type { PlaceRecord } from './model.ts';
import { type Refused, refused } from './refusals.ts';

/** The id a place adds to its parent's path: lower-case letters, digits and hyphens. */
export const PlaceId = once(() =>
  z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, says({ zh: '小写字母、数字和“-”', en: 'lower-case letters, digits and "-"' })),
);

export const Name = once(() => z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(200) }));

export const RegisterPlace = once(() =>
  z.object({
    /** Absent only for a province, the root of a deployment's tree. */
    parent: PlacePath.optional(),
    id: PlaceId(),
    kind: PlaceKind,
    name: Name(),
  }),
);
export type RegisterPlace = z.infer<ReturnType<typeof RegisterPlace>>;

export const RenamePlace = once(() =>
  z.object({ path: PlacePath, name: Name(), expectedRevision: z.number().int().positive().optional() }),
);
export type RenamePlace = z.infer<ReturnType<typeof RenamePlace>>;

export const RetirePlace = once(() =>
  z.object({
    path: PlacePath,
    /** 撤销 from this day. */
    on: IsoDate,
    /** 撤并村: the village or community this one was merged into. Its groups and households do not move with it. */
    mergedInto: PlacePath.optional(),
    expectedRevision: z.number().int().positive().optional(),
  }),
);
export type RetirePlace = z.infer<ReturnType<typeof RetirePlace>>;

/**
 * Which kinds of place may hold which (省 → 市 → 县/区 → 乡镇/街道 → 行政村/社区 → 自然村/湾组/小区 → 楼栋 → 户).
 * Counties may sit directly under a province (省直管县); a village may have compounds (村改居的小区) as well as groups;
 * a household hangs under whatever level a village or community actually keeps its roster at.
 */
export const PARENT_KINDS: Readonly<Record<PlaceKind, readonly PlaceKind[]>> = {
  province: [],
  city: ['province'],
  county: ['city', 'province'],
  township: ['county'],
  village: ['township'],
  community: ['township'],
  group: ['village', 'community'],
  compound: ['community', 'village'],
  building: ['compound', 'community'],
  household: ['group', 'building', 'compound', 'village', 'community'],
};

export const VILLAGE_KINDS: ReadonlySet<PlaceKind> = new Set(['village', 'community']);

/**
 * Who registers, renames and retires places of each level: operations above the village; township and county
 * officials the villages and communities of their area; a village's cadres (and the officials above them) what lies
 * inside a village. The kernel has already checked that the caller holds one of the route's roles over the parent.
 */
export function managersOf(kind: PlaceKind): readonly Role[] {
  switch (kind) {
    case 'province':
    case 'city':
    case 'county':
    case 'township':
      return ['ops-admin'];
    case 'village':
    case 'community':
      return OVERSIGHT;
    default:
      return ['cadre', ...OVERSIGHT];
  }
}

/** Where a place sits: the nearest village or community and county above it (itself included), kept on its record. */
export interface PlaceFrame {
  village?: string;
  county?: string;
}

export function frameOf(kind: PlaceKind, path: string, parent: PlaceFrame | undefined): PlaceFrame {
  return {
    ...parent,
    ...(VILLAGE_KINDS.has(kind) ? { village: path } : {}),
    ...(kind === 'county' ? { county: path } : {}),
  };
}

type Decision<S> = { state: S; changes: RegisterChange[] } | Refused;

/** Registering a place: under an active parent of a kind that may hold it, at parent path + '/' + id. */
export function decideRegisterPlace(
  cmd: RegisterPlace,
  parent: PlaceRecord | undefined,
  existing: PlaceRecord | undefined,
): Decision<PlaceRecord> {
  if (cmd.kind === 'province') {
    if (cmd.parent) return refused('province-has-no-parent');
  } else {
    if (!cmd.parent || !parent) return refused('parent-unknown');
    if (parent.retired) return refused('parent-retired');
    if (!PARENT_KINDS[cmd.kind].includes(parent.kind)) {
      return refused('kind-not-allowed-here', { kind: cmd.kind, parentKind: parent.kind, allowedParents: PARENT_KINDS[cmd.kind] });
    }
  }
  const path = cmd.parent ? `${cmd.parent}/${cmd.id}` : cmd.id;
  if (existing) return refused('place-exists', { path });
  const state: PlaceRecord = { path, kind: cmd.kind, name: cmd.name, revision: 1 };
  return { state, changes: [{ type: 'PlaceRegistered', state }] };
}

export function decideRenamePlace(place: PlaceRecord, cmd: RenamePlace): Decision<PlaceRecord> {
  if (cmd.expectedRevision !== undefined && cmd.expectedRevision !== place.revision) {
    return refused('stale-revision', { currentRevision: place.revision });
  }
  if (place.retired) return refused('place-retired');
  const state: PlaceRecord = { ...place, name: cmd.name, revision: place.revision + 1 };
  return { state, changes: [{ type: 'PlaceRenamed', state }] };
}

/**
 * Retiring (撤销) a place, or merging a village or community into another (撤并村). What lies below it stays where
 * it is: groups and households are moved (or retired) one by one, so each such change is its own dated event.
 */
export function decideRetirePlace(place: PlaceRecord, cmd: RetirePlace, target: PlaceRecord | undefined): Decision<PlaceRecord> {
  if (cmd.expectedRevision !== undefined && cmd.expectedRevision !== place.revision) {
    return refused('stale-revision', { currentRevision: place.revision });
  }
  if (place.retired) return refused('place-retired');
  if (cmd.mergedInto !== undefined) {
    if (cmd.mergedInto === place.path || cmd.mergedInto.startsWith(`${place.path}/`)) return refused('merge-into-self');
    if (!target || target.retired || !VILLAGE_KINDS.has(place.kind) || !VILLAGE_KINDS.has(target.kind)) {
      return refused('merge-target-unsuitable');
    }
  }
  const state: PlaceRecord = {
    ...place,
    retired: { on: cmd.on, ...(cmd.mergedInto ? { mergedInto: cmd.mergedInto } : {}) },
    revision: place.revision + 1,
  };
  return { state, changes: [{ type: 'PlaceRetired', state }] };
}

/**
 * The administrative places a public page may name (张榜公布): a province down to its villages and communities — their
 * names are public. Groups, compounds, buildings and households stay off public pages (a household's place is its
 * address). A place retired (撤销/撤并) from a day on leaves the pages that day.
 */
export const isPublicPlace = (p: Pick<PlaceRecord, 'kind' | 'retired'>, today: string): boolean =>
  PLACE_LEVEL[p.kind] <= PLACE_LEVEL.village && !(p.retired && p.retired.on <= today);

/** Whether a public listing walks on below a place: villages and communities end it. */
export const walksBelow = (p: Pick<PlaceRecord, 'kind'>): boolean => PLACE_LEVEL[p.kind] < PLACE_LEVEL.village;

/** The paths above a place, nearest last (`a/b/c` → `a`, `a/b`). */
export const ancestorsOf = (path: string): string[] => {
  const parts = path.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
};
