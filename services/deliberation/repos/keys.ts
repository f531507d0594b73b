import { shardOf } from '@cocreate/kernel';
import type { ProposalKind } from '@cocreate/contracts';

/**
 * The deliberation table's layout. Keys are built here and nowhere else.
 *
 *   NEED#<id> / NEED                           a need; gsi1: VILLAGE#<v>#NEEDS / <createdAt>#<id>
 *   NEED#<id> / SUPPORTER#<person>             a resident seconding it (附议), once per person
 *   NEEDSUPPORT#<id>#<shard> / TALLY           one of NEED_SHARDS running counts of its supporters (created lazily)
 *   VILLAGE#<v> / SETTINGS                     support limit, notice days per kind
 *   VILLAGE#<v> / CHAIN#<kind>                 the configured decision chain for a kind (versioned)
 *   VILLAGE#<v> / CLASSIFICATION               the village's class from its last final classification decision
 *   VILLAGE#<v> / SUPPORT-USE#<person>         how many candidate items a resident supports (the limit's counter)
 *   RESOURCE#<id> / RESOURCE                   resources list; gsi1: VILLAGE#<v>#RESOURCES / <createdAt>#<id>
 *   CANDIDATE#<id> / CANDIDATE                 project list item; gsi1: VILLAGE#<v>#CANDIDATES / <createdAt>#<id>
 *   CANDIDATE#<id> / SUPPORT#<person>          a resident's support of it, once per person
 *   CANDSUPPORT#<id>#<shard> / TALLY           one of CANDIDATE_SHARDS running counts of its supports (created lazily)
 *   PLAN#<id> / PLAN                           a draft plan's head; gsi1: VILLAGE#<v>#PLANS / <createdAt>#<id>
 *   PLAN#<id> / V#<000001>                     each version, immutable
 *   DISCUSSION#<id> / DISCUSSION               a three-party session; gsi1: PLAN#<planId>#DISCUSSIONS / <heldAt>#<id>
 *   PROPOSAL#<id> / PROPOSAL                   a proposal; gsi1: VILLAGE#<v>#PROPOSALS / <submittedAt>#<id>;
 *                                              gsi2 (only while noticed): DUE#NOTICE#<shard> / <endsAt>#<id>
 *   PROPOSAL#<id> / STEP#<round>#<step>        one body's vote (members, rule, resolution)
 *   PROPOSAL#<id> / PROXY#<round>#<step>#<principal>     a proxy authorisation (委托书)
 *   PROPOSAL#<id> / PROXIES-HELD#<round>#<step>#<proxy>  how many principals a proxy holds (the limit's counter)
 *   PROPOSAL#<id> / PAPER#<round>#<step>#<batchRef>      a paper sheet import and its per-line verdicts
 *   PROPOSAL#<id> / OBJECTION#<id>             an objection during notice
 *   PROPOSAL#<id> / DISCLOSURE#IMPLEMENTATION  the second disclosure (may arrive before the proposal is known)
 *   BALLOTS#<id>#<round>#<step> / VOTER#<person>  the one counted ballot of a voter (any channel)
 *   TALLY#<id>#<round>#<step>#<shard> / TALLY  one of SHARDS running counters of a vote
 *   CHANGE#<changeId> / CHANGE                 which proposal decides a project change (dedupe by change id)
 *   POLL#<id> / POLL                           owner consent poll; gsi1: VILLAGE#<v>#POLLS / <openedAt>#<id>;
 *                                              gsi2 (only while open with a deadline): DUE#POLL#<shard> / <closesAt>#<id>
 *   POLL#<id> / RESPONSE#<person>              an owner's one response
 *   POLLTALLY#<id>#<shard> / TALLY             one of SHARDS running consent counters
 *   CHAINCHANGE#<id> / CHAINCHANGE             a proposed chain change and the township's decision;
 *                                              gsi1: VILLAGE#<v>#CHAINCHANGES#<kind> / <proposedAt>#<id> (the chain's history)
 *   POLICY#<scope> / CHAIN#<kind>              a county's or province's chain floor for a kind (versioned)
 *   COMPOUND#<path> / ELIGIBILITY              a compound's renovation eligibility facts (versioned)
 *   AUDIT#<setting>#<scope>[#<kind>] / <at>#<id>  one audited change of a setting: before, after, who, why
 */
export const keys = {
  need: (needId: string) => ({ pk: `NEED#${needId}`, sk: 'NEED' }),
  needSupporter: (needId: string, person: string) => ({ pk: `NEED#${needId}`, sk: `SUPPORTER#${person}` }),
  needSupporters: (needId: string) => `NEEDSUPPORT#${needId}`,
  villageNeeds: (village: string) => `VILLAGE#${village}#NEEDS`,
  settings: (village: string) => ({ pk: `VILLAGE#${village}`, sk: 'SETTINGS' }),
  chain: (village: string, kind: ProposalKind) => ({ pk: `VILLAGE#${village}`, sk: `CHAIN#${kind}` }),
  classification: (village: string) => ({ pk: `VILLAGE#${village}`, sk: 'CLASSIFICATION' }),
  supportUse: (village: string, person: string) => ({ pk: `VILLAGE#${village}`, sk: `SUPPORT-USE#${person}` }),
  resource: (id: string) => ({ pk: `RESOURCE#${id}`, sk: 'RESOURCE' }),
  villageResources: (village: string) => `VILLAGE#${village}#RESOURCES`,
  candidate: (id: string) => ({ pk: `CANDIDATE#${id}`, sk: 'CANDIDATE' }),
  candidateSupport: (id: string, person: string) => ({ pk: `CANDIDATE#${id}`, sk: `SUPPORT#${person}` }),
  candidateSupports: (id: string) => `CANDSUPPORT#${id}`,
  villageCandidates: (village: string) => `VILLAGE#${village}#CANDIDATES`,
  plan: (id: string) => ({ pk: `PLAN#${id}`, sk: 'PLAN' }),
  planVersion: (id: string, version: number) => ({ pk: `PLAN#${id}`, sk: `V#${String(version).padStart(6, '0')}` }),
  villagePlans: (village: string) => `VILLAGE#${village}#PLANS`,
  discussion: (id: string) => ({ pk: `DISCUSSION#${id}`, sk: 'DISCUSSION' }),
  planDiscussions: (planId: string) => `PLAN#${planId}#DISCUSSIONS`,
  proposal: (id: string) => ({ pk: `PROPOSAL#${id}`, sk: 'PROPOSAL' }),
  villageProposals: (village: string) => `VILLAGE#${village}#PROPOSALS`,
  step: (id: string, round: number, step: number) => ({ pk: `PROPOSAL#${id}`, sk: `STEP#${pad(round)}#${pad(step)}` }),
  proxy: (id: string, round: number, step: number, principal: string) => ({
    pk: `PROPOSAL#${id}`,
    sk: `PROXY#${pad(round)}#${pad(step)}#${principal}`,
  }),
  proxiesHeld: (id: string, round: number, step: number, proxy: string) => ({
    pk: `PROPOSAL#${id}`,
    sk: `PROXIES-HELD#${pad(round)}#${pad(step)}#${proxy}`,
  }),
  paper: (id: string, round: number, step: number, batchRef: string) => ({
    pk: `PROPOSAL#${id}`,
    sk: `PAPER#${pad(round)}#${pad(step)}#${batchRef}`,
  }),
  objection: (id: string, objectionId: string) => ({ pk: `PROPOSAL#${id}`, sk: `OBJECTION#${objectionId}` }),
  disclosure: (id: string) => ({ pk: `PROPOSAL#${id}`, sk: 'DISCLOSURE#IMPLEMENTATION' }),
  ballots: (id: string, round: number, step: number) => `BALLOTS#${id}#${pad(round)}#${pad(step)}`,
  ballot: (id: string, round: number, step: number, voter: string) => ({ pk: keys.ballots(id, round, step), sk: `VOTER#${voter}` }),
  tally: (id: string, round: number, step: number) => `TALLY#${id}#${pad(round)}#${pad(step)}`,
  change: (changeId: string) => ({ pk: `CHANGE#${changeId}`, sk: 'CHANGE' }),
  poll: (id: string) => ({ pk: `POLL#${id}`, sk: 'POLL' }),
  villagePolls: (village: string) => `VILLAGE#${village}#POLLS`,
  pollResponse: (id: string, person: string) => ({ pk: `POLL#${id}`, sk: `RESPONSE#${person}` }),
  pollTally: (id: string) => `POLLTALLY#${id}`,
  chainChange: (id: string) => ({ pk: `CHAINCHANGE#${id}`, sk: 'CHAINCHANGE' }),
  chainChanges: (village: string, kind: ProposalKind) => `VILLAGE#${village}#CHAINCHANGES#${kind}`,
  policy: (scope: string, kind: ProposalKind) => ({ pk: `POLICY#${scope}`, sk: `CHAIN#${kind}` }),
  eligibility: (compound: string) => ({ pk: `COMPOUND#${compound}`, sk: 'ELIGIBILITY' }),
  audit: (setting: string, scope: string, kind?: string) => `AUDIT#${setting}#${scope}${kind ? `#${kind}` : ''}`,
  dueNotices: (shard: number) => `DUE#NOTICE#${shard}`,
  duePolls: (shard: number) => `DUE#POLL#${shard}`,
};

/**
 * The due indexes (notices ending, polls closing) span the whole province: each is spread over DUE_SHARDS
 * partitions by record id, so a hundred counties' deadlines never rest on one partition, and the jobs read every
 * shard.
 */
export const DUE_SHARDS = 8;

export const dueShardOf = (id: string): number => shardOf(id, DUE_SHARDS);

function pad(n: number): string {
  return String(n).padStart(3, '0');
}
