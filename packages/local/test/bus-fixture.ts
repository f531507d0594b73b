/** A local bus on a free port and an unmodified EventBridge SDK client pointed at it. */
import { EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { LocalEventBus, type LocalEventBusOptions } from '../src/bus/index.ts';

export const REGION = 'cn-north-1';
export const ACCOUNT = '123456789012';

export interface BusFixture {
  bus: LocalEventBus;
  client: EventBridgeClient;
  endpoint: string;
  stop(): Promise<void>;
}

export async function startBus(opts: LocalEventBusOptions = {}): Promise<BusFixture> {
  const bus = new LocalEventBus({ region: REGION, accountId: ACCOUNT, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...opts });
  const { endpoint } = await bus.start();
  const client = new EventBridgeClient({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    bus,
    client,
    endpoint,
    stop: async () => {
      client.destroy();
      await bus.stop();
    },
  };
}

/** A valid PutEvents entry from the suite's own source. */
export function entry(detail: Record<string, unknown>, overrides: PutEventsRequestEntry = {}): PutEventsRequestEntry {
  return { Source: 'cocreate.deliberation', DetailType: 'ProposalAdopted', Detail: JSON.stringify(detail), ...overrides };
}

/** A target handler that records its inputs and fails its first `failures` calls. */
export function recorder(failures = 0): { inputs: unknown[]; calls: () => number; handler: (input: unknown) => Promise<unknown> } {
  const inputs: unknown[] = [];
  let calls = 0;
  return {
    inputs,
    calls: () => calls,
    handler: async (input) => {
      calls++;
      if (calls <= failures) throw new Error(`handler failure ${calls}`);
      inputs.push(input);
      return undefined;
    },
  };
}
