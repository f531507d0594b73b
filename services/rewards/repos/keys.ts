import { type Key, shardOf as shardOfKey } from '@cocreate/kernel';

/**
 * The rewards table's layout. Keys are built here and nowhere else.
 *
 *   ACCT#<person> / ACCT                     points account (balance, held, debt, open lots); versioned — every
 *                                            ledger change bumps it, which serialises a person's entries.
 *                                            gsi2: EXPIRY#<shard> / <next lot expiry>#<person> while it has lots
 *   ACCT#<person> / E#<at>#<seq>             ledger entry (append-only); gsi1: ENTRY#<entryId> / ENTRY
 *   ACCT#<person> / CAP#<activity>#<period>  points earned from an activity in a cap period
 *   SRC#<source> / SRC                       a source fact already applied (once-only crediting, whatever the event id)
 *   BOARD#<village>#<period>#<by> / <subject> a standing (earned, deducted) of a person or household for a month or
 *                                            a year (versioned); gsi3: RANK#<village>#<period>#<by> / <rank key>
 *                                            (score descending) — the board is read from the top, a page at a time
 *   RULES#<county or village> / RULES        earning-rule overrides
 *   ITEM#<id> / ITEM                         catalogue item; gsi1: CATALOGUE#<place> / <createdAt>#<id>
 *   RDM#<id> / RDM                           redemption; gsi1: ORDERS#<person> / <reservedAt>#<id>;
 *                                            gsi3: SHOP#<item place> / <reservedAt>#<id>;
 *                                            gsi2: HOLDS#<shard> / <expiresAt>#<id> while reserved
 *   ROUND#<id> / ROUND                       award round; gsi1: ROUNDS#<scope> / <openedAt>#<id>;
 *                                            gsi2: PAYOUTS#<shard> / <publishedAt>#<id> while village awards are unpaid
 *   ROUND#<id> / APP#<applicant>             application
 *   ROUND#<id> / RESULT                      published inputs and results
 *   ROUND#<id> / AWARD#<village>             a village award paid into its pool (SubsidyAwarded emitted with it)
 *   KPI#<village> / <year>                   evaluation's KPIs for the year
 *   ACT#<id> / ACT                           volunteer activity (versioned: places and waiting-list counters);
 *                                            gsi1: ACTS#<village> / <startsAt>#<id>
 *   ACT#<id> / SECRET                        the key its check-in and check-out codes are signed with (never shown)
 *   ACT#<id> / SEAT#<person>                 a resident's sign-up (versioned)
 *   ACT#<id> / WAIT#<seq>                    the waiting list in order (a consistent query finds the first)
 *   ACT#<id> / TOTALS                        attended, no-shows, minutes, points (added up as attendance is recorded)
 *   AUDIT#<setting>#<scope> / <at>#<id>      an audited setting change (before, after, who, when, why)
 *   COOP#<village> / SHARES                  the cooperative's share register (versioned)
 *   COOP#<village> / DIV#<at>#<id>           a dividend distribution with a line per household
 */
export const SHARDS = 8;

const pad = (n: number) => String(n).padStart(10, '0');

/** The shard of a person's expiry, an order's hold or a round's payout in the due indexes. */
export const shardOf = (id: string): number => shardOfKey(id, SHARDS);

export const keys = {
  account: (person: string): Key => ({ pk: `ACCT#${person}`, sk: 'ACCT' }),
  entry: (person: string, at: string, seq: number): Key => ({ pk: `ACCT#${person}`, sk: `E#${at}#${pad(seq)}` }),
  cap: (person: string, capKey: string): Key => ({ pk: `ACCT#${person}`, sk: `CAP#${capKey}` }),
  source: (source: string): Key => ({ pk: `SRC#${source}`, sk: 'SRC' }),
  board: (village: string, period: string, by: string, subject: string): Key => ({ pk: `BOARD#${village}#${period}#${by}`, sk: subject }),
  ranking: (village: string, period: string, by: string): string => `RANK#${village}#${period}#${by}`,
  rules: (scope: string): Key => ({ pk: `RULES#${scope}`, sk: 'RULES' }),
  item: (itemId: string): Key => ({ pk: `ITEM#${itemId}`, sk: 'ITEM' }),
  redemption: (id: string): Key => ({ pk: `RDM#${id}`, sk: 'RDM' }),
  round: (id: string): Key => ({ pk: `ROUND#${id}`, sk: 'ROUND' }),
  application: (roundId: string, applicant: string): Key => ({ pk: `ROUND#${roundId}`, sk: `APP#${applicant}` }),
  result: (roundId: string): Key => ({ pk: `ROUND#${roundId}`, sk: 'RESULT' }),
  award: (roundId: string, village: string): Key => ({ pk: `ROUND#${roundId}`, sk: `AWARD#${village}` }),
  kpi: (village: string, year: number): Key => ({ pk: `KPI#${village}`, sk: String(year) }),
  activity: (id: string): Key => ({ pk: `ACT#${id}`, sk: 'ACT' }),
  activitySecret: (id: string): Key => ({ pk: `ACT#${id}`, sk: 'SECRET' }),
  seat: (id: string, person: string): Key => ({ pk: `ACT#${id}`, sk: `SEAT#${person}` }),
  wait: (id: string, seq: number): Key => ({ pk: `ACT#${id}`, sk: `WAIT#${pad(seq)}` }),
  activityTotals: (id: string): Key => ({ pk: `ACT#${id}`, sk: 'TOTALS' }),
  activities: (village: string): string => `ACTS#${village}`,
  audit: (setting: string, scope: string): string => `AUDIT#${setting}#${scope}`,
  shares: (village: string): Key => ({ pk: `COOP#${village}`, sk: 'SHARES' }),
  distribution: (village: string, at: string, id: string): Key => ({ pk: `COOP#${village}`, sk: `DIV#${at}#${id}` }),
};
