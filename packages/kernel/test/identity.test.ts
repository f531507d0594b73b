import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { type Problem, createVerifier, grantFor, type Verifier } from '../src/index.ts';

let verify: Verifier;
let sign: (claims: Record<string, unknown>, opts?: { issuer?: string; sub?: string; exp?: number }) => Promise<string>;

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
      .setExpirationTime(opts.exp ?? Math.floor(Date.now() / 1000) + 600)
      .sign(privateKey);
});

const status = async (p: Promise<unknown>) => (await p.then(() => 0, (e: Problem) => e.status));

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
