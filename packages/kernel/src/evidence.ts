import type * as S3 from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import type * as S3Presigner from '@aws-sdk/s3-request-presigner';
import * as z from 'zod';
import type { EvidenceRef } from '@cocreate/contracts';
import { Problem, problems } from './problem.ts';
import { newId } from './store/unit.ts';
import { once, says } from '@cocreate/contracts';

/** Kinds of files residents and cadres attach: minutes, photos, videos, scans of tally sheets, PDFs. */
export const EvidenceContentType = once(() =>
  z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'video/mp4', 'video/quicktime', 'application/pdf', 'text/plain']),
);

export type EvidenceContentType = z.infer<ReturnType<typeof EvidenceContentType>>;

const MB = 1024 * 1024;
/**
 * The largest file of each kind a record accepts: a phone's photo or a scanned sheet fits with room to spare; a
 * hidden-works video (隐蔽工程影像) of a few minutes fits in 200 MB. The size is signed into the upload URL, and the
 * stored object is checked against these before a record holds it.
 */
export const EVIDENCE_MAX_BYTES: Readonly<Record<EvidenceContentType, number>> = {
  'image/jpeg': 20 * MB,
  'image/png': 20 * MB,
  'image/webp': 20 * MB,
  'image/heic': 20 * MB,
  'video/mp4': 200 * MB,
  'video/quicktime': 200 * MB,
  'application/pdf': 50 * MB,
  'text/plain': 5 * MB,
};

export const EvidenceUploadRequest = once(() =>
  z.object({
    filename: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^/\\\0]+$/, says({ zh: '须为文件名，不能是路径', en: 'a file name, not a path' }))
      // The name becomes the key's last segment, and '.' or '..' there would make a key verify() refuses.
      .refine((name) => name !== '.' && name !== '..', says({ zh: '须为文件名，不能是路径', en: 'a file name, not a path' })),
    contentType: EvidenceContentType(),
    /** The file's exact size in bytes: signed into the URL, so S3 refuses a body of any other length. */
    size: z
      .number()
      .int()
      .min(1)
      .max(Math.max(...Object.values(EVIDENCE_MAX_BYTES)))
      .meta({ description: 'The exact size of the file in bytes; the upload must send exactly this many.' }),
  }),
);
export type EvidenceUploadRequest = z.infer<ReturnType<typeof EvidenceUploadRequest>>;

/** A presigned upload: what every service's evidence-upload route answers. */
export const EvidenceUpload = once(() =>
  z.object({
    key: z.string(),
    uploadUrl: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  }),
);
export type EvidenceUpload = z.infer<ReturnType<typeof EvidenceUpload>>;

/**
 * Why `key` is not a key this store could have issued, or undefined when it could be one. Keys are compared as
 * strings but travel as URL paths, where `..`, `.` (also written `%2e`) and `\` are resolved by URL parsers and
 * proxies: `projects/<village>/../<other village>/…` starts with the village's prefix yet may name another place's
 * file. Issued keys never hold such segments (the file name is percent-encoded), so they are refused, not resolved.
 */
export function evidenceKeyFault(key: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\\\u0000-\u001f\u007f]/.test(key)) return 'holds a backslash or a control character';
  for (const segment of key.split('/')) {
    if (segment === '') return 'has an empty segment (a leading, trailing or doubled /)';
    const dots = segment.replace(/%2e/gi, '.');
    if (dots === '.' || dots === '..') return `has a "${segment}" segment`;
  }
  return undefined;
}

const UPLOAD_TTL_SECONDS = 900;
const DOWNLOAD_TTL_SECONDS = 300;

/**
 * The S3 client library and its presigner, loaded the first time a file is presigned or checked. A function's cold
 * start does not pay for them (importing the two costs more than the DynamoDB and EventBridge clients together),
 * and most requests of a service that keeps evidence never touch a file. The import is dynamic, so a bundle keeps it
 * outside (the runtime provides the SDK) and loads it only then.
 */
let s3Library: Promise<[typeof S3, typeof S3Presigner]> | undefined;
const s3Sdk = () => (s3Library ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]));

/** An S3 client, or how to build one the first time it is needed (with the library it comes from). */
export type S3ClientOf = S3Client | ((lib: typeof S3) => S3Client);

/**
 * Evidence files in S3 (minutes, photos, hidden-works videos, tally-sheet scans). Clients upload with a presigned
 * PUT; a service only accepts a reference after checking the object exists and lies under its own prefix and the
 * record's place, so nobody can attach another county's files.
 */
export class EvidenceStore {
  private client: S3Client | undefined;

  constructor(
    private readonly s3: S3ClientOf,
    readonly bucket: string,
    private readonly service: string,
    private readonly now: () => Date,
  ) {}

  /** The S3 library, presigner and client, built on first use. */
  private async sdk() {
    const [lib, presigner] = await s3Sdk();
    this.client ??= typeof this.s3 === 'function' ? this.s3(lib) : this.s3;
    return { lib, client: this.client, getSignedUrl: presigner.getSignedUrl };
  }

  prefixFor(place: string): string {
    return `${this.service}/${place}/`;
  }

  /**
   * A presigned PUT for one file. The content type — and the size, when given — are signed into the URL (not only
   * the host), so S3 refuses an upload of another type or length than the one the URL was issued for. A service's
   * own files of other kinds (the registry's rosters) pass their type and leave the size to their own reader's cap.
   */
  async presignUpload(place: string, req: { filename: string; contentType: string; size?: number }): Promise<EvidenceUpload> {
    const cap = EVIDENCE_MAX_BYTES[req.contentType as EvidenceContentType];
    if (req.size !== undefined && cap !== undefined && req.size > cap) {
      throw problems.rule(
        'evidence-too-large',
        {
          zh: `此类文件最大 ${Math.round(cap / MB)} MB，请压缩后再上传。`,
          en: `A file of this kind may be at most ${Math.round(cap / MB)} MB; compress it and try again.`,
        },
        { maxBytes: cap },
        [{ in: 'body', pointer: '/size', rule: 'evidence-max-size', message: { zh: `不得超过 ${cap} 字节`, en: `at most ${cap} bytes` } }],
      );
    }
    const key = `${this.prefixFor(place)}${newId()}/${encodeURIComponent(req.filename)}`;
    const { lib, client, getSignedUrl } = await this.sdk();
    const command = new lib.PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ContentType: req.contentType,
      ...(req.size !== undefined ? { ContentLength: req.size } : {}),
    });
    const url = await getSignedUrl(client, command, {
      expiresIn: UPLOAD_TTL_SECONDS,
      signableHeaders: new Set(req.size !== undefined ? ['content-type', 'content-length'] : ['content-type']),
    });
    return {
      key,
      uploadUrl: url,
      method: 'PUT',
      headers: { 'content-type': req.contentType },
      expiresAt: new Date(this.now().getTime() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
    };
  }

  /**
   * A presigned GET for one file. `contentType` (a type the record checked when it accepted the file) is signed into
   * the URL as the answer's type, shown inline: the reader gets the type the service verified, whatever the object's
   * own metadata says. `expiresIn` in seconds (default 300, at most 3600).
   */
  async presignDownload(key: string, opts: { contentType?: EvidenceContentType; expiresIn?: number } = {}): Promise<string> {
    const { lib, client, getSignedUrl } = await this.sdk();
    const command = new lib.GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ...(opts.contentType ? { ResponseContentType: opts.contentType, ResponseContentDisposition: 'inline' } : {}),
    });
    return getSignedUrl(client, command, { expiresIn: Math.min(opts.expiresIn ?? DOWNLOAD_TTL_SECONDS, 3600) });
  }

  /**
   * Checks a reference before a record holds it: the key belongs to this service and place, and the object is
   * there. Returns the reference with the stored content type.
   */
  async verify(ref: EvidenceRef, place: string, field = '/evidence'): Promise<EvidenceRef> {
    const fault = evidenceKeyFault(ref.key);
    if (fault) {
      throw problems.rule(
        'evidence-key-invalid',
        {
          zh: '证据文件的键不是规范路径（含 .. 、. 、空段或反斜杠），请使用上传地址返回的键。',
          en: 'The evidence key is not a normalised path (it holds .., ., an empty segment or a backslash); use the key the upload URL came with.',
        },
        {},
        [{ in: 'body', pointer: field, rule: 'evidence-key-normalised', message: `the key ${fault}` }],
      );
    }
    if (!ref.key.startsWith(this.prefixFor(place))) {
      throw problems.rule(
        'evidence-outside-place',
        {
          zh: '证据文件不属于本服务或本地点，请先申请上传地址。',
          en: 'The evidence key does not belong to this service and place; request an upload URL first.',
        },
        {},
        [{ in: 'body', pointer: field, rule: 'evidence-prefix', message: `must start with ${this.prefixFor(place)}` }],
      );
    }
    let head: { ContentType?: string | undefined; ContentLength?: number | undefined };
    const { lib, client } = await this.sdk();
    try {
      head = await client.send(new lib.HeadObjectCommand({ Bucket: this.bucket, Key: ref.key }));
    } catch (err) {
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (err as Error).name === 'NotFound' || (err as Error).name === 'NoSuchKey') {
        throw problems.rule(
          'evidence-missing',
          { zh: '证据文件尚未上传。', en: 'The evidence file has not been uploaded.' },
          { key: ref.key },
          [{ in: 'body', pointer: field, rule: 'evidence-exists', message: { zh: '该键下没有文件', en: 'no object at this key' } }],
        );
      }
      // Anything else (permissions, the store unreachable) is ours, not the caller's: say so, change nothing.
      throw new Problem(
        503,
        'evidence-store-unavailable',
        { zh: '证据存储暂不可用', en: 'Evidence store unavailable' },
        {
          zh: '暂时无法核对证据文件，请稍后重试；没有数据被写入。',
          en: 'The evidence file could not be checked right now; try again later. Nothing was written.',
        },
      );
    }
    // What is stored, not what the caller says it is: a record never holds a type a browser would run, nor a file
    // beyond its kind's size, however it reached the bucket.
    const stored = EvidenceContentType().safeParse(head.ContentType?.split(';')[0]?.trim().toLowerCase());
    if (!stored.success) {
      throw problems.rule(
        'evidence-type-not-allowed',
        {
          zh: '证据文件的类型不是允许的照片、视频、PDF 或文本。',
          en: 'The stored evidence file is not one of the allowed kinds (photo, video, PDF or text).',
        },
        { contentType: head.ContentType ?? null },
        [{ in: 'body', pointer: field, rule: 'evidence-content-type', message: { zh: '文件类型不允许', en: 'file type not allowed' } }],
      );
    }
    if ((head.ContentLength ?? 0) > EVIDENCE_MAX_BYTES[stored.data]) {
      throw problems.rule(
        'evidence-too-large',
        {
          zh: '证据文件超过此类文件的大小上限。',
          en: 'The stored evidence file is larger than files of its kind may be.',
        },
        { maxBytes: EVIDENCE_MAX_BYTES[stored.data] },
        [{ in: 'body', pointer: field, rule: 'evidence-max-size', message: { zh: '文件过大', en: 'file too large' } }],
      );
    }
    return { ...ref, contentType: stored.data };
  }
}
