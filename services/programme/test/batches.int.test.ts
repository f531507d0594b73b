import { describe, expect, inject, it } from 'vitest';
import { DecisionFinal, ProjectAccepted } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { type RouteBody, eventually, publishEvent, q } from '@cocreate/local/testing';
import { api, at, callers, today } from './support.ts';
import { declareBatchRoute, getBatchRoute, listBatchesRoute } from '../handlers/batches.ts';

const bus = () => inject('stack').eventbridge;

/** What deliberation and projects publish when a village's decision becomes final and its project is accepted. */
const decisionFinal = (village: string, id = newId()) =>
  publishEvent(
    bus(),
    DecisionFinal,
    {
      kind: 'compact',
      proposalId: newId(),
      village,
      title: '村规民约',
      decidedAt: new Date().toISOString(),
      filedWith: at.township,
      compact: { compactId: newId(), version: 1 },
    },
    { place: village, id },
  );
const projectAccepted = (village: string, acceptance: 'initial' | 'final' = 'final', id = newId()) =>
  publishEvent(
    bus(),
    ProjectAccepted,
    {
      projectId: newId(),
      proposalId: newId(),
      village,
      acceptance,
      acceptedAt: new Date().toISOString(),
      beneficiaries: [],
      spent: 100,
      budget: 200,
    },
    { place: village, id },
  );

const batchOf = async (id: string) => (await api.call(getBatchRoute, { params: { batchId: id } }, { as: callers.county })).body;
const idle = () => api.get('/_local/bus/idle');

describe('pilot batches and coverage from the other services’ events', () => {
  it('a batch’s coverage rises as a village reaches its final decision and accepted project — each event counted once', async () => {
    const { year } = await today();
    const declared = await api.call(
      declareBatchRoute,
      {
        body: {
          place: at.county,
          year,
          kind: 'pilot',
          name: '第一批共同缔造试点村',
          villages: [at.village, at.otherVillage],
          target: { villages: 2 },
        },
      },
      { as: callers.county },
    );
    expect(declared).toMatchObject({
      status: 201,
      body: { covered: 0, targetMet: false, coveredWhen: ['decision-final', 'project-accepted'] },
    });
    const id = declared.body.batchId as string;
    expect(declared.body.scopeVillages).toBeGreaterThanOrEqual(2);

    const decision = newId();
    await decisionFinal(at.village, decision);
    await projectAccepted(at.village, 'initial');
    await idle();
    expect((await batchOf(id)).covered).toBe(0);

    const accepted = newId();
    await projectAccepted(at.village, 'final', accepted);
    const one = await eventually(async () => ((await batchOf(id)).covered === 1 ? batchOf(id) : undefined));
    expect(one).toMatchObject({ covered: 1, targetMet: false });

    // The same deliveries again, and a second accepted project: nothing more to count.
    await decisionFinal(at.village, decision);
    await projectAccepted(at.village, 'final', accepted);
    await projectAccepted(at.village, 'final');
    await idle();
    expect((await batchOf(id)).covered).toBe(1);

    // The other village, its events in the other order.
    await projectAccepted(at.otherVillage);
    await decisionFinal(at.otherVillage);
    const two = await eventually(async () => ((await batchOf(id)).covered === 2 ? batchOf(id) : undefined));
    expect(two).toMatchObject({ covered: 2, targetMet: true, percent: expect.any(Number) });

    const covered = await eventually(async () => {
      const list = (await api.get(`/_local/bus/events${q({ type: 'BatchVillageCovered' })}`)).body.events as { detail: any }[];
      const mine = list.filter((e) => e.detail.data.batchId === id);
      return mine.length === 2 ? mine : undefined;
    });
    expect(covered.map((e) => [e.detail.data.village, e.detail.data.covered, e.detail.data.targetMet])).toEqual([
      [at.village, 1, false],
      [at.otherVillage, 2, true],
    ]);

    // A batch declared later counts at once what the events already showed.
    const later = await api.call(
      declareBatchRoute,
      { body: { place: at.township, year, kind: 'demonstration', name: '示范村', villages: [at.village], target: { percent: 10 } } },
      { as: callers.township },
    );
    expect(later.body).toMatchObject({ covered: 1, targetMet: true });
    const listed = await api.call(listBatchesRoute, { query: { place: at.county, year } }, { as: callers.county });
    expect(listed.body.items.map((b: any) => b.batchId)).toEqual([id]);
  });

  it('refuses a batch it could never measure, and villages outside the level', async () => {
    const { year } = await today();
    type Batch = RouteBody<typeof declareBatchRoute>;
    const base: Omit<Batch, 'target'> = { place: at.township, year, kind: 'pilot', name: '试点', villages: [at.village] };
    // Each a well-formed batch the domain refuses.
    const cases: [Pick<Batch, 'target'> & Partial<Batch>, string][] = [
      [{ target: {} }, 'no-coverage-target'],
      [{ target: { villages: 2 } }, 'target-beyond-batch'],
      [{ villages: [at.village, at.community], target: { villages: 1 } }, 'village-outside-place'],
      [{ villages: [at.village, at.village], target: { villages: 1 } }, 'duplicate-village'],
    ];
    for (const [change, code] of cases) {
      const res = await api.call(declareBatchRoute, { body: { ...base, ...change } }, { as: callers.township });
      expect(res, code).toMatchObject({ status: 422, body: { code } });
    }
    const byOther = await api.call(declareBatchRoute, { body: { ...base, target: { villages: 1 } } }, { as: callers.otherTownship });
    expect(byOther.status).toBe(403);
  });
});
