/**
 * The projects table's layout. Keys are built here and nowhere else.
 *   VILLAGE#<village> / NEED-SEEN#<needId>          a need deliberation announced (the slice's consumer)
 *   VILLAGE#<village> / SUMMARY                     running counters for the village
 *   PROJECT#<id> / PROJECT                          the project; gsi1: VILLAGE#<v>#PROJECTS / <openedAt>#<id>
 *   PROJECT#<id> / MILESTONE#<milestoneId>          a milestone with weight, hidden-works flag, evidence
 *   PROJECT#<id> / CHANGE#<changeId>                a change asked for (minor, applied; or major, sent to deliberation)
 *   PROJECT#<id> / PARKED#<changeId>                a project-change decision that could not be applied on arrival;
 *                                                   gsi1: VILLAGE#<v>#PARKED / <parkedAt>#<changeId>
 *   PROJECT#<id> / FUNDS                            allocatedTotal (guarded against the budget)
 *   PROJECT#<id> / TOTALS                           contribution counters by kind
 *   PROJECT#<id> / CONTRIB#<date>#<id>              a contribution; gsi1: HOUSEHOLD#<h>#CONTRIBS / <date>#<id>
 *   PROJECT#<id> / HOUSEHOLD#<household>            the household's counters on this project
 *   PROJECT#<id> / WAGES#<person>                   wages payable to a person on a paid project
 *   PROJECT#<id> / DISB#<disbursementId>            a disbursement and its approvals
 *   HOUSEHOLD#<household> / TOTALS                  the household's counters over all projects
 *   POOL#<pool> / ACCT#<account>                    an account's running balance (debits, credits)
 *   POOL#<pool> / TOTALS                            the pool's running totals by kind of account (its balance in one read)
 *   POOL#<pool> / POSTING#<postingId>               an immutable, balanced posting
 *   POOL#<pool> / SOURCE#<sourceId>                 where money came from, its kind and restriction
 *   POOL#<pool> / REVERSED#<postingId>              marks a posting corrected (it is reversed once only)
 *   POOL#<pool> / AWARD#<awardId>                   an award paid in (once, whatever the event id)
 *   COUNTY#<county> / WAGE#<effectiveFrom>          the local hourly wage from a date on
 *   COUNTY#<county> / SETTINGS                      county settings (share of budget a change may move directly, the
 *                                                   renovation-class funding rule)
 *   AUDIT#<setting>#<scope> / <changedAt>#<changeId>  one audited change of a setting (before, after, who, when, why)
 *   CONSENT#<pollId> / POLL                         a consent poll as deliberation closed it (scope, matter, passed)
 *   POOL#<pool> / CLASSUSE#<sourceId>               a source's money allocated to 完善/提升-class projects (the class rule)
 *   PHOTOS#<projectId> / <documentedAt>#<milestoneId>#<99−index>  a milestone's photo published on the board (现场照片);
 *                                                   its own partition, so a page (newest first, a milestone's photos in
 *                                                   their order) is one query with no sort-key condition a cursor could
 *                                                   step outside
 */
export const keys = {
  village: (village: string) => `VILLAGE#${village}`,
  needSeen: (village: string, needId: string) => ({ pk: `VILLAGE#${village}`, sk: `NEED-SEEN#${needId}` }),
  summary: (village: string) => ({ pk: `VILLAGE#${village}`, sk: 'SUMMARY' }),
  projectPk: (projectId: string) => `PROJECT#${projectId}`,
  project: (projectId: string) => ({ pk: `PROJECT#${projectId}`, sk: 'PROJECT' }),
  villageProjects: (village: string) => `VILLAGE#${village}#PROJECTS`,
  milestone: (projectId: string, milestoneId: string) => ({ pk: `PROJECT#${projectId}`, sk: `MILESTONE#${milestoneId}` }),
  change: (projectId: string, changeId: string) => ({ pk: `PROJECT#${projectId}`, sk: `CHANGE#${changeId}` }),
  parked: (projectId: string, changeId: string) => ({ pk: `PROJECT#${projectId}`, sk: `PARKED#${changeId}` }),
  villageParked: (village: string) => `VILLAGE#${village}#PARKED`,
  funds: (projectId: string) => ({ pk: `PROJECT#${projectId}`, sk: 'FUNDS' }),
  projectTotals: (projectId: string) => ({ pk: `PROJECT#${projectId}`, sk: 'TOTALS' }),
  contribution: (projectId: string, date: string, id: string) => ({ pk: `PROJECT#${projectId}`, sk: `CONTRIB#${date}#${id}` }),
  householdContributions: (household: string) => `HOUSEHOLD#${household}#CONTRIBS`,
  projectHousehold: (projectId: string, household: string) => ({ pk: `PROJECT#${projectId}`, sk: `HOUSEHOLD#${household}` }),
  householdTotals: (household: string) => ({ pk: `HOUSEHOLD#${household}`, sk: 'TOTALS' }),
  wages: (projectId: string, person: string) => ({ pk: `PROJECT#${projectId}`, sk: `WAGES#${person}` }),
  disbursement: (projectId: string, id: string) => ({ pk: `PROJECT#${projectId}`, sk: `DISB#${id}` }),
  poolPk: (pool: string) => `POOL#${pool}`,
  account: (pool: string, account: string) => ({ pk: `POOL#${pool}`, sk: `ACCT#${account}` }),
  posting: (pool: string, postingId: string) => ({ pk: `POOL#${pool}`, sk: `POSTING#${postingId}` }),
  source: (pool: string, sourceId: string) => ({ pk: `POOL#${pool}`, sk: `SOURCE#${sourceId}` }),
  poolTotals: (pool: string) => ({ pk: `POOL#${pool}`, sk: 'TOTALS' }),
  reversed: (pool: string, postingId: string) => ({ pk: `POOL#${pool}`, sk: `REVERSED#${postingId}` }),
  award: (pool: string, awardId: string) => ({ pk: `POOL#${pool}`, sk: `AWARD#${awardId}` }),
  countyPk: (county: string) => `COUNTY#${county}`,
  wageRate: (county: string, effectiveFrom: string) => ({ pk: `COUNTY#${county}`, sk: `WAGE#${effectiveFrom}` }),
  countySettings: (county: string) => ({ pk: `COUNTY#${county}`, sk: 'SETTINGS' }),
  audit: (setting: string, scope: string) => `AUDIT#${setting}#${scope}`,
  consentPoll: (pollId: string) => ({ pk: `CONSENT#${pollId}`, sk: 'POLL' }),
  photosPk: (projectId: string) => `PHOTOS#${projectId}`,
  photo: (projectId: string, documentedAt: string, milestoneId: string, index: number) => ({
    pk: `PHOTOS#${projectId}`,
    sk: `${documentedAt}#${milestoneId}#${String(99 - index).padStart(2, '0')}`,
  }),
  classUse: (pool: string, sourceId: string) => ({ pk: `POOL#${pool}`, sk: `CLASSUSE#${sourceId}` }),
};
