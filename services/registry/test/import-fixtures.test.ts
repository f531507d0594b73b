import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PersonState } from '@cocreate/contracts';
import { demoSeed } from '@cocreate/places/seed';
import { planImport } from '../domain/import/plan.ts';
import { readRoster, type Roster } from '../domain/import/read.ts';
import { type PersonRecord } from '../domain/model.ts';
import { demoProvinceFixtures } from '../fixtures/demo-province.ts';
import { MemoryRegister, planOptions, readFiles } from './import-register.ts';

const fixtures = demoProvinceFixtures();
const villagePaths = demoSeed.places.filter((p) => p.kind === 'village' || p.kind === 'community').map((p) => p.path);

async function loadAll(): Promise<{ register: MemoryRegister; rosters: Map<string, Roster> }> {
  const register = new MemoryRegister();
  const rosters = new Map<string, Roster>();
  const options = planOptions();
  for (const { scope, files } of fixtures) {
    const roster = await readFiles(files);
    rosters.set(scope, roster);
    const plan = planImport(scope, register.slice(scope), roster, options);
    expect(plan.report.problems, scope).toEqual([]);
    expect(plan.report.ok).toBe(true);
    register.apply(plan.changes);
  }
  return { register, rosters };
}

describe('the demo province as import files', () => {
  it('lists the province first, then every village and community', () => {
    expect(fixtures[0]!.scope).toBe('hubei');
    expect(
      fixtures
        .slice(1)
        .map((f) => f.scope)
        .sort(),
    ).toEqual([...villagePaths].sort());
  });

  it('imported scope by scope into an empty register, gives exactly the seed', async () => {
    const { register } = await loadAll();
    const sortBy = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

    expect(sortBy([...register.places.values()], (p) => p.path).map(({ path, kind, name }) => ({ path, kind, name }))).toEqual(
      sortBy(demoSeed.places, (p) => p.path),
    );

    const grid = (id: string) => id.endsWith('-grid');
    expect(
      sortBy([...register.people.values()], (p) => p.person).map((p) => ({
        id: p.person,
        name: p.fullName,
        phone: p.phone,
        village: p.village,
        partyMember: p.partyMember,
      })),
    ).toEqual(
      sortBy(demoSeed.people, (p) => p.id).map((p) => ({
        id: p.id,
        name: p.name,
        phone: p.phone,
        village: p.village,
        partyMember: p.roles.includes('party-member'),
      })),
    );
    for (const p of demoSeed.people.filter((p) => !grid(p.id))) expect(register.people.get(p.id)!.household).toBe(p.household);

    // The seed's grid worker sits outside every household; the register seats them in the village's first household.
    const households = sortBy([...register.households.values()], (h) => h.path);
    expect(
      households.map(({ path, village, head, members }) => ({ path, village, head, members: members.filter((m) => !grid(m)) })),
    ).toEqual(sortBy(demoSeed.households, (h) => h.path).map(({ path, village, head, members }) => ({ path, village, head, members })));
    for (const village of villagePaths) {
      const first = demoSeed.households.find((h) => h.village === village)!.path;
      expect(register.households.get(first)!.members).toContain(`p-${village.split('/').at(-1)}-grid`);
    }

    expect(
      sortBy([...register.properties.values()], (p) => p.path).map((p) => ({
        path: p.path,
        owners: p.owners.map(({ person, area }) => ({ person, area })),
      })),
    ).toEqual(
      sortBy(
        demoSeed.households.filter((h) => h.owners.length > 0),
        (h) => h.path,
      ).map((h) => ({ path: h.path, owners: h.owners })),
    );

    const bodies = new Map<string, string[]>();
    for (const m of register.memberships.values()) {
      expect(m).toMatchObject({ from: '2026-01-01' });
      expect(m.until).toBeUndefined();
      bodies.set(`${m.village}|${m.body}`, [...(bodies.get(`${m.village}|${m.body}`) ?? []), m.person].sort());
    }
    expect(bodies).toEqual(new Map(demoSeed.bodies.map((b) => [`${b.village}|${b.kind}`, [...b.members].sort()])));
  });

  it('has an adult at the head of every household and a few children under 18 among the members', async () => {
    const { register } = await loadAll();
    const today = '2026-12-01';
    for (const h of register.households.values()) expect(register.people.get(h.head)!.votingAgeFrom! <= today).toBe(true);
    const minors = [...register.people.values()].filter((p) => p.votingAgeFrom! > today);
    expect(minors.length).toBeGreaterThanOrEqual(10);
    expect(minors.every((p) => /-\d$/.test(p.person))).toBe(true);
  });

  it('re-planned against the register it produced, changes nothing', async () => {
    const { register, rosters } = await loadAll();
    for (const { scope } of fixtures) {
      const plan = planImport(scope, register.slice(scope), rosters.get(scope)!, planOptions());
      expect(plan.changes, scope).toEqual([]);
      expect(plan.report.left).toEqual([]);
      for (const s of Object.values(plan.summary)) expect(s.added + s.changed + s.left).toBe(0);
    }
  });
});

describe('an edited village roster', () => {
  it('plans exactly its differences: one person moved, one area changed, one member resigned', async () => {
    const { register } = await loadAll();
    const xingfu = fixtures.find((f) => f.scope.endsWith('/xingfu'))!;
    const edit = (file: string, from: RegExp, to: string) => {
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(from);
      return { name: basename(file), bytes: new TextEncoder().encode(text.replace(from, to)) };
    };
    const [places, people, properties, memberships] = xingfu.files;
    const read = await readRoster([
      { name: 'places.csv', bytes: readFileSync(places!) },
      edit(people!, /^(p-xingfu-05-1,.*?),c1\/h05,配偶,/m, '$1,c2/h09,其他,'),
      edit(properties!, /^c1\/h03,(.*?),88\.4,/m, 'c1/h03,$1,90.1,'),
      edit(memberships!, /^(村务监督委员会,p-xingfu-11,.*?,2026-01-01),,$/m, '$1,2027-03-01,辞职'),
    ]);
    expect(read.ok).toBe(true);
    const plan = planImport(xingfu.scope, register.slice(xingfu.scope), read.ok ? read.roster : {}, planOptions());
    expect(plan.report).toEqual({ ok: true, problems: [], left: [] });

    const v = xingfu.scope;
    const was = (id: string) => register.people.get(id)!;
    const household = (path: string) => register.households.get(`${v}/${path}`)!;
    const moved = plan.changes.filter((c) => c.change.type === 'PersonMoved');
    expect(moved.map((c) => c.change.state)).toEqual([
      { ...publicOf(was('p-xingfu-05-1')), household: `${v}/c2/h09`, fromHousehold: `${v}/c1/h05`, revision: 2 },
    ]);
    expect(moved[0]!.private).toMatchObject({ fullName: was('p-xingfu-05-1').fullName, phone: was('p-xingfu-05-1').phone });
    expect(plan.changes.filter((c) => c.change.type === 'HouseholdChanged').map((c) => c.change.state)).toEqual([
      { ...household('c1/h05'), members: ['p-xingfu-05', 'p-xingfu-05-2'], revision: 2 },
      { ...household('c2/h09'), members: ['p-xingfu-09', 'p-xingfu-05-1'], revision: 2 },
    ]);
    expect(plan.changes.filter((c) => c.change.type === 'OwnershipChanged').map((c) => c.change.state)).toEqual([
      { path: `${v}/c1/h03`, village: v, owners: [{ person: 'p-xingfu-03', area: 90.1, from: '2020-01-01' }], revision: 2 },
    ]);
    const ended = [...register.memberships.values()].find((m) => m.body === 'supervision-committee' && m.person === 'p-xingfu-11')!;
    expect(plan.changes.filter((c) => c.change.type.startsWith('Membership')).map((c) => c.change.state)).toEqual([
      { ...ended, until: '2027-03-01', reason: 'resigned', revision: 2 },
    ]);
    expect(plan.changes).toHaveLength(5);
    expect(plan.summary).toEqual({
      places: { added: 0, changed: 0, unchanged: 14, left: 0 },
      people: { added: 0, changed: 1, unchanged: 24, left: 0 },
      households: { added: 0, changed: 2, unchanged: 10, left: 0 },
      properties: { added: 0, changed: 1, unchanged: 11, left: 0 },
      memberships: { added: 0, changed: 1, unchanged: memberCount(register, v) - 1, left: 0 },
    });
  });
});

function publicOf(p: PersonRecord): PersonState {
  const { fullName: _n, phone: _p, idCipher: _c, idHash: _h, bornOn: _b, sex: _s, ...state } = p;
  return state;
}

const memberCount = (register: MemoryRegister, village: string) =>
  [...register.memberships.values()].filter((m) => m.village === village).length;
