import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (v1.0.0) symmetric signatures: HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`,
 * keyed with the base64-decoded secret, sent as `v1,<base64>`; several signatures are space-separated so a receiver
 * keeps verifying while a secret is rotated. Secrets are shown as `whsec_<base64>` (24–64 random bytes).
 */

export const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;

/** A fresh signing secret, `whsec_` + base64 of 32 random bytes (the spec asks for 24 to 64). */
export function generateSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/** The key bytes of a secret, with or without its `whsec_` prefix. */
export function secretKey(secret: string): Buffer {
  const raw = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(raw, 'base64');
  if (key.length === 0) throw new Error('empty webhook secret');
  return key;
}

/** The signed content: ids and timestamps never contain '.', so the concatenation is unambiguous. */
export function signedContent(id: string, timestamp: number, body: string): string {
  return `${id}.${timestamp}.${body}`;
}

/** One `v1,<base64>` signature. `timestamp` is whole seconds since the epoch (the `webhook-timestamp` header). */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret))
    .update(signedContent(id, timestamp, body), 'utf8')
    .digest('base64');
  return `v1,${mac}`;
}

/** The `webhook-signature` header: one signature per secret, space-separated (current secret first). */
export function signatureHeader(secrets: readonly string[], id: string, timestamp: number, body: string): string {
  if (secrets.length === 0) throw new Error('no secret to sign with');
  return secrets.map((s) => sign(s, id, timestamp, body)).join(' ');
}

/** The three Standard Webhooks headers of one attempt. */
export function webhookHeaders(
  secrets: readonly string[],
  id: string,
  at: Date,
  body: string,
): { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string } {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(secrets, id, timestamp, body),
  };
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'missing-headers' | 'timestamp' | 'signature' };

/**
 * What a receiver does (used by the tests and shown in the README): some `v1` signature in the header must equal
 * the HMAC under `secret` (constant-time compare), and the timestamp must be within `toleranceSeconds` of `now`.
 */
export function verify(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  opts: { now?: Date; toleranceSeconds?: number } = {},
): VerifyResult {
  const id = headers['webhook-id'];
  const ts = headers['webhook-timestamp'];
  const header = headers['webhook-signature'];
  if (!id || !ts || !header) return { ok: false, reason: 'missing-headers' };
  const timestamp = Number(ts);
  if (!/^\d+$/.test(ts) || !Number.isSafeInteger(timestamp)) return { ok: false, reason: 'timestamp' };
  if (opts.now) {
    const tolerance = opts.toleranceSeconds ?? 300;
    if (Math.abs(Math.floor(opts.now.getTime() / 1000) - timestamp) > tolerance) return { ok: false, reason: 'timestamp' };
  }
  const expected = Buffer.from(sign(secret, id, timestamp, body).slice(3), 'base64');
  for (const candidate of header.split(' ')) {
    const [version, value] = candidate.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: 'signature' };
}

/** How a secret is shown after it was issued: enough to tell secrets apart, never enough to use one. */
export function secretHint(secret: string): string {
  return `${secret.slice(0, SECRET_PREFIX.length + 4)}…`;
}
