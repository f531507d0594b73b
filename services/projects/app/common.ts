import {
  type FieldError,
  Problem,
  type ProblemExtensions,
  type RouteContext,
  type ServiceContext,
  problems,
  refusalsOf,
} from '@cocreate/kernel';
import { OVERSIGHT, type Role, chinaDay, villageListScope } from '@cocreate/places';
import type { Project } from '../domain/project.ts';
import { type RefusalCode, refusals } from '../domain/refusals.ts';
import { projects } from '../repos/projects.ts';

/** The projects service's refusals as problems (`refuse`), and domain decisions settled into values or thrown (`settled`). */
export const { refuse, settled } = refusalsOf(refusals);

/**
 * A rule refusal about several fields, or about a field of the query rather than the body: one field error per
 * pointer, each carrying the catalogue's text.
 */
export function refuseAt(
  code: RefusalCode,
  pointers: readonly string[],
  opts: { in?: FieldError['in']; extensions?: ProblemExtensions } = {},
) {
  const p = refuse(code, opts.extensions, pointers[0]);
  const [first] = p.errors;
  if (!first) return p;
  const errors = pointers.map((pointer) => ({ ...first, in: opts.in ?? first.in, pointer }));
  return new Problem(p.status, p.code, p.title, p.detail, p.extensions, errors);
}

/**
 * A list asked for by `village` must name a village or community: asked with a township or county it would answer an
 * empty list that reads as "nothing happened". Refused instead (422 `list-needs-a-village`, as deliberation does) with
 * the parameter to use and the villages of that scope; a path the register does not know is a 404.
 */
export async function listedVillage(ctx: ServiceContext, village: string, parameter = 'village'): Promise<void> {
  const scope = await villageListScope(ctx.register, village);
  if (!scope) throw problems.notFound({ zh: '村或社区', en: 'The village' });
  if (scope.village) return;
  throw refuseAt('list-needs-a-village', [`/${parameter}`], {
    in: 'query',
    extensions: { parameter, scopeKind: scope.scopeKind, villages: scope.villages },
  });
}

/** Who may read a village's projects and books beyond the public board: its people and the officials above them. */
export const READERS: readonly Role[] = [
  'resident',
  'cadre',
  'treasurer',
  'supervisor',
  'grid-worker',
  'representative',
  'contractor',
  'expert',
  ...OVERSIGHT,
];

/** Who keeps and audits a pool's books. */
export const BOOKKEEPERS: readonly Role[] = ['treasurer', 'cadre', 'supervisor', ...OVERSIGHT];

/** Today in China (UTC+8) by the service's clock: the day work dates, rates and receipts are judged against. */
export function today(ctx: Pick<RouteContext, 'now'>): string {
  return chinaDay(ctx.now());
}

/**
 * The project as read in this attempt of this request: the kernel's place check and the use case share one read
 * (under a storm of requests that halves the reads); a retried attempt reads afresh.
 */
function projectOf(ctx: RouteContext, projectId: string): Promise<Project | undefined> {
  return ctx.once(`project:${projectId}`, () => projects.get(ctx.table, projectId));
}

/** The kernel's place check for routes on an existing project: its village (undefined → 404). */
export const projectPlace = async ({ params }: { params: { projectId: string } }, ctx: RouteContext) =>
  (await projectOf(ctx, params.projectId))?.village;

export async function loadProject(ctx: RouteContext, projectId: string): Promise<Project> {
  const p = await projectOf(ctx, projectId);
  if (!p) throw problems.notFound({ zh: '项目', en: 'The project' });
  return p;
}

/**
 * Whether the caller sits on a body of the village (two committees, supervision committee…) on the day they act: the
 * China date of the service's clock, so an election (换届) or a resignation changes who may approve or countersign
 * from its day on, and a moved clock (the local stack, tests) moves the day with it.
 */
export function sitsOn(ctx: RouteContext, village: string, body: 'two-committees' | 'supervision-committee'): Promise<boolean> {
  return ctx.register.isMember(village, body, ctx.actor.sub, today(ctx));
}

/** The caller's "two committees" membership, refused with 403 otherwise. */
export async function requireCommittee(ctx: RouteContext, village: string): Promise<void> {
  if (!(await sitsOn(ctx, village, 'two-committees'))) throw refuse('not-committee-member', { requiredBody: 'two-committees' });
}
