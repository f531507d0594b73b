import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from '@cocreate/local';
import { manifests, seedDemoProvince } from '@cocreate/suite';
import { runCycle } from '../cycle/cycle.ts';
import type { Row } from './functions.ts';

/**
 * The cost row of `pnpm bench`: the demo year (`pnpm demo`: one co-creation year of 幸福社区 through the HTTP API) on a
 * fresh local stack, with every service's DynamoDB client asking for `ReturnConsumedCapacity: TOTAL` and summing what
 * comes back, the requests the year sent to the gateway and the events it put on the bus, turned into money at the
 * prices in `prices.json` (edit them for a region) and divided by the twelve months of the one village. Lambda
 * duration, S3 and CloudWatch are left out (DynamoDB was 86–89 % of the total when the issue measured it).
 */
interface Prices {
  dynamodbPerMillionWriteUnits: number;
  dynamodbPerMillionReadUnits: number;
  eventbridgePerMillionEvents: number;
  httpApiPerMillionRequests: number;
  lambdaPerMillionRequests: number;
}

interface Capacity {
  CapacityUnits?: number;
  WriteCapacityUnits?: number;
  ReadCapacityUnits?: number;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export async function costRows(): Promise<Row[]> {
  const prices = JSON.parse(readFileSync(join(import.meta.dirname, 'prices.json'), 'utf8')) as Prices;
  const stack = await startLocalStack({ services: manifests, seedRegister: seedDemoProvince, port: 0, retryBaseDelayMs: 100 });
  const units = { write: 0, read: 0, calls: 0, reported: 0 };
  // The services may share one client (and so one middleware stack): count each call once.
  for (const mws of new Set([...stack.runtimes.values()].map((rt) => rt.doc.middlewareStack))) {
    mws.add(
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        const writes = /^(Put|Update|Delete|TransactWrite|BatchWrite)/.test(context.commandName ?? '');
        input.ReturnConsumedCapacity = 'TOTAL';
        const out = await next(args);
        units.calls++;
        const consumed = (out.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
        const list = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
        if (list.length) units.reported++;
        for (const c of list) {
          const total = c.CapacityUnits ?? (c.WriteCapacityUnits ?? 0) + (c.ReadCapacityUnits ?? 0);
          if (writes) units.write += c.WriteCapacityUnits ?? total;
          else units.read += c.ReadCapacityUnits ?? total;
        }
        return out;
      },
      { step: 'initialize', name: 'benchConsumedCapacity' },
    );
  }
  let requests = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).startsWith(stack.url)) requests++;
    return realFetch(input, init);
  };
  const t0 = Date.now();
  try {
    const report = await runCycle(stack.url, () => undefined);
    if (!report.ok) throw new Error(`the demo year failed: ${report.error}`);
    const events = Object.values(report.eventsOnBus).reduce((a, b) => a + b, 0);
    const dynamo = (units.write * prices.dynamodbPerMillionWriteUnits + units.read * prices.dynamodbPerMillionReadUnits) / 1e6;
    const rest =
      (events * prices.eventbridgePerMillionEvents +
        requests * (prices.httpApiPerMillionRequests + prices.lambdaPerMillionRequests) +
        events * prices.lambdaPerMillionRequests) /
      1e6;
    const perVillageMonth = (dynamo + rest) / 12;
    console.log(
      `  demo year in ${Math.round((Date.now() - t0) / 1000)} s: ${requests} requests, ${events} events, ${units.calls} DynamoDB calls ` +
        `(${units.reported} reported consumed capacity), ${units.write.toFixed(0)} write units, ${units.read.toFixed(0)} read units; ` +
        `DynamoDB ${((dynamo / (dynamo + rest)) * 100).toFixed(0)} % of $${(dynamo + rest).toFixed(5)} a year (prices: test/bench/prices.json)`,
    );
    if (units.reported === 0)
      console.log('  DynamoDB Local reported no consumed capacity: the write and read units above are 0, not measured');
    return [
      {
        metric: 'cost per village-month',
        subject: 'demo year (幸福社区), DynamoDB + EventBridge + HTTP API + Lambda requests',
        value: Math.round(perVillageMonth * 1e6) / 1e6,
        unit: 'USD',
        baseline: Math.round((dynamo / 12) * 1e6) / 1e6,
        baselineOf: 'of which DynamoDB',
        ratio: Math.round((dynamo / (dynamo + rest)) * 100) / 100,
        goal: '—',
        load: load(),
      },
    ];
  } finally {
    globalThis.fetch = realFetch;
    await stack.stop();
  }
}
