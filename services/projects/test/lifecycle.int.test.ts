import { describe, expect, it } from 'vitest';
import { DecisionFinal } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { type RouteBody, eventually, publishEvent, uploadToPresigned } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { projectIdFor } from '../domain/ids.ts';
import {
  PATH_TO_CONSTRUCTION,
  V,
  addMilestone,
  api,
  eventuallyOnBus,
  move,
  moveAll,
  onBus,
  openProject,
  secretary,
  stageData,
  stack,
  supervisor,
} from './helpers.ts';
import { addMilestone as addMilestoneRoute, completeMilestone, createEvidenceUpload } from '../handlers/milestones.ts';
import { getCountySettings, putCountySettings } from '../handlers/rates.ts';
import { getProject, listParkedDecisions, listProjects, requestChange, withdrawChange } from '../handlers/projects.ts';

const townshipOfficial = api.official('t-qiliping-1', 'township-official', demo.qiliping);
const machengCadre = api.official('p-fengshu-01', 'cadre', demo.macheng);

describe('a project opens from deliberation’s final project-plan decision', () => {
  it('opens once at the survey with the plan’s budget, category, builder and beneficiaries, and announces it', async () => {
    const { projectId, proposalId, project } = await openProject({
      title: '二组路灯',
      category: 'lighting',
      builder: 'cooperative',
      budget: 2_345_600,
    });
    expect(project).toMatchObject({
      projectId,
      proposalId,
      village: V,
      stage: 'survey',
      budget: 2_345_600,
      category: 'lighting',
      builder: 'cooperative',
    });
    expect(project.progress).toEqual({ completedWeight: 0, totalWeight: 0, percent: 0 });
    const [opened] = await eventuallyOnBus('ProjectOpened', (d) => d.projectId === projectId);
    expect(opened.data).toMatchObject({
      proposalId,
      village: V,
      category: 'lighting',
      builder: 'cooperative',
      budget: 2_345_600,
      stage: 'survey',
    });
    expect(opened.meta.source).toBe('cocreate.projects');

    // The same decision delivered again under another event id opens nothing new.
    await openProject({ title: '二组路灯', category: 'lighting', builder: 'cooperative', budget: 2_345_600 }, { proposalId });
    await new Promise((r) => setTimeout(r, 500));
    expect(await onBus('ProjectOpened', (d) => d.projectId === projectId)).toHaveLength(1);
    const listed = await api.call(listProjects, { query: { village: V } }, { as: 'p-majiaqiao-07' });
    expect(listed.body.items.filter((p: any) => p.projectId === projectId)).toHaveLength(1);
  });

  it('ignores decisions of other kinds', async () => {
    const proposalId = newId();
    await publishEvent(
      stack.eventbridge,
      DecisionFinal,
      {
        kind: 'village-classification',
        proposalId,
        village: V,
        title: '划分两类村',
        decidedAt: new Date().toISOString(),
        filedWith: demo.qiliping,
        classification: 'pilot',
      },
      { place: V },
    );
    await new Promise((r) => setTimeout(r, 800));
    expect((await api.call(getProject, { params: { projectId: projectIdFor(proposalId) } }, { as: secretary })).status).toBe(404);
  });

  it('is readable by its village and officials above it, not by another county', async () => {
    const { projectId } = await openProject();
    expect((await api.call(getProject, { params: { projectId } }, { as: 'p-majiaqiao-09' })).status).toBe(200);
    expect((await api.call(getProject, { params: { projectId } }, { as: townshipOfficial })).status).toBe(200);
    expect((await api.call(getProject, { params: { projectId } }, { as: machengCadre })).status).toBe(403);
    expect((await api.call(getProject, { params: { projectId: projectIdFor(newId()) } }, { as: secretary })).status).toBe(404);
  });
});

describe('the lifecycle state machine through the gateway', () => {
  it('walks every stage, refusing each illegal move with 409 and the allowed next stages', async () => {
    const { projectId, proposalId } = await openProject({ beneficiaries: [`${V}/g1/h04`, `${V}/g2/h08`] });

    const skip = await move(projectId, 'in-construction');
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ code: 'illegal-transition', stage: 'survey', allowed: ['willingness-survey'] });

    for (const to of PATH_TO_CONSTRUCTION.slice(0, 4)) expect((await move(projectId, to, await stageData(projectId, to))).status).toBe(200);
    // From the plan notice: approved or back to the implementation plan, nothing else.
    const wrong = await move(projectId, 'final-accounts');
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({ allowed: ['approved', 'implementation-plan'] });
    expect((await move(projectId, 'implementation-plan', { note: '公示期异议成立，修改方案' })).status).toBe(200);
    expect((await move(projectId, 'plan-notice')).status).toBe(200);
    expect((await move(projectId, 'approved', {}, townshipOfficial)).status).toBe(200);
    expect((await move(projectId, 'in-construction')).status).toBe(200);

    // Initial acceptance: every milestone complete and residents' representatives present.
    expect((await move(projectId, 'initial-acceptance', { representatives: ['p-majiaqiao-04'] })).body.code).toBe('no-milestones');
    const m = await addMilestone(projectId, { weight: 100 });
    const open = await move(projectId, 'initial-acceptance', { representatives: ['p-majiaqiao-04'] });
    expect(open.status).toBe(409);
    expect(open.body).toMatchObject({ code: 'milestones-open', open: [m.milestoneId] });
    expect(
      (await api.call(completeMilestone, { params: { projectId, milestoneId: m.milestoneId }, body: {} }, { as: secretary })).status,
    ).toBe(200);
    const noReps = await move(projectId, 'initial-acceptance');
    expect(noReps.status).toBe(422);
    expect(noReps.body.code).toBe('representatives-required');
    const notReps = await move(projectId, 'initial-acceptance', { representatives: ['p-majiaqiao-04', 'p-majiaqiao-12'] });
    expect(notReps.status).toBe(422);
    expect(notReps.body).toMatchObject({ code: 'not-representatives', people: ['p-majiaqiao-12'] });
    expect((await move(projectId, 'initial-acceptance', { representatives: ['p-majiaqiao-04', 'p-majiaqiao-05'] })).status).toBe(200);

    // Facilities are handed over at final acceptance, not with any other move.
    const early = await move(projectId, 'rectification', { facilities: [{ name: '排水沟', kind: 'facility', place: `${V}/g1` }] });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'facilities-at-final-acceptance', errors: [{ pointer: '/facilities' }] });
    expect((await move(projectId, 'rectification', { note: '排水沟盖板不齐' })).status).toBe(200);
    expect((await move(projectId, 'archived')).body).toMatchObject({
      code: 'illegal-transition',
      allowed: ['initial-acceptance', 'final-acceptance'],
    });
    expect((await move(projectId, 'initial-acceptance', { representatives: ['p-majiaqiao-06'] })).status).toBe(200);

    const outside = await move(projectId, 'final-acceptance', {
      facilities: [
        { name: '排水沟', kind: 'facility', place: `${demo.changsheng}/g1` },
        { name: '小广场', kind: 'public-space', place: `${V}/g2` },
        { name: '路灯', kind: 'facility', place: `${demo.changsheng}/g2` },
      ],
    });
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('facility-outside-village');
    expect(outside.body.errors!.map((e: any) => e.pointer)).toEqual(['/facilities/0/place', '/facilities/2/place']);
    const final = await move(projectId, 'final-acceptance', {
      facilities: [
        { name: '村口排水沟', kind: 'facility', place: `${V}/g1` },
        { name: '二组小广场', kind: 'public-space', place: `${V}/g2` },
      ],
    });
    expect(final.status).toBe(200);
    expect(final.body.facilities).toHaveLength(2);
    for (const to of ['final-accounts', 'archived', 'long-term-management'] as const) expect((await move(projectId, to)).status).toBe(200);
    const end = await move(projectId, 'archived');
    expect(end.body).toMatchObject({ code: 'illegal-transition', allowed: [] });
    // Past the final accounts nothing changes any more.
    const late = await api.call(
      requestChange,
      { params: { projectId }, body: { title: '追加', description: '再修 50 米', changesContent: true } },
      { as: secretary },
    );
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'not-changeable', stage: 'long-term-management' });

    // What the others consume: every stage change with beneficiaries, both acceptances, the hand-over.
    const changed = await eventuallyOnBus('ProjectStageChanged', (d) => d.projectId === projectId, 15);
    expect(changed.map((e) => e.data.to)).toEqual([
      'willingness-survey',
      'design-review',
      'implementation-plan',
      'plan-notice',
      'implementation-plan',
      'plan-notice',
      'approved',
      'in-construction',
      'initial-acceptance',
      'rectification',
      'initial-acceptance',
      'final-acceptance',
      'final-accounts',
      'archived',
      'long-term-management',
    ]);
    expect(changed[0].data.beneficiaries).toEqual([`${V}/g1/h04`, `${V}/g2/h08`]);
    const accepted = await eventuallyOnBus('ProjectAccepted', (d) => d.projectId === projectId, 3);
    expect(accepted.map((e) => e.data.acceptance)).toEqual(['initial', 'initial', 'final']);
    expect(accepted[2].data).toMatchObject({
      proposalId,
      village: V,
      spent: 0,
      budget: 1_000_000,
      beneficiaries: [`${V}/g1/h04`, `${V}/g2/h08`],
    });
    const [handed] = await eventuallyOnBus('FacilitiesHandedOver', (d) => d.projectId === projectId);
    expect(handed.data.facilities.map((f: any) => [f.name, f.kind, f.place])).toEqual([
      ['村口排水沟', 'facility', `${V}/g1`],
      ['二组小广场', 'public-space', `${V}/g2`],
    ]);
  });

  it('lets only the village’s two committees or the township move a project', async () => {
    const { projectId } = await openProject();
    expect((await move(projectId, 'willingness-survey', {}, supervisor)).status).toBe(403);
    expect((await move(projectId, 'willingness-survey', {}, 'p-majiaqiao-07')).status).toBe(403);
    expect((await move(projectId, 'willingness-survey', {}, machengCadre)).status).toBe(403);
    // A cadre grant without a seat on the two committees is not enough.
    const unseated = await move(projectId, 'willingness-survey', {}, api.person('p-majiaqiao-08', [{ role: 'cadre', place: V }]));
    expect(unseated.status).toBe(403);
    expect(unseated.body).toMatchObject({ reason: 'not-committee-member', requiredBody: 'two-committees' });
    const bad = await move(projectId, 'somewhere' as never);
    expect(bad.status).toBe(422);
    expect(bad.body.errors![0]!.pointer).toBe('/to');
    expect((await api.call(getProject, { params: { projectId } }, { as: secretary })).body.stage).toBe('survey');
  });
});

describe('project changes', () => {
  it('applies a budget move within the share directly, and sends a larger one to deliberation', async () => {
    const { projectId } = await openProject({ budget: 1_000_000 });
    const minor = await api.call(
      requestChange,
      { params: { projectId }, body: { title: '材料涨价', description: '水泥涨价', changesContent: false, budget: 1_100_000 } },
      { as: secretary },
    );
    expect(minor.status).toBe(201);
    expect(minor.body).toMatchObject({ waitsForDeliberation: false, budget: 1_100_000, change: { class: 'minor', status: 'applied' } });
    const [applied] = await eventuallyOnBus('ProjectChangeApplied', (d) => d.projectId === projectId);
    expect(applied.data).toMatchObject({ direct: true, previousBudget: 1_000_000, budget: 1_100_000 });

    const major = await api.call(
      requestChange,
      { params: { projectId }, body: { title: '追加', description: '再铺 100 米', changesContent: false, budget: 1_210_001 } },
      { as: secretary },
    );
    expect(major.body).toMatchObject({ waitsForDeliberation: true, budget: 1_100_000, change: { class: 'major', status: 'pending' } });
    const project = (await api.call(getProject, { params: { projectId } }, { as: secretary })).body;
    expect(project.budget).toBe(1_100_000);
    expect(project.pendingChange!.changeId).toBe(major.body.change.changeId);
  });

  it('sends a change of content to deliberation, waits, then resumes when the decision arrives', async () => {
    const { projectId, proposalId } = await openProject({ budget: 48_000 });
    await moveAll(projectId, ['willingness-survey', 'design-review']);
    const asked = await api.call(
      requestChange,
      { params: { projectId }, body: { title: '道路延长 100 米', description: '延长至小学门口', changesContent: true, budget: 60_000 } },
      { as: secretary },
    );
    expect(asked.status).toBe(201);
    const changeId = asked.body.change.changeId;
    const [requested] = await eventuallyOnBus('ProjectChangeRequested', (d) => d.changeId === changeId);
    expect(requested.data).toEqual({
      projectId,
      changeId,
      village: V,
      title: '道路延长 100 米',
      description: '延长至小学门口',
      budget: 60_000,
      previousBudget: 48_000,
      requestedBy: secretary,
    });

    // Waiting: no stage move, no second change.
    const waiting = await move(projectId, 'implementation-plan');
    expect(waiting.status).toBe(409);
    expect(waiting.body).toMatchObject({ code: 'change-pending', changeId });
    expect(
      (
        await api.call(
          requestChange,
          { params: { projectId }, body: { title: 'x', description: 'y', changesContent: true } },
          { as: secretary },
        )
      ).body.code,
    ).toBe('change-pending');

    const decision = newId();
    await publishEvent(
      stack.eventbridge,
      DecisionFinal,
      {
        kind: 'project-change',
        proposalId: decision,
        village: V,
        title: '道路延长',
        decidedAt: new Date().toISOString(),
        filedWith: demo.qiliping,
        change: { projectId, changeId, description: '延长至小学门口（决定）', budget: 58_000 },
      },
      { place: V },
    );
    const resumed = await eventually(
      async () => {
        const p = (await api.call(getProject, { params: { projectId } }, { as: secretary })).body;
        return p.pendingChange === undefined ? p : undefined;
      },
      20_000,
      'the change to apply',
    );
    expect(resumed.budget).toBe(58_000);
    expect(resumed.amendments).toEqual([
      expect.objectContaining({ changeId, budget: 58_000, previousBudget: 48_000, direct: false, proposalId: decision }),
    ]);
    expect(resumed.changes.find((c: any) => c.changeId === changeId)).toMatchObject({ status: 'applied', proposalId: decision });
    const [applied] = await eventuallyOnBus('ProjectChangeApplied', (d) => d.changeId === changeId);
    expect(applied.data).toMatchObject({ direct: false, budget: 58_000, previousBudget: 48_000, proposalId: decision });
    expect(proposalId).not.toBe(decision);
    expect((await move(projectId, 'implementation-plan', await stageData(projectId, 'implementation-plan'))).status).toBe(200);
  });

  it('lets the village withdraw a pending change; a late decision for it is recorded, not applied', async () => {
    const { projectId } = await openProject({ budget: 10_000 });
    const asked = await api.call(
      requestChange,
      { params: { projectId }, body: { title: '改线', description: '改走北侧', changesContent: true } },
      { as: secretary },
    );
    const changeId = asked.body.change.changeId;
    expect((await api.call(withdrawChange, { params: { projectId, changeId }, body: {} }, { as: supervisor })).status).toBe(403);
    const w = await api.call(withdrawChange, { params: { projectId, changeId }, body: {} }, { as: secretary });
    expect(w.status).toBe(200);
    expect(w.body.status).toBe('withdrawn');
    const again = await api.call(withdrawChange, { params: { projectId, changeId }, body: {} }, { as: secretary });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'change-not-pending', current: 'withdrawn' });
    expect((await move(projectId, 'willingness-survey', await stageData(projectId, 'willingness-survey'))).status).toBe(200);
    await publishEvent(
      stack.eventbridge,
      DecisionFinal,
      {
        kind: 'project-change',
        proposalId: newId(),
        village: V,
        title: '改线',
        decidedAt: new Date().toISOString(),
        filedWith: demo.qiliping,
        change: { projectId, changeId, description: '改走北侧', budget: 99_999 },
      },
      { place: V },
    );
    const record = await eventually(
      async () => {
        const p = (await api.call(getProject, { params: { projectId } }, { as: secretary })).body;
        const c = p.changes.find((x: any) => x.changeId === changeId);
        return c!.status === 'decided-after-withdrawal' ? p : undefined;
      },
      20_000,
      'the late decision to be recorded',
    );
    expect(record.budget).toBe(10_000);
    expect(record.amendments).toEqual([]);
  });

  it('parks a change decision for a project it does not know yet, and applies it when the project opens', async () => {
    const proposalId = newId();
    const projectId = projectIdFor(proposalId);
    const changeId = newId();
    await publishEvent(
      stack.eventbridge,
      DecisionFinal,
      {
        kind: 'project-change',
        proposalId: newId(),
        village: V,
        title: '预算调整',
        decidedAt: new Date(Date.now() - 1000).toISOString(),
        filedWith: demo.qiliping,
        change: { projectId, changeId, description: '预算调整为 7 万', budget: 70_000 },
      },
      { place: V },
    );
    const parked = await eventually(
      async () => {
        const r = await api.call(listParkedDecisions, { query: { village: V } }, { as: secretary });
        return r.body.items.find((d: any) => d.changeId === changeId);
      },
      20_000,
      'the decision to be parked',
    );
    expect(parked).toMatchObject({ projectId, reason: 'unknown-project', status: 'parked', budget: 70_000 });
    expect((await api.call(listParkedDecisions, { query: { village: V } }, { as: 'p-majiaqiao-07' })).status).toBe(403);

    const { project } = await openProject({ budget: 50_000 }, { proposalId });
    expect(project.budget).toBe(70_000);
    expect(project.amendments).toEqual([expect.objectContaining({ changeId, previousBudget: 50_000, budget: 70_000 })]);
    const after = await api.call(listParkedDecisions, { query: { village: V } }, { as: secretary });
    expect(after.body.items.find((d: any) => d.changeId === changeId)!.status).toBe('applied');
  });

  it('never lets another village’s decision change a project', async () => {
    const { projectId } = await openProject({ budget: 30_000 });
    const asked = await api.call(
      requestChange,
      { params: { projectId }, body: { title: '改', description: '改', changesContent: true, budget: 90_000 } },
      { as: secretary },
    );
    const changeId = asked.body.change.changeId;
    await publishEvent(
      stack.eventbridge,
      DecisionFinal,
      {
        kind: 'project-change',
        proposalId: newId(),
        village: demo.changsheng,
        title: '改',
        decidedAt: new Date().toISOString(),
        filedWith: demo.qiliping,
        change: { projectId, changeId, description: '改', budget: 90_000 },
      },
      { place: demo.changsheng },
    );
    await new Promise((r) => setTimeout(r, 1000));
    const p = (await api.call(getProject, { params: { projectId } }, { as: secretary })).body;
    expect(p.budget).toBe(30_000);
    expect(p.pendingChange!.changeId).toBe(changeId);
  });
});

describe('milestones and the hidden-works evidence gate (隐蔽工程)', () => {
  it('derives progress from weights and will not cover hidden works without evidence of this place', async () => {
    const { projectId } = await openProject();
    const road = await addMilestone(projectId, { title: '路面', weight: 70 });
    const pipes = await addMilestone(projectId, { title: '排水管（隐蔽工程）', weight: 30, hiddenWorks: true });
    expect((await api.call(addMilestoneRoute, { params: { projectId }, body: { title: 'x', weight: 0 } }, { as: secretary })).status).toBe(
      422,
    );

    // Not before construction.
    expect(
      (await api.call(completeMilestone, { params: { projectId, milestoneId: road.milestoneId }, body: {} }, { as: secretary })).body.code,
    ).toBe('not-building');
    await moveAll(projectId, PATH_TO_CONSTRUCTION);

    const none = await api.call(completeMilestone, { params: { projectId, milestoneId: pipes.milestoneId }, body: {} }, { as: secretary });
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('evidence-required');
    // Another village's key is refused outright.
    const foreign = await api.call(
      completeMilestone,
      { params: { projectId, milestoneId: pipes.milestoneId }, body: { evidence: [{ key: `projects/${demo.changsheng}/x/pipes.jpg` }] } },
      { as: secretary },
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body).toMatchObject({ code: 'evidence-outside-place', errors: [{ pointer: '/evidence/0' }] });

    // An ordinary milestone needs no evidence; progress counts completed weight only.
    const road2 = await api.call(completeMilestone, { params: { projectId, milestoneId: road.milestoneId }, body: {} }, { as: secretary });
    expect(road2.status).toBe(200);
    expect(road2.body.progress).toEqual({ completedWeight: 70, totalWeight: 100, percent: 70 });
    const [ev] = await eventuallyOnBus('MilestoneCompleted', (d) => d.projectId === projectId);
    expect(ev.data).toMatchObject({ milestoneId: road.milestoneId, hiddenWorks: false, evidenceCount: 0, progressPercent: 70 });
    expect(
      (await api.call(getProject, { params: { projectId } }, { as: secretary })).body.milestones.find(
        (m: any) => m.milestoneId === pipes.milestoneId,
      )!.status,
    ).toBe('open');
    // Residents cannot upload evidence or complete milestones.
    expect(
      (
        await api.call(
          createEvidenceUpload,
          { params: { projectId }, body: { filename: 'a.jpg', contentType: 'image/jpeg', size: 4 } },
          { as: 'p-majiaqiao-07' },
        )
      ).status,
    ).toBe(403);
    expect(
      (await api.call(completeMilestone, { params: { projectId, milestoneId: pipes.milestoneId }, body: {} }, { as: 'p-majiaqiao-07' }))
        .status,
    ).toBe(403);
  });

  it('accepts hidden works only with a photo or video that was uploaded by presigned URL and exists', async () => {
    const { projectId } = await openProject();
    const pipes = await addMilestone(projectId, { title: '排水管（隐蔽工程）', weight: 30, hiddenWorks: true });
    await addMilestone(projectId, { title: '路面', weight: 70 });
    await moveAll(projectId, PATH_TO_CONSTRUCTION);
    const complete = (evidence: RouteBody<typeof completeMilestone>['evidence'], as: any = secretary) =>
      api.call(completeMilestone, { params: { projectId, milestoneId: pipes.milestoneId }, body: { evidence } }, { as });

    const upload = await api.call(
      createEvidenceUpload,
      { params: { projectId }, body: { filename: 'pipes.jpg', contentType: 'image/jpeg', size: 4 } },
      { as: secretary },
    );
    expect(upload.status).toBe(201);
    expect(upload.body.key.startsWith(`projects/${V}/`)).toBe(true);
    // The size is signed into the URL: a photo beyond its kind's limit gets no URL at all.
    const huge = await api.call(
      createEvidenceUpload,
      { params: { projectId }, body: { filename: 'pipes.jpg', contentType: 'image/jpeg', size: 25 * 1024 * 1024 } },
      { as: secretary },
    );
    expect([huge.status, huge.body.code, huge.body.errors?.[0]?.pointer]).toEqual([422, 'evidence-too-large', '/size']);
    // Referenced before the upload happened: the object does not exist yet.
    const early = await complete([{ key: upload.body.key }]);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('evidence-missing');
    // A document is not a photo.
    const pdf = await api.call(
      createEvidenceUpload,
      { params: { projectId }, body: { filename: 'invoice.pdf', contentType: 'application/pdf', size: 8 } },
      { as: secretary },
    );
    await uploadToPresigned(pdf.body, '%PDF-1.4');
    expect((await complete([{ key: pdf.body.key }])).body.code).toBe('evidence-not-photo-or-video');

    await uploadToPresigned(upload.body, new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
    const done = await complete([{ key: upload.body.key }], api.official('c-coop', 'contractor', V));
    expect(done.status).toBe(200);
    expect(done.body.milestone).toMatchObject({ status: 'completed', evidence: [{ key: upload.body.key, contentType: 'image/jpeg' }] });
    expect(done.body.progress).toEqual({ completedWeight: 30, totalWeight: 100, percent: 30 });
    expect((await complete([{ key: upload.body.key }])).body.code).toBe('already-completed');
    const [ev] = await eventuallyOnBus('MilestoneCompleted', (d) => d.milestoneId === pipes.milestoneId);
    expect(ev.data).toMatchObject({ hiddenWorks: true, evidenceCount: 1, progressPercent: 30 });
  });

  it('freezes the milestone plan once the works are being inspected', async () => {
    const { projectId } = await openProject();
    const m = await addMilestone(projectId, { weight: 5 });
    await moveAll(projectId, PATH_TO_CONSTRUCTION);
    await api.call(completeMilestone, { params: { projectId, milestoneId: m.milestoneId }, body: {} }, { as: secretary });
    await moveAll(projectId, []);
    expect((await move(projectId, 'initial-acceptance', { representatives: ['p-majiaqiao-03'] })).status).toBe(200);
    const late = await api.call(addMilestoneRoute, { params: { projectId }, body: { title: 'late', weight: 5 } }, { as: secretary });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('milestones-frozen');
  });
});

describe('the county’s share of the budget a change may move directly', () => {
  it('is the county’s own setting (10 % until it sets one)', async () => {
    const county = api.official('c-hongan-finance', 'county-official', demo.hongan);
    expect((await api.call(getCountySettings, { query: { county: demo.hongan } }, { as: secretary })).body.majorChangeShareBp).toBe(1000);
    expect(
      (
        await api.call(
          putCountySettings,
          { body: { county: demo.hongan, majorChangeShareBp: 500, reason: '县政府通知' } },
          { as: secretary },
        )
      ).status,
    ).toBe(403);
    expect(
      (await api.call(putCountySettings, { body: { county: demo.macheng, majorChangeShareBp: 500, reason: '县政府通知' } }, { as: county }))
        .status,
    ).toBe(403);
    expect(
      (
        await api.call(
          putCountySettings,
          { body: { county: demo.hongan, majorChangeShareBp: 10_001, reason: '县政府通知' } },
          { as: county },
        )
      ).status,
    ).toBe(422);
    try {
      expect(
        (
          await api.call(
            putCountySettings,
            { body: { county: demo.hongan, majorChangeShareBp: 500, reason: '县政府通知' } },
            { as: county },
          )
        ).status,
      ).toBe(200);
      const { projectId } = await openProject({ budget: 1_000_000 });
      const six = await api.call(
        requestChange,
        { params: { projectId }, body: { title: '涨价', description: '材料涨价 6%', changesContent: false, budget: 1_060_000 } },
        { as: secretary },
      );
      expect(six.body).toMatchObject({ waitsForDeliberation: true, change: { class: 'major' } });
      const { projectId: p2 } = await openProject({ budget: 1_000_000 });
      const five = await api.call(
        requestChange,
        { params: { projectId: p2 }, body: { title: '涨价', description: '材料涨价 5%', changesContent: false, budget: 1_050_000 } },
        { as: secretary },
      );
      expect(five.body).toMatchObject({ waitsForDeliberation: false, budget: 1_050_000 });
    } finally {
      await api.call(putCountySettings, { body: { county: demo.hongan, majorChangeShareBp: 1000, reason: '县政府通知' } }, { as: county });
    }
  });
});
