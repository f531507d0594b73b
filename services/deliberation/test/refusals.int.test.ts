import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { api, cadreOf, draftPlan, submitPlanProposal } from './helpers.ts';
import { addResource, listCandidate } from '../handlers/lists.ts';
import { draftPlan as draftPlanRoute } from '../handlers/plans.ts';
import { raiseNeed, triageNeed } from '../handlers/needs.ts';
import { resubmitProposal, submitProposal } from '../handlers/proposals.ts';

/** Refusals of references that point nowhere, or into another village, through the API (马家桥村). */
const v = demo.majiaqiao;
const cadre = cadreOf(v);
const unknownId = '01JD7Z8Q9W3V4X5Y6Z7A8B9C0C';

describe('lists refer to records of their own village', () => {
  it('a list entry must be filed under the village itself, not a place inside it', async () => {
    const res = await api.call(addResource, { body: { village: `${v}/g1`, kind: 'land', title: '晒场' } }, { as: cadre });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('place-not-in-village');
  });

  it('a candidate item names existing needs and resources of the village', async () => {
    const needs = await api.call(
      listCandidate,
      { body: { village: v, title: '无此需求', category: 'roads', needIds: [unknownId] } },
      { as: cadre },
    );
    expect(needs.status).toBe(422);
    expect(needs.body).toMatchObject({ code: 'need-elsewhere', needId: unknownId, errors: [{ pointer: '/needIds/0' }] });

    const need = await api.call(
      raiseNeed,
      { body: { place: `${v}/g1`, category: 'roads', channel: 'online', text: '修路' } },
      { as: cadre },
    );
    expect(need.status).toBe(201);
    expect((await api.call(triageNeed, { params: { needId: need.body.needId }, body: { action: 'accept' } }, { as: cadre })).status).toBe(
      200,
    );
    const resources = await api.call(
      listCandidate,
      { body: { village: v, title: '无此资源', category: 'roads', needIds: [need.body.needId], resourceIds: [unknownId] } },
      { as: cadre },
    );
    expect(resources.status).toBe(422);
    expect(resources.body).toMatchObject({ code: 'resource-elsewhere', resourceId: unknownId, errors: [{ pointer: '/resourceIds/0' }] });
  });

  it('a plan is drafted for a candidate item of its own village', async () => {
    const res = await api.call(
      draftPlanRoute,
      {
        body: {
          village: v,
          candidateId: unknownId,
          title: '无此项目',
          description: '—',
          category: 'roads',
          builder: 'cooperative',
          renovationClass: 'basic',
          budget: 1_000_000,
          beneficiaries: [],
          place: `${v}/g1`,
        },
      },
      { as: cadre },
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'candidate-elsewhere', errors: [{ pointer: '/candidateId' }] });
  });
});

describe('a proposal carries a plan version of its own village', () => {
  it('refuses a missing plan or version, and a plan of another village', async () => {
    const missing = await api.call(submitProposal, { body: { kind: 'project-plan', village: v, planId: unknownId } }, { as: cadre });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: 'plan-version-missing', errors: [{ pointer: '/planId' }] });

    const plan = await draftPlan(v);
    const noVersion = await api.call(
      submitProposal,
      { body: { kind: 'project-plan', village: v, planId: plan.planId, planVersion: 9 } },
      { as: cadre },
    );
    expect(noVersion.status).toBe(422);
    expect(noVersion.body).toMatchObject({ code: 'plan-version-missing', errors: [{ pointer: '/planVersion' }] });

    const foreign = await draftPlan(demo.shifeng);
    const elsewhere = await api.call(submitProposal, { body: { kind: 'project-plan', village: v, planId: foreign.planId } }, { as: cadre });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body).toMatchObject({ code: 'plan-elsewhere', errors: [{ pointer: '/planId' }] });
  });

  it('a revision must fit the proposal’s kind', async () => {
    const { proposal } = await submitPlanProposal(v);
    const res = await api.call(
      resubmitProposal,
      { params: { proposalId: proposal.proposalId }, body: { compactVersion: 2 } },
      { as: cadre },
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'subject-mismatch', errors: [{ pointer: '/compactVersion' }] });
  });
});
