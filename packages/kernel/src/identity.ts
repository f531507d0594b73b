import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import * as z from 'zod';
import { once, PlacePath } from '@cocreate/contracts';
import { Role, isWithin } from '@cocreate/places';
import { problems } from './problem.ts';

/** A role held over a place subtree: `{ role: 'cadre', place: 'hubei/…/majiaqiao' }`. */
export const Grant = once(() => z.object({ role: Role, place: PlacePath }));
export type Grant = z.infer<ReturnType<typeof Grant>>;

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
  /** The longest lifetime (`exp` − `iat`) accepted, in seconds. Default `MAX_TOKEN_LIFETIME_SECONDS`. */
  maxLifetimeSeconds?: number;
}

/**
 * One day: Cognito's longest ID/access token lifetime. A token living longer (or forever, without `exp`) would let a
 * leaked token or a revoked grant act for as long as the key is trusted.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;
/** Clock skew tolerated between the issuer and the function, for `exp`, `nbf` and `iat`. */
const CLOCK_TOLERANCE_SECONDS = 60;

export type Verifier = (authorization: string | undefined) => Promise<Identity>;

/**
 * Verifies a bearer token and reads the caller's grants. The same code runs in AWS (Cognito or a province's OIDC
 * issuer) and locally (tokens from the local development key). It is the check every route relies on: API Gateway's
 * JWT authorizer in front of non-public routes neither bounds a token's lifetime nor runs locally (infra/README.md).
 */
export function createVerifier(config: VerifierConfig): Verifier {
  const { jwks, jwksUrl } = config;
  if (!jwks && !jwksUrl) throw new Error('verifier needs jwks or jwksUrl');
  const jwksEndpoint = jwks ? undefined : new URL(jwksUrl!);
  // The key set is built on the first token, not at cold start: a remote one brings Node's fetch (undici) with it,
  // whose loading cost every HTTP function ~10 ms of its init. It still fetches the keys on first use, as before.
  let keySet: ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet> | undefined;
  const keys = () =>
    (keySet ??= jwks
      ? createLocalJWKSet(jwks)
      : createRemoteJWKSet(jwksEndpoint!, { cooldownDuration: 30_000, cacheMaxAge: KEYS_CACHED_SECONDS * 1000 }));
  const rolesClaim = config.rolesClaim ?? 'roles';
  const maxLifetime = config.maxLifetimeSeconds ?? MAX_TOKEN_LIFETIME_SECONDS;
  /**
   * Tokens this function has verified, by their exact text, with the identity they carry. A caller sends the same
   * token with every request until it expires; checking its signature again each time cost a write ~2 ms of CPU. An
   * entry holds until the token expires (the same test jose makes) and at most as long as the key set is cached
   * (KEYS_CACHED_SECONDS): a token signed by a key since withdrawn is refused no later than before.
   */
  const verified = new Map<string, { identity: Identity; exp: number; until: number }>();

  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) {
      throw problems.unauthenticated({ zh: '缺少 Bearer 令牌。', en: 'A Bearer token is required.' });
    }
    const now = Date.now() / 1000;
    const known = verified.get(token);
    if (known) {
      if (known.exp > now - CLOCK_TOLERANCE_SECONDS && known.until > now) return known.identity;
      verified.delete(token);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys(), {
        issuer: config.issuer,
        ...(config.audience ? { audience: config.audience } : {}),
        requiredClaims: ['exp', 'iat'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (err) {
      if (err instanceof errors.JWTClaimValidationFailed && err.reason === 'missing') {
        throw problems.unauthenticated({
          zh: `令牌缺少 ${err.claim} 声明；令牌须有签发时间（iat）和过期时间（exp）。`,
          en: `The token has no ${err.claim} claim; tokens must say when they were issued (iat) and expire (exp).`,
        });
      }
      throw problems.unauthenticated(whyRefused(err));
    }
    // jose has checked both are numbers and that exp has not passed.
    const { iat, exp } = payload as { iat: number; exp: number };
    if (iat > Math.floor(Date.now() / 1000) + CLOCK_TOLERANCE_SECONDS) {
      throw problems.unauthenticated({ zh: '令牌的签发时间（iat）在未来。', en: 'The token was issued (iat) in the future.' });
    }
    if (exp - iat > maxLifetime) {
      throw problems.unauthenticated({
        zh: `令牌有效期超过 ${maxLifetime} 秒的上限。`,
        en: `The token lives longer than the ${maxLifetime} s allowed.`,
      });
    }
    const identity = identityFromClaims(payload, rolesClaim);
    if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
    verified.set(token, { identity, exp, until: now + KEYS_CACHED_SECONDS });
    return identity;
  };
}

/** How long jose keeps a remote key set before fetching it again, and so the longest a verified token is trusted. */
const KEYS_CACHED_SECONDS = 600;
/** Verified tokens a function remembers (the oldest is forgotten first): one per active caller of a warm function. */
const VERIFIED_TOKENS_KEPT = 1000;

/** A token's grants: built on the first token read, then kept (not one schema per request). */
let grantsSchema: z.ZodArray<ReturnType<typeof Grant>> | undefined;

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
  const grants = (grantsSchema ??= z.array(Grant()).max(200)).safeParse(raw);
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

/** Why a token was refused, in words for people: the library's own text (English, internal) is not passed on. */
function whyRefused(err: unknown): { zh: string; en: string } {
  if (err instanceof errors.JWTExpired) return { zh: '令牌已过期，请重新登录。', en: 'The token has expired; sign in again.' };
  if (err instanceof errors.JWTClaimValidationFailed) {
    return { zh: `令牌的 ${err.claim} 声明不符合要求。`, en: `The token's ${err.claim} claim is not acceptable.` };
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return { zh: '令牌签名无效。', en: 'The token signature does not verify.' };
  if (err instanceof errors.JOSEAlgNotAllowed)
    return { zh: '令牌的签名算法不被接受。', en: 'The token is signed with an algorithm that is not accepted.' };
  if (err instanceof errors.JWKSNoMatchingKey) return { zh: '找不到签发该令牌的密钥。', en: 'No key is known for the token’s signer.' };
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid || err instanceof errors.JOSENotSupported) {
    return { zh: '令牌格式不正确。', en: 'The token is malformed.' };
  }
  return { zh: '令牌无效。', en: 'The token is not valid.' };
}
