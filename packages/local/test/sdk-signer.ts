import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData) =>
  typeof d === 'string' ? d : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d);

/** SHA-256 for the SDK's own signer, from node:crypto (what @smithy/hash-node does). */
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * The AWS SDK's own SigV4 signer for S3 (as the S3 client configures it: paths signed as sent), so the local S3's
 * checker is tested against an implementation it does not share code with.
 */
export const sdkSigner = (secretAccessKey = 'S3RVER', accessKeyId = 'S3RVER') =>
  new SignatureV4({
    service: 's3',
    region: 'cn-north-1',
    credentials: { accessKeyId, secretAccessKey },
    sha256: Sha256,
    uriEscapePath: false,
  });
