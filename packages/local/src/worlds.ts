import { type Server, type Socket, connect, createServer } from 'node:net';
import { type DynamoLocal, startDynamoLocal } from './dynamo.ts';

/**
 * DynamoDB Local for a stack reset before every test file: one fixed endpoint (a TCP relay on this machine) in front
 * of an in-memory instance, and the next world — a new instance, its tables made and filled — started in the
 * background while the current file runs. A reset switches the endpoint to it at once instead of starting Java and
 * refilling every table while the file waits (7–14 s a file on two busy cores). Each world is a new process, so
 * nothing a long run leaves behind in one JVM slows the files after it.
 */
export class DynamoWorlds {
  private spare: Promise<DynamoLocal> | undefined;
  private fill: ((endpoint: string) => Promise<void>) | undefined;
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

  /** From now on every next world is a new instance made ready by `fill` (its tables and their items); the first starts now. */
  prepare(fill: (endpoint: string) => Promise<void>): void {
    this.fill = fill;
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
  }

  private made(): Promise<DynamoLocal> {
    const made = (async () => {
      const world = await startDynamoLocal({ startupMs: this.startupMs });
      try {
        if (this.stopped) throw new Error('stopped');
        await this.fill!(world.endpoint);
        return world;
      } catch (err) {
        await world.stop();
        throw err;
      }
    })();
    // Awaited at the next reset; until then a failure must not be an unhandled rejection.
    made.catch(() => undefined);
    return made;
  }
}

const portOf = (endpoint: string) => Number(new URL(endpoint).port);

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
