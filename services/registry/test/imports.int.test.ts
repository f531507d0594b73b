import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURES, demoProvinceFixtures } from '../fixtures/demo-province.ts';
import { importRosters } from '../import-client.ts';
import type { RouteBody } from '@cocreate/local/testing';
import { api, busEvents, idNumber, settle } from './support.ts';
import { applyRoute, createImportRoute, dryRunRoute, getImportRoute } from '../handlers/imports.ts';
import { bodyMembersRoute } from '../handlers/memberships.ts';
import { getHouseholdRoute, getPersonRoute, listPeopleRoute } from '../handlers/people.ts';
import { getPlaceRoute, registerPlaceRoute, renamePlaceRoute } from '../handlers/places.ts';

/**
 * Roster imports through the HTTP API on the local stack: upload by presigned URL, dry run, apply by the import
 * job. The demo province is imported first (as the local stack will load it), then edited, broken and enlarged.
 */
const PROVINCE = 'hubei';
const QILIPING = 'hubei/huanggang/hongan/qiliping';
const MAJIAQIAO = `${QILIPING}/majiaqiao`;
const ZHANGJIAWAN = `${QILIPING}/zhangjiawan`;
const ops = api.official('ops-hubei', 'ops-admin', PROVINCE);
const township = api.official('township-qiliping', 'township-official', QILIPING);
const cadreOf = (village: string) => api.official(`cadre-${village.split('/').pop()}`, 'cadre', village);
const cadre = cadreOf(MAJIAQIAO);
const tokenFor = (scope: string) => api.token(scope === PROVINCE ? ops : cadreOf(scope));
const fixture = (scope: string, file: string) => readFileSync(join(DEMO_FIXTURES, scope, file), 'utf8');

type Caller = typeof cadre;
type ImportFile = RouteBody<typeof createImportRoute>['files'][number];
interface Upload {
  name: string;
  body: string | Uint8Array;
  contentType?: ImportFile['contentType'];
}

/** Creates an import and uploads its files to the presigned URLs; answers the import id. */
async function upload(scope: string, files: Upload[], as: Caller = cadre): Promise<string> {
  const created = await api.call(
    createImportRoute,
    { body: { scope, files: files.map((f) => ({ name: f.name, contentType: f.contentType ?? 'text/csv' })) } },
    { as },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body).toMatchObject({ scope, status: 'awaiting-upload' });
  await Promise.all(
    created.body.uploads.map(async (u: { url: string; headers: Record<string, string> }, i: number) => {
      const res = await fetch(u.url, { method: 'PUT', headers: u.headers, body: files[i]!.body });
      expect(res.status).toBe(200);
    }),
  );
  return created.body.importId;
}

const dryRun = (id: string, as: Caller = cadre, lang: 'en' | 'zh-CN' = 'en') => api.call(dryRunRoute, { params: { id } }, { as, lang });
const apply = (id: string, as: Caller = cadre) => api.call(applyRoute, { params: { id } }, { as });
const status = (id: string, as: Caller = cadre, lang: 'en' | 'zh-CN' = 'en') => api.call(getImportRoute, { params: { id } }, { as, lang });

/** Runs the import job until the import is applied (or failed). */
async function applied(id: string, as: Caller = cadre) {
  for (let i = 0; i < 600; i++) {
    await api.post('/_local/jobs/registry/apply-imports', undefined);
    const now = await status(id, as);
    if (now.body.status !== 'applying') return now.body;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`import ${id} never finished`);
}

const importEvents = (importId: string) => busEvents('RegisterImported', (d) => d.importId === importId);

/** Waits until `parts` parts of an import are on the bus (the outbox relay publishes after each chunk's commit). */
async function publishedParts(importId: string, parts: number, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await importEvents(importId);
    if (found.length >= parts || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}
const allImportEvents = async () => (await busEvents('RegisterImported')).length;

/** The stack imported the demo province through this API at start (every reset restores what it left); again, it plans nothing. */
let again: Awaited<ReturnType<typeof importRosters>> = [];
beforeAll(async () => {
  const started = performance.now();
  again = await importRosters(demoProvinceFixtures(), { baseUrl: api.url, token: tokenFor, runJob: true });
  console.log(`demo province: ${again.length} scopes imported again through the API in ${Math.round(performance.now() - started)} ms`);
  await settle();
}, 600_000);

describe('the demo province through the import API', () => {
  it('imported every scope, the province before its villages: the tree, households, people and bodies are in the register', async () => {
    expect(again.map((r) => r.scope).sort()).toEqual(
      demoProvinceFixtures()
        .map((f) => f.scope)
        .sort(),
    );
    for (const r of again) {
      for (const section of Object.values(r.summary)) expect(section, r.scope).toMatchObject({ added: 0, changed: 0 });
    }
    const village = await api.call(getPlaceRoute, { query: { path: MAJIAQIAO } }, { as: cadre });
    expect(village.body).toMatchObject({ path: MAJIAQIAO, kind: 'village', revision: 1 });
    expect(village.body.children.map((c: { path: string }) => c.path)).toContain(`${MAJIAQIAO}/g1`);
    const people = await api.call(listPeopleRoute, { query: { village: MAJIAQIAO } }, { as: cadre });
    expect(people.body.items.length).toBeGreaterThan(20);
    expect(people.body.items[0]!.maskedName).toMatch(/\*/);
    const secretary = await api.call(bodyMembersRoute, { query: { village: MAJIAQIAO, body: 'party-branch' } }, { as: cadre });
    expect(secretary.body.members.map((m: { person: string }) => m.person)).toContain('p-majiaqiao-01');
  });

  it('re-importing the same files plans nothing: apply changes nothing and publishes nothing', async () => {
    const before = await allImportEvents();
    const files = ['places.csv', 'people.csv', 'memberships.csv'].map((name) => ({ name, body: fixture(MAJIAQIAO, name) }));
    const id = await upload(MAJIAQIAO, files);
    const dry = await dryRun(id);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ status: 'dry-run-clean', report: { ok: true, problemCount: 0 }, progress: { total: 0 } });
    for (const section of Object.values(dry.body.summary!)) expect(section).toMatchObject({ added: 0, changed: 0 });
    expect(dry.body.summary!.people.unchanged).toBeGreaterThan(20);
    const done = await apply(id);
    expect(done).toMatchObject({ status: 202, body: { status: 'applied' } });
    await settle();
    expect(await importEvents(id)).toEqual([]);
    expect(await allImportEvents()).toBe(before);
  });

  it('an edited file applies exactly its differences and reports them', async () => {
    const people = fixture(MAJIAQIAO, 'people.csv')
      .replace('13810023757', '13900000000')
      .concat(`,王小明,${idNumber('2001-03-04', '013', '421122')},男,,,g1/h01,子,是,否\r\n`);
    const id = await upload(MAJIAQIAO, [{ name: 'people.csv', body: people }]);
    const dry = await dryRun(id);
    expect(dry.body).toMatchObject({
      status: 'dry-run-clean',
      summary: { people: { added: 1, changed: 1 }, households: { added: 0, changed: 1 } },
      progress: { done: 0, total: 3 },
    });
    expect((await apply(id)).status).toBe(202);
    expect(await applied(id)).toMatchObject({ status: 'applied', progress: { done: 3, total: 3, partsDone: 1, parts: 1 } });
    const parts = await publishedParts(id, 1);
    expect(parts).toHaveLength(1);
    // People in the sheet's row order, then their households.
    expect(parts[0].data.changes.map((c: { type: string }) => c.type)).toEqual(['PersonChanged', 'PersonRegistered', 'HouseholdChanged']);
    const changed = parts[0].data.changes[0].state;
    expect(changed).toMatchObject({ person: 'p-majiaqiao-02', revision: 2 });
    // No ID number, full name or phone is on any event.
    expect(parts.every((p) => p.data.changes.length <= 100)).toBe(true);
    expect(JSON.stringify(parts)).not.toMatch(/王小明|13900000000|42112220010304013/);
    const record = await api.call(getPersonRoute, { params: { personId: 'p-majiaqiao-02' } }, { as: cadre });
    expect(record.body).toMatchObject({ maskedPhone: '139****0000', revision: 2 });
    const household = await api.call(getHouseholdRoute, { query: { path: `${MAJIAQIAO}/g1/h01` } }, { as: cadre });
    expect(household.body.people.map((p: { maskedName: string }) => p.maskedName)).toContain('王*明');
  });
});

describe('the dry-run report', () => {
  const header = '人员编号,姓名,身份证号,性别,出生日期,联系电话,户,与户主关系,是否常住,是否党员';
  const twin = idNumber('1991-02-02', '021', '421122');
  const people = [
    header,
    `,测试一,421122195706120204,,,,g1/h01,户主,是,否`, // line 2: check character wrong
    `,测试二,${idNumber('1990-01-01', '011', '421122')},,,,g9/h99,户主,是,否`, // line 3: no such household
    `,测试三,${twin},,,,g1/h02,户主,是,否`,
    `,测试四,${twin},,,,g1/h03,户主,是,否`, // line 5: the same person as line 3
  ].join('\r\n');
  const properties = [
    '房屋编码,业主人员编号,业主身份证号,业主姓名,专有部分面积,起始日期,截止日期',
    'g1/h01,p-majiaqiao-01,,,八十平方,2026-01-01,',
  ].join('\r\n');
  let id: string;

  beforeAll(async () => {
    id = await upload(MAJIAQIAO, [
      { name: '人口.csv', body: people },
      { name: '房屋.csv', body: properties },
    ]);
  });

  it('lists every bad row with sheet, line, column and reason, in English and Chinese; nothing is planned or written', async () => {
    const before = await allImportEvents();
    const en = await dryRun(id, cadre, 'en');
    expect(en.status).toBe(200);
    expect(en.body).toMatchObject({ status: 'invalid', report: { ok: false } });
    const problems = en.body.report!.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: 'people',
          sheetName: '人口.csv',
          line: 2,
          column: '身份证号',
          reason: 'id-number-check-digit',
          message: expect.stringMatching(/check character/),
        }),
        expect.objectContaining({
          sheet: 'people',
          line: 3,
          column: '户',
          reason: 'unknown-household',
          message: expect.stringMatching(/neither in the places sheet/),
        }),
        expect.objectContaining({
          sheet: 'people',
          line: 5,
          column: '身份证号',
          reason: 'duplicate-person',
          message: 'The same person as line 4 (same ID number)',
        }),
        expect.objectContaining({ sheet: 'properties', sheetName: '房屋.csv', line: 2, column: '专有部分面积', reason: 'bad-area' }),
      ]),
    );
    expect(en.body.report!.problemCount).toBe(problems.length);
    const zh = await status(id, cadre, 'zh-CN');
    expect(zh.body.report!.problems.find((p: { reason: string }) => p.reason === 'duplicate-person')!.message).toBe(
      '与第 4 行是同一人（身份证号相同）',
    );
    expect(zh.body.report!.problems.find((p: { reason: string }) => p.reason === 'bad-area')!.message).toMatch(/面积应为大于 0 的数字/);
    // An import with wrong rows cannot be applied, and nothing reached the register or the bus.
    expect(await apply(id)).toMatchObject({ status: 409, body: { code: 'import-not-clean' } });
    await settle();
    expect(await allImportEvents()).toBe(before);
    const h01 = await api.call(getHouseholdRoute, { query: { path: `${MAJIAQIAO}/g1/h01` } }, { as: cadre });
    expect(h01.body.people.map((p: { maskedName: string }) => p.maskedName)).not.toContain('测*一');
  });
});

describe('files refused whole', () => {
  async function refused(files: Upload[], reason: string) {
    const before = await allImportEvents();
    const id = await upload(MAJIAQIAO, files);
    const res = await dryRun(id);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'import-file-refused', reason });
    const record = await status(id);
    expect(record.body).toMatchObject({ status: 'refused', report: { ok: false, refusal: { reason } } });
    expect(record.body.progress).toBeUndefined();
    expect(await apply(id)).toMatchObject({ status: 409, body: { code: 'import-not-clean' } });
    await settle();
    expect(await allImportEvents()).toBe(before);
    // A wrong-columns refusal names the columns besides the problem's own members.
    return res.body as typeof res.body & { missing?: string[]; unknown?: string[] };
  }

  it('wrong columns, naming the missing and the unknown ones', async () => {
    const body = await refused([{ name: 'people.csv', body: '姓名,年龄,住址\r\n张三,40,村东头\r\n' }], 'wrong-columns');
    expect(body.missing).toEqual(expect.arrayContaining(['身份证号', '户', '与户主关系']));
    expect(body.unknown).toEqual(['年龄', '住址']);
    expect(body.detail).toMatch(/nothing was imported/);
  });

  it('10 MB of junk', async () => {
    await refused(
      [{ name: 'people.csv', body: new Uint8Array(randomBytes(10 * 1024 * 1024 + 1024)), contentType: 'application/octet-stream' }],
      'file-too-large',
    );
  });

  it('a macro-enabled workbook, whatever it is called', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('人口花名册').addRow(['姓名', '身份证号', '户', '与户主关系']);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    zip.file('xl/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await refused(
      [{ name: 'roster.xlsx', body: bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }],
      'macro-enabled',
    );
  });

  it('200,000 rows of one village', async () => {
    const rows = ['姓名,身份证号,户,与户主关系'];
    for (let i = 0; i < 200_000; i++)
      rows.push(`张${i},${idNumber('1980-01-01', String(i % 1000).padStart(3, '0'), '421122')},g1/h01,${i ? '子' : '户主'}`);
    await refused([{ name: 'people.csv', body: rows.join('\r\n') }], 'too-many-rows');
  });

  it('a file not uploaded yet', async () => {
    const created = await api.call(
      createImportRoute,
      { body: { scope: MAJIAQIAO, files: [{ name: 'people.csv', contentType: 'text/csv' }] } },
      { as: cadre },
    );
    expect(await dryRun(created.body.importId)).toMatchObject({
      status: 422,
      body: { code: 'import-files-missing', files: ['people.csv'] },
    });
    expect((await status(created.body.importId)).body.status).toBe('awaiting-upload');
  });
});

describe('who may import, and when', () => {
  const files: ImportFile[] = [{ name: 'people.csv', contentType: 'text/csv' }];

  it('refuses a cadre of another village, operations below the county, and a scope below a village — nothing written', async () => {
    const other = await api.call(createImportRoute, { body: { scope: MAJIAQIAO, files } }, { as: cadreOf(ZHANGJIAWAN) });
    expect(other.status).toBe(403);
    const byOps = await api.call(createImportRoute, { body: { scope: MAJIAQIAO, files } }, { as: ops });
    expect(byOps).toMatchObject({ status: 403, body: { reason: 'role-may-not-manage-kind' } });
    const group = await api.call(createImportRoute, { body: { scope: `${MAJIAQIAO}/g1`, files } }, { as: cadre });
    expect(group).toMatchObject({ status: 422, body: { code: 'import-scope-unsuitable' } });
    // Someone else's import is not theirs to read, dry-run or apply.
    const id = await upload(MAJIAQIAO, [{ name: 'people.csv', body: fixture(MAJIAQIAO, 'people.csv') }]);
    expect((await status(id, cadreOf(ZHANGJIAWAN))).status).toBe(403);
    expect((await dryRun(id, cadreOf(ZHANGJIAWAN))).status).toBe(403);
    expect((await status(id)).body.status).toBe('awaiting-upload');
    // The township official may import for the village.
    expect((await dryRun(id, township)).body.status).toBe('dry-run-clean');
  });

  it('applies only after a clean dry run, once, and only if the register did not change since', async () => {
    const id = await upload(MAJIAQIAO, [
      { name: 'places.csv', body: fixture(MAJIAQIAO, 'places.csv').replace('1组,Group 1', '一组,Group One') },
    ]);
    expect(await apply(id)).toMatchObject({ status: 409, body: { code: 'import-not-clean', status: 409, current: 'awaiting-upload' } });
    expect((await dryRun(id)).body).toMatchObject({ status: 'dry-run-clean', summary: { places: { changed: 1 } } });
    // Someone renames a group meanwhile: the plan was made against the register before it.
    const renamed = await api.call(
      renamePlaceRoute,
      { body: { path: `${MAJIAQIAO}/g2`, name: { zh: '二组', en: 'Group 2' } } },
      { as: cadre },
    );
    expect(renamed.status).toBe(200);
    expect(await apply(id)).toMatchObject({
      status: 409,
      body: { code: 'import-register-changed', detail: expect.stringMatching(/dry run again/) },
    });
    expect((await dryRun(id)).body.status).toBe('dry-run-clean');
    expect((await apply(id)).status).toBe(202);
    expect(await apply(id)).toMatchObject({ status: 409, body: { code: 'import-busy' } });
    expect(await applied(id)).toMatchObject({ status: 'applied' });
    expect((await dryRun(id)).body).toMatchObject({ code: 'import-busy' });
    const g1 = await api.call(getPlaceRoute, { query: { path: `${MAJIAQIAO}/g1` } }, { as: cadre });
    expect(g1.body).toMatchObject({ name: { zh: '一组', en: 'Group One' }, revision: 2 });
  });

  it('fails for good, with nothing half-written, when the register changes between the apply and the job', async () => {
    const id = await upload(MAJIAQIAO, [
      { name: 'places.csv', body: fixture(MAJIAQIAO, 'places.csv').replace('2组,Group 2', '贰组,Group Two') },
    ]);
    expect((await dryRun(id)).body.status).toBe('dry-run-clean');
    expect((await apply(id)).status).toBe(202);
    // The same group is renamed by hand before the job reaches it: the job must not write over it.
    const renamed = await api.call(
      renamePlaceRoute,
      { body: { path: `${MAJIAQIAO}/g2`, name: { zh: '两组', en: 'Group II' } } },
      { as: cadre },
    );
    expect(renamed.status).toBe(200);
    expect(await applied(id)).toMatchObject({
      status: 'failed',
      failure: { code: 'import-register-changed', retryable: false, message: expect.stringMatching(/dry run again/) },
    });
    const g2 = await api.call(getPlaceRoute, { query: { path: `${MAJIAQIAO}/g2` } }, { as: cadre });
    expect(g2.body.name).toEqual({ zh: '两组', en: 'Group II' });
    expect(await importEvents(id)).toEqual([]);
  });
});

describe('applying a change already made', () => {
  it('two imports of the same edit applied by one run of the job: the change is written and published once, the other finds it done', async () => {
    const path = `${MAJIAQIAO}/g1/h05`;
    const before = (await api.call(getPlaceRoute, { query: { path } }, { as: cadre })).body;
    const edit = () => upload(MAJIAQIAO, [{ name: 'places.csv', body: '地点编码,类型,名称,英文名称\ng1/h05,户,5户,Household Five\n' }]);
    const ids = [await edit(), await edit()];
    // Both planned against the same register, both allowed to apply: the job runs them side by side.
    for (const id of ids) expect((await dryRun(id)).body).toMatchObject({ status: 'dry-run-clean', summary: { places: { changed: 1 } } });
    for (const id of ids) expect((await apply(id)).status).toBe(202);
    for (const id of ids) expect(await applied(id)).toMatchObject({ status: 'applied', progress: { done: 1, total: 1 } });
    const after = (await api.call(getPlaceRoute, { query: { path } }, { as: cadre })).body;
    expect(after).toMatchObject({ name: { zh: '5户', en: 'Household Five' }, revision: before.revision + 1 });
    await settle();
    const events = (await Promise.all(ids.map(importEvents))).flat();
    expect(events).toHaveLength(1);
    expect(events[0]!.data.changes).toEqual([expect.objectContaining({ type: 'PlaceRenamed', state: expect.objectContaining({ path }) })]);
  });
});

describe('the blank templates', () => {
  it('serves each sheet as CSV with a BOM and the workbook, with Chinese file names', async () => {
    const token = await api.token(cadre);
    const res = await fetch(`${api.url}/registry/imports/templates/people`, {
      headers: { authorization: `Bearer ${token}` },
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const file = await fetch(res.headers.get('location')!);
    expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="people-template.csv"; filename*=UTF-8''${encodeURIComponent('人口花名册模板.csv')}`,
    );
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toMatch(/^人员编号,姓名,身份证号/);
    const xlsx = await fetch(`${api.url}/registry/imports/template.xlsx`, { headers: { authorization: `Bearer ${token}` } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toContain(encodeURIComponent('村情台账导入模板.xlsx'));
    expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
  });
});

describe('a larger import', () => {
  it('applies a generated village of 2,400 people in chunks, with progress visible while it runs', async () => {
    const village = `${QILIPING}/dacun`;
    const registered = await api.call(
      registerPlaceRoute,
      { body: { parent: QILIPING, id: 'dacun', kind: 'village', name: { zh: '大村', en: 'Dacun' } } },
      { as: township },
    );
    expect(registered.status).toBe(201);
    const places = ['地点编码,类型,名称'];
    const people = ['姓名,身份证号,户,与户主关系'];
    for (let g = 1; g <= 8; g++) places.push(`g${g},自然村/湾组,${g}组`);
    for (let i = 0; i < 2400; i++) {
      const h = Math.floor(i / 3);
      const household = `g${(h % 8) + 1}/h${h}`;
      if (i % 3 === 0) places.push(`${household},户,${h}户`);
      const bornOn = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000 * 7).toISOString().slice(0, 10);
      people.push(
        `村民${i},${idNumber(bornOn, String(100 + (i % 800)).padStart(3, '0'), '421122')},${household},${i % 3 === 0 ? '户主' : '子'}`,
      );
    }
    const dacun = cadreOf(village);
    const id = await upload(
      village,
      [
        { name: 'places.csv', body: places.join('\n') },
        { name: 'people.csv', body: people.join('\n') },
      ],
      dacun,
    );
    const dry = await dryRun(id, dacun);
    expect(dry.body).toMatchObject({
      status: 'dry-run-clean',
      summary: { people: { added: 2400 }, households: { added: 800 }, places: { added: 808 } },
    });
    const total = dry.body.progress!.total;
    expect(total).toBe(2400 + 800 + 808);
    expect((await apply(id, dacun)).status).toBe(202);
    const job = fetch(`${api.url}/_local/jobs/registry/apply-imports`, { method: 'POST' }).then((r) => r.text());
    const seen: number[] = [];
    for (let i = 0; i < 1500; i++) {
      const now = await status(id, dacun);
      if (now.body.status === 'applying') seen.push(now.body.progress!.done);
      if (now.body.status !== 'applying') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await job;
    const done = await applied(id, dacun);
    expect(done).toMatchObject({ status: 'applied', progress: { done: total, total } });
    expect(seen.some((n) => n > 0 && n < total)).toBe(true);
    const parts = await publishedParts(id, done.progress!.parts);
    expect(parts.length).toBe(done.progress!.parts);
    expect(parts.reduce((n, p) => n + p.data.changes.length, 0)).toBe(total);
  }, 600_000);
});
