import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * AWS Signature Version 4 as S3 checks it, for the local S3's front door: a request signed in its `Authorization`
 * header or presigned in its query string is recomputed from what arrived and compared. So a test that forgets to
 * sign, signs with another key, lets a presigned URL expire, or sends another content type or length than the URL
 * signed fails here as it would in AWS — not only after the first deploy.
 *
 * S3's canonical request differs from other services' in one way that matters here: the path is used as sent (its
 * segments already encoded once by the client), never normalised or encoded again.
 */
export type SignatureCheck = { ok: true } | { ok: false; status: 400 | 403; code: string; message: string };

export interface SignedRequest {
  method: string;
  /** The request target as received: path and query, still encoded. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The payload's SHA-256 in hex, when the body was read; compared with a hex `x-amz-content-sha256`. */
  payloadSha256?: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** The longest a presigned URL may live (S3's own limit: seven days). */
const MAX_EXPIRES_SECONDS = 604_800;
/** How far a header-signed request's date may be from now (S3 allows 15 minutes of skew). */
const MAX_SKEW_MS = 15 * 60 * 1000;

const refuse = (code: string, message: string, status: 400 | 403 = 403): SignatureCheck => ({ ok: false, status, code, message });

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, `~` kept. */
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

/** `YYYYMMDDTHHMMSSZ` → Date, or undefined. */
function amzDate(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v.join(',') : v).trim().replace(/\s+/g, ' ');
}

/**
 * Checks a request's SigV4 signature against the secret of its access key. `secrets` maps access key ids to secret
 * keys; `now` is wall-clock time (a presigned URL's life is real time, whatever the local stack's clock says).
 */
export function checkSignature(req: SignedRequest, secrets: ReadonlyMap<string, string>, now: Date = new Date()): SignatureCheck {
  const [rawPath, rawQuery = ''] = splitOnce(req.url, '?');
  let query: [string, string][];
  try {
    query = parseQuery(rawQuery);
  } catch {
    return refuse('InvalidArgument', 'The query string holds a malformed % escape.', 400);
  }
  const auth = headerValue(req.headers, 'authorization');
  const presigned = query.some(([k]) => k === 'X-Amz-Signature');

  let credential: string, signedHeaders: string[], signature: string, date: string | undefined, payloadHash: string;
  if (auth) {
    const m = /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
    if (!m) return refuse('AuthorizationHeaderMalformed', 'The authorization header is not an AWS4-HMAC-SHA256 signature.', 400);
    [credential, signedHeaders, signature] = [m[1]!, m[2]!.split(';'), m[3]!];
    date = headerValue(req.headers, 'x-amz-date');
    payloadHash = headerValue(req.headers, 'x-amz-content-sha256') ?? '';
    if (!payloadHash) return refuse('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256.', 400);
    if (/^[0-9a-f]{64}$/.test(payloadHash) && req.payloadSha256 !== undefined && payloadHash !== req.payloadSha256) {
      return refuse('XAmzContentSHA256Mismatch', 'The provided x-amz-content-sha256 header does not match what was computed.', 400);
    }
    const signedAt = amzDate(date);
    if (!signedAt) return refuse('AccessDenied', 'The request has no valid x-amz-date.');
    if (Math.abs(now.getTime() - signedAt.getTime()) > MAX_SKEW_MS) {
      return refuse('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
    }
  } else if (presigned) {
    const get = (k: string) => query.find(([name]) => name === k)?.[1];
    if (get('X-Amz-Algorithm') !== ALGORITHM)
      return refuse('AuthorizationQueryParametersError', 'X-Amz-Algorithm must be AWS4-HMAC-SHA256.', 400);
    credential = get('X-Amz-Credential') ?? '';
    signedHeaders = (get('X-Amz-SignedHeaders') ?? '').split(';');
    signature = get('X-Amz-Signature') ?? '';
    date = get('X-Amz-Date');
    payloadHash = get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
    const signedAt = amzDate(date);
    const expires = Number(get('X-Amz-Expires'));
    if (!signedAt || !Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS) {
      return refuse('AuthorizationQueryParametersError', 'X-Amz-Date and X-Amz-Expires (1 to 604800 seconds) are required.', 400);
    }
    if (now.getTime() > signedAt.getTime() + expires * 1000) return refuse('AccessDenied', 'Request has expired.');
  } else {
    return refuse('AccessDenied', 'Anonymous requests are not allowed: sign the request or use a presigned URL.');
  }

  const [accessKey, day, region, service, terminator] = credential.split('/');
  const secret = accessKey === undefined ? undefined : secrets.get(accessKey);
  if (!secret) return refuse('InvalidAccessKeyId', 'The AWS access key id you provided does not exist in our records.');
  if (!day || !region || service !== 's3' || terminator !== 'aws4_request' || date?.slice(0, 8) !== day) {
    return refuse('AuthorizationHeaderMalformed', 'The credential scope is not <date>/<region>/s3/aws4_request for the signing date.', 400);
  }
  if (!signedHeaders.includes('host')) return refuse('AccessDenied', 'The host header must be signed.');
  for (const name of signedHeaders) {
    if (name !== name.toLowerCase() || headerValue(req.headers, name) === undefined) {
      return refuse('AccessDenied', `The signed header ${name} was not sent.`);
    }
  }

  const canonicalQuery = query
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [
    req.method.toUpperCase(),
    rawPath || '/',
    canonicalQuery,
    signedHeaders.map((name) => `${name}:${headerValue(req.headers, name)}\n`).join(''),
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${day}/${region}/s3/aws4_request`;
  const stringToSign = [ALGORITHM, date, scope, sha256(canonicalRequest)].join('\n');
  const key = ['aws4_request', 's3', region, day].reduceRight<Buffer | string>((k, part) => hmac(k, part), `AWS4${secret}`);
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return refuse('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }
  return { ok: true };
}

function splitOnce(s: string, on: string): [string, string?] {
  const i = s.indexOf(on);
  return i < 0 ? [s] : [s.slice(0, i), s.slice(i + 1)];
}

/** The query's pairs, decoded (`+` is a literal plus in S3's query strings, not a space). */
function parseQuery(raw: string): [string, string][] {
  if (!raw) return [];
  return raw.split('&').map((pair) => {
    const [k, v = ''] = splitOnce(pair, '=');
    return [decodeURIComponent(k), decodeURIComponent(v)];
  });
}
