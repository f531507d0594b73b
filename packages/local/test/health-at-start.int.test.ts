import { describe, expect, it } from 'vitest';
import { startLocalStack } from '../src/stack.ts';
import { freePort } from '../src/ports.ts';
import { stubService } from './stub-service.ts';

/**
 * From the moment the gateway listens, `/health` answers: 503 `starting` while the services and the register are
 * being set up, then 200 — never a 404 (a script polling it at start-up must not read "no such endpoint").
 */
describe('health while the stack starts', () => {
  it('is 503 starting until everything is up, then 200, and never 404', async () => {
    const port = await freePort();
    const seen: number[] = [];
    let up = false;
    const poll = (async () => {
      while (!up) {
        const status = await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.status,
          () => 0,
        );
        if (status) seen.push(status);
        if (status === 200) up = true;
        else await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const stack = await startLocalStack({ services: [stubService()], port, timeoutScale: 4 });
    try {
      await poll;
      expect(seen.at(-1)).toBe(200);
      expect(seen).toContain(503);
      expect(seen.filter((s) => s !== 503 && s !== 200)).toEqual([]);
      const body = (await (await fetch(`${stack.url}/health`)).json()) as { status: string };
      expect(body.status).toBe('ok');
    } finally {
      up = true;
      await stack.stop();
    }
  }, 120_000);
});
