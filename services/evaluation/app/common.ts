import { problems } from '@cocreate/kernel';
import { type Place, type PlaceKind, type Register, ancestorsOf, villageListScope, OVERSIGHT } from '@cocreate/places';
import { refuseFields, ruleAt } from './refusals.ts';
import { refusals } from '../domain/refusals.ts';

/** Who organises at a place: the village's cadres for the village, officials for their area. */
export const ORGANISERS = ['cadre', ...OVERSIGHT] as const;

/**
 * The places a path lies in according to the register, nearest first (itself included when registered). Every
 * ancestor is asked at once, so the county, township and village of a path cost one round of reads.
 */
export async function lineageOf(register: Register, path: string): Promise<Place[]> {
  const found = await Promise.all(
    ancestorsOf(path)
      .reverse()
      .map((p) => register.place(p)),
  );
  return found.filter((p): p is Place => p !== undefined);
}

/** The nearest place of one of `kinds` in a lineage. */
export const nearestOf = (lineage: readonly Place[], ...kinds: PlaceKind[]) => lineage.find((p) => kinds.includes(p.kind))?.path;

/** Villages and communities inside a scope, sorted (the assessment's stable order). */
export async function villagesWithin(register: Register, scope: string): Promise<string[]> {
  const [villages, communities] = await Promise.all([register.within(scope, 'village'), register.within(scope, 'community')]);
  return [...villages, ...communities].map((p) => p.path).sort();
}

/** Where a path lies: the nearest village or community, township and county the register knows above it. */
export async function placementOf(register: Register, path: string) {
  const lineage = await lineageOf(register, path);
  return {
    village: nearestOf(lineage, 'village', 'community'),
    township: nearestOf(lineage, 'township'),
    county: nearestOf(lineage, 'county'),
  };
}

export type Placement = Awaited<ReturnType<typeof placementOf>>;

/** The township and county of a village (or community) a body names; 422 if it is not one. */
export function villagePlaced(village: string, placed: Placement, pointer: string) {
  const { township, county } = placed;
  if (placed.village !== village || !township || !county) {
    throw ruleAt('not-a-village', pointer, 'village', {
      zh: '地点数据中没有这个村或社区',
      en: 'not a village or community in the places data',
    });
  }
  return { township, county };
}

/** A place the register must know (422 `unknown-place` on `/place` otherwise). */
export async function knownPlace(register: Register, place: string): Promise<Place> {
  const found = await register.place(place);
  if (!found) throw ruleAt('unknown-place', '/place', 'place', { zh: '地点数据中没有这个地点', en: 'not in the places data' });
  return found;
}

export const notFound = {
  review: () => problems.notFound({ zh: '评价', en: 'The review' }),
  scheme: () => problems.notFound({ zh: '评价标准', en: 'The scheme' }),
  competition: () => problems.notFound({ zh: '评比', en: 'The competition' }),
  rectification: () => problems.notFound({ zh: '整改事项', en: 'The rectification item' }),
  run: () => problems.notFound({ zh: '考核任务', en: 'The assessment run' }),
  project: () => problems.notFound({ zh: '项目', en: 'The project' }),
};

/**
 * A list asked for by `village` must name a village or community: asked with a township or county it would answer an
 * empty list that reads as "nothing happened". Refused instead (422 `list-needs-a-village`, as deliberation and projects
 * do) with the parameter to use and the villages of that scope; a path the register does not know is a 404.
 */
export async function listedVillage(register: Register, village: string): Promise<void> {
  const scope = await villageListScope(register, village);
  if (!scope) throw problems.notFound({ zh: '村或社区', en: 'The village' });
  if (scope.village) return;
  const [, zh, en] = refusals['list-needs-a-village'];
  throw refuseFields('list-needs-a-village', [{ in: 'query', pointer: '/village', rule: 'list-needs-a-village', message: { zh, en } }], {
    parameter: 'village',
    scopeKind: scope.scopeKind,
    villages: scope.villages,
  });
}
