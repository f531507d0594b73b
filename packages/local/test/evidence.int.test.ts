import { describe, expect, inject, it } from 'vitest';
import { EVIDENCE_MAX_BYTES, EvidenceStore, type Problem } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { localClients } from '../src/clients.ts';
import { uploadToPresigned } from '../src/testing.ts';
import { LOCAL_BUCKET } from '../src/stack.ts';

/** Evidence through the local S3 server: presigned PUT from a client, then the service's existence check. */
describe('evidence store on s3rver', () => {
  const { s3 } = localClients({ dynamodb: '', eventbridge: '', s3: inject('stack').s3 });
  const store = new EvidenceStore(s3, LOCAL_BUCKET, 'projects', () => new Date());

  it('accepts a reference only after the file is uploaded, under the service and place prefix', async () => {
    const upload = await store.presignUpload(demo.majiaqiao, { filename: '隐蔽工程.jpg', contentType: 'image/jpeg', size: 4 });
    expect(upload.key.startsWith(`projects/${demo.majiaqiao}/`)).toBe(true);
    const before = await store.verify({ key: upload.key }, demo.majiaqiao).catch((e: Problem) => e);
    expect((before as Problem).code).toBe('evidence-missing');
    await uploadToPresigned(upload, new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
    expect(await store.verify({ key: upload.key }, demo.majiaqiao)).toMatchObject({ key: upload.key, contentType: 'image/jpeg' });
    const download = await fetch(await store.presignDownload(upload.key));
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
  });

  it('refuses a key of another place or service', async () => {
    const other = await store.verify({ key: `projects/${demo.fengshu}/x/a.jpg` }, demo.majiaqiao).catch((e: Problem) => e);
    expect((other as Problem).code).toBe('evidence-outside-place');
    const foreign = await store.verify({ key: `rewards/${demo.majiaqiao}/x/a.jpg` }, demo.majiaqiao).catch((e: Problem) => e);
    expect((foreign as Problem).code).toBe('evidence-outside-place');
  });

  it('refuses a key that climbs out of the place with .., though it starts with the place and the file it names exists', async () => {
    const theirs = await store.presignUpload(demo.fengshu, { filename: 'minutes.pdf', contentType: 'application/pdf', size: 8 });
    await uploadToPresigned(theirs, new TextEncoder().encode('%PDF-1.4'));
    const up = '../'.repeat(demo.majiaqiao.split('/').length);
    for (const key of [
      `projects/${demo.majiaqiao}/${up}${theirs.key.slice('projects/'.length)}`,
      `projects/${demo.majiaqiao}/${up.replaceAll('..', '%2e%2e')}${theirs.key.slice('projects/'.length)}`,
    ]) {
      const refused = await store.verify({ key }, demo.majiaqiao).catch((e: Problem) => e);
      expect([(refused as Problem).status, (refused as Problem).code]).toEqual([422, 'evidence-key-invalid']);
    }
    // The file itself is there, and is fengshu's to use.
    expect(await store.verify({ key: theirs.key }, demo.fengshu)).toMatchObject({ contentType: 'application/pdf' });
  });

  it('issues no URL for a file beyond its kind’s size', async () => {
    const refused = await store
      .presignUpload(demo.majiaqiao, { filename: 'big.jpg', contentType: 'image/jpeg', size: EVIDENCE_MAX_BYTES['image/jpeg'] + 1 })
      .catch((e: Problem) => e);
    expect([(refused as Problem).status, (refused as Problem).code]).toEqual([422, 'evidence-too-large']);
  });

  it('holds a record to what is stored, not what was said: a type a browser would run, or a file too large, is refused', async () => {
    // Issued the way a service issues its own files' URLs (a type outside the evidence kinds, no size signed).
    const page = await store.presignUpload(demo.majiaqiao, { filename: 'a.html', contentType: 'text/html' });
    await uploadToPresigned(page, '<script>alert(1)</script>');
    const html = await store.verify({ key: page.key, contentType: 'image/jpeg' }, demo.majiaqiao).catch((e: Problem) => e);
    expect([(html as Problem).status, (html as Problem).code]).toEqual([422, 'evidence-type-not-allowed']);
    const text = await store.presignUpload(demo.majiaqiao, { filename: 'log.txt', contentType: 'text/plain' });
    await uploadToPresigned(text, new Uint8Array(EVIDENCE_MAX_BYTES['text/plain'] + 1));
    const large = await store.verify({ key: text.key }, demo.majiaqiao).catch((e: Problem) => e);
    expect([(large as Problem).status, (large as Problem).code]).toEqual([422, 'evidence-too-large']);
  });

  it('signs the type and size into the URL: the store refuses another body', async () => {
    const upload = await store.presignUpload(demo.majiaqiao, { filename: 'a.jpg', contentType: 'image/jpeg', size: 4 });
    expect(new URL(upload.uploadUrl).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    await expect(uploadToPresigned(upload, new Uint8Array(5))).rejects.toThrow(/upload failed: 403/);
    await expect(uploadToPresigned({ ...upload, headers: { 'content-type': 'text/html' } }, new Uint8Array(4))).rejects.toThrow(
      /upload failed: 403/,
    );
    await uploadToPresigned(upload, new Uint8Array(4));
    expect(await store.verify({ key: upload.key }, demo.majiaqiao)).toMatchObject({ contentType: 'image/jpeg' });
  });
});
