import { type Item, type OnConflict, type UnitOfWork, cond } from '@cocreate/kernel';

/**
 * The programme's table. Keys are built here and nowhere else.
 *
 *   PLAN#<place>#<year> / HEAD           a plan's head (status, version, history)
 *                                        gsi1 (once filed): FILED#<filedWith>#<year> / <place>
 *   PLAN#<place>#<year> / V#<nnnn>       a version's content, never changed once filed
 *   DEADLINE#<place>#<year> / DEADLINE   the day filings with <place> are due for the year
 *   TASK#<id> / TASK                     a task   gsi1 (while watched): WATCH#<watchedBy> / <due>#<id>
 *                                                 gsi2: TASKSOF#<watchedBy> / <due>#<id>   gsi3: TASKS#<place> / <due>#<id>
 *   TASK#<id> / REPORT#<nnnn>            a status report on it
 *   BATCH#<id> / BATCH                   a pilot batch {…, covered}   gsi1: BATCHES#<place> / <year>#<id>
 *   VILLAGE#<path> / STATE               the village's milestones and tier, from the other services' events
 *   VILLAGE#<path> / BATCH#<id>          the village in a batch {covered}
 *   ROLLUP#<area> / M#<YYYY-MM>          a month's counters for a township, county or city
 *   TEAM#<id> / TEAM                     a helper team   gsi1: TEAMS#<village> / <formedOn>#<id>
 *   VISIT#<id> / VISIT                   a supervision visit   gsi1: VISITS#<place> / <visitedOn>#<id>
 *
 * Records that change carry `revision`; a change is written on the condition that the stored revision is the one it
 * was computed from, so a concurrent change makes it recompute, never overwrite.
 */
export const keys = {
  plan: (place: string, year: number) => ({ pk: `PLAN#${place}#${year}`, sk: 'HEAD' }),
  planVersion: (place: string, year: number, version: number) => ({
    pk: `PLAN#${place}#${year}`,
    sk: `V#${String(version).padStart(4, '0')}`,
  }),
  filedWith: (above: string, year: number) => `FILED#${above}#${year}`,
  deadline: (place: string, year: number) => ({ pk: `DEADLINE#${place}#${year}`, sk: 'DEADLINE' }),
  task: (id: string) => ({ pk: `TASK#${id}`, sk: 'TASK' }),
  taskReport: (id: string, no: number) => ({ pk: `TASK#${id}`, sk: `REPORT#${String(no).padStart(4, '0')}` }),
  watch: (above: string) => `WATCH#${above}`,
  tasksOf: (above: string) => `TASKSOF#${above}`,
  tasks: (place: string) => `TASKS#${place}`,
  batch: (id: string) => ({ pk: `BATCH#${id}`, sk: 'BATCH' }),
  batches: (place: string) => `BATCHES#${place}`,
  village: (path: string) => ({ pk: `VILLAGE#${path}`, sk: 'STATE' }),
  membership: (village: string, batchId: string) => ({ pk: `VILLAGE#${village}`, sk: `BATCH#${batchId}` }),
  rollup: (area: string, month: string) => ({ pk: `ROLLUP#${area}`, sk: `M#${month}` }),
  team: (id: string) => ({ pk: `TEAM#${id}`, sk: 'TEAM' }),
  teams: (village: string) => `TEAMS#${village}`,
  visit: (id: string) => ({ pk: `VISIT#${id}`, sk: 'VISIT' }),
  visits: (place: string) => `VISITS#${place}`,
};

/** Writes a record at its revision: the first one must be new (`created` otherwise), later ones follow the last. */
export function writeAtRevision(tx: UnitOfWork, item: Item, revision: number, created: OnConflict): void {
  if (revision === 1) tx.create(item, created);
  else tx.put(item, { condition: cond.equals('revision', revision - 1), onConflict: 'retry' });
}
