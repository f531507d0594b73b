import { describe, expect, it } from 'vitest';
import { ConsentPollClosed } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { publishEvent } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { api, eventuallyOnBus, move, openProject, stack, stageData, uploadEvidence } from './helpers.ts';
import { getProject, listProjects, moveStage } from '../handlers/projects.ts';

/** 幸福社区: its households 1–5 sit on the two committees; 2号小区 is the compound the renovation is for. */
const X = demo.xingfu;
const compound = `${X}/c2`;
const xCadre = 'p-xingfu-01';

/** Plays deliberation closing an owners' consent poll. */
async function pollClosed(opts: { scope?: string; matter?: 'renovation' | 'other'; passed?: boolean } = {}): Promise<string> {
  const pollId = newId();
  const held = opts.passed ?? true;
  await publishEvent(
    stack.eventbridge,
    ConsentPollClosed,
    {
      pollId,
      village: X,
      scope: opts.scope ?? compound,
      matter: opts.matter ?? 'renovation',
      rule: 'seed-renovation',
      passed: held,
      owners: { eligible: 12, participating: 12, agree: held ? 10 : 3, disagree: held ? 2 : 9, abstain: 0 },
      areaDm2: { eligible: 120_000, participating: 120_000, agree: held ? 100_000 : 30_000, disagree: held ? 20_000 : 90_000, abstain: 0 },
      conditions: [
        {
          name: 'owners',
          measure: 'owners',
          base: 'eligible',
          part: held ? 10 : 3,
          whole: 12,
          required: { op: 'at-least', num: 2, den: 3 },
          held,
          needed: 8,
          margin: held ? 2 : -5,
        },
      ],
      closedAt: new Date().toISOString(),
    },
    { place: X },
  );
  return pollId;
}

async function renovation(consentPollId?: string) {
  return openProject(
    {
      title: '2号小区雨污分流改造',
      category: 'water',
      renovationClass: 'basic',
      place: compound,
      compound,
      beneficiaries: [`${compound}/h06`],
      ...(consentPollId ? { consentPollId } : {}),
    },
    { village: X },
  );
}

describe('the survey stages carry their data (issue 12)', () => {
  it('refuses leaving the survey without findings, and data given for another stage; keeps the findings', async () => {
    const { projectId } = await openProject();
    const bare = await move(projectId, 'willingness-survey');
    expect(bare.status).toBe(422);
    expect(bare.body).toMatchObject({ code: 'survey-findings-required', errors: [{ pointer: '/survey' }] });

    const early = await move(projectId, 'willingness-survey', { designReview: { documents: [], conclusion: 'approved' } });
    expect(early.body).toMatchObject({ code: 'stage-data-out-of-place', field: 'designReview' });

    const outside = await move(projectId, 'willingness-survey', {
      survey: { findings: [{ category: 'roads', place: `${demo.macheng}/x`, description: '别村', severity: 'low' }] },
    });
    expect(outside.body).toMatchObject({ code: 'finding-outside-village', errors: [{ pointer: '/survey/findings/0/place' }] });

    const ok = await move(projectId, 'willingness-survey', await stageData(projectId, 'willingness-survey'));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.stageRecords!.survey).toMatchObject({
      findings: [{ category: 'roads', severity: 'high' }],
      recordedBy: 'p-majiaqiao-01',
    });
    const [changed] = await eventuallyOnBus('ProjectStageChanged', (d) => d.projectId === projectId && d.to === 'willingness-survey');
    expect(changed.data.findings).toBe(1);
  });

  it('refuses leaving the willingness survey of a village project without its tally and sheets', async () => {
    const { projectId } = await openProject();
    await move(projectId, 'willingness-survey', await stageData(projectId, 'willingness-survey'));
    expect((await move(projectId, 'design-review')).body.code).toBe('willingness-survey-required');
    const noSheets = await move(projectId, 'design-review', { willingness: { surveyed: 20, agreeing: 18 } });
    expect(noSheets.body.code).toBe('willingness-survey-required');
    const sheet = await uploadEvidence(projectId, 'text/plain');
    const tooMany = await move(projectId, 'design-review', { willingness: { surveyed: 20, agreeing: 21, evidence: [sheet] } });
    expect(tooMany.body.code).toBe('willingness-survey-required');
    const ok = await move(projectId, 'design-review', { willingness: { surveyed: 20, agreeing: 18, evidence: [sheet] } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.stageRecords!.willingness).toMatchObject({ surveyed: 20, agreeing: 18, evidence: [{ key: sheet.key }] });
  });

  it('a renovation’s willingness survey is the consent poll that passed for its compound, the one its plan named', async () => {
    const planned = await pollClosed();
    const { projectId, project } = await renovation(planned);
    expect(project).toMatchObject({ compound, consentPollId: planned, renovationClass: 'basic' });
    const as = xCadre;
    const go = (body: object) => api.call(moveStage, { params: { projectId }, body: { to: 'design-review', ...body } }, { as });
    const survey = await stageData(projectId, 'willingness-survey', { village: X });
    survey.survey!.findings[0]!.place = compound;
    expect((await api.call(moveStage, { params: { projectId }, body: { to: 'willingness-survey', ...survey } }, { as })).status).toBe(200);

    // A household tally is not an owners' poll.
    const sheet = await uploadEvidence(projectId, 'text/plain', as);
    expect((await go({ willingness: { surveyed: 12, agreeing: 12, evidence: [sheet] } })).body).toMatchObject({
      code: 'renovation-needs-consent',
      errors: [{ pointer: '/willingness/consentPollId' }],
    });
    // Another poll than the plan's, even one that passed over the same compound.
    const other = await pollClosed();
    expect((await go({ willingness: { consentPollId: other } })).body).toMatchObject({ code: 'consent-poll-mismatch', planPoll: planned });

    const ok = await go({ willingness: { consentPollId: planned } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.stageRecords!.willingness!.consentPollId).toBe(planned);
    const [changed] = await eventuallyOnBus('ProjectStageChanged', (d) => d.projectId === projectId && d.to === 'design-review');
    expect(changed.data.consentPollId).toBe(planned);
    const [opened] = await eventuallyOnBus('ProjectOpened', (d) => d.projectId === projectId);
    expect(opened.data).toMatchObject({ compound, consentPollId: planned, renovationClass: 'basic' });
  });

  it('refuses a renovation whose named poll is unknown, over another compound, about another matter, or failed', async () => {
    const { projectId } = await renovation();
    const as = xCadre;
    const survey = await stageData(projectId, 'willingness-survey', { village: X });
    survey.survey!.findings[0]!.place = compound;
    await api.call(moveStage, { params: { projectId }, body: { to: 'willingness-survey', ...survey } }, { as });
    const go = (consentPollId: string) =>
      api.call(moveStage, { params: { projectId }, body: { to: 'design-review', willingness: { consentPollId } } }, { as });

    const unknown = await go(newId());
    expect(unknown.status).toBe(409);
    expect(unknown.body.code).toBe('consent-poll-unknown');
    const [elsewhere, otherMatter, failed] = await Promise.all([
      pollClosed({ scope: `${X}/c1` }),
      pollClosed({ matter: 'other' }),
      pollClosed({ passed: false }),
    ]);
    await eventuallyOnBus('ConsentPollClosed', (d) => d.pollId === failed);
    const known = async (pollId: string) => {
      for (let i = 0; i < 40; i++) {
        const r = await go(pollId);
        if (r.body.code !== 'consent-poll-unknown') return r;
        await new Promise((res) => setTimeout(res, 250));
      }
      throw new Error(`poll ${pollId} never reached projects`);
    };
    expect((await known(elsewhere)).body.code).toBe('consent-poll-not-for-compound');
    expect((await known(otherMatter)).body.code).toBe('consent-poll-not-for-compound');
    expect((await known(failed)).body.code).toBe('consent-not-passed');
    const p = await api.call(getProject, { params: { projectId } }, { as });
    expect(p.body.stage).toBe('willingness-survey');
  });

  it('refuses leaving the design review without its documents, or with a document that is not a PDF or image', async () => {
    const { projectId } = await openProject();
    for (const to of ['willingness-survey', 'design-review'] as const) await move(projectId, to, await stageData(projectId, to));
    const bare = await move(projectId, 'implementation-plan');
    expect(bare.body).toMatchObject({ code: 'design-review-documents-required', errors: [{ pointer: '/designReview/documents' }] });
    const none = await move(projectId, 'implementation-plan', { designReview: { documents: [], conclusion: 'approved' } });
    expect(none.body.code).toBe('design-review-documents-required');
    const text = await uploadEvidence(projectId, 'text/plain');
    const wrong = await move(projectId, 'implementation-plan', { designReview: { documents: [text], conclusion: 'approved' } });
    expect(wrong.body).toMatchObject({ code: 'document-not-pdf-or-image', errors: [{ pointer: '/designReview/documents/0' }] });
    const missing = await move(projectId, 'implementation-plan', {
      designReview: { documents: [{ key: `projects/${demo.majiaqiao}/nothing.pdf` }], conclusion: 'approved' },
    });
    expect(missing.body.code).toBe('evidence-missing');
    const pdf = await uploadEvidence(projectId);
    const ok = await move(projectId, 'implementation-plan', {
      designReview: { documents: [pdf], conclusion: 'approved-with-conditions', reviewers: '县住建局专家组', conditions: '补充消防通道' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.stageRecords!.designReview).toMatchObject({
      documents: [{ key: pdf.key, contentType: 'application/pdf' }],
      conclusion: 'approved-with-conditions',
    });
    const [changed] = await eventuallyOnBus('ProjectStageChanged', (d) => d.projectId === projectId && d.to === 'implementation-plan');
    expect(changed.data.designDocuments).toBe(1);
  });
});

describe('a township or county is not a village: lists say which parameter to use (issue 12 item 7)', () => {
  it('refuses a township or county as `village` with the villages to ask for, instead of an empty list', async () => {
    const township = api.official('t-qiliping-1', 'township-official', demo.qiliping);
    for (const path of ['/projects/projects', '/projects/parked-decisions', '/projects/needs-seen', '/projects/board']) {
      const r = await api.get(`${path}?village=${encodeURIComponent(demo.qiliping)}`, { as: township });
      expect(r.status, path).toBe(422);
      expect(r.body, path).toMatchObject({
        code: 'list-needs-a-village',
        parameter: 'village',
        scopeKind: 'township',
        errors: [{ in: 'query', pointer: '/village' }],
      });
      expect(r.body.villages, path).toContain(demo.majiaqiao);
    }
    const county = await api.call(
      listProjects,
      { query: { village: demo.hongan } },
      {
        as: api.official('c-hongan-1', 'county-official', demo.hongan),
      },
    );
    expect(county.body).toMatchObject({
      code: 'list-needs-a-village',
      scopeKind: 'county',
      villages: expect.arrayContaining([demo.xingfu]),
    });
    expect((await api.call(listProjects, { query: { village: `${demo.majiaqiao}-nowhere` } }, { as: township })).status).toBe(404);
  });
});
