import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, inject, it } from 'vitest';
import { sdkSigner } from './sdk-signer.ts';
import { LOCAL_S3_CREDENTIALS } from '../src/clients.ts';
import { LOCAL_BUCKET } from '../src/stack.ts';

/** A raw request signed in its headers by the SDK's own SigV4 signer, sent with fetch. */
async function signedFetch(
  endpoint: string,
  path: string,
  init: { method: string; headers: Record<string, string>; body?: Buffer },
  secret = 'S3RVER',
) {
  const url = new URL(endpoint);
  const signer = sdkSigner(secret);
  const signed = await signer.sign({
    method: init.method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query: {},
    headers: { host: url.host, ...init.headers },
    ...(init.body ? { body: init.body } : {}),
  });
  const { host: _host, ...headers } = signed.headers;
  return fetch(`${endpoint}${path}`, { method: init.method, headers, ...(init.body ? { body: init.body } : {}) });
}

/**
 * The local S3 keeps exactly the bytes a client sends, whatever way an SDK client with default settings sends them —
 * the way a developer's own script or a service's code talks to S3 in AWS.
 */
describe('the local S3', () => {
  const endpoint = inject('stack').s3;
  // Nothing but where and who: the SDK's defaults (flexible checksums, aws-chunked streams) are what is tested.
  const s3 = new S3Client({ endpoint, region: 'cn-north-1', credentials: LOCAL_S3_CREDENTIALS });
  const bytes = Buffer.from('村口的路一下雨就积水 '.repeat(5_000));
  const readBack = async (Key: string) => {
    const out = await s3.send(new GetObjectCommand({ Bucket: LOCAL_BUCKET, Key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  };

  it('stores a streamed upload byte for byte (the SDK sends it aws-chunked with a CRC32 trailer)', async () => {
    await s3.send(
      new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: 'probe/stream.txt', Body: Readable.from([bytes]), ContentLength: bytes.length }),
    );
    expect((await readBack('probe/stream.txt')).equals(bytes)).toBe(true);
  });

  it('stores a buffer and a string upload byte for byte', async () => {
    await s3.send(new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: 'probe/buffer.bin', Body: bytes }));
    await s3.send(new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: 'probe/string.txt', Body: bytes.toString('utf8') }));
    expect((await readBack('probe/buffer.bin')).equals(bytes)).toBe(true);
    expect((await readBack('probe/string.txt')).equals(bytes)).toBe(true);
  });

  it('refuses an aws-chunked body whose CRC32 trailer does not match, as S3 does (BadDigest), and stores nothing', async () => {
    const data = Buffer.from('evidence');
    const wrong = Buffer.alloc(4);
    wrong.writeUInt32BE((crc32(data) + 1) >>> 0);
    const body = Buffer.concat([
      Buffer.from(`${data.length.toString(16)}\r\n`),
      data,
      Buffer.from(`\r\n0\r\nx-amz-checksum-crc32:${wrong.toString('base64')}\r\n\r\n`),
    ]);
    const res = await signedFetch(endpoint, `/${LOCAL_BUCKET}/probe/bad.txt`, {
      method: 'PUT',
      headers: {
        'content-encoding': 'aws-chunked',
        'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        'x-amz-decoded-content-length': String(data.length),
        'x-amz-trailer': 'x-amz-checksum-crc32',
      },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>BadDigest</Code>');
    const stored = await s3.send(new GetObjectCommand({ Bucket: LOCAL_BUCKET, Key: 'probe/bad.txt' })).catch((e: Error) => e);
    expect((stored as Error).name).toBe('NoSuchKey');
  });

  it('refuses what S3 refuses: no signature, anonymous listing, another secret', async () => {
    await s3.send(new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: 'probe/private.txt', Body: 'private' }));
    for (const path of [`/${LOCAL_BUCKET}/probe/private.txt`, `/${LOCAL_BUCKET}?list-type=2`, '/']) {
      const res = await fetch(`${endpoint}${path}`);
      expect([path, res.status, await res.text()]).toEqual([path, 403, expect.stringContaining('<Code>AccessDenied</Code>')]);
    }
    const guessed = await signedFetch(
      endpoint,
      `/${LOCAL_BUCKET}/probe/private.txt`,
      { method: 'GET', headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } },
      'guess',
    );
    expect([guessed.status, await guessed.text()]).toEqual([403, expect.stringContaining('<Code>SignatureDoesNotMatch</Code>')]);
    const signed = await signedFetch(endpoint, `/${LOCAL_BUCKET}/probe/private.txt`, {
      method: 'GET',
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    expect([signed.status, await signed.text()]).toEqual([200, 'private']);
  });

  it('holds a presigned upload to the content type and length it signed, and to its life', async () => {
    const body = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
    const presign = (Key: string, opts: { signingDate?: Date; expiresIn?: number } = {}) =>
      getSignedUrl(s3, new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key, ContentType: 'image/jpeg', ContentLength: body.length }), {
        expiresIn: 900,
        signableHeaders: new Set(['content-type', 'content-length']),
        ...opts,
      });
    const asHtml = await fetch(await presign('probe/html.jpg'), { method: 'PUT', headers: { 'content-type': 'text/html' }, body });
    expect([asHtml.status, await asHtml.text()]).toEqual([403, expect.stringContaining('SignatureDoesNotMatch')]);
    const larger = await fetch(await presign('probe/large.jpg'), {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: Buffer.alloc(5),
    });
    expect(larger.status).toBe(403);
    const expired = await fetch(await presign('probe/late.jpg', { signingDate: new Date(Date.now() - 3_600_000), expiresIn: 60 }), {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body,
    });
    expect([expired.status, await expired.text()]).toEqual([403, expect.stringContaining('Request has expired')]);
    for (const key of ['probe/html.jpg', 'probe/large.jpg', 'probe/late.jpg']) {
      const stored = await s3.send(new GetObjectCommand({ Bucket: LOCAL_BUCKET, Key: key })).catch((e: Error) => e);
      expect((stored as Error).name).toBe('NoSuchKey');
    }
    const ok = await fetch(await presign('probe/ok.jpg'), { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body });
    expect(ok.status).toBe(200);
    expect((await readBack('probe/ok.jpg')).equals(body)).toBe(true);
  });
});
