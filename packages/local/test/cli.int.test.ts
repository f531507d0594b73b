import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `pnpm dev` as a newcomer meets it: what it says when asked, when something is missing, and while it runs. */
const root = resolve(import.meta.dirname, '../../..');

function dev(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { child: ChildProcess; out: () => string; err: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/local/src/cli.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (err += String(d)));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out: () => out, err: () => err, exit };
}

const temp = mkdtempSync(join(tmpdir(), 'cocreate-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A PATH holding node and, if given, a `java` that prints this version banner. */
function pathWith(javaBanner?: string): string {
  const dir = mkdtempSync(join(temp, 'bin-'));
  symlinkSync(process.execPath, join(dir, 'node'));
  if (javaBanner) {
    writeFileSync(join(dir, 'java'), `#!/bin/sh\necho '${javaBanner}' >&2\n`);
    chmodSync(join(dir, 'java'), 0o755);
  }
  return dir;
}

describe('pnpm dev', () => {
  it('--help prints every flag and exits 0; an unknown flag prints them too and exits 2', async () => {
    const help = dev(['--help']);
    expect(await help.exit).toBe(0);
    for (const flag of ['--port', '--data-dir', '--log-level', '--quiet', '--help']) expect(help.out()).toContain(flag);
    const wrong = dev(['--prot', '3001']);
    expect(await wrong.exit).toBe(2);
    expect(wrong.err()).toContain("Unknown option '--prot'");
    expect(wrong.err()).toContain('--port N');
  });

  it('says the port is taken and which to try, at once, starting nothing', async () => {
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      const started = Date.now();
      const run = dev(['--port', String(port)]);
      expect(await run.exit).toBe(1);
      expect(run.err()).toContain(`port ${port} is in use; try --port ${port + 1} or PORT=${port + 1}`);
      expect(run.err()).not.toMatch(/\n\s+at /);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      server.close();
    }
  });

  it('says Java 17+ is needed and how to install it when there is no java, or an old one, without a stack trace', async () => {
    const none = dev(['--port', '0'], { ...process.env, PATH: pathWith() });
    expect(await none.exit).toBe(1);
    expect(none.err()).toContain('DynamoDB Local needs Java 17 or newer, and no `java` was found on PATH');
    expect(none.err()).toContain('apt-get install -y openjdk-17-jre-headless');
    expect(none.err()).not.toMatch(/\n\s+at /);
    const old = dev(['--port', '0'], { ...process.env, PATH: pathWith('openjdk version "11.0.22" 2024-01-16') });
    expect(await old.exit).toBe(1);
    expect(old.err()).toContain('`java -version` says: openjdk version "11.0.22"');
  });

  it('tells each component as it starts, then logs one line per request (method, path, status, time, service)', async () => {
    const run = dev(['--port', '0'], { ...process.env, PORT: '' });
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        const timer = setInterval(() => {
          const m = /HTTP gateway\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(run.out());
          if (m) {
            clearInterval(timer);
            resolveUrl(m[1]!);
          }
        }, 200);
        void run.exit.then((code) => {
          clearInterval(timer);
          reject(new Error(`pnpm dev exited (${code}): ${run.err()}`));
        });
      });
      for (const step of ['DynamoDB Local', 'S3 server', 'event bus', 'services: tables', 'register imported through the registry']) {
        expect(run.out()).toMatch(new RegExp(`✓ .*${step}.* \\(\\d+\\.\\d s\\)`));
      }
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/deliberation/needs?village=x`)).status).toBe(401);
      await new Promise((r) => setTimeout(r, 300));
      expect(run.out()).toMatch(/GET \/health 200 \d+ms local/);
      expect(run.out()).toMatch(/GET \/deliberation\/needs 401 \d+ms deliberation/);
    } finally {
      run.child.kill('SIGINT');
      await run.exit;
    }
    // A second whole stack beside the test run's own: the demo import can take a while on a busy machine.
  }, 240_000);
});
