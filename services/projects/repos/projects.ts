import { type Condition, type OnConflict, type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import type { ChangeRecord, Milestone, ParkedDecision, Project } from '../domain/project.ts';
import { keys } from './keys.ts';

/** The project keeps its version: the domain reasons about it (optimistic concurrency, the view shows it). */
const PROJECT = { keep: ['version'] } as const;

/** Attributes of a project a stage move, a change or a milestone plan may set (never the counters). */
export type ProjectPatch = Partial<Pick<Project, 'stage' | 'budget' | 'pendingChange' | 'facilities' | 'updatedAt' | 'stageRecords'>>;

export const projects = {
  get(table: Table, projectId: string): Promise<Project | undefined> {
    return readRecord<Project>(table, keys.project(projectId), PROJECT);
  },

  create(tx: UnitOfWork, p: Project, onConflict: OnConflict): void {
    tx.create(
      { ...keys.project(p.projectId), gsi1pk: keys.villageProjects(p.village), gsi1sk: `${p.openedAt}#${p.projectId}`, ...p },
      onConflict,
    );
  },

  /** Changes content or stage under optimistic concurrency: the version read must still be the stored one. */
  patch(
    tx: UnitOfWork,
    p: Pick<Project, 'projectId' | 'version'>,
    set: ProjectPatch,
    opts: { append?: Record<string, unknown[]>; removePending?: boolean } = {},
  ): void {
    tx.update(
      keys.project(p.projectId),
      {
        set,
        add: { version: 1 },
        ...(opts.append ? { append: opts.append } : {}),
        ...(opts.removePending ? { remove: ['pendingChange'] } : {}),
      },
      { condition: cond.versionIs(p.version), onConflict: 'retry' },
    );
  },

  /** Asserts the project is (still) in one of the stages; a concurrent move makes the whole unit recompute. */
  checkStage(tx: UnitOfWork, projectId: string, stages: readonly string[]): void {
    tx.check(keys.project(projectId), stageIn(stages), 'retry');
  },

  checkVersion(tx: UnitOfWork, p: Pick<Project, 'projectId' | 'version'>): void {
    tx.check(keys.project(p.projectId), cond.versionIs(p.version), 'retry');
  },

  async listByVillage(table: Table, village: string): Promise<Project[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageProjects(village) });
    return items.map((i) => recordOf<Project>(i, PROJECT));
  },
};

function stageIn(stages: readonly string[]): Condition {
  const values: Record<string, unknown> = {};
  stages.forEach((s, i) => (values[`:_stage${i}`] = s));
  return {
    expression: `#_stage IN (${Object.keys(values).join(', ')})`,
    names: { '#_stage': 'stage' },
    values,
  };
}

export const milestones = {
  async list(table: Table, projectId: string): Promise<Milestone[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'MILESTONE#' } });
    return items.map((i) => recordOf<Milestone>(i));
  },

  get(table: Table, projectId: string, milestoneId: string): Promise<Milestone | undefined> {
    return readRecord<Milestone>(table, keys.milestone(projectId, milestoneId));
  },

  create(tx: UnitOfWork, m: Milestone, onConflict: OnConflict): void {
    tx.create({ ...keys.milestone(m.projectId, m.milestoneId), ...m }, onConflict);
  },

  /** Asserts, inside the unit, that the milestone belongs to the project (saves a read on hot paths). */
  checkExists(tx: UnitOfWork, projectId: string, milestoneId: string, onConflict: OnConflict): void {
    tx.check(keys.milestone(projectId, milestoneId), cond.exists(), onConflict);
  },

  complete(tx: UnitOfWork, m: Milestone, onConflict: OnConflict): void {
    tx.update(
      keys.milestone(m.projectId, m.milestoneId),
      {
        set: {
          status: 'completed',
          completedAt: m.completedAt,
          completedBy: m.completedBy,
          evidence: m.evidence,
          ...(m.caption ? { caption: m.caption } : {}),
        },
      },
      { condition: cond.equals('status', 'open'), onConflict },
    );
  },
};

export const changes = {
  get(table: Table, projectId: string, changeId: string): Promise<ChangeRecord | undefined> {
    return readRecord<ChangeRecord>(table, keys.change(projectId, changeId));
  },

  async list(table: Table, projectId: string): Promise<ChangeRecord[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'CHANGE#' } });
    return items.map((i) => recordOf<ChangeRecord>(i));
  },

  put(tx: UnitOfWork, c: ChangeRecord): void {
    tx.put({ ...keys.change(c.projectId, c.changeId), ...c });
  },
};

export const parked = {
  park(tx: UnitOfWork, d: ParkedDecision): void {
    tx.put(
      { ...keys.parked(d.projectId, d.changeId), gsi1pk: keys.villageParked(d.village), gsi1sk: `${d.parkedAt}#${d.changeId}`, ...d },
      // A second copy of the same decision (another event id) does not overwrite the first.
      { condition: cond.notExists(), onConflict: 'retry' },
    );
  },

  async forProject(table: Table, projectId: string): Promise<ParkedDecision[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'PARKED#' } });
    return items.map((i) => recordOf<ParkedDecision>(i));
  },

  get(table: Table, projectId: string, changeId: string): Promise<ParkedDecision | undefined> {
    return readRecord<ParkedDecision>(table, keys.parked(projectId, changeId));
  },

  markApplied(tx: UnitOfWork, d: ParkedDecision, at: string): void {
    tx.update(
      keys.parked(d.projectId, d.changeId),
      { set: { status: 'applied', appliedAt: at } },
      { condition: cond.equals('status', 'parked'), onConflict: 'retry' },
    );
  },

  async listByVillage(table: Table, village: string): Promise<ParkedDecision[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageParked(village) });
    return items.map((i) => recordOf<ParkedDecision>(i));
  },
};
