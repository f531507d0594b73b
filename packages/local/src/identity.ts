import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import * as z from 'zod';
import { Grant, MAX_TOKEN_LIFETIME_SECONDS } from '@cocreate/kernel';

/** The body of `POST /_local/token`. */
export const TokenRequest = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().max(64).optional(),
  roles: z.array(Grant()).max(50).default([]),
  /** Lifetime in seconds (default and most: the longest the kernel's verifier accepts, one day). */
  ttl: z.number().int().min(1).max(MAX_TOKEN_LIFETIME_SECONDS).default(MAX_TOKEN_LIFETIME_SECONDS),
});
export type TokenRequest = z.input<typeof TokenRequest>;

export const LOCAL_AUDIENCE = 'cocreate-local';

/**
 * The local development signing key: an ES256 pair made on first start (kept in the data directory when there is
 * one, so tokens outlive restarts). Its public half is served as a JWKS; the kernel's verifier fetches it exactly as
 * it fetches Cognito's keys in AWS.
 */
export class LocalIssuer {
  private constructor(
    readonly issuer: string,
    private readonly privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'],
    readonly publicJwk: JWK,
  ) {}

  static async create(issuer: string, keyFile?: string): Promise<LocalIssuer> {
    if (keyFile && existsSync(keyFile)) {
      const stored = JSON.parse(readFileSync(keyFile, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
      const key = (await importJWK(stored.privateJwk, 'ES256')) as Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
      return new LocalIssuer(issuer, key, stored.publicJwk);
    }
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid: `local-${Date.now().toString(36)}`, alg: 'ES256', use: 'sig' };
    if (keyFile) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, JSON.stringify({ privateJwk: await exportJWK(privateKey), publicJwk }), { mode: 0o600 });
    }
    return new LocalIssuer(issuer, privateKey, publicJwk);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  async sign(request: TokenRequest): Promise<{ token: string; expiresAt: string }> {
    const r = TokenRequest.parse(request);
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ roles: r.roles, ...(r.name ? { name: r.name } : {}) })
      .setProtectedHeader({ alg: 'ES256', kid: this.publicJwk.kid! })
      .setSubject(r.sub)
      .setIssuer(this.issuer)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + r.ttl)
      .sign(this.privateKey);
    return { token, expiresAt: new Date((now + r.ttl) * 1000).toISOString() };
  }
}
