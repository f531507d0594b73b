import { describe, expect, it } from 'vitest';
import type { MembershipState, PersonState, PlaceState, RegisterChange } from '@cocreate/contracts';
import { applyToCopy, createEventHandler, defineService, registerFromCopy } from '@cocreate/kernel';
import { type BodyKind, registerOf } from '@cocreate/places';
import { demo, demoSeed } from '@cocreate/places/seed';
import { demoRegisterChanges } from '../src/demo-register.ts';
import { lambdaContext } from '../src/lambda-context.ts';
import { busEvent, fixtureManifest, fixtureRuntime } from './fixture.ts';

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

describe('the register-copy consumer', () => {
  const village = (name: string, revision: number): RegisterChange => ({
    type: revision === 1 ? 'PlaceRegistered' : 'PlaceRenamed',
    state: { path: demo.majiaqiao, kind: 'village', name: { zh: name, en: name }, revision } satisfies PlaceState,
  });
  const person = (id: string, revision: number): RegisterChange => ({
    type: 'PersonRegistered',
    state: {
      person: id,
      maskedName: '王*明',
      household: `${demo.majiaqiao}/g1/h01`,
      village: demo.majiaqiao,
      partyMember: false,
      resident: true,
      revision,
    } as PersonState,
  });
  let parts = 0;
  /** A `RegisterImported` part as the bus hands it to the copy's event function. */
  const part = (changes: RegisterChange[]) => {
    const id = `01JDPART00000000000000${String(++parts).padStart(4, '0')}`;
    return {
      subscription: 'register-copy',
      event: busEvent(
        { id, type: 'RegisterImported', source: 'cocreate.registry', place: demo.majiaqiao, sub: 'ops' },
        { importId: '01JDXMPRT00000000000000001', scope: demo.majiaqiao, part: parts, parts: 99, changes },
      ),
    };
  };

  /** A service that keeps the register, its consumer, and the DynamoDB calls its table receives. */
  async function keeper() {
    const manifest = defineService({ ...fixtureManifest, keepsRegister: 'everything' });
    const { rt } = await fixtureRuntime('fixture-bus', undefined, { manifest });
    const calls: string[] = [];
    rt.doc.middlewareStack.add(
      (next, context) => async (args) => {
        calls.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name: 'countCalls' },
    );
    const handle = createEventHandler(rt);
    return {
      rt,
      calls,
      deliver: (input: ReturnType<typeof part>) => handle(input, lambdaContext('copy')),
      read: () => registerFromCopy(rt.table, () => '2026-06-01'),
    };
  }

  it('applies a part and its processed marker in one transaction', async () => {
    const k = await keeper();
    expect(await k.deliver(part([village('一', 1), person('p-a', 1), person('p-b', 1)]))).toBe('applied');
    // One transaction: no read of the marker first, no put of its own per thing.
    expect(k.calls).toEqual(['TransactWriteItemsCommand']);
    expect((await k.read().place(demo.majiaqiao))?.name.zh).toBe('一');
    expect(await k.read().person('p-b')).toMatchObject({ id: 'p-b', village: demo.majiaqiao });
  });

  it('a stale part does not overwrite a newer revision: the one transaction is refused, the part is kept thing by thing', async () => {
    const k = await keeper();
    expect(await k.deliver(part([village('三', 3), person('p-a', 2)]))).toBe('applied');
    // Late and older: the village at 2 and p-a at 1 are stale, p-c is new.
    const late = part([village('二', 2), person('p-a', 1), person('p-c', 1)]);
    k.calls.length = 0;
    expect(await k.deliver(late)).toBe('applied');
    // The one transaction was tried and cancelled by the newer revisions; the retry kept the part thing by thing.
    expect(k.calls.slice(0, 2)).toEqual(['TransactWriteItemsCommand', 'TransactWriteItemsCommand']);
    expect(k.calls.filter((c) => c === 'PutItemCommand')).toHaveLength(3);
    expect(k.calls.at(-1)).toBe('TransactWriteItemsCommand');
    const copy = k.read();
    expect((await copy.place(demo.majiaqiao))?.name.zh).toBe('三');
    expect((await k.rt.table.get({ pk: 'REG#PERSON#p-a', sk: 'P' }))?.rev).toBe(2);
    expect(await copy.person('p-c')).toMatchObject({ id: 'p-c' });
    // Its marker was written: delivered again, it is a duplicate (told by the refused commit) and changes nothing.
    k.calls.length = 0;
    expect(await k.deliver(late)).toBe('duplicate');
    expect(k.calls).toEqual(['TransactWriteItemsCommand']);
    expect((await k.read().place(demo.majiaqiao))?.name.zh).toBe('三');
  });

  it('ends with the same copy whatever order parts arrive in, each applied once', async () => {
    const a = part([village('一', 1), person('p-a', 1)]);
    const b = part([village('二', 2), person('p-a', 2), person('p-b', 1)]);
    const c = part([person('p-b', 3), village('三', 3)]);
    const states = [];
    for (const order of [
      [a, b, c],
      [c, b, a],
      [b, c, a, b],
    ]) {
      const k = await keeper();
      const outcomes = [];
      for (const p of order) outcomes.push(await k.deliver(p));
      expect(outcomes.slice(0, 3)).toEqual(['applied', 'applied', 'applied']);
      if (order.length > 3) expect(outcomes[3]).toBe('duplicate');
      const items = await Promise.all(
        [
          { pk: `REG#KIDS#${demo.qiliping}`, sk: demo.majiaqiao },
          { pk: 'REG#PERSON#p-a', sk: 'P' },
          { pk: 'REG#PERSON#p-b', sk: 'P' },
        ].map((key) => k.rt.table.get(key)),
      );
      states.push(items.map((i) => i?.rev));
    }
    expect(states).toEqual([
      [3, 2, 3],
      [3, 2, 3],
      [3, 2, 3],
    ]);
  });
});
