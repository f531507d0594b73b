import { type RouteContext, problems } from '@cocreate/kernel';
import { type AddMembers, type Agency, type RegisterAgency, repeatedAt, withMembers } from '../domain/agencies.ts';
import { type StoredAgency, agencies, members } from '../repos/agencies.ts';
import { agencyFor } from './access.ts';
import { refuse, settled } from './refusals.ts';

/** Each user appears once in a members list (the repeat is named by its index). */
function uniqueOrThrow(list: readonly string[]): void {
  const i = repeatedAt(list);
  if (i !== undefined) throw refuse('duplicate-member', { member: list[i] }, `/members/${i}`);
}

const memberTaken = (member: string) => refuse('member-of-another-agency', { member });

export async function registerAgency(cmd: RegisterAgency, ctx: RouteContext): Promise<StoredAgency> {
  if (!(await ctx.register.place(cmd.jurisdiction))) throw refuse('unknown-place', {}, '/jurisdiction');
  uniqueOrThrow(cmd.members);
  const agency: Agency = { ...cmd, registeredBy: ctx.actor.sub, registeredAt: ctx.now().toISOString() };
  agencies.create(ctx.tx, agency, refuse('agency-exists', { agencyId: cmd.agencyId }));
  for (const m of cmd.members) members.create(ctx.tx, m, cmd.agencyId, memberTaken(m));
  return { ...agency, version: 1 };
}

export async function listAgencies(scope: string, ctx: RouteContext): Promise<{ items: StoredAgency[] }> {
  return { items: await agencies.within(ctx.table, scope) };
}

export async function addAgencyMembers(agencyId: string, cmd: AddMembers, ctx: RouteContext): Promise<StoredAgency> {
  const agency = await agencyFor(agencyId, ctx);
  uniqueOrThrow(cmd.members);
  const { members: all, added } = settled(withMembers(agency, cmd.members));
  if (added.length) {
    agencies.addMembers(ctx.tx, agency.agencyId, all, agency.version, 'retry');
    for (const m of added) members.create(ctx.tx, m, agency.agencyId, memberTaken(m));
  }
  return { ...agency, members: all, version: agency.version + (added.length ? 1 : 0) };
}

/** The agency the caller belongs to. */
export async function myAgency(ctx: RouteContext): Promise<StoredAgency> {
  const agencyId = await members.agencyOf(ctx.table, ctx.identity!.sub);
  const agency = agencyId ? await agencies.get(ctx.table, agencyId) : undefined;
  if (!agency) throw problems.notFound({ zh: '您所属的订阅机构', en: 'Your agency' });
  return agency;
}

/** The agency of a pull client: its members only (the place of the pull feed is its jurisdiction). */
export async function callersAgency(ctx: RouteContext): Promise<StoredAgency | undefined> {
  return ctx.once('callers-agency', async () => {
    const agencyId = await members.agencyOf(ctx.table, ctx.identity!.sub);
    if (!agencyId) throw refuse('not-an-agency-member');
    return agencies.get(ctx.table, agencyId);
  });
}
