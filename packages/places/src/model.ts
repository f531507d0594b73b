import * as z from 'zod';

import { BodyKind, PlaceKind } from '@cocreate/contracts';

export { BodyKind, PlaceKind };

export interface Place {
  /** Full path, e.g. `hubei/huanggang/hongan/qiliping/majiaqiao`; the last segment is the local id. */
  path: string;
  kind: PlaceKind;
  name: { zh: string; en: string };
  /** Retired (撤销) or merged into another place (撤并): kept, because records still point at it. */
  retired?: { on: string; mergedInto?: string };
}

/**
 * The roles a token can carry, each held over a place subtree. The roles are the campaign's people and bodies
 * (DOMAIN.md "People and bodies"); the kernel checks them per route.
 */
export const Role = z.enum([
  'resident', // 村民/居民
  'household-head', // 户主
  'owner', // 业主
  'party-member', // 党员
  'representative', // 村民代表
  'grid-worker', // 网格员
  'cadre', // 村"两委"成员
  'supervisor', // 村务监督委员会成员
  'treasurer', // 报账员
  'inspector', // 卫生评比工作组
  'council-member', // 一约四会理事
  'expert', // 专家/规划师/土专家
  'merchant', // 积分超市商户
  'contractor', // 施工单位
  'township-official', // 乡镇干部
  'county-official', // 县级部门（住建、财政、审计）
  'city-official', // 市住建局（市级统筹）
  'province-official', // 省住房和城乡建设厅
  'agency', // 订阅事件的外部机构
  'ops-admin', // 运维
]);
export type Role = z.infer<typeof Role>;

/*
 * The standard role sets services compose their route and use-case checks from, so "the officials above a village"
 * or "the village's own officers" mean the same people everywhere; a service adds or leaves out roles by name.
 */

/** The officials above a village who oversee its business (乡镇干部, 县级部门). */
export const OVERSIGHT = ['township-official', 'county-official'] as const satisfies readonly Role[];

/** Every official of a level above the village (乡镇、县、市、省). */
export const OFFICIALS = [...OVERSIGHT, 'city-official', 'province-official'] as const satisfies readonly Role[];

/** A village's people by their standing in its register (村民, 户主, 业主, 党员, 村民代表). */
export const VILLAGERS = ['resident', 'household-head', 'owner', 'party-member', 'representative'] as const satisfies readonly Role[];

/** A village's own bodies and officers (村"两委", 村务监督委员会, 报账员, 卫生评比工作组, 一约四会理事). */
export const VILLAGE_OFFICERS = ['cadre', 'supervisor', 'treasurer', 'inspector', 'council-member'] as const satisfies readonly Role[];

/** Everyone who lives or serves in a village, its grid worker (网格员) and the officials above it. */
export const VILLAGE_COMMUNITY = [...VILLAGERS, 'grid-worker', ...VILLAGE_OFFICERS, ...OVERSIGHT] as const satisfies readonly Role[];

/** Those who run a village's business and those who watch it: 村"两委", 村务监督委员会 and the officials above. */
export const VILLAGE_WATCH = ['cadre', 'supervisor', ...OVERSIGHT] as const satisfies readonly Role[];

/** A role set less some roles, for a service whose rule leaves them out. */
export const rolesWithout = (set: readonly Role[], ...left: Role[]): Role[] => set.filter((r) => !left.includes(r));

export interface Person {
  id: string;
  /** Full name; public views mask it (张*明). */
  name: string;
  phone: string;
  household: string;
  /** The village or community the person belongs to. */
  village: string;
  roles: Role[];
}

export interface Household {
  path: string;
  village: string;
  head: string;
  members: string[];
  /** Owners with exclusive floor area (专有部分面积, m²), for owners' decisions; empty in villages. */
  owners: { person: string; area: number }[];
}

export interface Body {
  kind: BodyKind;
  village: string;
  members: string[];
}

export interface PlaceData {
  places: Place[];
  people: Person[];
  households: Household[];
  bodies: Body[];
}

/** True when `path` is `scope` or lies below it. The one subtree test every permission check uses. */
export function isWithin(path: string, scope: string): boolean {
  return path === scope || path.startsWith(`${scope}/`);
}

export function parentOf(path: string): string | undefined {
  const i = path.lastIndexOf('/');
  return i < 0 ? undefined : path.slice(0, i);
}

export function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
