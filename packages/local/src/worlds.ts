import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamoLocal, startDynamoLocal } from './dynamo.ts';

/**
 * DynamoDB Local for a stack reset before every test file: one fixed endpoint (a TCP relay on this machine) in front
 * of an instance, and the next world started in the background while the current file runs. A reset switches the
 * endpoint to it at once instead of starting Java and refilling every table while the file waits (7–14 s a file on
 * two busy cores). Each world is a new process, so nothing a long run leaves behind in one JVM slows the files after
 * it. The tables and items are made once, by `fill`, in an instance on disk (in memory where /dev/shm is) that is
 * then stopped; every world starts on a copy of its files. Making the tables and writing the register's items anew
 * for every world cost about 4.4 s of CPU a file; a copy and Java's start about 2.4 s in all (measured with 6 resets).
 */
export class DynamoWorlds {
  private spare: Promise<DynamoLocal> | undefined;
  private fill: ((endpoint: string) => Promise<void>) | undefined;
  /** The data directory of an instance that was filled once and stopped: every later world starts on a copy of it. */
  private template: Promise<string> | undefined;
  private readonly home = worldsHome();
  private stopped = false;

  private constructor(
    private readonly relay: TcpRelay,
    private current: DynamoLocal,
    private readonly startupMs: number,
  ) {}

  static async start(opts: { startupMs: number }): Promise<DynamoWorlds> {
    const first = await startDynamoLocal({ startupMs: opts.startupMs });
    return new DynamoWorlds(await TcpRelay.listen(portOf(first.endpoint)), first, opts.startupMs);
  }

  /** The endpoint every client uses, whichever world is current. */
  get endpoint(): string {
    return this.relay.endpoint;
  }

  /**
   * The current world's own endpoint, for clients that can ask before each request (the stack's own, through an
   * SDK endpoint provider): the relay's two extra socket hops cost about 8 % of the CPU of a busy stack.
   */
  get direct(): string {
    return this.current.endpoint;
  }

  /** From now on every next world is a new instance made ready by `fill` (its tables and their items); the first starts now. */
  prepare(fill: (endpoint: string) => Promise<void>): void {
    this.fill = fill;
    this.template = undefined;
    this.spare = this.made();
  }

  /** Switches to the next world (made again if its preparation failed) and starts preparing the one after it. */
  async next(): Promise<void> {
    if (!this.fill) throw new Error('no world prepared: call prepare(fill) first');
    const next = await (this.spare ?? this.made()).catch((err: Error) => {
      console.warn(`[local] the next DynamoDB Local world failed to start (${err.message}); starting it again`);
      return this.made();
    });
    const old = this.current;
    this.current = next;
    this.relay.switchTo(portOf(next.endpoint));
    this.spare = this.made();
    void old.stop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.relay.close();
    const spare = this.spare?.catch(() => undefined);
    await Promise.all([this.current.stop(), spare?.then((s) => s?.stop())]);
    rmSync(this.home, { recursive: true, force: true });
  }

  /** Fills an instance on disk once and stops it: its files are then every world's starting point. */
  private madeTemplate(): Promise<string> {
    const template = (async () => {
      const dir = mkdtempSync(join(this.home, 'template-'));
      const world = await startDynamoLocal({ startupMs: this.startupMs, dataDir: dir });
      try {
        await this.fill!(world.endpoint);
      } finally {
        await world.stop();
      }
      return dir;
    })();
    template.catch(() => undefined);
    return template;
  }

  private made(): Promise<DynamoLocal> {
    const made = (async () => {
      if (this.stopped) throw new Error('stopped');
      this.template ??= this.madeTemplate();
      const template = await this.template.catch((err: Error) => {
        this.template = undefined;
        throw err;
      });
      const dir = mkdtempSync(join(this.home, 'world-'));
      cpSync(template, dir, { recursive: true });
      const world = await startDynamoLocal({ startupMs: this.startupMs, dataDir: dir }).catch((err: Error) => {
        rmSync(dir, { recursive: true, force: true });
        throw err;
      });
      return {
        ...world,
        stop: async () => {
          await world.stop();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    })();
    // Awaited at the next reset; until then a failure must not be an unhandled rejection.
    made.catch(() => undefined);
    return made;
  }
}

const portOf = (endpoint: string) => Number(new URL(endpoint).port);

/**
 * Where this process keeps its worlds' files: in memory (/dev/shm) where there is one, so a file-backed instance
 * costs no disk; one folder per process, and folders of processes that are gone (a killed run) are removed.
 */
function worldsHome(): string {
  const base = join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'cocreate-worlds');
  mkdirSync(base, { recursive: true });
  for (const name of readdirSync(base)) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(base, name), { recursive: true, force: true });
    }
  }
  const home = join(base, String(process.pid));
  mkdirSync(home, { recursive: true });
  return home;
}

/** Forwards every connection to the current target port; switching drops the open ones, so clients reconnect there. */
class TcpRelay {
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private target: number,
    readonly endpoint: string,
  ) {}

  static listen(target: number): Promise<TcpRelay> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (!address || typeof address === 'string') return reject(new Error('the DynamoDB relay has no port'));
        const relay = new TcpRelay(server, target, `http://127.0.0.1:${address.port}`);
        server.on('connection', (client) => relay.forward(client));
        resolve(relay);
      });
    });
  }

  switchTo(port: number): void {
    this.target = port;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private forward(client: Socket): void {
    const upstream = connect(this.target, '127.0.0.1');
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    this.open.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.open.delete(client);
      this.open.delete(upstream);
    };
    for (const s of [client, upstream]) {
      s.on('error', end);
      s.on('close', end);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
