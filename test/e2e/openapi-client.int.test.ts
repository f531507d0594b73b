import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import createClient, { type Middleware } from 'openapi-fetch';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { demoDirectory } from '@cocreate/places/directory';
import { LocalApi } from '@cocreate/local/testing';
import { documentedResponses } from '@cocreate/local/documented';
import type { paths } from '@cocreate/suite/openapi';
import { typesOf } from '../../packages/suite/src/openapi-types.ts';
import { PATH_TO_CONSTRUCTION, V, moveAll, openProject, secretary, today } from '../../services/projects/test/helpers.ts';

/**
 * What an integrator does with `GET /openapi.json`: generate types with openapi-typescript (committed in
 * packages/suite/src/generated, kept equal to the document by a unit test), call the API through openapi-fetch.
 * Every call below is type-checked against the generated paths by `tsc`; here they run against the local stack.
 */
const url = inject('stack').url;
const tokens = new LocalApi(url);

const check = documentedResponses(await (await fetch(`${url}/openapi.json`)).json());
/** Every answer any client below observed that is not as documented (status, media type, body schema). */
const undocumented: string[] = [];
/** Every answer checked, as `METHOD path status`. */
const observed: string[] = [];
const conforms: Middleware = {
  async onResponse({ request, schemaPath, response }) {
    const text = await response.clone().text();
    const type = response.headers.get('content-type');
    const body = text && /json/.test(type ?? '') ? JSON.parse(text) : text || undefined;
    undocumented.push(...check(request.method, schemaPath, response.status, type, body));
    observed.push(`${request.method} ${schemaPath} ${response.status}`);
  },
};

/** A client acting as one demo person, as a real client would hold a token. */
function clientAs(person: string) {
  const client = createClient<paths>({ baseUrl: url });
  const auth: Middleware = {
    async onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${await tokens.token(tokens.person(person))}`);
      return request;
    },
  };
  client.use(auth, conforms);
  return client;
}

afterEach(() => {
  expect(undocumented.splice(0)).toEqual([]);
  observed.length = 0;
});

describe('a client generated from the OpenAPI document', () => {
  it('raises a need and reads it back', async () => {
    const resident = clientAs('p-majiaqiao-07');
    const raised = await resident.POST('/deliberation/needs', {
      body: { place: `${demo.majiaqiao}/g1`, category: 'roads', channel: 'online', text: '村口的路一下雨就积水' },
    });
    expect(raised.response.status).toBe(201);
    expect(raised.error).toBeUndefined();
    const needId = raised.data!.needId;

    const listed = await resident.GET('/deliberation/needs', { params: { query: { village: demo.majiaqiao } } });
    expect(listed.data?.items.map((n) => n.needId)).toContain(needId);

    // A problem comes back as the documented problem+json, typed as the error.
    const bad = await resident.POST('/deliberation/needs', {
      body: { place: demo.majiaqiao, category: 'roads', channel: 'online', text: '' },
    });
    expect(bad.response.status).toBe(422);
    expect(bad.error?.code).toBe('validation-failed');
    expect(bad.error?.errors?.map((e) => e.pointer)).toEqual(['/text']);
    expect(observed).toEqual(['POST /deliberation/needs 201', 'GET /deliberation/needs 200', 'POST /deliberation/needs 422']);
  });

  it('drafts a plan, submits it to a vote and casts a ballot', async () => {
    const v = demo.majiaqiao;
    const cadre = clientAs('p-majiaqiao-01');
    const plan = await cadre.POST('/deliberation/plans', {
      body: {
        village: v,
        title: '村口道路硬化（客户端）',
        description: '硬化 400 米道路，新建排水沟。',
        category: 'roads',
        builder: 'cooperative',
        renovationClass: 'basic',
        budget: 48_000_000,
        beneficiaries: [`${v}/g1/h01`, `${v}/g1/h02`],
        place: `${v}/g1`,
      },
    });
    expect(plan.response.status, JSON.stringify(plan.error)).toBe(201);

    const proposal = await cadre.POST('/deliberation/proposals', {
      body: { kind: 'project-plan', village: v, planId: plan.data!.planId },
    });
    expect(proposal.response.status, JSON.stringify(proposal.error)).toBe(201);
    const proposalId = proposal.data!.proposalId;
    const firstBody = proposal.data!.chain[0]!.body;
    const voter = demoDirectory.body(v, firstBody)!.members[0]!;

    const ballot = await clientAs(voter).POST('/deliberation/proposals/{proposalId}/ballots', {
      params: { path: { proposalId } },
      body: { step: 0, choice: 'yes' },
    });
    expect(ballot.response.status, JSON.stringify(ballot.error)).toBe(201);

    const tally = await cadre.GET('/deliberation/proposals/{proposalId}/tally', { params: { path: { proposalId } } });
    expect(tally.data?.tally.cast).toBe(1);
  });

  it('records a household’s contribution to a project and lists it', async () => {
    const { projectId } = await openProject({ budget: 10_000_000 });
    await moveAll(projectId, PATH_TO_CONSTRUCTION);
    const client = clientAs(secretary);
    const recorded = await client.POST('/projects/projects/{projectId}/contributions', {
      params: { path: { projectId } },
      body: { kind: 'money', household: `${V}/g1/h01`, amount: 5_000, contributedOn: await today() },
    });
    expect(recorded.response.status, JSON.stringify(recorded.error)).toBe(201);
    expect(recorded.data).toMatchObject({ kind: 'money', household: `${V}/g1/h01`, value: 5_000 });

    const listed = await client.GET('/projects/projects/{projectId}/contributions', { params: { path: { projectId } } });
    expect(listed.data?.totals.count).toBe(1);
  });

  // Last: openapi-typescript holds the event loop for seconds, long enough for the server to drop a kept-alive
  // connection that fetch would then reuse.
  it('is generated from the very document the stack serves', async () => {
    const served = await (await fetch(`${url}/openapi.json`)).json();
    const committed = readFileSync(fileURLToPath(new URL('../../packages/suite/src/generated/openapi.ts', import.meta.url)), 'utf8');
    expect((await typesOf(served)) === committed, 'the served document yields other types than the committed ones').toBe(true);
  });
});
