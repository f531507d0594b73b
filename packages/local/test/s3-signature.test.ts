import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sdkSigner } from './sdk-signer.ts';
import { checkSignature } from '../src/s3-signature.ts';

const secrets = new Map([['S3RVER', 'S3RVER']]);
const signer = sdkSigner;
const host = '127.0.0.1:4569';
const at = new Date('2027-03-01T02:00:00Z');
const base = {
  method: 'PUT',
  protocol: 'http:',
  hostname: '127.0.0.1',
  port: 4569,
  path: '/evidence/projects/hubei/x/%E7%85%A7%E7%89%87.jpg',
  headers: { host, 'content-type': 'image/jpeg', 'content-length': '4', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
  query: {},
};
/** The request as the front door receives it: the target still encoded, header names in lower case. */
const received = (r: { method: string; path: string; headers: Record<string, string>; query?: Record<string, unknown> }) => {
  const query = new URLSearchParams(r.query as Record<string, string>).toString().replace(/\+/g, '%20');
  return {
    method: r.method,
    url: query ? `${r.path}?${query}` : r.path,
    headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])),
  };
};

/** The checker against requests signed by the AWS SDK's own SigV4 signer — two independent implementations. */
describe('SigV4 as the local S3 checks it', () => {
  it('accepts a header-signed request and refuses it once anything signed changes', async () => {
    const signed = received(await signer().sign(base, { signingDate: at }));
    expect(checkSignature(signed, secrets, at)).toEqual({ ok: true });
    expect(checkSignature({ ...signed, headers: { ...signed.headers, 'content-type': 'text/html' } }, secrets, at)).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
    });
    expect(checkSignature({ ...signed, url: signed.url.replace('hubei', 'hunan') }, secrets, at)).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    expect(checkSignature(signed, secrets, new Date(at.getTime() + 16 * 60_000))).toMatchObject({ code: 'RequestTimeTooSkewed' });
  });

  it('refuses another secret, an unknown key and no signature at all', async () => {
    expect(checkSignature(received(await signer('guess').sign(base, { signingDate: at })), secrets, at)).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    expect(checkSignature(received(await signer('S3RVER', 'AKIAOTHER').sign(base, { signingDate: at })), secrets, at)).toMatchObject({
      code: 'InvalidAccessKeyId',
    });
    expect(checkSignature(received({ ...base, method: 'GET', path: '/' }), secrets, at)).toMatchObject({
      status: 403,
      code: 'AccessDenied',
    });
  });

  it('accepts a presigned URL within its life, with the headers it signed, and nothing else', async () => {
    const presigned = await signer().presign(
      // As the S3 presigner does: a presigned body is never hashed.
      { ...base, headers: { host, 'content-type': 'image/jpeg', 'content-length': '4', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } },
      { signingDate: at, expiresIn: 900, signableHeaders: new Set(['content-type', 'content-length']) },
    );
    const sent = received(presigned);
    expect(sent.url).toContain('X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost');
    expect(checkSignature(sent, secrets, at)).toEqual({ ok: true });
    expect(checkSignature({ ...sent, headers: { ...sent.headers, 'content-type': 'text/html' } }, secrets, at)).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    expect(checkSignature({ ...sent, headers: { ...sent.headers, 'content-length': '20971520' } }, secrets, at)).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    expect(checkSignature(sent, secrets, new Date(at.getTime() + 901_000))).toMatchObject({
      code: 'AccessDenied',
      message: 'Request has expired.',
    });
  });

  it('compares a hashed payload with the body that came', async () => {
    const body = 'abcd';
    const hash = createHash('sha256').update(body).digest('hex');
    const signed = received(
      await signer().sign({ ...base, headers: { ...base.headers, 'x-amz-content-sha256': hash }, body }, { signingDate: at }),
    );
    expect(checkSignature({ ...signed, payloadSha256: hash }, secrets, at)).toEqual({ ok: true });
    expect(checkSignature({ ...signed, payloadSha256: createHash('sha256').update('abce').digest('hex') }, secrets, at)).toMatchObject({
      code: 'XAmzContentSHA256Mismatch',
    });
  });
});
