import { shardOf } from '@cocreate/kernel';
import { LOG_SHARDS, logShardOf, seqKey } from '../domain/log.ts';

/**
 * The feeds table. Keys are built here and nowhere else.
 *
 *   AGENCY#<agencyId> / AGENCY              an agency            gsi1: AGENCIES / <jurisdiction>#<agencyId>
 *   MEMBER#<sub> / MEMBER                   a user's agency (a user belongs to one agency)
 *   AGENCY#<agencyId> / SUB#<subId>         a subscription       gsi1: SUBS#<jurisdiction> / <agencyId>#<subId>
 *   LOGROOTS / <root>                       a log root (written once, by its first batch)
 *   ROOT#<root> / SEQ                       the root's sequence counter {seq}: one item per county, no shared key
 *   STAGE#<root>#<s> / <eventId>            an event received, waiting for its seq (see app/sequencer.ts); s by event id
 *   LOG#<root>#<s> / <seq, 12 digits>       a log entry, s = the seq's block (domain/log.ts)
 *                                                                gsi2: LOGTIME#<root>#<s> / <occurredAt>#<eventId>
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

/** The stage shard of an event: spread by id, so a county's burst of staging writes lands on LOG_SHARDS keys. */
export const stageShardOf = (eventId: string): number => shardOf(eventId, LOG_SHARDS);

const stagePk = (root: string, shard: number) => `STAGE#${root}#${shard}`;
const logPk = (root: string, shard: number) => `LOG#${root}#${shard}`;

export const keys = {
  agency: (agencyId: string) => ({ pk: `AGENCY#${agencyId}`, sk: 'AGENCY' }),
  member: (sub: string) => ({ pk: `MEMBER#${sub}`, sk: 'MEMBER' }),
  subscription: (agencyId: string, subscriptionId: string) => ({ pk: `AGENCY#${agencyId}`, sk: `SUB#${subscriptionId}` }),
  subsByJurisdiction: (jurisdiction: string) => `SUBS#${jurisdiction}`,
  logRoot: (root: string) => ({ pk: 'LOGROOTS', sk: root }),
  logCounter: (root: string) => ({ pk: `ROOT#${root}`, sk: 'SEQ' }),
  stage: stagePk,
  staged: (root: string, eventId: string) => ({ pk: stagePk(root, stageShardOf(eventId)), sk: eventId }),
  pointer: (eventId: string) => ({ pk: `EVT#${eventId}`, sk: 'EVT' }),
  logShard: logPk,
  logEntry: (root: string, seq: number) => ({ pk: logPk(root, logShardOf(seq)), sk: seqKey(seq) }),
  logTime: (root: string, shard: number) => `LOGTIME#${root}#${shard}`,
  delivery: (subscriptionId: string, deliveryId: string) => ({ pk: `DLV#${subscriptionId}`, sk: deliveryId }),
  dead: (subscriptionId: string) => `DEAD#${subscriptionId}`,
  due: (shard: number) => `DUE#${shard}`,
  fanout: (eventId: string) => ({ pk: `FANOUT#${eventId}`, sk: 'FANOUT' }),
  replay: (subscriptionId: string, replayId: string) => ({ pk: `REPLAY#${subscriptionId}`, sk: replayId }),
};

export const ttlAfterDays = (now: Date, days: number) => Math.floor(now.getTime() / 1000) + days * 86_400;

/** Records that carry a `version` of their own (a record version, or an event's contract version) keep it. */
export const KEEP_VERSION = { keep: ['version'] } as const;
