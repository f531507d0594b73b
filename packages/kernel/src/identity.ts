import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { z } from 'zod';
import { PlacePath } from '@cocreate/contracts';
import { Role, isWithin } from '@cocreate/places';
import { problems } from './problem.ts';

/** A role held over a place subtree: `{ role: 'cadre', place: 'hubei/…/majiaqiao' }`. */
export const Grant = z.object({ role: Role, place: PlacePath });
export type Grant = z.infer<typeof Grant>;

export interface Identity {
  sub: string;
  name?: string;
  grants: Grant[];
}

export interface VerifierConfig {
  issuer: string;
  audience?: string;
  /** JWKS endpoint (Cognito: `<issuer>/.well-known/jwks.json`; locally the gateway's `/_local/jwks.json`). */
  jwksUrl?: string;
  /** Inline keys, for tests that sign their own tokens. */
  jwks?: JSONWebKeySet;
  /**
   * Claim carrying the grants: an array of `{role, place}` or a JSON string of one (Cognito custom attributes are
   * strings, e.g. `custom:roles`). Default `roles`.
   */
  rolesClaim?: string;
}

export type Verifier = (authorization: string | undefined) => Promise<Identity>;

/**
 * Verifies a bearer token and reads the caller's grants. The same code runs in AWS (Cognito or a province's OIDC
 * issuer, behind API Gateway's JWT authorizer) and locally (tokens from the local development key).
 */
export function createVerifier(config: VerifierConfig): Verifier {
  const keys = config.jwks
    ? createLocalJWKSet(config.jwks)
    : config.jwksUrl
      ? createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 })
      : undefined;
  if (!keys) throw new Error('verifier needs jwks or jwksUrl');
  const rolesClaim = config.rolesClaim ?? 'roles';

  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) {
      throw problems.unauthenticated({ zh: '缺少 Bearer 令牌。', en: 'A Bearer token is required.' });
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        ...(config.audience ? { audience: config.audience } : {}),
      }));
    } catch (err) {
      throw problems.unauthenticated({
        zh: `令牌无效：${(err as Error).message}`,
        en: `Invalid token: ${(err as Error).message}`,
      });
    }
    return identityFromClaims(payload, rolesClaim);
  };
}

export function identityFromClaims(payload: JWTPayload, rolesClaim = 'roles'): Identity {
  if (!payload.sub) throw problems.unauthenticated({ zh: '令牌缺少 sub。', en: 'The token has no sub.' });
  let raw: unknown = payload[rolesClaim] ?? [];
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      raw = undefined;
    }
  }
  const grants = z.array(Grant).max(200).safeParse(raw);
  if (!grants.success) {
    throw problems.unauthenticated({
      zh: `令牌的角色声明 ${rolesClaim} 格式不正确。`,
      en: `The token's ${rolesClaim} claim is malformed.`,
    });
  }
  return {
    sub: payload.sub,
    ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
    grants: grants.data,
  };
}

/** The first grant among `roles` whose subtree contains `place`, if any. */
export function grantFor(identity: Identity, roles: readonly Role[], place: string): Grant | undefined {
  return identity.grants.find((g) => roles.includes(g.role) && isWithin(place, g.place));
}

/** Whether the caller holds `role` anywhere covering `place`. */
export function holds(identity: Identity, role: Role, place: string): boolean {
  return grantFor(identity, [role], place) !== undefined;
}
