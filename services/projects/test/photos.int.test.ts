import { describe, expect, it } from 'vitest';
import { newId } from '@cocreate/kernel';
import { type RouteBody, q, uploadToPresigned } from '@cocreate/local/testing';
import { SITE_PHOTO_JPEG } from '@cocreate/local/site-photo';
import { PATH_TO_CONSTRUCTION, V, addMilestone, api, moveAll, openProject, secretary } from './helpers.ts';
import { boardPhotos } from '../handlers/board.ts';
import { completeMilestone, createEvidenceUpload } from '../handlers/milestones.ts';

/**
 * 现场照片 on the public board: `GET /projects/board/{projectId}/photos` answers anyone (no token) with the pictures a
 * project's milestones were completed with — verified, of a type a browser shows — each fetched by a short-lived URL
 * that answers the bytes with the verified type. Nothing pending, refused, or of another kind; no person.
 */
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function upload(
  projectId: string,
  filename: string,
  contentType: RouteBody<typeof createEvidenceUpload>['contentType'],
  bytes: Uint8Array | string,
): Promise<string> {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  const up = await api.call(createEvidenceUpload, { params: { projectId }, body: { filename, contentType, size } }, { as: secretary });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  await uploadToPresigned(up.body, bytes);
  return up.body.key as string;
}

const complete = (projectId: string, milestoneId: string, body: Record<string, unknown>) =>
  api.call(completeMilestone, { params: { projectId, milestoneId }, body }, { as: secretary });

const photosOf = (projectId: string, query: Record<string, string | number> = {}, lang: 'zh-CN' | 'en' = 'zh-CN') =>
  api.get(`/projects/board/${projectId}/photos${Object.keys(query).length ? q(query) : ''}`, { lang });

describe('site photos on the public board (现场照片)', () => {
  it('lists only verified photos a browser shows, each with its milestone, stage and caption, fetched by a URL that answers the verified type', async () => {
    const { projectId } = await openProject({ title: '村口道路硬化（照片）' });
    const pipes = await addMilestone(projectId, { title: '雨水管网（隐蔽工程）', weight: 40, hiddenWorks: true });
    const road = await addMilestone(projectId, { title: '路面硬化', weight: 40 });
    const lamps = await addMilestone(projectId, { title: '路灯安装', weight: 20, hiddenWorks: true });
    await moveAll(projectId, PATH_TO_CONSTRUCTION);

    const photo = await upload(projectId, '管网.jpg', 'image/jpeg', SITE_PHOTO_JPEG);
    const pending = await upload(projectId, '未提交.jpg', 'image/jpeg', SITE_PHOTO_JPEG);
    const invoice = await upload(projectId, '发票.pdf', 'application/pdf', '%PDF-1.4 发票');
    const png = await upload(projectId, '路面.png', 'image/png', PNG_1X1);
    const heic = await upload(projectId, '路灯.heic', 'image/heic', 'heic bytes');
    const video = await upload(projectId, '路灯.mp4', 'video/mp4', 'mp4 bytes');

    // Refused: hidden works with a PDF. Nothing of a refused completion is published.
    const refused = await complete(projectId, pipes.milestoneId, { evidence: [{ key: invoice }, { key: pending }] });
    expect(refused.body.code).toBe('evidence-not-photo-or-video');
    // The caller's word for the type is not taken: the stored, checked type is.
    const pipesDone = await complete(projectId, pipes.milestoneId, {
      evidence: [{ key: photo, contentType: 'text/html' }],
      caption: '管网回填前拍照存档',
    });
    expect(pipesDone.status, JSON.stringify(pipesDone.body)).toBe(200);
    // An ordinary milestone may carry a document: it stays on file, only the picture is published.
    expect((await complete(projectId, road.milestoneId, { evidence: [{ key: invoice }, { key: png }] })).status).toBe(200);
    // A HEIC photo and a video are accepted evidence, but not pictures every browser shows.
    expect((await complete(projectId, lamps.milestoneId, { evidence: [{ key: heic }, { key: video }] })).status).toBe(200);

    // No token.
    const res = await photosOf(projectId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.projectId).toBe(projectId);
    const items = res.body.items as any[];
    expect(items.map((p) => [p.milestone, p.contentType])).toEqual(
      expect.arrayContaining([
        ['雨水管网（隐蔽工程）', 'image/jpeg'],
        ['路面硬化', 'image/png'],
      ]),
    );
    expect(items).toHaveLength(2);
    const pipesPhoto = items.find((p) => p.milestoneId === pipes.milestoneId);
    expect(pipesPhoto).toMatchObject({
      stage: 'in-construction',
      stageLabel: '组织实施',
      caption: '管网回填前拍照存档',
      alt: '管网回填前拍照存档',
    });
    expect(items.find((p) => p.milestoneId === road.milestoneId)).toMatchObject({ alt: '“路面硬化”节点现场照片（第 2 张）' });
    expect(Date.parse(pipesPhoto.expiresAt)).toBeGreaterThan(Date.now() - 60_000);
    // Nothing of who uploaded, completed or accepted it; no key a caller could reuse.
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(secretary);
    expect(text).not.toMatch(/p-majiaqiao|completedBy|"key"/);
    // The files served are exactly the two pictures.
    const served = items.map((p) => decodeURIComponent(new URL(p.url).pathname));
    expect(served.filter((path) => path.endsWith(`/${photo}`) || path.endsWith(`/${png}`))).toHaveLength(2);
    for (const key of [pending, invoice, heic, video]) expect(served.some((path) => path.endsWith(`/${key}`))).toBe(false);

    // The URL answers the bytes, with the type the service verified, to a browser with no credentials.
    const got = await fetch(pipesPhoto.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(SITE_PHOTO_JPEG))).toBe(true);
    const pngGot = await fetch(items.find((p) => p.milestoneId === road.milestoneId).url);
    expect([pngGot.status, pngGot.headers.get('content-type')]).toEqual([200, 'image/png']);
    // The signature covers the type answered: asking for another one is refused.
    const retyped = new URL(pipesPhoto.url);
    retyped.searchParams.set('response-content-type', 'text/html');
    expect((await fetch(retyped)).status).toBe(403);

    // In English, the stage and the alternative text follow.
    const en = (await photosOf(projectId, {}, 'en')).body.items as any[];
    expect(en.find((p) => p.milestoneId === road.milestoneId)).toMatchObject({
      stageLabel: 'In construction',
      alt: 'Site photo 2 of the milestone “路面硬化”',
    });
  });

  it('pages the photos, newest milestone first, and refuses what is not a project or a page with a problem, never a 500', async () => {
    const { projectId } = await openProject({ title: '广场照明（照片分页）' });
    const first = await addMilestone(projectId, { title: '基础', weight: 50 });
    const second = await addMilestone(projectId, { title: '灯杆', weight: 50 });
    await moveAll(projectId, PATH_TO_CONSTRUCTION);
    const a = await upload(projectId, 'a.jpg', 'image/jpeg', SITE_PHOTO_JPEG);
    const b = await upload(projectId, 'b.png', 'image/png', PNG_1X1);
    const c = await upload(projectId, 'c.jpg', 'image/jpeg', SITE_PHOTO_JPEG);
    expect((await complete(projectId, first.milestoneId, { evidence: [{ key: a }] })).status).toBe(200);
    expect((await complete(projectId, second.milestoneId, { evidence: [{ key: b }, { key: c }] })).status).toBe(200);

    const seen: any[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 5; guard++) {
      const page = await photosOf(projectId, { limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.cursor;
      if (!cursor) break;
    }
    // The later milestone first, its photos in the order they were given.
    expect(seen.map((p) => [p.milestone, p.contentType])).toEqual([
      ['灯杆', 'image/png'],
      ['灯杆', 'image/jpeg'],
      ['基础', 'image/jpeg'],
    ]);

    // A project nobody opened; not an id; not a page.
    const unknown = await photosOf(newId());
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const notAnId = await api.call(boardPhotos, { params: { projectId: 'not-a-project' } });
    expect(notAnId.status).toBe(400);
    expect(notAnId.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(notAnId.body.errors?.[0]).toMatchObject({ in: 'path' });
    const badPages: Record<string, string | number>[] = [{ limit: 0 }, { limit: 51 }, { limit: 'many' }, { cursor: 'not-a-cursor' }];
    for (const query of badPages) {
      const bad = await photosOf(projectId, query);
      expect(bad.status, JSON.stringify(query)).toBe(400);
    }
    // A cursor made up to look like ours (this partition, but not a key of it) is refused too.
    const crafted = (key: object) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const key of [
      { pk: `PHOTOS#${projectId}` },
      { pk: `PHOTOS#${projectId}`, sk: 5 },
      { pk: `PHOTOS#${projectId}`, sk: 'x', other: 'y' },
    ]) {
      const bad = await photosOf(projectId, { cursor: crafted(key) });
      expect(bad.status, JSON.stringify(key)).toBe(400);
    }
    // A cursor of another project's photos is refused, not followed.
    const other = await photosOf(projectId, { limit: 1 });
    const stranger = await photosOf((await openProject({ title: '别的项目' })).projectId, { cursor: other.body.cursor });
    expect(stranger.status).toBe(400);
    // A project with no photos has an empty board of photos, not a 404.
    const bare = await photosOf((await openProject({ title: '尚无照片' }, { village: V })).projectId);
    expect([bare.status, bare.body.items]).toEqual([200, []]);
  });
});
