import type { Role } from '@cocreate/places';
import { type RouteContext, problems } from '@cocreate/kernel';
import { chinaDate } from '../domain/dates.ts';
import type { Project } from '../domain/project.ts';
import { projects } from '../store.ts';

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
  'township-official',
  'county-official',
];

/** Who keeps and audits a pool's books. */
export const BOOKKEEPERS: readonly Role[] = ['treasurer', 'cadre', 'supervisor', 'township-official', 'county-official'];

/**
 * The project as read in this attempt of this request: the kernel's place check and the handler share one read
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

/** The county a place lies in (`province/city/county/…`). */
export function countyOf(place: string): string {
  return place.split('/').slice(0, 3).join('/');
}

/**
 * Whether the caller sits on a body of the village (two committees, supervision committee…) on the day they act: the
 * China date of the service's clock, so an election (换届) or a resignation changes who may approve or countersign
 * from its day on, and a moved clock (the local stack, tests) moves the day with it.
 */
export function sitsOn(ctx: RouteContext, village: string, body: 'two-committees' | 'supervision-committee'): Promise<boolean> {
  return ctx.register.isMember(village, body, ctx.actor.sub, chinaDate(ctx.now()));
}

export const text = {
  notCommittee: {
    zh: '只有村"两委"成员才能执行此操作。',
    en: 'Only a member of the village two committees may do this.',
  },
  notSupervision: {
    zh: '只有村务监督委员会成员才能会签。',
    en: 'Only a member of the village supervision committee may countersign.',
  },
};

/** The caller's "two committees" membership, refused with 403 otherwise. */
export async function requireCommittee(ctx: RouteContext, village: string): Promise<void> {
  if (!(await sitsOn(ctx, village, 'two-committees'))) throw problems.forbidden(text.notCommittee, { requiredBody: 'two-committees' });
}
