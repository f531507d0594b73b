import { describe, expect, inject, it } from 'vitest';
import { EvidenceStore, type Problem } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { localClients } from '../src/clients.ts';
import { uploadToPresigned } from '../src/testing.ts';
import { LOCAL_BUCKET } from '../src/stack.ts';

/** Evidence through the local S3 server: presigned PUT from a client, then the service's existence check. */
describe('evidence store on s3rver', () => {
  const { s3 } = localClients({ dynamodb: '', eventbridge: '', s3: inject('stack').s3 });
  const store = new EvidenceStore(s3, LOCAL_BUCKET, 'projects', () => new Date());

  it('accepts a reference only after the file is uploaded, under the service and place prefix', async () => {
    const upload = await store.presignUpload(demo.majiaqiao, { filename: '隐蔽工程.jpg', contentType: 'image/jpeg' });
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
    const theirs = await store.presignUpload(demo.fengshu, { filename: 'minutes.pdf', contentType: 'application/pdf' });
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
});
