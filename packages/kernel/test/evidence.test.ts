import type { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { EvidenceStore, EvidenceUploadRequest, evidenceKeyFault, type Problem } from '../src/index.ts';

/** An S3 client that has every object, and counts what it was asked. */
function store() {
  const asked: string[] = [];
  const s3 = {
    send: async (command: { input: { Key: string } }) => {
      asked.push(command.input.Key);
      return { ContentType: 'image/jpeg' };
    },
  } as unknown as S3Client;
  return { asked, evidence: new EvidenceStore(s3, 'bucket', 'projects', () => new Date()) };
}

const mine = `projects/${demo.majiaqiao}`;
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Problem) => ({ status: e.status, code: e.code, errors: e.errors }),
  );

describe('evidence keys', () => {
  it('accepts the keys the store issues, whatever the file is called', () => {
    for (const key of [
      `${mine}/01JD3Q/${encodeURIComponent('隐蔽工程 照片.jpg')}`,
      `${mine}/g1/h03/01JD3Q/${encodeURIComponent('..hidden')}`,
      `${mine}/01JD3Q/${encodeURIComponent('%2e%2e')}`,
      `${mine}/01JD3Q/a..b.pdf`,
    ]) {
      expect(evidenceKeyFault(key), key).toBeUndefined();
    }
  });

  it.each([
    [`${mine}/../${demo.fengshu.split('/').pop()}/01JD3Q/a.jpg`],
    [`${mine}/../../../../x/01JD3Q/a.jpg`],
    [`${mine}/%2e%2e/x/a.jpg`],
    [`${mine}/%2E./x/a.jpg`],
    [`${mine}/./01JD3Q/a.jpg`],
    [`${mine}/%2e/01JD3Q/a.jpg`],
    [`${mine}//01JD3Q/a.jpg`],
    [`${mine}/01JD3Q/`],
    [`/${mine}/01JD3Q/a.jpg`],
    [`${mine}/..\\..\\x/a.jpg`],
    [`${mine}/01JD3Q/a.jpg\u0000.png`],
    [`${mine}/01JD3Q/a\n.jpg`],
  ])('refuses %j before asking the store, though it starts with the place prefix', async (key) => {
    expect(evidenceKeyFault(key)).toBeDefined();
    const { asked, evidence } = store();
    expect(await refusal(evidence.verify({ key }, demo.majiaqiao, '/photos/2'))).toEqual({
      status: 422,
      code: 'evidence-key-invalid',
      errors: [expect.objectContaining({ in: 'body', pointer: '/photos/2', rule: 'evidence-key-normalised' })],
    });
    expect(asked).toEqual([]);
  });

  it('still checks the place after the key is found normalised', async () => {
    const { asked, evidence } = store();
    expect(await refusal(evidence.verify({ key: `projects/${demo.fengshu}/01JD3Q/a.jpg` }, demo.majiaqiao))).toMatchObject({
      code: 'evidence-outside-place',
    });
    const key = `${mine}/01JD3Q/a.jpg`;
    expect(await evidence.verify({ key }, demo.majiaqiao)).toEqual({ key, contentType: 'image/jpeg' });
    expect(asked).toEqual([key]);
  });

  it('issues no upload for a file named . or .., which would make such a key', () => {
    expect(EvidenceUploadRequest().safeParse({ filename: '..', contentType: 'image/jpeg', size: 4 }).success).toBe(false);
    expect(EvidenceUploadRequest().safeParse({ filename: '.', contentType: 'image/jpeg', size: 4 }).success).toBe(false);
    expect(EvidenceUploadRequest().safeParse({ filename: '..jpg', contentType: 'image/jpeg', size: 4 }).success).toBe(true);
  });

  it('asks the exact size of every upload, at least a byte and within the largest kind', () => {
    expect(EvidenceUploadRequest().safeParse({ filename: 'a.jpg', contentType: 'image/jpeg' }).success).toBe(false);
    expect(EvidenceUploadRequest().safeParse({ filename: 'a.jpg', contentType: 'image/jpeg', size: 0 }).success).toBe(false);
    expect(EvidenceUploadRequest().safeParse({ filename: 'a.mp4', contentType: 'video/mp4', size: 200 * 1024 * 1024 }).success).toBe(true);
    expect(EvidenceUploadRequest().safeParse({ filename: 'a.mp4', contentType: 'video/mp4', size: 200 * 1024 * 1024 + 1 }).success).toBe(
      false,
    );
  });
});
