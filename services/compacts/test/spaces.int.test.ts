import { describe, expect, it } from 'vitest';
import { FacilitiesHandedOver } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { eventually, publishEvent, uploadToPresigned } from '@cocreate/local/testing';
import { api, articles, busEvents, eventsEventually, stack, today } from './helpers.ts';
import {
  adoptSpaceRoute,
  getAdoptionRoute,
  getSpaceRoute,
  listSpacesRoute,
  logUpkeepRoute,
  registerSpaceRoute,
  releaseAdoptionRoute,
  requestEvidenceUploadRoute,
} from '../handlers/spaces.ts';
import { createInspectionRoute } from '../handlers/inspections.ts';
import { draftCompactRoute, getCompactRoute, listCompactsRoute } from '../handlers/compacts.ts';

const cadre = 'p-majiaqiao-01';
const head = (n: number) => `p-majiaqiao-${String(n).padStart(2, '0')}`;

async function register(capacity: number, extra: Record<string, unknown> = {}) {
  const res = await api.call(
    registerSpaceRoute,
    { body: { village: demo.majiaqiao, kind: 'green-plot', name: `绿地 ${newId()}`, place: `${demo.majiaqiao}/g1`, capacity, ...extra } },
    { as: cadre },
  );
  expect(res.status).toBe(201);
  return res.body.spaceId as string;
}

describe('the registry of spaces', () => {
  it('a cadre registers a space in the village; residents and outsiders cannot; places outside are refused', async () => {
    const spaceId = await register(1);
    const listed = await api.call(listSpacesRoute, { query: { village: demo.majiaqiao, kind: 'green-plot' } }, { as: head(7) });
    expect(listed.body.items.find((s: { spaceId: string }) => s.spaceId === spaceId)).toMatchObject({
      capacity: 1,
      activeAdopters: 0,
      freeSlots: 1,
      source: 'registered',
    });
    const body = { village: demo.majiaqiao, kind: 'road-section' as const, name: '村道', place: demo.majiaqiao };
    expect((await api.call(registerSpaceRoute, { body }, { as: head(7) })).status).toBe(403);
    expect((await api.call(registerSpaceRoute, { body }, { as: 'p-changsheng-01' })).status).toBe(403);
    const outside = await api.call(registerSpaceRoute, { body: { ...body, place: `${demo.changsheng}/g1` } }, { as: cadre });
    expect(outside.status).toBe(422);
    expect(outside.body.errors![0]!.pointer).toBe('/place');
    expect(outside.body.code).toBe('place-outside-village');
    // A cadre over the whole township still registers spaces (and keeps evidence) per village, never the township.
    const townshipCadre = api.person(cadre, [{ role: 'cadre', place: demo.qiliping }]);
    const inTownship = await api.call(
      registerSpaceRoute,
      { body: { ...body, village: demo.qiliping, place: demo.qiliping } },
      { as: townshipCadre },
    );
    expect(inTownship.status).toBe(422);
    expect(inTownship.body.code).toBe('not-a-village');
    const upload = await api.call(
      requestEvidenceUploadRoute,
      { body: { village: demo.qiliping, filename: 'photo.jpg', contentType: 'image/jpeg', size: 4 } },
      { as: townshipCadre },
    );
    expect(upload.status).toBe(422);
    expect(upload.body.code).toBe('not-a-village');
    // raw: invalid input on purpose
    const bad = await api.post('/compacts/spaces', { ...body, capacity: 0, kind: 'park' }, { as: cadre });
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/capacity', '/kind']);
    await eventsEventually('SpaceRegistered', (d) => d.spaceId === spaceId);
  });
});

describe('adoption (认领) under concurrent claims', () => {
  it('two households claiming the last slot at once: exactly one wins', async () => {
    const spaceId = await register(2);
    const first = await api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'household' } }, { as: head(2) });
    expect(first.status).toBe(201);
    const race = await Promise.all(
      [head(3), head(4)].map((p) => api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'household' } }, { as: p })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(race.find((r) => r.status === 409)!.body.code).toBe('space-full');
    const space = await api.call(getSpaceRoute, { params: { spaceId } }, { as: cadre });
    expect(space.body.space.activeAdopters).toBe(2);
    expect(space.body.adoptions.filter((a: { status: string }) => a.status === 'active')).toHaveLength(2);
  });

  it('twelve households at once on a space for one: one adoption, one event, eleven refusals', async () => {
    const spaceId = await register(1);
    const all = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'household' } }, { as: head(i + 1) }),
      ),
    );
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409 && r.body.code === 'space-full')).toHaveLength(11);
    const space = await api.call(getSpaceRoute, { params: { spaceId } }, { as: cadre });
    expect(space.body.space.activeAdopters).toBe(1);
    expect(space.body.adoptions).toHaveLength(1);
    await eventsEventually('SpaceAdopted', (d) => d.spaceId === spaceId);
    await new Promise((r) => setTimeout(r, 500));
    expect(await busEvents('SpaceAdopted', (d) => d.spaceId === spaceId)).toHaveLength(1);
  });

  it('capacity 3 and ten claims at once: exactly three adopters', async () => {
    const spaceId = await register(3);
    const all = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'household' } }, { as: head(i + 1) }),
      ),
    );
    expect(all.filter((r) => r.status === 201)).toHaveLength(3);
    expect((await api.call(getSpaceRoute, { params: { spaceId } }, { as: cadre })).body.space.activeAdopters).toBe(3);
  });

  it('one adopter holds one slot; party-member and group adoptions; release frees the slot with dates', async () => {
    const spaceId = await register(3);
    const mine = await api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'household' } }, { as: head(5) });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({
      adopter: { kind: 'household', id: `${demo.majiaqiao}/g1/h05` },
      person: head(5),
      adoptedOn: await today(),
      status: 'active',
    });
    const twice = await api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'household' } }, { as: head(5) });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already-adopted');
    expect((await api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'party-member' } }, { as: head(10) })).status).toBe(403);
    const party = await api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'party-member' } }, { as: head(6) });
    expect(party.body.adopter).toEqual({ kind: 'party-member', id: head(6) });
    const group = await api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'group', group: '二组党小组' } }, { as: head(7) });
    expect(group.body.adopter).toEqual({ kind: 'group', id: '二组党小组' });
    expect((await api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'household' } }, { as: 'p-changsheng-03' })).status).toBe(
      403,
    );

    // Someone else cannot release it; a member of the household can; releasing twice is refused.
    expect((await api.call(releaseAdoptionRoute, { params: { adoptionId: mine.body.adoptionId }, body: {} }, { as: head(8) })).status).toBe(
      403,
    );
    const released = await api.call(
      releaseAdoptionRoute,
      { params: { adoptionId: mine.body.adoptionId }, body: { reason: '外出务工' } },
      { as: head(5) },
    );
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: 'released', releasedOn: await today(), releasedBy: head(5) });
    expect((await api.call(releaseAdoptionRoute, { params: { adoptionId: mine.body.adoptionId }, body: {} }, { as: head(5) })).status).toBe(
      409,
    );
    expect((await api.call(getSpaceRoute, { params: { spaceId } }, { as: cadre })).body.space.activeAdopters).toBe(2);
    const ev = await eventsEventually('SpaceReleased', (d) => d.adoptionId === mine.body.adoptionId);
    expect(ev[0].detail.data).toMatchObject({ spaceId, person: head(5), adoptedOn: await today(), releasedOn: await today() });
    // The slot is free again, and the same household may adopt anew; a cadre may end an adoption.
    const again = await api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'household' } }, { as: head(5) });
    expect(again.status).toBe(201);
    expect((await api.call(releaseAdoptionRoute, { params: { adoptionId: party.body.adoptionId }, body: {} }, { as: cadre })).status).toBe(
      200,
    );
    // The public view of adopters masks names.
    const view = await api.call(getSpaceRoute, { params: { spaceId } }, { as: head(9) });
    expect(view.body.adoptions.every((a: { name: string; kind: string }) => a.kind === 'group' || a.name.includes('*'))).toBe(true);
  });

  it('concurrent release and re-adoption never exceed the capacity', async () => {
    const spaceId = await register(1);
    const a = await api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'household' } }, { as: head(1) });
    const [rel, ...claims] = await Promise.all([
      api.call(releaseAdoptionRoute, { params: { adoptionId: a.body.adoptionId }, body: {} }, { as: head(1) }),
      ...[2, 3, 4].map((n) => api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'household' } }, { as: head(n) })),
    ]);
    expect(rel!.status).toBe(200);
    expect(claims.filter((c) => c.status === 201).length).toBeLessThanOrEqual(1);
    const s = (await api.call(getSpaceRoute, { params: { spaceId } }, { as: cadre })).body;
    expect(s.space.activeAdopters).toBe(s.adoptions.filter((x: { status: string }) => x.status === 'active').length);
    expect(s.space.activeAdopters).toBeLessThanOrEqual(1);
  });
});

describe('upkeep logs', () => {
  it('the adopter’s household logs upkeep once a day; others cannot; a released adoption takes no more', async () => {
    const spaceId = await register(1);
    const a = await api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'household' } }, { as: head(8) });
    const adoptionId = a.body.adoptionId;
    expect((await api.call(logUpkeepRoute, { params: { adoptionId }, body: { note: '除草' } }, { as: head(9) })).status).toBe(403);
    expect((await api.call(logUpkeepRoute, { params: { adoptionId }, body: { note: '' } }, { as: head(8) })).status).toBe(422);

    // A member of the adopting household logs it (household 8 has three members).
    const logged = await api.call(logUpkeepRoute, { params: { adoptionId }, body: { note: '除草、浇水' } }, { as: 'p-majiaqiao-08-1' });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({
      person: 'p-majiaqiao-08-1',
      household: `${demo.majiaqiao}/g2/h08`,
      loggedOn: await today(),
      evidence: [],
    });
    const second = await api.call(logUpkeepRoute, { params: { adoptionId }, body: { note: '再扫一次' } }, { as: head(8) });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('upkeep-already-logged-today');

    const ev = await eventsEventually('UpkeepLogged', (d) => d.upkeepId === logged.body.upkeepId);
    expect(ev[0].detail.data).toMatchObject({
      spaceId,
      person: 'p-majiaqiao-08-1',
      household: `${demo.majiaqiao}/g2/h08`,
      hasEvidence: false,
    });
    expect((await api.call(getAdoptionRoute, { params: { adoptionId } }, { as: head(8) })).body.upkeep).toHaveLength(1);

    await api.call(releaseAdoptionRoute, { params: { adoptionId }, body: {} }, { as: head(8) });
    const afterRelease = await api.call(logUpkeepRoute, { params: { adoptionId }, body: { note: '还在扫' } }, { as: head(8) });
    expect(afterRelease.status).toBe(409);
    expect(afterRelease.body.code).toBe('adoption-released');
  });

  it('a photo is attached through a presigned upload and verified; files of another village are refused', async () => {
    const spaceId = await register(1);
    const a = await api.call(adoptSpaceRoute, { params: { spaceId }, body: { as: 'household' } }, { as: head(11) });
    const adoptionId = a.body.adoptionId;
    expect(
      (
        await api.call(
          requestEvidenceUploadRoute,
          { body: { village: demo.changsheng, filename: 'a.jpg', contentType: 'image/jpeg', size: 4 } },
          { as: head(11) },
        )
      ).status,
    ).toBe(403);
    expect(
      // raw: invalid input on purpose
      (
        await api.post(
          '/compacts/evidence-uploads',
          { village: demo.majiaqiao, filename: 'a.exe', contentType: 'application/x-msdownload', size: 4 },
          { as: head(11) },
        )
      ).status,
    ).toBe(422);
    const upload = await api.call(
      requestEvidenceUploadRoute,
      { body: { village: demo.majiaqiao, filename: 'before-after.jpg', contentType: 'image/jpeg', size: 4 } },
      { as: head(11) },
    );
    expect(upload.status).toBe(201);
    expect(upload.body.key.startsWith(`compacts/${demo.majiaqiao}/`)).toBe(true);

    const elsewhere = await api.call(
      logUpkeepRoute,
      { params: { adoptionId }, body: { note: '除草', evidence: [{ key: `compacts/${demo.changsheng}/x/a.jpg` }] } },
      { as: head(11) },
    );
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('evidence-outside-place');

    await uploadToPresigned(upload.body, new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
    const missing = await api.call(
      logUpkeepRoute,
      { params: { adoptionId }, body: { note: '除草', evidence: [{ key: `${upload.body.key}-never-uploaded` }] } },
      { as: head(11) },
    );
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('evidence-missing');
    const logged = await api.call(
      logUpkeepRoute,
      { params: { adoptionId }, body: { note: '除草', evidence: [{ key: upload.body.key }] } },
      { as: head(11) },
    );
    expect(logged.status).toBe(201);
    expect(logged.body.evidence).toEqual([{ key: upload.body.key, contentType: 'image/jpeg' }]);
    const ev = await eventsEventually('UpkeepLogged', (d) => d.upkeepId === logged.body.upkeepId);
    expect(ev[0].detail.data.hasEvidence).toBe(true);

    // The same way an inspector attaches a photo to a result.
    const photo = await api.call(
      requestEvidenceUploadRoute,
      { body: { village: demo.majiaqiao, filename: 'bin.jpg', contentType: 'image/jpeg', size: 4 } },
      { as: 'p-majiaqiao-09' },
    );
    await uploadToPresigned(photo.body, new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
    const inspection = await api.call(
      createInspectionRoute,
      {
        body: {
          kind: 'unannounced',
          village: demo.majiaqiao,
          topic: '垃圾分类',
          results: [{ household: `${demo.majiaqiao}/g2/h08`, item: 'sanitation', outcome: 'fail', evidence: [{ key: photo.body.key }] }],
        },
      },
      { as: 'p-majiaqiao-09' },
    );
    expect(inspection.status).toBe(201);
    expect(inspection.body.results[0]!.evidence).toEqual([{ key: photo.body.key, contentType: 'image/jpeg' }]);
    const recorded = await eventsEventually('InspectionRecorded', (d) => d.inspectionId === inspection.body.inspectionId);
    expect(recorded[0].detail.data.results[0].hasEvidence).toBe(true);
  });
});

describe('facilities handed over by projects', () => {
  const handOver = (
    village: string,
    facilities: { facilityId: string; name: string; kind: 'facility' | 'public-space'; place: string }[],
    projectId = newId(),
  ) => publishEvent(stack.eventbridge, FacilitiesHandedOver, { projectId, village, facilities }, { place: village });

  it('enter the registry under the village’s maintenance compact, drafted from the template when there is none; never twice', async () => {
    const village = demo.taohua;
    const f1 = { facilityId: newId(), name: '村口排水沟', kind: 'facility' as const, place: `${village}/g1` };
    const f2 = { facilityId: newId(), name: '文化广场', kind: 'public-space' as const, place: village };
    const projectId = newId();
    await handOver(village, [f1, f2], projectId);
    const cadreT = 'p-taohua-01';
    const spaces = await eventually(
      async () => {
        const r = await api.call(listSpacesRoute, { query: { village } }, { as: cadreT });
        const mine = r.body.items.filter((s: { spaceId: string }) => s.spaceId === f1.facilityId || s.spaceId === f2.facilityId);
        return mine.length === 2 ? mine : undefined;
      },
      20_000,
      'the facilities to be registered',
    );
    expect(spaces[0]).toMatchObject({ source: 'handed-over', projectId, capacity: 1, activeAdopters: 0 });
    const compactId = spaces[0]!.compactId!;
    expect(spaces[1]!.compactId).toBe(compactId);
    const compact = await api.call(getCompactRoute, { params: { compactId } }, { as: cadreT });
    expect(compact.body.compact).toMatchObject({ village, kind: 'maintenance' });
    expect(compact.body.versions[0]!.articles.length).toBeGreaterThan(0);

    // The same facility handed over again (another event) is not registered twice; a new one joins the same compact.
    const f3 = { facilityId: newId(), name: '健身器材', kind: 'facility' as const, place: `${village}/g2` };
    await handOver(village, [f1, f3]);
    const third = await eventually(
      async () => {
        const r = await api.call(listSpacesRoute, { query: { village } }, { as: cadreT });
        return r.body.items.find((s: { spaceId: string }) => s.spaceId === f3.facilityId);
      },
      20_000,
      'the third facility',
    );
    expect(third.compactId).toBe(compactId);
    const registered = await eventsEventually(
      'SpaceRegistered',
      (d) => [f1.facilityId, f2.facilityId, f3.facilityId].includes(d.spaceId),
      3,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(await busEvents('SpaceRegistered', (d) => d.spaceId === f1.facilityId)).toHaveLength(1);
    expect(registered[0].detail.data).toMatchObject({ source: 'handed-over', compactId });
    // A handed-over facility can be adopted like any space.
    expect(
      (await api.call(adoptSpaceRoute, { params: { spaceId: f2.facilityId }, body: { as: 'household' } }, { as: 'p-taohua-04' })).status,
    ).toBe(201);
  });

  it('use the maintenance compact the village already drafted', async () => {
    const village = demo.changsheng;
    const existing = await api.call(listCompactsRoute, { query: { village } }, { as: 'p-changsheng-01' });
    let compactId = existing.body.items.find((c: { kind: string }) => c.kind === 'maintenance')?.compactId;
    if (!compactId) {
      const d = await api.call(
        draftCompactRoute,
        { body: { village, kind: 'maintenance', title: '长胜村管护公约', articles: articles('m', { pointsDeduction: 2 }) } },
        { as: 'p-changsheng-01' },
      );
      compactId = d.body.compactId;
    }
    const f = { facilityId: newId(), name: '路灯', kind: 'facility' as const, place: `${village}/g1` };
    await handOver(village, [f]);
    const s = await eventually(
      async () => (await api.call(getSpaceRoute, { params: { spaceId: f.facilityId } }, { as: 'p-changsheng-01' })).body.space,
      20_000,
      'the facility',
    );
    expect(s.compactId).toBe(compactId);
  });
});
