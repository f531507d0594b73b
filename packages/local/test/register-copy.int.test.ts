import { describe, expect, it } from 'vitest';
import type { MembershipState, PlaceState, RegisterChange } from '@cocreate/contracts';
import { applyToCopy, registerFromCopy } from '@cocreate/kernel';
import { type BodyKind, registerOf } from '@cocreate/places';
import { demo, demoSeed } from '@cocreate/places/seed';
import { demoRegisterChanges } from '../src/demo-register.ts';
import { fixtureRuntime } from './fixture.ts';

/** A service's copy of the register, on the real DynamoDB Local, asked the questions services ask. */
async function copyOf(changes: RegisterChange[], scope: 'places' | 'everything' = 'everything', day = '2026-06-01') {
  const { rt } = await fixtureRuntime();
  await applyToCopy(rt.table, changes, scope);
  return { table: rt.table, read: () => registerFromCopy(rt.table, () => day) };
}

const membership = (m: Pick<MembershipState, 'membershipId' | 'person' | 'from' | 'revision'>): RegisterChange => ({
  type: 'MembershipStarted',
  state: { village: demo.majiaqiao, body: 'supervision-committee', ...m },
});

describe('a service’s copy of the register', () => {
  it('answers every question exactly as the register it was fed from', async () => {
    const { read } = await copyOf(demoRegisterChanges());
    const copy = read();
    const source = registerOf(demoSeed);
    for (const scope of [demo.province, demo.hongan, demo.qiliping]) {
      for (const kind of ['county', 'township', 'village', 'community', 'household'] as const) {
        expect((await copy.within(scope, kind)).map((p) => p.path).sort(), `${kind} in ${scope}`).toEqual(
          (await source.within(scope, kind)).map((p) => p.path).sort(),
        );
      }
    }
    for (const village of [demo.majiaqiao, demo.xingfu, demo.shifeng]) {
      expect(await copy.place(village)).toEqual(await source.place(village));
      expect(await copy.children(village)).toEqual(expect.arrayContaining(await source.children(village)));
      expect((await copy.households(village)).sort((a, b) => a.path.localeCompare(b.path))).toEqual(
        (await source.households(village)).sort((a, b) => a.path.localeCompare(b.path)),
      );
      expect(await copy.owners(village)).toEqual(expect.arrayContaining(await source.owners(village)));
      for (const kind of ['two-committees', 'supervision-committee', 'representatives-assembly', 'homeowners-committee'] as BodyKind[]) {
        const [a, b] = [await copy.body(village, kind), await source.body(village, kind)];
        expect(a && { ...a, members: [...a.members].sort() }, `${kind} of ${village}`).toEqual(
          b && { ...b, members: [...b.members].sort() },
        );
      }
    }
    for (const h of demoSeed.households.filter((h) => h.village === demo.xingfu || h.village === demo.majiaqiao)) {
      expect(await copy.household(h.path)).toEqual(await source.household(h.path));
    }
    expect(await copy.household(`${demo.majiaqiao}/g1/h99`)).toBeUndefined();
    for (const p of demoSeed.people.slice(0, 40)) {
      expect(await copy.person(p.id)).toEqual(await source.person(p.id));
      expect(await copy.villageOf(p.household)).toEqual(await source.villageOf(p.household));
    }
    expect(await copy.person('p-nobody')).toBeUndefined();
    expect(await copy.place(`${demo.majiaqiao}/g9`)).toBeUndefined();
  });

  it('keeps the highest revision whatever order changes arrive in, and a repeat changes nothing', async () => {
    const place = (name: string, revision: number): RegisterChange => ({
      type: revision === 1 ? 'PlaceRegistered' : 'PlaceRenamed',
      state: { path: demo.majiaqiao, kind: 'village', name: { zh: name, en: name }, revision } satisfies PlaceState,
    });
    const { table, read } = await copyOf([place('三', 3), place('一', 1)]);
    await applyToCopy(table, [place('二', 2), place('三', 3)], 'everything');
    expect((await read().place(demo.majiaqiao))?.name.zh).toBe('三');
  });

  it('answers who sat on a body on a given day: an election mid-year changes the members from that day', async () => {
    const [a, b, c] = ['01JD7Z8Q9W3V4X5Y6Z7A8B9C01', '01JD7Z8Q9W3V4X5Y6Z7A8B9C02', '01JD7Z8Q9W3V4X5Y6Z7A8B9C03'];
    const changes = [
      membership({ membershipId: a, person: 'p-majiaqiao-10', from: '2026-01-01', revision: 1 }),
      membership({ membershipId: b, person: 'p-majiaqiao-11', from: '2026-01-01', revision: 1 }),
      // 换届: 11's term ends on 2026-07-01 and 12 is elected from that day; the end arrives before the start.
      {
        type: 'MembershipEnded',
        state: {
          membershipId: b,
          village: demo.majiaqiao,
          body: 'supervision-committee',
          person: 'p-majiaqiao-11',
          from: '2026-01-01',
          until: '2026-07-01',
          reason: 'term-ended',
          revision: 2,
        },
      },
      membership({ membershipId: c, person: 'p-majiaqiao-12', from: '2026-07-01', revision: 1 }),
      membership({ membershipId: b, person: 'p-majiaqiao-11', from: '2026-01-01', revision: 1 }),
    ] as RegisterChange[];
    const { read } = await copyOf(changes);
    const copy = read();
    expect((await copy.body(demo.majiaqiao, 'supervision-committee', '2026-06-30'))?.members).toEqual(['p-majiaqiao-10', 'p-majiaqiao-11']);
    expect((await copy.body(demo.majiaqiao, 'supervision-committee', '2026-07-01'))?.members).toEqual(['p-majiaqiao-10', 'p-majiaqiao-12']);
    expect(await copy.isMember(demo.majiaqiao, 'supervision-committee', 'p-majiaqiao-11', '2026-06-30')).toBe(true);
    expect(await copy.isMember(demo.majiaqiao, 'supervision-committee', 'p-majiaqiao-11', '2026-07-01')).toBe(false);
    // Without a day: today (2026-06-01 here).
    expect(await copy.isMember(demo.majiaqiao, 'supervision-committee', 'p-majiaqiao-12')).toBe(false);
    expect(await copy.body(demo.majiaqiao, 'two-committees')).toBeUndefined();
  });

  it('answers owners and their areas on a day: a sale moves the area from the seller to the buyer', async () => {
    const flat = `${demo.xingfu}/c1/h03`;
    const { read } = await copyOf([
      ...demoRegisterChanges().filter((c) => c.type === 'PlaceRegistered'),
      {
        type: 'OwnershipChanged',
        state: {
          path: flat,
          village: demo.xingfu,
          owners: [
            { person: 'p-xingfu-03', area: 88.4, from: '2020-01-01', until: '2026-09-01' },
            { person: 'p-xingfu-05', area: 88.4, from: '2026-09-01' },
          ],
          revision: 2,
        },
      },
    ]);
    const copy = read();
    expect(await copy.owners(demo.xingfu, '2026-08-31')).toEqual([{ person: 'p-xingfu-03', household: flat, area: 88.4 }]);
    expect(await copy.owners(`${demo.xingfu}/c1`, '2026-09-01')).toEqual([{ person: 'p-xingfu-05', household: flat, area: 88.4 }]);
    expect(await copy.owners(`${demo.xingfu}/c2`, '2026-09-01')).toEqual([]);
  });

  it('keeps retired places for the records that point at them, but lists only places still in use', async () => {
    const changes = demoRegisterChanges().filter((c) => c.type === 'PlaceRegistered');
    const { table, read } = await copyOf(changes, 'places');
    await applyToCopy(
      table,
      [
        {
          type: 'PlaceRetired',
          state: {
            path: demo.changsheng,
            kind: 'village',
            name: { zh: '长胜村', en: 'Changsheng Village' },
            retired: { on: '2026-05-01', mergedInto: demo.majiaqiao },
            revision: 2,
          },
        },
      ],
      'places',
    );
    const copy = read();
    expect((await copy.place(demo.changsheng))?.retired).toEqual({ on: '2026-05-01', mergedInto: demo.majiaqiao });
    expect((await copy.within(demo.qiliping, 'village')).map((p) => p.path)).not.toContain(demo.changsheng);
    expect((await copy.within(demo.qiliping, 'village')).map((p) => p.path)).toContain(demo.majiaqiao);
  });

  it('keeps only the place tree when that is all a service needs', async () => {
    const { read } = await copyOf(demoRegisterChanges(), 'places');
    const copy = read();
    expect(await copy.place(demo.majiaqiao)).toBeDefined();
    expect(await copy.person('p-majiaqiao-01')).toBeUndefined();
    expect(await copy.households(demo.majiaqiao)).toEqual([]);
  });
});
