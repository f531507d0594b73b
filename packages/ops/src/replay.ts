import {
  DescribeArchiveCommand,
  DescribeEventBusCommand,
  DescribeReplayCommand,
  DescribeRuleCommand,
  StartReplayCommand,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';
import { type RunOptions, quiet, sleep } from './progress.ts';

export interface ReplayRequest extends RunOptions {
  bus: string;
  archive: string;
  /** The rules of the one service the window is replayed into (kernel `resourceNames.rule`). */
  rules: readonly string[];
  from: Date;
  to: Date;
  /** Unique per replay (EventBridge refuses a name used before). */
  name: string;
  pollMs?: number;
  timeoutMs?: number;
}

export interface ReplayResult {
  name: string;
  state: string;
  ruleArns: string[];
}

/**
 * Replays a window of the deployment's archive into one service: only that service's rules receive the events
 * (`FilterArns`), and its consumers are idempotent — an event applied before is a duplicate (subscriptions marked
 * `apply-again` apply it again, once per replay name). Waits for the replay to finish, saying how far it has got.
 */
export async function replayWindow(eventBridge: EventBridgeClient, r: ReplayRequest): Promise<ReplayResult> {
  const progress = r.progress ?? quiet;
  if (!(r.from < r.to)) throw new Error(`the window must start before it ends (${r.from.toISOString()} .. ${r.to.toISOString()})`);
  const busArn = (await eventBridge.send(new DescribeEventBusCommand({ Name: r.bus }))).Arn!;
  const archiveArn = (await eventBridge.send(new DescribeArchiveCommand({ ArchiveName: r.archive }))).ArchiveArn!;
  const ruleArns: string[] = [];
  for (const rule of r.rules) ruleArns.push((await eventBridge.send(new DescribeRuleCommand({ Name: rule, EventBusName: r.bus }))).Arn!);
  progress(`replay ${r.name}: ${r.archive}, ${r.from.toISOString()} .. ${r.to.toISOString()}, into ${r.rules.join(', ')}`);
  if (r.dryRun) {
    progress('dry run: no replay started');
    return { name: r.name, state: 'DRY_RUN', ruleArns };
  }
  await eventBridge.send(
    new StartReplayCommand({
      ReplayName: r.name,
      EventSourceArn: archiveArn,
      EventStartTime: r.from,
      EventEndTime: r.to,
      Destination: { Arn: busArn, FilterArns: ruleArns },
    }),
  );
  const deadline = Date.now() + (r.timeoutMs ?? 30 * 60_000);
  for (;;) {
    const d = await eventBridge.send(new DescribeReplayCommand({ ReplayName: r.name }));
    const state = d.State ?? 'UNKNOWN';
    progress(`  ${state}${d.EventLastReplayedTime ? `, replayed up to ${d.EventLastReplayedTime.toISOString()}` : ''}`);
    if (state === 'COMPLETED') return { name: r.name, state, ruleArns };
    if (state === 'FAILED' || state === 'CANCELLED') throw new Error(`replay ${r.name} ${state}: ${d.StateReason ?? ''}`);
    if (Date.now() > deadline) throw new Error(`replay ${r.name} still ${state}; follow it with DescribeReplay`);
    await sleep(r.pollMs ?? 5_000);
  }
}
