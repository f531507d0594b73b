import type { EvidenceUpload, EvidenceUploadRequest, ServiceContext } from '@cocreate/kernel';

/**
 * The registry's files in the evidence bucket (uploaded rosters, large import plans, the blank templates), reached
 * only through the kernel's evidence store: presigned PUT and GET URLs signed with the service's own role, under the
 * service's own prefix. The kernel's store offers no direct get or put, so the service fetches its own URLs.
 */
export type FileRead = { ok: true; bytes: Uint8Array } | { ok: false; why: 'missing' | 'too-large'; size?: number };

/** An upload URL for a file of an import; the content type is part of the signature. */
export function presignFileUpload(ctx: ServiceContext, place: string, name: string, contentType: string): Promise<EvidenceUpload> {
  // The evidence store's type lists the evidence kinds; a roster's types (CSV, XLSX) are signed the same way.
  return ctx.evidence.presignUpload(place, { filename: name, contentType: contentType as EvidenceUploadRequest['contentType'] });
}

/** Reads an object, refusing to take in more than `maxBytes` (the size is read from the headers first). */
export async function readFile(ctx: ServiceContext, key: string, maxBytes: number): Promise<FileRead> {
  const res = await fetch(await ctx.evidence.presignDownload(key));
  if (res.status === 404 || res.status === 403) {
    await res.body?.cancel();
    return { ok: false, why: 'missing' };
  }
  if (!res.ok) throw new Error(`reading ${key} from the evidence bucket: ${res.status}`);
  const size = Number(res.headers.get('content-length') ?? NaN);
  if (size > maxBytes) {
    await res.body?.cancel();
    return { ok: false, why: 'too-large', size };
  }
  return { ok: true, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Writes an object under the service's prefix for `place`; answers its key. */
export async function writeFile(
  ctx: ServiceContext,
  place: string,
  name: string,
  contentType: string,
  body: Uint8Array | string,
  headers: Record<string, string> = {},
): Promise<string> {
  const upload = await presignFileUpload(ctx, place, name, contentType);
  const res = await fetch(upload.uploadUrl, { method: 'PUT', headers: { ...upload.headers, ...headers }, body });
  if (!res.ok) throw new Error(`writing ${upload.key} to the evidence bucket: ${res.status} ${await res.text()}`);
  return upload.key;
}
