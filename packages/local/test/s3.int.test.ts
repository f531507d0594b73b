import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_BUCKET } from '../src/stack.ts';

/**
 * The local S3 keeps exactly the bytes a client sends, whatever way an SDK client with default settings sends them —
 * the way a developer's own script or a service's code talks to S3 in AWS.
 */
describe('the local S3', () => {
  const endpoint = inject('stack').s3;
  // Nothing but where and who: the SDK's defaults (flexible checksums, aws-chunked streams) are what is tested.
  const s3 = new S3Client({ endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
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
    const res = await fetch(`${endpoint}/${LOCAL_BUCKET}/probe/bad.txt`, {
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
});
