import { describe, expect, inject, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { manifests } from '@cocreate/suite';
import { LocalApi, eventually, q } from '@cocreate/local/testing';
import { listNeeds, raiseNeed } from '../../services/deliberation/handlers/needs.ts';
import { listNeedsSeen } from '../../services/projects/handlers/needs-seen.ts';

/**
 * The foundation's slice, end to end through the HTTP gateway: a need raised by a resident goes out through the
 * outbox and the bus, and the projects service sees it exactly once.
 */
const api = new LocalApi(inject('stack').url);
const resident = 'p-majiaqiao-07';
const maChengCadre = api.official('p-fengshu-01', 'cadre', demo.macheng);

describe('a need raised in 马家桥村', () => {
  it('is listed in its village, refused to another county, and seen exactly once by projects', async () => {
    const raised = await api.call(
      raiseNeed,
      { body: { place: `${demo.majiaqiao}/g2`, category: 'lighting', channel: 'evening-talk', text: '二组晚上没有路灯' } },
      { as: resident },
    );
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ village: demo.majiaqiao, raisedBy: resident, recordedBy: resident, status: 'raised' });
    const needId: string = raised.body.needId;

    const listed = await api.call(listNeeds, { query: { village: demo.majiaqiao } }, { as: resident });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((n: { needId: string }) => n.needId)).toContain(needId);

    const refused = await api.call(listNeeds, { query: { village: demo.majiaqiao } }, { as: maChengCadre });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);

    const cadre = 'p-majiaqiao-01';
    const seen = await eventually(
      async () => {
        const r = await api.call(listNeedsSeen, { query: { village: demo.majiaqiao } }, { as: cadre });
        return r.body.needs?.some((n: { needId: string }) => n.needId === needId) ? r.body : undefined;
      },
      20_000,
      'projects to see the need',
    );
    expect(seen.needs.filter((n: { needId: string }) => n.needId === needId)).toHaveLength(1);

    // The event was published once, and the consumer's record exists once even if delivery repeats.
    const onBus = await api.get(`/_local/bus/events${q({ type: 'NeedRaised' })}`);
    const copies = onBus.body.events.filter((e: { detail: { data: { needId: string } } }) => e.detail.data.needId === needId);
    expect(copies).toHaveLength(1);
    expect(copies[0].source).toBe('cocreate.deliberation');
    expect(copies[0].detail.meta).toMatchObject({
      type: 'NeedRaised',
      version: 1,
      place: `${demo.majiaqiao}/g2`,
      actor: { sub: resident, role: 'resident' },
    });
  });

  it('a grid worker records a need on a resident’s behalf, keeping both names', async () => {
    const res = await api.call(
      raiseNeed,
      {
        body: {
          place: demo.majiaqiao,
          category: 'water',
          channel: 'household-visit',
          text: '自来水压力不足',
          onBehalfOf: 'p-majiaqiao-11',
        },
      },
      { as: 'p-majiaqiao-grid' },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ raisedBy: 'p-majiaqiao-11', recordedBy: 'p-majiaqiao-grid' });
  });

  it('refuses bad input with problem+json naming the field', async () => {
    // raw: invalid input on purpose
    const res = await api.post(
      '/deliberation/needs',
      { place: demo.majiaqiao, category: 'unicorns', channel: 'online', text: '' },
      { as: resident },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors!.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/category', '/text']);
  });

  it('refuses a resident raising a need in another village', async () => {
    const res = await api.call(
      raiseNeed,
      { body: { place: demo.changsheng, category: 'roads', channel: 'online', text: '路坏了' } },
      { as: resident },
    );
    expect(res.status).toBe(403);
  });
});

describe('the gateway itself', () => {
  it('reports every component healthy and serves OpenAPI for every route', async () => {
    const health = await api.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.components.register).toEqual({ status: 'up' });
    expect(Object.keys(health.body.components.services)).toEqual(manifests.map((m) => m.name));
    const doc = await api.get('/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.paths['/deliberation/needs'].post.operationId).toBe('raiseNeed');
  });
});
