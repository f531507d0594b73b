import { describe, expect, it } from 'vitest';
import { generateSecret, secretHint, sign, signatureHeader, verify, webhookHeaders } from '../domain/signatures.ts';

// The test vector of the Standard Webhooks reference libraries ("sign function works").
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  payload: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('Standard Webhooks signatures', () => {
  it('reproduces the specification’s test vector, with and without the whsec_ prefix', () => {
    expect(sign(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.payload)).toBe(VECTOR.signature);
    expect(sign(VECTOR.secret.slice('whsec_'.length), VECTOR.id, VECTOR.timestamp, VECTOR.payload)).toBe(VECTOR.signature);
  });

  it('signs id, timestamp and body: changing any one changes the signature', () => {
    const base = sign(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.payload);
    expect(sign(VECTOR.secret, 'msg_other', VECTOR.timestamp, VECTOR.payload)).not.toBe(base);
    expect(sign(VECTOR.secret, VECTOR.id, VECTOR.timestamp + 1, VECTOR.payload)).not.toBe(base);
    expect(sign(VECTOR.secret, VECTOR.id, VECTOR.timestamp, `${VECTOR.payload} `)).not.toBe(base);
  });

  it('verifies the vector, refuses a tampered body, a wrong secret, missing headers and a stale timestamp', () => {
    const headers = { 'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature };
    expect(verify(VECTOR.secret, headers, VECTOR.payload)).toEqual({ ok: true });
    expect(verify(VECTOR.secret, headers, '{"test": 2432232315}')).toEqual({ ok: false, reason: 'signature' });
    expect(verify(generateSecret(), headers, VECTOR.payload)).toEqual({ ok: false, reason: 'signature' });
    expect(verify(VECTOR.secret, { ...headers, 'webhook-id': undefined }, VECTOR.payload)).toEqual({
      ok: false,
      reason: 'missing-headers',
    });
    expect(verify(VECTOR.secret, { ...headers, 'webhook-timestamp': '16142x' }, VECTOR.payload)).toEqual({
      ok: false,
      reason: 'timestamp',
    });
    const at = new Date(VECTOR.timestamp * 1000);
    expect(verify(VECTOR.secret, headers, VECTOR.payload, { now: new Date(at.getTime() + 299_000) })).toEqual({ ok: true });
    expect(verify(VECTOR.secret, headers, VECTOR.payload, { now: new Date(at.getTime() + 301_000) })).toEqual({
      ok: false,
      reason: 'timestamp',
    });
  });

  it('puts one signature per secret in the header, space-separated; each secret verifies on its own', () => {
    const [a, b] = [generateSecret(), generateSecret()];
    const header = signatureHeader([a, b], 'evt1', 1700000000, '{}');
    expect(header.split(' ')).toHaveLength(2);
    const h = { 'webhook-id': 'evt1', 'webhook-timestamp': '1700000000', 'webhook-signature': header };
    expect(verify(a, h, '{}').ok).toBe(true);
    expect(verify(b, h, '{}').ok).toBe(true);
    expect(verify(generateSecret(), h, '{}').ok).toBe(false);
    // Other schemes' entries (v1a, unknown) are skipped, not fatal.
    expect(verify(a, { ...h, 'webhook-signature': `v1a,AAAA ${header}` }, '{}').ok).toBe(true);
    expect(() => signatureHeader([], 'evt1', 1, '{}')).toThrow(/no secret/);
  });

  it('issues whsec_ secrets of 32 random bytes, shows them only as a hint', () => {
    const s = generateSecret();
    expect(s).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(s.slice(6), 'base64')).toHaveLength(32);
    expect(generateSecret()).not.toBe(s);
    expect(secretHint(s)).toBe(`${s.slice(0, 10)}…`);
  });

  it('makes the three headers with the timestamp in whole seconds', () => {
    const h = webhookHeaders([VECTOR.secret], VECTOR.id, new Date(VECTOR.timestamp * 1000 + 999), VECTOR.payload);
    expect(h).toEqual({ 'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature });
  });
});
