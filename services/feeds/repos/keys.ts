import { shardOf } from '@cocreate/kernel';
import { seqKey } from '../domain/log.ts';

/**
 * The feeds table. Keys are built here and nowhere else.
 *
 *   AGENCY#<agencyId> / AGENCY              an agency            gsi1: AGENCIES / <jurisdiction>#<agencyId>
 *   MEMBER#<sub> / MEMBER                   a user's agency (a user belongs to one agency)
 *   AGENCY#<agencyId> / SUB#<subId>         a subscription       gsi1: SUBS#<jurisdiction> / <agencyId>#<subId>
 *   LOGROOTS / <root>                       a log root and its sequence counter {seq}
 *   STAGE#<root> / <eventId>                an event received, waiting for its seq (see app/sequencer.ts)
 *   LOG#<root> / <seq, 12 digits>           a log entry          gsi2: LOGTIME#<root> / <occurredAt>#<eventId>
 *   EVT#<eventId> / EVT                     where an event is in the log {root, seq}
 *   DLV#<subId> / <deliveryId>              a delivery           gsi1 while pending: DUE#<shard> / <nextAttemptAt>#<subId>#<deliveryId>
 *                                                                gsi2 while dead:    DEAD#<subId> / <deadAt>#<deliveryId>
 *   FANOUT#<eventId> / FANOUT               an event's matches beyond one transaction   gsi1: FANOUTS / <createdAt>#<eventId>
 *   REPLAY#<subId> / <replayId>             a replay             gsi1 while pending: REPLAYS / <requestedAt>#<replayId>
 *
 * Dispatch finds the subscriptions that may receive an event by querying SUBS#<a> for each ancestor a of the event's
 * place: only agencies whose jurisdiction contains the place are even read.
 */

/**
 * Pending deliveries of the whole province are spread over this many partitions of the due index, by delivery id:
 * one `DUE` key would put every county's webhook traffic on a single partition's throughput.
 */
export const DUE_SHARDS = 16;

export const dueShardOf = (deliveryId: string): number => shardOf(deliveryId, DUE_SHARDS);

export const keys = {
  agency: (agencyId: string) => ({ pk: `AGENCY#${agencyId}`, sk: 'AGENCY' }),
  member: (sub: string) => ({ pk: `MEMBER#${sub}`, sk: 'MEMBER' }),
  subscription: (agencyId: string, subscriptionId: string) => ({ pk: `AGENCY#${agencyId}`, sk: `SUB#${subscriptionId}` }),
  subsByJurisdiction: (jurisdiction: string) => `SUBS#${jurisdiction}`,
  logRoot: (root: string) => ({ pk: 'LOGROOTS', sk: root }),
  staged: (root: string, eventId: string) => ({ pk: `STAGE#${root}`, sk: eventId }),
  pointer: (eventId: string) => ({ pk: `EVT#${eventId}`, sk: 'EVT' }),
  logEntry: (root: string, seq: number) => ({ pk: `LOG#${root}`, sk: seqKey(seq) }),
  logTime: (root: string) => `LOGTIME#${root}`,
  delivery: (subscriptionId: string, deliveryId: string) => ({ pk: `DLV#${subscriptionId}`, sk: deliveryId }),
  dead: (subscriptionId: string) => `DEAD#${subscriptionId}`,
  due: (shard: number) => `DUE#${shard}`,
  fanout: (eventId: string) => ({ pk: `FANOUT#${eventId}`, sk: 'FANOUT' }),
  replay: (subscriptionId: string, replayId: string) => ({ pk: `REPLAY#${subscriptionId}`, sk: replayId }),
};

export const ttlAfterDays = (now: Date, days: number) => Math.floor(now.getTime() / 1000) + days * 86_400;

/** Records that carry a `version` of their own (a record version, or an event's contract version) keep it. */
export const KEEP_VERSION = { keep: ['version'] } as const;
