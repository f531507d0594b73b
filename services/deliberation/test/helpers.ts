import { inject } from 'vitest';
import { type BodyKind } from '@cocreate/places';
import { demoDirectory } from '@cocreate/places/directory';
import { LocalApi, type RouteBody, eventually, q, uploadToPresigned } from '@cocreate/local/testing';
import { castBallot, listBallots } from '../handlers/ballots.ts';
import { decideChain, getChain, getChainPolicy, putChain, putChainPolicy } from '../handlers/settings.ts';
import { draftPlan as draftPlanRoute, requestEvidenceUpload } from '../handlers/plans.ts';
import { getProposal, resolveProposalStep, submitProposal } from '../handlers/proposals.ts';

/** Shared by the integration tests: the API client, the demo people, and a few steps every flow repeats. */
export const api = new LocalApi(inject('stack').url);

/** The village slug of a demo village path (`…/majiaqiao` → `majiaqiao`). */
export const slug = (village: string) => village.split('/').at(-1)!;
/** Household head NN of a demo village (`p-majiaqiao-07`). */
export const head = (village: string, n: number) => `p-${slug(village)}-${String(n).padStart(2, '0')}`;
export const cadreOf = (village: string) => head(village, 1);
export const supervisorOf = (village: string) => head(village, 11);

export function members(village: string, body: BodyKind): string[] {
  return demoDirectory.body(village, body)?.members ?? [];
}

export async function now(): Promise<Date> {
  return new Date((await api.get('/_local/clock')).body.now as string);
}

/** Uploads a small file as evidence of a village and returns its reference. */
export async function evidence(
  village: string,
  filename = 'minutes.pdf',
  contentType: RouteBody<typeof requestEvidenceUpload>['contentType'] = 'application/pdf',
  as = cadreOf(village),
) {
  const content = `evidence ${filename} ${Math.random()}`;
  const up = await api.call(requestEvidenceUpload, { body: { village, filename, contentType, size: Buffer.byteLength(content) } }, { as });
  if (up.status !== 201) throw new Error(`evidence upload refused: ${up.status} ${JSON.stringify(up.body)}`);
  await uploadToPresigned(up.body, content);
  return { key: up.body.key as string };
}

/** Drafts a plan in a village (v1) and returns it. */
export async function draftPlan(village: string, over: Partial<RouteBody<typeof draftPlanRoute>> = {}) {
  const res = await api.call(
    draftPlanRoute,
    {
      body: {
        village,
        title: `村口道路硬化 ${Math.random().toString(36).slice(2, 8)}`,
        description: '硬化 400 米道路，新建排水沟。',
        category: 'roads',
        builder: 'cooperative',
        renovationClass: 'basic',
        budget: 48_000_000,
        beneficiaries: [`${village}/g1/h01`, `${village}/g1/h02`],
        place: `${village}/g1`,
        ...over,
      },
    },
    { as: cadreOf(village) },
  );
  if (res.status !== 201) throw new Error(`plan refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function submitPlanProposal(
  village: string,
  extra: Partial<Extract<RouteBody<typeof submitProposal>, { kind: 'project-plan' }>> = {},
) {
  const plan = await draftPlan(village);
  const res = await api.call(
    submitProposal,
    { body: { kind: 'project-plan', village, planId: plan.planId, ...extra } },
    { as: cadreOf(village) },
  );
  if (res.status !== 201) throw new Error(`proposal refused: ${res.status} ${JSON.stringify(res.body)}`);
  return { plan, proposal: res.body };
}

export async function vote(proposalId: string, step: number, voter: string, choice: 'yes' | 'no' | 'abstain' = 'yes') {
  return api.call(castBallot, { params: { proposalId }, body: { step, choice } }, { as: voter });
}

/** The minutes of a village's meetings, uploaded once per village and test file. */
const minutesOf = new Map<string, Promise<{ key: string }>>();
export function minutes(village: string) {
  if (!minutesOf.has(village)) minutesOf.set(village, evidence(village, 'meeting-minutes.pdf'));
  return minutesOf.get(village)!;
}

/** Everyone who cast a counted ballot at the proposal's current step (the sign-in of a meeting where all who came voted). */
export async function voters(proposalId: string, village: string): Promise<string[]> {
  const found: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await api.call(listBallots, { params: { proposalId }, query: { limit: 200, cursor } }, { as: cadreOf(village) });
    found.push(...(res.body.items as { voter: string }[]).map((b) => b.voter));
    cursor = res.body.cursor;
  } while (cursor);
  return found;
}

/**
 * Resolves a step with its meeting record: the sign-in (default: everyone who voted, or the first voter-to-be when
 * nobody did) and the minutes.
 */
export async function resolve(proposalId: string, village: string, step: number, opts: { signIn?: string[]; note?: string } = {}) {
  let signIn = opts.signIn ?? (await voters(proposalId, village));
  if (signIn.length === 0) {
    const p = (await api.call(getProposal, { params: { proposalId } }, { as: cadreOf(village) })).body;
    const body = p.chain?.[step]?.body as BodyKind | undefined;
    signIn = body ? members(village, body).slice(0, 1) : [];
  }
  return api.call(
    resolveProposalStep,
    { params: { proposalId }, body: { step, signIn, minutes: await minutes(village), ...(opts.note ? { note: opts.note } : {}) } },
    { as: cadreOf(village) },
  );
}

/** Every member of each remaining body votes yes and the body resolves, up to (not including) step `until`. */
export async function passSteps(proposalId: string, village: string, from: number, until: number) {
  const p = (await api.call(getProposal, { params: { proposalId } }, { as: cadreOf(village) })).body;
  let last;
  for (let step = from; step < until; step++) {
    const body = p.chain[step]!.body as BodyKind;
    await Promise.all(
      members(village, body).map(async (m) => {
        const r = await vote(proposalId, step, m);
        if (r.status !== 201) throw new Error(`vote at ${step} by ${m}: ${r.status} ${JSON.stringify(r.body)}`);
      }),
    );
    last = await resolve(proposalId, village, step);
    if (last.status !== 200) throw new Error(`resolve ${step}: ${last.status} ${JSON.stringify(last.body)}`);
  }
  return last?.body;
}

/** Events of a type on the local bus whose data matches `match`. */
export async function busEvents(type: string, match: (data: Record<string, unknown>) => boolean) {
  const res = await api.get(`/_local/bus/events${q({ type })}`);
  return (res.body.events as { detail: { meta: Record<string, unknown>; data: Record<string, unknown> } }[]).filter((e) =>
    match(e.detail.data),
  );
}

export async function eventuallyOnBus(type: string, match: (data: Record<string, unknown>) => boolean, what = type) {
  return eventually(
    async () => {
      const found = await busEvents(type, match);
      return found.length ? found : undefined;
    },
    20_000,
    what,
  );
}

/** The township and county above a demo village (its path's parent, and the one above that). */
export const townshipOfVillage = (village: string) => village.split('/').slice(0, -1).join('/');
export const countyOfVillage = (village: string) => village.split('/').slice(0, -2).join('/');
export const townshipOfficial = (village: string) =>
  api.official(`t-${slug(townshipOfVillage(village))}-1`, 'township-official', townshipOfVillage(village));
export const countyOfficial = (village: string) =>
  api.official(`c-${slug(countyOfVillage(village))}-1`, 'county-official', countyOfVillage(village));

/** A county's floor for a kind (as its official), replacing whatever the county had. */
export async function setFloor(
  village: string,
  kind: RouteBody<typeof putChainPolicy>['kind'],
  required: RouteBody<typeof putChainPolicy>['required'],
  fromFen = 0,
) {
  const scope = countyOfVillage(village);
  const cur = await api.call(getChainPolicy, { query: { place: scope, kind } }, { as: countyOfficial(village) });
  const res = await api.call(
    putChainPolicy,
    { body: { scope, kind, fromFen, required, reason: '县级决策链底线', expectedVersion: cur.body.isDefault ? 0 : cur.body.version } },
    { as: countyOfficial(village) },
  );
  if (res.status !== 200) throw new Error(`floor refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A village's chain for a kind, proposed by its cadre and approved by its township: in force when this returns. */
export async function approveChain(
  village: string,
  kind: RouteBody<typeof putChain>['kind'],
  steps: RouteBody<typeof putChain>['steps'],
  reason = '村两委提议修改决策链',
) {
  const cur = await api.call(getChain, { query: { village, kind } }, { as: cadreOf(village) });
  const proposed = await api.call(
    putChain,
    { body: { village, kind, steps, expectedVersion: cur.body.version, reason } },
    { as: cadreOf(village) },
  );
  if (proposed.status !== 202) throw new Error(`chain change refused: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  const decided = await api.call(
    decideChain,
    { params: { changeId: proposed.body.changeId }, body: { approve: true, reason: '镇党委同意' } },
    { as: townshipOfficial(village) },
  );
  if (decided.status !== 200) throw new Error(`chain approval refused: ${decided.status} ${JSON.stringify(decided.body)}`);
  return decided.body;
}
