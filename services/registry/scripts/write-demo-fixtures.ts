/**
 * Writes the demo province (packages/places/src/seed.ts) as the import files a province would load:
 * fixtures/demo-province/hubei/places.csv (the tree down to villages and communities, imported first) and, for each
 * village or community, places.csv, people.csv, properties.csv and memberships.csv under its own path.
 *
 * The seed has names and phones but no ID numbers or dates of birth: those are generated here, valid and
 * deterministic — every household head an adult, and a few grandchildren under 18 so voting age matters.
 *
 *   npx tsx services/registry/scripts/write-demo-fixtures.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BodyKind } from '@cocreate/contracts';
import { type Person } from '@cocreate/places';
import { demoSeed, PROVINCE } from '@cocreate/places/seed';
import { idCheckCharacter } from '../domain/import/id-number.ts';
import { bodyName, placeKindName, SHEETS, type SheetKind } from '../domain/import/sheets.ts';
import { DEMO_FIXTURES, FIXTURE_FILES } from '../fixtures/demo-province.ts';

/** The day the seed's bodies were elected (换届) and its owners' flats registered. */
const MEMBERSHIPS_FROM = '2026-01-01';
const OWNED_FROM = '2020-01-01';

/** Region codes (行政区划代码) of the demo counties, the first six digits of their residents' ID numbers. */
const REGION: Record<string, string> = { hongan: '421122', macheng: '421181' };
const FEMALE_GIVEN = new Set(['秀英', '桂兰', '丽', '小红', '玉梅', '淑芬', '春花', '红梅', '雪梅', '金凤']);
const sexOf = (name: string): 'male' | 'female' => (FEMALE_GIVEN.has(name.slice(1)) ? 'female' : 'male');

/** The titles of a body's first member and of the others (书记 and 委员…), as a clerk writes them in 职务. */
export const TITLES: Partial<Record<BodyKind, [string, string]>> = {
  'party-branch': ['书记', '委员'],
  'two-committees': ['主任', '委员'],
  'supervision-committee': ['主任', '委员'],
  'homeowners-committee': ['主任', '委员'],
  'sanitation-rating-group': ['组长', '组员'],
  'deliberation-council': ['会长', '成员'],
  'weddings-funerals-council': ['会长', '成员'],
  'anti-drug-gambling-council': ['会长', '成员'],
  'morality-review-council': ['会长', '成员'],
  'household-heads-council': ['会长', '成员'],
  'worthies-council': ['会长', '成员'],
};

const pad = (n: number) => String(n).padStart(2, '0');

interface Born {
  bornOn: string;
  relation: string;
}

/** Date of birth and relation to the head, from where the person sits in the seed (village, household, member). */
function birth(villageIndex: number, person: Person, head: Person | undefined): Born {
  const sex = sexOf(person.name);
  const m = /-(\d{2})(?:-(\d))?$/.exec(person.id);
  if (!m || !head) return { bornOn: `${1985 + (villageIndex % 10)}-0${1 + (villageIndex % 9)}-15`, relation: '其他' };
  const hh = Number(m[1]);
  const member = Number(m[2] ?? 0);
  const headYear = 1950 + ((hh * 7 + villageIndex * 5) % 26);
  const month = 1 + ((hh * 5 + villageIndex + member * 4) % 12);
  const day = 1 + ((hh * 11 + villageIndex * 3 + member * 9) % 28);
  const on = (year: number) => `${year}-${pad(month)}-${pad(day)}`;
  if (member === 0) return { bornOn: on(headYear), relation: '户主' };
  if (member === 1) {
    return sex !== sexOf(head.name)
      ? { bornOn: on(headYear + (hh % 5) - 2), relation: '配偶' }
      : { bornOn: on(headYear + 26), relation: sex === 'male' ? '子' : '女' };
  }
  // Households 2 and 8 of every village have a grandchild under 18 (born 2009–2015).
  if (hh === 2 || hh === 8) return { bornOn: on(2009 + ((villageIndex + hh) % 7)), relation: sex === 'male' ? '孙子' : '孙女' };
  return { bornOn: on(headYear + 28), relation: sex === 'male' ? '子' : '女' };
}

/**
 * A valid GB 11643 ID number: region code, date of birth, a sequence from `serial` (odd for men, even for women; 450
 * sequences a day and sex) and the ISO 7064 MOD 11-2 check character.
 */
export function idNumber(region: string, bornOn: string, serial: number, sex: 'male' | 'female'): string {
  const sequence = String(((serial % 450) + 10) * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `${region}${bornOn.replaceAll('-', '')}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** A roster sheet as the CSV Excel writes (UTF-8 with BOM, CRLF), the template's Chinese headers; rows by column key. */
export function rosterCsv(kind: SheetKind, rows: readonly Record<string, string | undefined>[]): string {
  const columns = SHEETS[kind].columns;
  const lines = [columns.map((c) => c.zh), ...rows.map((r) => columns.map((c) => r[c.key] ?? ''))].map((cells) =>
    cells.map(quote).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function writeCsv(file: string, kind: SheetKind, rows: readonly Record<string, string | undefined>[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, rosterCsv(kind, rows));
}

/** A path relative to an import's scope, as the sheets write it (`.` for the scope itself). */
export const relative = (path: string, scope: string) => (path === scope ? '.' : path.slice(scope.length + 1));

function main(): void {
  rmSync(DEMO_FIXTURES, { recursive: true, force: true });
  const villages = demoSeed.places.filter((p) => p.kind === 'village' || p.kind === 'community');
  const upper = demoSeed.places.filter((p) => p.path.split('/').length <= villages[0]!.path.split('/').length);
  writeCsv(
    join(DEMO_FIXTURES, PROVINCE, FIXTURE_FILES.places),
    'places',
    upper.map((p) => ({ path: relative(p.path, PROVINCE), kind: placeKindName(p.kind), zh: p.name.zh, en: p.name.en })),
  );

  const ids = new Set<string>();
  villages.forEach((village, vi) => {
    const dir = join(DEMO_FIXTURES, village.path);
    const region = REGION[village.path.split('/')[2]!]!;
    const inside = demoSeed.places.filter((p) => p.path.startsWith(`${village.path}/`));
    writeCsv(
      join(dir, FIXTURE_FILES.places),
      'places',
      inside.map((p) => ({ path: relative(p.path, village.path), kind: placeKindName(p.kind), zh: p.name.zh, en: p.name.en })),
    );

    const households = demoSeed.households.filter((h) => h.village === village.path);
    // The seed keeps its grid worker outside the households (at g1/h01, a path its community lacks); the register
    // seats every person in one household, so the grid worker joins the first one as 其他.
    const firstHousehold = households[0]!.path;
    const people = demoSeed.people.filter((p) => p.village === village.path);
    const headOf = (p: Person) => demoSeed.people.find((h) => h.id === demoSeed.households.find((x) => x.members.includes(p.id))?.head);
    writeCsv(
      join(dir, FIXTURE_FILES.people),
      'people',
      people.map((p, i) => {
        const { bornOn, relation } = birth(vi, p, headOf(p));
        const sex = sexOf(p.name);
        const id = idNumber(region, bornOn, vi * 50 + i, sex);
        if (ids.has(id)) throw new Error(`two people with ID number ${id}`);
        ids.add(id);
        const household = households.some((h) => h.members.includes(p.id)) ? p.household : firstHousehold;
        return {
          person: p.id,
          fullName: p.name,
          idNumber: id,
          sex: sex === 'male' ? '男' : '女',
          bornOn,
          phone: p.phone,
          household: relative(household, village.path),
          relation,
          resident: p.roles.includes('resident') ? '是' : '否',
          partyMember: p.roles.includes('party-member') ? '是' : '否',
        };
      }),
    );

    const owned = households.flatMap((h) =>
      h.owners.map((o) => ({
        path: relative(h.path, village.path),
        ownerPerson: o.person,
        ownerName: demoSeed.people.find((p) => p.id === o.person)!.name,
        area: String(o.area),
        from: OWNED_FROM,
      })),
    );
    if (owned.length > 0) writeCsv(join(dir, FIXTURE_FILES.properties), 'properties', owned);

    const members = demoSeed.bodies
      .filter((b) => b.village === village.path)
      .flatMap((b) =>
        b.members.map((id, i) => {
          const person = demoSeed.people.find((p) => p.id === id)!;
          const titles = TITLES[b.kind];
          const title = b.kind === 'two-committees' && person.roles.includes('treasurer') ? '委员（报账员）' : titles?.[i === 0 ? 0 : 1];
          return { body: bodyName(b.kind), person: id, fullName: person.name, title, from: MEMBERSHIPS_FROM };
        }),
      );
    writeCsv(join(dir, FIXTURE_FILES.memberships), 'memberships', members);
  });
  console.log(`wrote ${villages.length + 1} scopes, ${ids.size} people, under ${DEMO_FIXTURES}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
