import { z } from 'zod';
import { PlacePath } from '@cocreate/contracts';
import { defineRoute, problems } from '@cocreate/kernel';
import { AddMembers, Agency, AgencyId, MAX_MEMBERS_PER_AGENCY, RegisterAgency } from '../domain/agencies.ts';
import { agencies, members } from '../store.ts';
import { agencyFor, agencyPlace } from './access.ts';

const AgencyView = Agency.extend({ version: z.number().int().positive() });

const memberTaken = (sub: string) =>
  problems.conflict(
    'member-of-another-agency',
    { zh: `用户 ${sub} 已属于另一个订阅机构。`, en: `User ${sub} already belongs to another agency.` },
    { member: sub },
  );

function uniqueOrThrow(list: readonly string[]): void {
  const seen = new Set<string>();
  for (const [i, m] of list.entries()) {
    if (seen.has(m)) {
      throw problems.rule('duplicate-member', { zh: '成员名单有重复。', en: 'The members list repeats a user.' }, {}, [
        { in: 'body', pointer: `/members/${i}`, rule: 'unique', message: `${m} is listed twice` },
      ]);
    }
    seen.add(m);
  }
}

export const registerAgency = defineRoute({
  method: 'POST',
  path: '/feeds/agencies',
  operationId: 'registerAgency',
  summary: 'Register an agency with its jurisdiction, contact and users (运维登记订阅机构)',
  auth: { roles: ['ops-admin'], place: ({ body }) => body.jurisdiction },
  body: RegisterAgency,
  response: AgencyView,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    if (!(await ctx.register.place(body.jurisdiction))) {
      throw problems.rule('unknown-place', { zh: '辖区不是已知的地点。', en: 'The jurisdiction is not a known place.' }, {}, [
        {
          in: 'body',
          pointer: '/jurisdiction',
          rule: 'known-place',
          message: { zh: '地点数据中没有这个地点', en: 'not in the places data' },
        },
      ]);
    }
    uniqueOrThrow(body.members);
    const agency: Agency = { ...body, registeredBy: ctx.actor.sub, registeredAt: ctx.now().toISOString() };
    agencies.create(
      ctx.tx,
      agency,
      problems.conflict('agency-exists', {
        zh: `订阅机构 ${body.agencyId} 已存在。`,
        en: `Agency ${body.agencyId} already exists.`,
      }),
    );
    for (const m of body.members) members.create(ctx.tx, m, body.agencyId, memberTaken(m));
    return { ...agency, version: 1 };
  },
});

export const listAgencies = defineRoute({
  method: 'GET',
  path: '/feeds/agencies',
  operationId: 'listAgencies',
  summary: 'List the agencies registered inside a place subtree (operations)',
  auth: { roles: ['ops-admin'], place: ({ query }) => query.scope },
  query: z.object({ scope: PlacePath }),
  response: z.object({ items: z.array(Agency) }),
  handler: async ({ query }, ctx) => ({ items: await agencies.within(ctx.table, query.scope) }),
});

export const getAgency = defineRoute({
  method: 'GET',
  path: '/feeds/agencies/{agencyId}',
  operationId: 'getAgency',
  summary: 'An agency’s registration (its members or operations)',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: z.object({ agencyId: AgencyId }),
  response: AgencyView,
  handler: async ({ params }, ctx) => agencyFor(params.agencyId, ctx),
});

export const addAgencyMembers = defineRoute({
  method: 'POST',
  path: '/feeds/agencies/{agencyId}/members',
  operationId: 'addAgencyMembers',
  summary: 'Add users to an agency (operations)',
  auth: { roles: ['ops-admin'], place: agencyPlace },
  params: z.object({ agencyId: AgencyId }),
  body: AddMembers,
  response: AgencyView,
  handler: async ({ params, body }, ctx) => {
    const agency = await agencyFor(params.agencyId, ctx);
    uniqueOrThrow(body.members);
    const added = body.members.filter((m) => !agency.members.includes(m));
    const all = [...agency.members, ...added];
    if (all.length > MAX_MEMBERS_PER_AGENCY) {
      throw problems.rule('too-many-members', {
        zh: `一个机构最多 ${MAX_MEMBERS_PER_AGENCY} 名成员。`,
        en: `An agency has at most ${MAX_MEMBERS_PER_AGENCY} members.`,
      });
    }
    if (added.length) {
      agencies.addMembers(ctx.tx, agency.agencyId, all, agency.version, 'retry');
      for (const m of added) members.create(ctx.tx, m, agency.agencyId, memberTaken(m));
    }
    return { ...agency, members: all, version: agency.version + (added.length ? 1 : 0) };
  },
});

export const myAgency = defineRoute({
  method: 'GET',
  path: '/feeds/me',
  operationId: 'myAgency',
  summary: 'The agency the caller belongs to (for pull clients to discover their jurisdiction)',
  auth: { authenticated: true },
  response: AgencyView,
  handler: async (_input, ctx) => {
    const agencyId = await members.agencyOf(ctx.table, ctx.identity!.sub);
    const agency = agencyId ? await agencies.get(ctx.table, agencyId) : undefined;
    if (!agency) throw problems.notFound({ zh: '您所属的订阅机构', en: 'Your agency' });
    return agency;
  },
});
