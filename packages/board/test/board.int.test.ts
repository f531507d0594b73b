import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, type Page, chromium } from 'playwright-core';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { maskName } from '@cocreate/places';
import { demo, demoSeed } from '@cocreate/places/seed';
import { q } from '@cocreate/local/testing';
import { runCycle } from '../../../test/cycle/cycle.ts';
import { api, cadreOf, draftPlan, head, passSteps } from '../../../services/deliberation/test/helpers.ts';

/**
 * 张榜公布 in a real browser: Debian's chromium (never a downloaded build) driven by playwright-core, against the
 * local stack after the cycle demo's year in 幸福社区 — plus a decision put under notice and a red/black list
 * published, so every kind of notice has something to print.
 */
const CHROMIUM = process.env.COCREATE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = join(import.meta.dirname, '..', '..', '..', 'reports', 'board');
const require = createRequire(import.meta.url);
// jsqr is CommonJS with an ES-style `default` in its types: under Node's interop the function is that default.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsQRModule as unknown as { default?: Decode }).default ?? jsQRModule) as unknown as Decode;

const url = inject('stack').url;
const v = demo.xingfu;
const people = demoSeed.people.filter((p) => p.village === v);
const resident = head(v, 9);

let browser: Browser;
let underNotice: string;
let disbursementId: string;
let roundId: string;
let activityId: string;
const period = '2026-11';

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `The board's browser tests need Debian's chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (what .ci/run does), or point COCREATE_CHROMIUM at one.`,
    );
  mkdirSync(ARTIFACTS, { recursive: true });
  const report = await runCycle(url, () => undefined);
  if (report.error) throw new Error(`the cycle demo failed, so the board has no year to show: ${report.error}`);

  // A decision under notice (公示) now, so a resident can object to it from the page.
  // Parking lines, not a renovation (no renovation class), so no owners' consent poll gates it.
  const plan = await draftPlan(v, {
    title: '1号小区停车位划线',
    place: `${v}/c1`,
    beneficiaries: [`${v}/c1/h01`, `${v}/c1/h02`],
    renovationClass: undefined,
  });
  const submitted = await api.post(
    '/deliberation/proposals',
    { kind: 'project-plan', village: v, planId: plan.planId },
    { as: cadreOf(v) },
  );
  if (submitted.status !== 201) throw new Error(`the proposal was refused: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const proposal = submitted.body;
  const chain = (await api.get(`/deliberation/proposals/${proposal.proposalId}`, { as: cadreOf(v) })).body.chain as unknown[];
  const adopted = await passSteps(proposal.proposalId, v, 0, chain.length);
  expect(adopted!.status).toBe('notice');
  underNotice = proposal.proposalId;

  // The month's red and black lists (红黑榜) published by the cadre.
  const published = await api.post('/compacts/boards', { village: v, period }, { as: cadreOf(v) });
  expect([200, 201]).toContain(published.status);

  const board = (await api.get(`/projects/board${q({ village: v })}`)).body;
  disbursementId = board.projects[0].disbursements[0].disbursementId;
  roundId = (await api.get(`/rewards/award-rounds${q({ place: v })}`)).body.items[0].roundId;

  // A volunteer activity (四点半课堂) published by the cadre, tomorrow, with one place: the resident signs up from the page.
  const now = Date.parse((await api.get(`/projects/board${q({ village: v })}`)).body.generatedAt as string);
  const activity = await api.post(
    '/rewards/activities',
    {
      village: v,
      kind: 'after-school-class',
      title: '四点半课堂·作业辅导',
      location: '社区活动室',
      startsAt: new Date(now + 86_400_000).toISOString(),
      endsAt: new Date(now + 86_400_000 + 2 * 3_600_000).toISOString(),
      capacity: 1,
      pointsPerHour: 5,
    },
    { as: cadreOf(v) },
  );
  if (activity.status !== 201) throw new Error(`the activity was refused: ${activity.status} ${JSON.stringify(activity.body)}`);
  activityId = activity.body.activityId;

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 900_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens a page and waits until it has rendered; every console error and uncaught exception is collected. */
async function open(path: string, width = 360): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}${path}`);
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
  return { page, errors };
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
    ).axe;
    return axe.run();
  });
  return result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => `${x.id} (${x.nodes.length})`);
}

const villagePath = `/?place=${encodeURIComponent(v)}`;
const notices = () => [
  `/notice${q({ kind: 'decision', village: v, id: underNotice })}`,
  `/notice${q({ kind: 'disbursement', village: v, id: disbursementId })}`,
  `/notice${q({ kind: 'redblack', village: v, period })}`,
  `/notice${q({ kind: 'award', village: v, id: roundId })}`,
];

describe('the public board in a browser', () => {
  it('loads every page with no console error and no serious accessibility violation, in Chinese and English', async () => {
    const pages = [
      villagePath,
      `${villagePath}&lang=en`,
      `/?place=${encodeURIComponent('hubei/huanggang/hongan/chengguan')}`,
      `/?place=${encodeURIComponent('hubei/huanggang/hongan')}&lang=en`,
      ...notices(),
    ];
    for (const path of pages) {
      const { page, errors } = await open(path);
      expect(await page.locator('h1').count(), path).toBeGreaterThan(0);
      expect(await page.locator('.error').count(), `${path}: ${await page.innerText('main')}`).toBe(0);
      expect(await seriousViolations(page), path).toEqual([]);
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });

  it('the village page shows the year: decisions with votes, money with masked signatures, tier, under 150 KB before photos', async () => {
    const { page, errors } = await open(villagePath, 1280);
    const text = await page.innerText('main');
    expect(text).toContain('幸福社区');
    expect(text).toContain('公共设施管护公约');
    expect(text).toContain('村民代表大会');
    expect(text).toContain('2号小区道路硬化与照明改造');
    expect(text).toContain('试点村');
    // Sent rendered: the page as it arrives, before any script runs, already holds the year (a slow phone reads it).
    const sent = await (await fetch(`${url}${villagePath}`)).text();
    for (const words of ['公共设施管护公约', '村民代表大会', '2号小区道路硬化与照明改造', '四点半课堂·作业辅导'])
      expect(sent).toContain(words);
    expect(sent).toContain('data-rendered="true"');
    // Runs in the page: its resource and navigation timings (typed here without the DOM library the suite leaves out).
    const perf = await page.evaluate(() => {
      const entries = (type: string) =>
        (performance.getEntriesByType as unknown as (t: string) => { transferSize: number; initiatorType: string }[]).call(
          performance,
          type,
        );
      // Before photos: the site photos (images) are lazy and come from the evidence store, not the page.
      return [...entries('resource'), ...entries('navigation')].filter((e) => e.initiatorType !== 'img').map((e) => e.transferSize);
    });
    // Transferred bytes as the server sent them (gzip where the browser asked for it).
    const bytes = perf.reduce((a, b) => a + b, 0);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(150 * 1024);
    await page.screenshot({ path: join(ARTIFACTS, 'village-1280.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the project’s verified site photo under it: lazy, with its alt text, loaded from the evidence store', async () => {
    // The cycle completed the hidden works (雨水管网) with a real JPEG and a caption.
    const caption = '雨水管网回填前拍照存档';
    const projectId = (await api.get(`/projects/board${q({ village: v })}`)).body.projects[0].projectId as string;
    const listed = (await api.get(`/projects/board/${projectId}/photos`)).body.items as { alt: string; url: string }[];
    expect(listed.map((p) => p.alt)).toEqual([caption]);

    for (const [lang, stage] of [
      ['', '组织实施'],
      ['&lang=en', 'In construction'],
    ] as const) {
      const { page, errors } = await open(`${villagePath}${lang}`, 360);
      const photo = page.locator(`ul.photos[data-project="${projectId}"] img.photo`).first();
      expect(await photo.getAttribute('alt')).toBe(caption);
      expect(await photo.getAttribute('loading')).toBe('lazy');
      // Sent rendered with the page, from the suite's own evidence store (a presigned URL), never a CDN.
      expect(new URL((await photo.getAttribute('src'))!).host).toBe(new URL(listed[0]!.url).host);
      expect(await page.locator(`ul.photos[data-project="${projectId}"] figcaption`).first().innerText()).toContain(stage);
      await photo.scrollIntoViewIfNeeded();
      await expect
        .poll(() => photo.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth), {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      // Sized for a 360 px phone: two to a row, never wider than the screen.
      const box = (await photo.boundingBox())!;
      expect(box.width).toBeGreaterThan(100);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      if (!lang) await photo.screenshot({ path: join(ARTIFACTS, 'village-photo-360.png') });
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('shows names only masked: the masked forms appear, the full names never', async () => {
    const { page, errors } = await open(villagePath, 360);
    await page.fill('#person', resident);
    await page.click('#sign-in button');
    await page.waitForSelector('#points-body table');
    const html = await page.content();
    const masked = people.map((p) => maskName(p.name)).filter((m) => html.includes(m));
    expect(masked.length).toBeGreaterThan(2);
    for (const p of people) expect(html, p.name).not.toContain(p.name);
    await page.screenshot({ path: join(ARTIFACTS, 'village-360.png'), fullPage: true });
    await page.screenshot({ path: join(ARTIFACTS, 'village-360-top.png'), fullPage: true, clip: { x: 0, y: 0, width: 360, height: 1500 } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('files an objection from the page, which the deliberation service then holds', async () => {
    const { page, errors } = await open(villagePath, 360);
    const form = page.locator(`form.objection[data-proposal="${underNotice}"]`);
    // Signed out, the page says how to object but offers no form.
    expect(await form.isVisible()).toBe(false);
    await page.fill('#person', resident);
    await page.click('#sign-in button');
    await page.waitForSelector('#sign-out');
    await page.waitForSelector('#points-body table');
    await form.waitFor({ state: 'visible' });
    const words = `占用了公共绿地 ${Date.now()}`;
    await form.locator('textarea').fill(words);
    const [filed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/objections') && r.request().method() === 'POST', { timeout: 90_000 }),
      form.locator('button').click(),
    ]);
    expect(filed.status(), `${page.url()} ${await filed.text()}`).toBe(201);
    await expect.poll(() => form.locator('.result').innerText(), { timeout: 10_000 }).toMatch(/异议已提交/);
    const held = await api.get(`/deliberation/proposals/${underNotice}/objections`, { as: cadreOf(v) });
    expect(held.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: words, objector: resident, status: 'pending' })]),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a beneficiary household rate its project in an open review from the page', async () => {
    const { page, errors } = await open(villagePath, 360);
    await page.fill('#person', resident);
    await page.click('#sign-in button');
    await page.waitForSelector('#sign-out');
    const form = page.locator('.rate-form form').first();
    await form.waitFor({ state: 'visible' });
    const reviewId = (await page.locator('.rate-form').first().getAttribute('data-review'))!;
    const before = (await api.get(`/evaluation/reviews/${reviewId}/results`)).body.responses as number;
    const [rated] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/reviews/${reviewId}/responses`) && r.request().method() === 'POST', {
        timeout: 90_000,
      }),
      form.locator('button').click(),
    ]);
    expect(rated.status(), await rated.text()).toBe(201);
    await expect.poll(() => form.locator('.result').innerText(), { timeout: 10_000 }).toMatch(/评价已提交/);
    expect((await api.get(`/evaluation/reviews/${reviewId}/results`)).body.responses).toBe(before + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('signs a resident up for a volunteer activity from the page, whose public roster then names them masked', async () => {
    const { page, errors } = await open(villagePath, 360);
    const card = page.locator(`article.activity[data-activity="${activityId}"]`);
    await expect.poll(() => card.innerText()).toContain('四点半课堂·作业辅导');
    // Signed out there is nothing to press.
    expect(await card.locator('form.signup').count()).toBe(0);
    await page.fill('#person', resident);
    await page.click('#sign-in button');
    await page.waitForSelector('#points-body table');
    const form = page.locator(`form.signup[data-activity="${activityId}"]`);
    await form.waitFor({ state: 'visible' });
    const [signed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/activities/${activityId}/sign-ups`) && r.request().method() === 'POST', {
        timeout: 90_000,
      }),
      form.locator('button').click(),
    ]);
    expect(signed.status(), await signed.text()).toBe(201);
    await expect.poll(() => form.locator('.result').innerText(), { timeout: 10_000 }).toMatch(/报名成功/);
    const roster = await api.get(`/rewards/activities/${activityId}/roster`);
    const me = people.find((p) => p.id === resident)!;
    expect(roster.body.items).toEqual([expect.objectContaining({ name: maskName(me.name), status: 'confirmed' })]);
    // The page read again shows the roster, masked.
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    expect(await card.innerText()).toContain(maskName(me.name));
    expect(await page.content()).not.toContain(me.name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints each notice on one A4 page whose QR code opens the notice online', async () => {
    for (const [i, path] of notices().entries()) {
      const { page } = await open(path, 794);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      const text = pdf.toString('latin1');
      expect((text.match(/\/Type\s*\/Page\b/g) ?? []).length, path).toBe(1);
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
      // A4 is 210 × 297 mm: 595.3 × 841.9 points (Chromium writes 594.96 × 841.92).
      expect(Math.abs(Number(box?.[1]) - 595.3), path).toBeLessThan(1);
      expect(Math.abs(Number(box?.[2]) - 841.9), path).toBeLessThan(1);
      if (i === 0) writeFileSync(join(ARTIFACTS, 'notice-decision.pdf'), pdf);

      const shot = PNG.sync.read(await page.locator('.qr').screenshot({ scale: 'device' }));
      const code = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
      expect(code?.data, path).toBe(page.url());
      if (i === 0) {
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: join(ARTIFACTS, 'notice-print.png'), fullPage: true });
      }
      await page.close();
    }
  });
});
