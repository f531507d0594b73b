import { describe, expect, it } from 'vitest';
import { newId } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { type RouteBody, eventually } from '@cocreate/local/testing';
import { adoptedCompact, api, articles, busEvents, decide, eventsEventually, instant, today, versionOf, waitAdopted } from './helpers.ts';
import {
  draftAmendmentRoute,
  draftCompactRoute,
  editDraftRoute,
  getCompactRoute,
  listCompactsRoute,
  listParkedDecisionsRoute,
  submitDraftRoute,
  versionInForceOnRoute,
} from '../handlers/compacts.ts';

const cadre = 'p-majiaqiao-01';
const resident = 'p-majiaqiao-07';

describe('drafting compacts', () => {
  it('a cadre drafts version 1; residents and other villages’ cadres cannot', async () => {
    const body: RouteBody<typeof draftCompactRoute> = {
      village: demo.majiaqiao,
      kind: 'village-rules',
      title: `村规民约 ${newId()}`,
      articles: articles('d', { pointsDeduction: 5 }),
    };
    expect((await api.call(draftCompactRoute, { body }, { as: resident })).status).toBe(403);
    expect((await api.call(draftCompactRoute, { body }, { as: 'p-changsheng-01' })).status).toBe(403);
    const res = await api.call(draftCompactRoute, { body }, { as: cadre });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ village: demo.majiaqiao, version: 1, status: 'draft', revision: 1 });
    expect(res.body.inForceFrom).toBeUndefined();
    // Residents read it; the version in force today does not exist yet.
    expect((await api.call(getCompactRoute, { params: { compactId: res.body.compactId } }, { as: resident })).status).toBe(200);
    const none = await api.call(versionInForceOnRoute, { params: { compactId: res.body.compactId } }, { as: resident });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('no-version-in-force');
  });

  it('refuses bad input with problem+json naming the fields, writing nothing', async () => {
    // raw: invalid input on purpose
    const res = await api.post(
      '/compacts/compacts',
      {
        village: demo.majiaqiao,
        kind: 'house-rules',
        title: '',
        articles: [
          { articleId: 'art-1', title: 't', text: 'x', violationTypes: [{ code: 'a', name: 'a', handling: { pointsDeduction: -1 } }] },
          { articleId: 'art-1', title: 't', text: 'x', violationTypes: [] },
        ],
      },
      { as: cadre },
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(res.body.errors!.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/articles/0/violationTypes/0/handling/pointsDeduction',
      '/articles/1/articleId',
      '/kind',
      '/title',
    ]);
  });

  it('edits a draft with its revision; a stale revision or a submitted draft is refused', async () => {
    const d = await api.call(
      draftCompactRoute,
      { body: { village: demo.majiaqiao, kind: 'village-rules', title: '草稿', articles: articles('e', { pointsDeduction: 1 }) } },
      { as: cadre },
    );
    const id = d.body.compactId;
    const edited = await api.call(
      editDraftRoute,
      { params: { compactId: id, version: '1' }, body: { revision: 1, title: '草稿（二稿）', effectiveFrom: '2030-01-01' } },
      { as: cadre },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '草稿（二稿）', revision: 2, effectiveFrom: '2030-01-01' });
    const stale = await api.call(
      editDraftRoute,
      { params: { compactId: id, version: '1' }, body: { revision: 1, title: '覆盖' } },
      { as: cadre },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale-revision');
    const cleared = await api.call(
      editDraftRoute,
      { params: { compactId: id, version: '1' }, body: { revision: 2, effectiveFrom: null } },
      { as: cadre },
    );
    expect(cleared.body.effectiveFrom).toBeUndefined();
    expect((await api.call(submitDraftRoute, { params: { compactId: id, version: '1' } }, { as: cadre })).body.status).toBe('submitted');
    const frozen = await api.call(
      editDraftRoute,
      { params: { compactId: id, version: '1' }, body: { revision: 3, title: '改' } },
      { as: cadre },
    );
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('version-frozen');
    expect((await versionOf(id, 1, cadre)).title).toBe('草稿（二稿）');
  });

  it('two amendments drafted at once get distinct version numbers', async () => {
    const d = await api.call(
      draftCompactRoute,
      { body: { village: demo.majiaqiao, kind: 'village-rules', title: '并发', articles: articles('c', { pointsDeduction: 1 }) } },
      { as: cadre },
    );
    const id = d.body.compactId;
    const both = await Promise.all(
      [1, 2, 3].map(() => api.call(draftAmendmentRoute, { params: { compactId: id }, body: {} }, { as: cadre })),
    );
    expect(both.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(both.map((r) => r.body.version).sort()).toEqual([2, 3, 4]);
    const all = await api.call(getCompactRoute, { params: { compactId: id } }, { as: cadre });
    expect(all.body.compact.latestVersion).toBe(4);
    expect(all.body.versions).toHaveLength(4);
  });
});

describe('coming into force through deliberation’s final decision', () => {
  it('the version in force is answerable for any date, including the day of change, and amendments announce what changed', async () => {
    const v1Day = await today(-20);
    const v2Day = await today(-5);
    const id = await adoptedCompact(demo.majiaqiao, cadre, { articles: articles('v', { pointsDeduction: 5 }) }, await instant(-20));
    const v1 = await versionOf(id, 1, cadre);
    expect(v1).toMatchObject({ status: 'adopted', inForceFrom: v1Day });

    const amend = await api.call(
      draftAmendmentRoute,
      { params: { compactId: id }, body: { articles: articles('v', { pointsDeduction: 10, publicListing: true }) } },
      { as: cadre },
    );
    expect(amend.status).toBe(201);
    expect(amend.body).toMatchObject({ version: 2, status: 'draft' });
    await api.call(submitDraftRoute, { params: { compactId: id, version: '2' } }, { as: cadre });
    const proposalId = newId();
    await decide(demo.majiaqiao, id, 2, await instant(-5), { proposalId });
    await waitAdopted(id, 2, cadre);

    const on = async (date: string) =>
      api.call(versionInForceOnRoute, { params: { compactId: id }, query: { on: date } }, { as: resident });
    expect((await on(await today(-21))).status).toBe(404);
    expect((await on(v1Day)).body.version).toBe(1);
    expect((await on(await today(-6))).body.version).toBe(1);
    expect((await on(v2Day)).body.version).toBe(2);
    expect((await on(await today())).body.version).toBe(2);
    expect((await api.call(versionInForceOnRoute, { params: { compactId: id } }, { as: resident })).body.version).toBe(2);
    expect((await on('2026-02-30')).status).toBe(400);

    const adopted = await eventsEventually('CompactAdopted', (d) => d.compactId === id, 2);
    expect(adopted.map((e) => [e.detail.data.version, e.detail.data.inForceFrom]).sort()).toEqual([
      [1, v1Day],
      [2, v2Day],
    ]);
    expect(adopted[0].source).toBe('cocreate.compacts');
    const amended = await eventsEventually('CompactAmended', (d) => d.compactId === id);
    expect(amended).toHaveLength(1);
    expect(amended[0].detail.data).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      inForceFrom: v2Day,
      proposalId,
      articles: { added: [], removed: [], changed: ['art-5'] },
    });

    // A new amendment starts from the version in force, not from a later draft.
    const v3 = await api.call(
      draftAmendmentRoute,
      { params: { compactId: id }, body: { articles: articles('v3', { pointsDeduction: 50 }) } },
      { as: cadre },
    );
    const v4 = await api.call(draftAmendmentRoute, { params: { compactId: id }, body: {} }, { as: cadre });
    expect([v3.body.version, v4.body.version]).toEqual([3, 4]);
    expect(v4.body.articles).toEqual((await versionOf(id, 2, cadre)).articles);

    // The list shows the version in force today.
    const list = await api.call(listCompactsRoute, { query: { village: demo.majiaqiao } }, { as: resident });
    expect(list.body.items.find((c: { compactId: string }) => c.compactId === id)!.inForceVersion).toBe(2);
  });

  it('a repeated decision (delivered twice, or decided again) changes nothing', async () => {
    const decidedAt = await instant(-3);
    const id = await adoptedCompact(demo.majiaqiao, cadre, { articles: articles('r', { pointsDeduction: 2 }) }, decidedAt);
    const eventId = newId();
    await decide(demo.majiaqiao, id, 1, await instant(-1), { id: eventId });
    await decide(demo.majiaqiao, id, 1, await instant(-1), { id: eventId });
    await decide(demo.majiaqiao, id, 1, await instant(), { proposalId: newId() });
    // Nothing observable should happen: give the bus time to deliver all three, then look.
    await new Promise((r) => setTimeout(r, 2000));
    expect((await versionOf(id, 1, cadre)).inForceFrom).toBe(await today(-3));
    expect(await busEvents('CompactAdopted', (d) => d.compactId === id)).toHaveLength(1);
  });

  it('a later start date proposed in the draft is kept', async () => {
    const from = await today(10);
    const d = await api.call(
      draftCompactRoute,
      {
        body: {
          village: demo.majiaqiao,
          kind: 'village-rules',
          title: '延后生效',
          articles: articles('l', { pointsDeduction: 2 }),
          effectiveFrom: from,
        },
      },
      { as: cadre },
    );
    await api.call(submitDraftRoute, { params: { compactId: d.body.compactId, version: '1' } }, { as: cadre });
    await decide(demo.majiaqiao, d.body.compactId, 1, await instant());
    expect((await waitAdopted(d.body.compactId, 1, cadre)).inForceFrom).toBe(from);
    expect((await api.call(versionInForceOnRoute, { params: { compactId: d.body.compactId } }, { as: resident })).status).toBe(404);
  });
});

describe('decisions that arrive before their draft', () => {
  it('a decision for a version not drafted yet is parked, then applied when that version is submitted', async () => {
    const id = await adoptedCompact(demo.majiaqiao, cadre, { articles: articles('p', { pointsDeduction: 3 }) }, await instant(-10));
    const proposalId = newId();
    await decide(demo.majiaqiao, id, 2, await instant(-2), { proposalId });
    const parked = await eventually(
      async () => {
        const r = await api.call(listParkedDecisionsRoute, { query: { village: demo.majiaqiao } }, { as: cadre });
        return r.body.items.find((p: { compactId: string; version: number }) => p.compactId === id && p.version === 2);
      },
      20_000,
      'the decision to be parked',
    );
    expect(parked).toMatchObject({ reason: 'unknown-version', proposalId });
    expect((await api.call(listParkedDecisionsRoute, { query: { village: demo.majiaqiao } }, { as: resident })).status).toBe(403);

    await api.call(
      draftAmendmentRoute,
      { params: { compactId: id }, body: { articles: articles('p2', { pointsDeduction: 4 }) } },
      { as: cadre },
    );
    expect((await versionOf(id, 2, cadre)).status).toBe('draft');
    const submitted = await api.call(submitDraftRoute, { params: { compactId: id, version: '2' } }, { as: cadre });
    expect(submitted.status).toBe(200);
    // In force no earlier than the day its text was frozen, though decided two days before.
    expect(submitted.body).toMatchObject({ status: 'adopted', proposalId, inForceFrom: await today() });
    await eventsEventually('CompactAdopted', (d) => d.compactId === id && d.version === 2);
    await eventsEventually('CompactAmended', (d) => d.compactId === id && d.toVersion === 2);
    const after = await api.call(listParkedDecisionsRoute, { query: { village: demo.majiaqiao } }, { as: cadre });
    expect(after.body.items.some((p: { compactId: string }) => p.compactId === id)).toBe(false);
  });

  it('a decision for a compact not registered yet waits for it (registered under the id deliberation knows)', async () => {
    const compactId = newId();
    await decide(demo.majiaqiao, compactId, 1, await instant());
    await eventually(
      async () => {
        const r = await api.call(listParkedDecisionsRoute, { query: { village: demo.majiaqiao } }, { as: cadre });
        return (
          r.body.items.some((p: { compactId: string; reason: string }) => p.compactId === compactId && p.reason === 'unknown-compact') ||
          undefined
        );
      },
      20_000,
      'the decision to be parked',
    );
    const d = await api.call(
      draftCompactRoute,
      {
        body: {
          compactId,
          village: demo.majiaqiao,
          kind: 'village-rules',
          title: '迁移的公约',
          articles: articles('m', { pointsDeduction: 1 }),
        },
      },
      { as: cadre },
    );
    expect(d.status).toBe(201);
    const again = await api.call(
      draftCompactRoute,
      {
        body: { compactId, village: demo.majiaqiao, kind: 'village-rules', title: '重复', articles: articles('m', { pointsDeduction: 1 }) },
      },
      { as: cadre },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('compact-exists');
    const s = await api.call(submitDraftRoute, { params: { compactId, version: '1' } }, { as: cadre });
    expect(s.body.status).toBe('adopted');
  });

  it('a decision naming another village is parked and never applied', async () => {
    const d = await api.call(
      draftCompactRoute,
      { body: { village: demo.majiaqiao, kind: 'village-rules', title: '错村', articles: articles('w', { pointsDeduction: 1 }) } },
      { as: cadre },
    );
    const id = d.body.compactId;
    await api.call(submitDraftRoute, { params: { compactId: id, version: '1' } }, { as: cadre });
    await decide(demo.changsheng, id, 1, await instant());
    await eventually(
      async () => {
        const r = await api.call(listParkedDecisionsRoute, { query: { village: demo.changsheng } }, { as: 'p-changsheng-01' });
        return (
          r.body.items.some((p: { compactId: string; reason: string }) => p.compactId === id && p.reason === 'village-mismatch') ||
          undefined
        );
      },
      20_000,
      'the mismatched decision to be parked',
    );
    expect((await versionOf(id, 1, cadre)).status).toBe('submitted');
    expect(await busEvents('CompactAdopted', (x) => x.compactId === id)).toHaveLength(0);
  });
});
