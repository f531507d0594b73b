import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { MAX_TOKEN_LIFETIME_SECONDS, type Problem, createVerifier, grantFor, type Verifier } from '../src/index.ts';

let verify: Verifier;
let sign: (claims: Record<string, unknown>, opts?: { issuer?: string; sub?: string; exp?: number }) => Promise<string>;
/** Signs exactly the claims given, with the trusted key: for tokens whose times are the point of the test. */
let signRaw: (claims: Record<string, unknown>) => Promise<string>;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  verify = createVerifier({ issuer: 'https://issuer.test', audience: 'cocreate', jwks: { keys: [jwk] } });
  sign = (claims, opts = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject(opts.sub ?? 'p-majiaqiao-03')
      .setIssuer(opts.issuer ?? 'https://issuer.test')
      .setAudience('cocreate')
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? Math.floor(Date.now() / 1000) + 600)
      .sign(privateKey);
  signRaw = (claims) =>
    new SignJWT({ sub: 'p-majiaqiao-03', iss: 'https://issuer.test', aud: 'cocreate', roles: [], ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .sign(privateKey);
});

const status = async (p: Promise<unknown>) =>
  await p.then(
    () => 0,
    (e: Problem) => e.status,
  );

describe('token verification', () => {
  it('reads the subject and the grants', async () => {
    const token = await sign({ roles: [{ role: 'representative', place: demo.majiaqiao }] });
    const id = await verify(`Bearer ${token}`);
    expect(id).toEqual({ sub: 'p-majiaqiao-03', grants: [{ role: 'representative', place: demo.majiaqiao }] });
  });

  it('accepts grants as a JSON string (Cognito custom attributes are strings)', async () => {
    const token = await sign({ roles: JSON.stringify([{ role: 'cadre', place: demo.majiaqiao }]) });
    expect((await verify(`Bearer ${token}`)).grants).toEqual([{ role: 'cadre', place: demo.majiaqiao }]);
  });

  it('refuses a missing, foreign, expired or malformed token with 401', async () => {
    expect(await status(verify(undefined))).toBe(401);
    expect(await status(verify('Basic abc'))).toBe(401);
    expect(await status(verify(`Bearer ${await sign({ roles: [] }, { issuer: 'https://evil.test' })}`))).toBe(401);
    expect(await status(verify(`Bearer ${await sign({ roles: [] }, { exp: 1000 })}`))).toBe(401);
    expect(await status(verify(`Bearer ${await sign({ roles: [{ role: 'emperor', place: 'hubei' }] })}`))).toBe(401);
    expect(await status(verify(`Bearer ${await sign({ roles: [{ role: 'cadre', place: 'Not A Path' }] })}`))).toBe(401);
  });
});

describe('token lifetime', () => {
  const detail = async (p: Promise<unknown>) =>
    await p.then(
      () => undefined,
      (e: Problem) => ({ status: e.status, en: e.detail?.en, zh: e.detail?.zh }),
    );

  it('refuses a token that never expires, even signed with the trusted key', async () => {
    const refused = await detail(verify(`Bearer ${await signRaw({ iat: now() })}`));
    expect(refused).toMatchObject({ status: 401, en: expect.stringContaining('no exp claim') });
    expect(refused?.zh).toContain('exp');
  });

  it('refuses a token without iat: its lifetime could not be bounded', async () => {
    expect(await detail(verify(`Bearer ${await signRaw({ exp: now() + 600 })}`))).toMatchObject({
      status: 401,
      en: expect.stringContaining('no iat claim'),
    });
  });

  it('refuses a token issued in the future, beyond a minute of clock skew', async () => {
    const t = now();
    expect(await detail(verify(`Bearer ${await signRaw({ iat: t + 3600, exp: t + 7200 })}`))).toMatchObject({
      status: 401,
      en: 'The token was issued (iat) in the future.',
    });
    // A clock a few seconds ahead of ours is not an attack.
    expect((await verify(`Bearer ${await signRaw({ iat: t + 30, exp: t + 600 })}`)).sub).toBe('p-majiaqiao-03');
  });

  it('refuses a token living longer than a day, and accepts one living exactly a day', async () => {
    const t = now();
    expect(MAX_TOKEN_LIFETIME_SECONDS).toBe(86_400);
    expect(await detail(verify(`Bearer ${await signRaw({ iat: t, exp: t + 86_401 })}`))).toMatchObject({
      status: 401,
      en: 'The token lives longer than the 86400 s allowed.',
    });
    expect(await detail(verify(`Bearer ${await signRaw({ iat: t - 10, exp: t + 365 * 86_400 })}`))).toMatchObject({ status: 401 });
    expect((await verify(`Bearer ${await signRaw({ iat: t, exp: t + 86_400 })}`)).sub).toBe('p-majiaqiao-03');
  });

  it('takes a shorter limit from the configuration', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k2', alg: 'ES256' };
    const strict = createVerifier({ issuer: 'https://issuer.test', jwks: { keys: [jwk] }, maxLifetimeSeconds: 300 });
    const t = now();
    const token = (exp: number) =>
      new SignJWT({ sub: 's', iss: 'https://issuer.test', iat: t, exp }).setProtectedHeader({ alg: 'ES256', kid: 'k2' }).sign(privateKey);
    expect(await status(strict(`Bearer ${await token(t + 301)}`))).toBe(401);
    expect(await status(strict(`Bearer ${await token(t + 300)}`))).toBe(0);
  });
});

describe('place check', () => {
  const identity = {
    sub: 'x',
    grants: [
      { role: 'resident' as const, place: demo.majiaqiao },
      { role: 'county-official' as const, place: demo.hongan },
    ],
  };

  it('holds a role over the place itself and everything below it', () => {
    expect(grantFor(identity, ['resident'], demo.majiaqiao)?.role).toBe('resident');
    expect(grantFor(identity, ['resident'], `${demo.majiaqiao}/g1/h03`)?.role).toBe('resident');
    expect(grantFor(identity, ['county-official'], demo.changsheng)?.role).toBe('county-official');
  });

  it('refuses a sibling village, another county, a parent, and a lookalike prefix', () => {
    expect(grantFor(identity, ['resident'], demo.changsheng)).toBeUndefined();
    expect(grantFor(identity, ['county-official'], demo.fengshu)).toBeUndefined();
    expect(grantFor(identity, ['resident'], demo.qiliping)).toBeUndefined();
    expect(grantFor(identity, ['resident'], `${demo.majiaqiao}x`)).toBeUndefined();
  });

  it('needs the right role, not just any role over the place', () => {
    expect(grantFor(identity, ['cadre'], demo.majiaqiao)).toBeUndefined();
  });
});
