import type { EventContract } from '@cocreate/contracts';
import { MAX_PATTERN_CHARS } from './matching.ts';

/**
 * The bus rules that feed the dispatcher. The kernel derives a subscription's rule pattern from its contracts
 * (per source, the detail-types it accepts), so a single subscription over every contract yields a pattern listing
 * every detail-type of the suite — close to EventBridge's 2,048-character pattern quota and growing with each event.
 * So the contracts are split into as few groups as keep each derived pattern within the quota: all in one while
 * they fit, otherwise one group per source service, and a source whose own list is still too long is cut into
 * consecutive chunks of detail-types. Every contract is in exactly one group and the groups' rules match disjoint
 * sets of events, so each event reaches the dispatcher once (the kernel's processed-event record is per
 * subscription). A prefix pattern (`{"source":[{"prefix":"cocreate."}]}`) would be one short rule, but the kernel
 * builds rule patterns from contracts only (see README, kernel proposal).
 */

export interface DispatchGroup {
  name: string;
  events: EventContract[];
}

/** The rule pattern (JSON text) the platform derives for a set of contracts: the kernel's `patternOf`. */
export type PatternText = (events: readonly EventContract[]) => string;

export function dispatchGroups(contracts: readonly EventContract[], patternText: PatternText, max = MAX_PATTERN_CHARS): DispatchGroup[] {
  const fits = (events: readonly EventContract[]) => patternText(events).length <= max;
  if (contracts.length === 0) return [];
  if (fits(contracts)) return [{ name: 'dispatch', events: [...contracts] }];
  const bySource = new Map<string, EventContract[]>();
  for (const c of contracts) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c]);
  const groups: DispatchGroup[] = [];
  for (const [source, events] of [...bySource].sort(([a], [b]) => a.localeCompare(b))) {
    const service = source.replace(/^cocreate\./, '');
    if (fits(events)) {
      groups.push({ name: `dispatch-${service}`, events });
      continue;
    }
    // Versions of one type stay together: the detail-type is what the rule matches on.
    const types = [...new Set(events.map((e) => e.type))].sort();
    let chunk: string[] = [];
    let part = 1;
    const flush = () => {
      if (chunk.length === 0) return;
      groups.push({ name: `dispatch-${service}-${part++}`, events: events.filter((e) => chunk.includes(e.type)) });
      chunk = [];
    };
    for (const type of types) {
      const candidate = events.filter((e) => [...chunk, type].includes(e.type));
      if (chunk.length > 0 && !fits(candidate)) flush();
      chunk.push(type);
    }
    flush();
  }
  return groups;
}

/** An event whose matching subscriptions did not all fit in the dispatch transaction: the rest, expanded by the job. */
export interface Fanout {
  eventId: string;
  log: { root: string; seq: number };
  subscriptions: { agencyId: string; subscriptionId: string }[];
  /** How many of `subscriptions` already have their delivery. */
  done: number;
  createdAt: string;
}
