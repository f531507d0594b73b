import { describe, expect, it } from 'vitest';
import { createVerifier, MAX_TOKEN_LIFETIME_SECONDS } from '@cocreate/kernel';
import { LOCAL_AUDIENCE, LocalIssuer } from '../src/identity.ts';

describe('local issuer', () => {
  it('issues tokens the kernel verifier accepts, up to the longest lifetime it allows, and no longer', async () => {
    const issuer = await LocalIssuer.create('http://127.0.0.1:1/_local');
    const verify = createVerifier({ issuer: issuer.issuer, audience: LOCAL_AUDIENCE, jwks: issuer.jwks() });
    const byDefault = await issuer.sign({ sub: 'p-1' });
    expect((await verify(`Bearer ${byDefault.token}`)).sub).toBe('p-1');
    const longest = await issuer.sign({ sub: 'p-2', ttl: MAX_TOKEN_LIFETIME_SECONDS });
    expect((await verify(`Bearer ${longest.token}`)).sub).toBe('p-2');
    // Asking for more is refused where it is asked (400 at /_local/token), not with a token every route refuses.
    await expect(issuer.sign({ sub: 'p-3', ttl: MAX_TOKEN_LIFETIME_SECONDS + 1 })).rejects.toThrow();
  });
});
