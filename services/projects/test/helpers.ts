import { expect, inject } from 'vitest';
import { DecisionFinal, type ProjectPlan, type ProjectStage } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { LocalApi, type RouteBody, eventually, publishEvent, q, uploadToPresigned } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { projectIdFor } from '../domain/ids.ts';
import { addMilestone as addMilestoneRoute, createEvidenceUpload } from '../handlers/milestones.ts';
import { checkLedger, recordReceipt } from '../handlers/pools.ts';
import { getProject, moveStage } from '../handlers/projects.ts';

/** Shared helpers for the projects service's integration tests: they talk HTTP and publish upstream events only. */
export const stack = inject('stack');
export const api = new LocalApi(stack.url);
export const V = demo.majiaqiao;

/** 马家桥村: household heads 1–5 sit on the two committees, 2 is the treasurer, 10–12 the supervision committee. */
export const secretary = 'p-majiaqiao-01';
export const treasurer = 'p-majiaqiao-02';
export const cadre3 = 'p-majiaqiao-03';
export const supervisor = 'p-majiaqiao-10';
export const supervisor2 = 'p-majiaqiao-11';

export const PATH_TO_CONSTRUCTION: ProjectStage[] = [
  'willingness-survey',
  'design-review',
  'implementation-plan',
  'plan-notice',
  'approved',
  'in-construction',
];

/** Plays deliberation: a final project-plan decision, then waits for the project to open. */
export async function openProject(
  plan: Partial<ProjectPlan> = {},
  opts: { village?: string; proposalId?: string } = {},
): Promise<{ projectId: string; proposalId: string; project: any }> {
  const village = opts.village ?? V;
  const proposalId = opts.proposalId ?? newId();
  await publishEvent(
    stack.eventbridge,
    DecisionFinal,
    {
      kind: 'project-plan',
      proposalId,
      village,
      title: plan.title ?? '村口道路硬化',
      decidedAt: new Date().toISOString(),
      filedWith: village.split('/').slice(0, 4).join('/'),
      plan: {
        planId: newId(),
        planVersion: 1,
        title: plan.title ?? '村口道路硬化',
        description: plan.description ?? '硬化 400 米道路，新建排水沟。',
        category: plan.category ?? 'roads',
        builder: plan.builder ?? 'residents',
        budget: plan.budget ?? 1_000_000,
        beneficiaries: plan.beneficiaries ?? [`${village}/g1/h01`, `${village}/g1/h02`],
        place: plan.place ?? `${village}/g1`,
        ...(plan.contractor ? { contractor: plan.contractor } : {}),
        ...(plan.renovationClass ? { renovationClass: plan.renovationClass } : {}),
        ...(plan.compound ? { compound: plan.compound } : {}),
        ...(plan.consentPollId ? { consentPollId: plan.consentPollId } : {}),
      },
    },
    { place: village },
  );
  const projectId = projectIdFor(proposalId);
  const as = village === V ? secretary : `p-${village.split('/').at(-1)}-01`;
  const project = await eventually(
    async () => {
      const r = await api.call(getProject, { params: { projectId } }, { as });
      return r.status === 200 ? r.body : undefined;
    },
    20_000,
    `project ${projectId} to open`,
  );
  return { projectId, proposalId, project };
}

/** What a move carries besides its target: the data of the stage it leaves. */
export type StageData = Omit<RouteBody<typeof moveStage>, 'to'>;

export async function move(projectId: string, to: ProjectStage, body: StageData = {}, as: any = secretary) {
  return api.call(moveStage, { params: { projectId }, body: { to, ...body } }, { as });
}

/** Uploads a small file as the project's evidence (a PDF unless told) and answers its reference. */
export async function uploadEvidence(
  projectId: string,
  contentType: RouteBody<typeof createEvidenceUpload>['contentType'] = 'application/pdf',
  as: any = secretary,
): Promise<{ key: string }> {
  const bytes =
    contentType === 'application/pdf' ? '%PDF-1.4' : contentType === 'text/plain' ? 'sheet' : new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  const up = await api.call(createEvidenceUpload, { params: { projectId }, body: { filename: 'f', contentType, size } }, { as });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  await uploadToPresigned(up.body, bytes);
  return { key: up.body.key };
}

/**
 * The data a move needs from the survey stage it closes (issue 12): survey findings entering the willingness survey,
 * a household survey's tally (or `willingness` given) entering design review, the review's documents entering the
 * implementation plan.
 */
export async function stageData(
  projectId: string,
  to: ProjectStage,
  opts: { village?: string; willingness?: StageData['willingness']; as?: any } = {},
): Promise<StageData> {
  const village = opts.village ?? V;
  if (to === 'willingness-survey')
    return {
      survey: { findings: [{ category: 'roads', place: `${village}/g1`, description: '路面破损积水', severity: 'high', households: 12 }] },
    };
  if (to === 'design-review')
    return {
      willingness: opts.willingness ?? { surveyed: 20, agreeing: 18, evidence: [await uploadEvidence(projectId, 'text/plain', opts.as)] },
    };
  if (to === 'implementation-plan')
    return { designReview: { documents: [await uploadEvidence(projectId, undefined, opts.as)], conclusion: 'approved' } };
  return {};
}

export async function moveAll(projectId: string, stages: ProjectStage[], as: any = secretary): Promise<void> {
  // The survey findings are placed in the project's own village (another village's finding is refused).
  const project = await api.call(getProject, { params: { projectId } }, { as });
  expect(project.status, JSON.stringify(project.body)).toBe(200);
  for (const to of stages) {
    const r = await move(projectId, to, await stageData(projectId, to, { village: project.body.village, as }), as);
    expect(r.status, `${to}: ${JSON.stringify(r.body)}`).toBe(200);
  }
}

export async function addMilestone(projectId: string, body: Record<string, unknown> = {}): Promise<any> {
  const r = await api.call(addMilestoneRoute, { params: { projectId }, body: { title: '路基', weight: 10, ...body } }, { as: secretary });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** Events of a type on the local bus that match. */
export async function onBus(type: string, match: (data: any) => boolean): Promise<any[]> {
  const r = await api.get(`/_local/bus/events${q({ type })}`);
  return r.body.events.filter((e: any) => match(e.detail.data)).map((e: any) => e.detail);
}

export async function eventuallyOnBus(type: string, match: (data: any) => boolean, count = 1): Promise<any[]> {
  return eventually(
    async () => {
      const found = await onBus(type, match);
      return found.length >= count ? found : undefined;
    },
    20_000,
    `${type} on the bus`,
  );
}

/** Today's date in China by the shared local clock. */
export async function today(): Promise<string> {
  const { now } = (await api.get('/_local/clock')).body as { now: string };
  return new Date(new Date(now).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Books money into a pool as the treasurer; returns the source. */
export async function receive(pool: string, amount: number, extra: Record<string, unknown> = {}, as: any = treasurer): Promise<any> {
  const r = await api.call(
    recordReceipt,
    { body: { pool, source: 'township-subsidy', amount, from: '七里坪镇人民政府', ...extra } },
    { as },
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

export async function ledgerOk(pool: string, as: any = supervisor): Promise<any> {
  const r = await api.call(checkLedger, { query: { pool } }, { as });
  expect(r.status).toBe(200);
  return r.body;
}
