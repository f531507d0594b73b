import { describe, expect, it } from 'vitest';
import { type Refused, isRefused } from '@cocreate/contracts';
import {
  type Batch,
  type DeclareBatch,
  type Membership,
  assessVillage,
  classifyVillage,
  decideBatch,
  reachMilestone,
  targetMet,
} from '../domain/coverage.ts';
import { figuresOf, periodOf, tierDelta } from '../domain/rollups.ts';
import { decideCloseItem, decideTeam, decideVisit, onTeam, overdueItems } from '../domain/support.ts';
import { type Task, decideAssign, decideReport, flagsOf, stillWatched } from '../domain/tasks.ts';

const must = <T>(x: T): Exclude<T, Refused> => {
  if (isRefused(x)) throw new Error(`refused ${x.refused}`);
  return x as Exclude<T, Refused>;
};

const task: Task = {
  taskId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D',
  place: 'hubei/huanggang/hongan/qiliping',
  year: 2026,
  title: '完成2个试点村项目',
  leader: '张镇长',
  unit: '镇建设办',
  person: '李干事',
  due: '2026-06-30',
  target: { measure: '项目竣工', unit: '个', value: 2 },
  watchedBy: 'hubei/huanggang/hongan',
  status: 'open',
  reports: 0,
  revision: 1,
};

describe('tasks with responsibility', () => {
  it('flags an open task overdue only after its deadline day, and a target short of its value', () => {
    expect(flagsOf(task, '2026-06-30')).toEqual([]);
    expect(flagsOf(task, '2026-07-01')).toEqual(['overdue', 'target-missed']);
    expect(flagsOf({ ...task, achieved: 2 }, '2026-07-01')).toEqual(['overdue']);
  });

  it('records reports in order; done ends it; a done task takes no report; a value needs a target', () => {
    const one = must(decideReport(task, { note: '一个已开工', achieved: 1, done: false, evidence: [] }, '2026-05-01', 'p'));
    expect(one).toMatchObject({ task: { reports: 1, achieved: 1, status: 'open' }, report: { reportNo: 1 } });
    const two = must(decideReport(one.task, { note: '完成', achieved: 2, done: true, evidence: [] }, '2026-07-02', 'p'));
    expect(two.task).toMatchObject({ status: 'done', doneOn: '2026-07-02', reports: 2 });
    expect(flagsOf(two.task, '2026-07-03')).toEqual(['done-late']);
    expect(stillWatched(two.task)).toBe(false);
    expect(stillWatched({ ...two.task, achieved: 1 })).toBe(true);
    expect(decideReport(two.task, { note: 'x', done: false, evidence: [] }, '2026-07-03', 'p')).toMatchObject({ refused: 'task-done' });
    const { target: _t, ...untargeted } = task;
    expect(decideReport(untargeted, { note: 'x', achieved: 1, done: false, evidence: [] }, '2026-05-01', 'p')).toMatchObject({
      refused: 'achieved-without-target',
    });
  });

  it('keeps a task’s deadline within its year', () => {
    expect(decideAssign({ ...task, due: '2027-01-05' })).toMatchObject({ refused: 'due-outside-year' });
    expect(decideAssign(task)).toBe(true);
  });
});

describe('pilot batches and coverage', () => {
  const scope = new Set(['t/v1', 't/v2', 't/v3', 't/v4']);
  const declare: DeclareBatch = {
    place: 't',
    year: 2026,
    kind: 'pilot',
    name: '第一批',
    villages: ['t/v1', 't/v2'],
    coveredWhen: ['decision-final', 'project-accepted'],
    target: { villages: 2 },
  };

  it('refuses a batch without a target, beyond its villages, outside the place, or naming a village twice', () => {
    expect(decideBatch(declare, scope)).toBe(true);
    expect(decideBatch({ ...declare, target: {} }, scope)).toMatchObject({ refused: 'no-coverage-target' });
    expect(decideBatch({ ...declare, target: { villages: 3 } }, scope)).toMatchObject({ refused: 'target-beyond-batch' });
    // 75 % of four villages is three: more than the two named.
    expect(decideBatch({ ...declare, target: { percent: 75 } }, scope)).toMatchObject({ refused: 'target-beyond-batch' });
    expect(decideBatch({ ...declare, villages: ['t/v1', 'x/v9'] }, scope)).toMatchObject({ refused: 'village-outside-place' });
    expect(decideBatch({ ...declare, villages: ['t/v1', 't/v1'] }, scope)).toMatchObject({ refused: 'duplicate-village' });
    const many = Array.from({ length: 81 }, (_, i) => `t/x${i}`);
    expect(decideBatch({ ...declare, villages: many }, new Set(many))).toMatchObject({ refused: 'too-many-villages' });
  });

  it('covers a village once every milestone the batch counts is reached, whatever the order, and only once', () => {
    const m: Membership = { batchId: 'b', village: 't/v1', coveredWhen: ['decision-final', 'project-accepted'], covered: false };
    const a = reachMilestone(undefined, 't/v1', 'project-accepted', '2026-09-01T00:00:00Z', [m]);
    expect(a).toMatchObject({ first: true, covers: [] });
    const b = reachMilestone(a.state, 't/v1', 'decision-final', '2026-09-02T00:00:00Z', [m]);
    expect(b.covers).toEqual([m]);
    const again = reachMilestone(b.state, 't/v1', 'decision-final', '2026-09-03T00:00:00Z', [{ ...m, covered: true }]);
    expect(again).toMatchObject({ first: false, covers: [] });
    expect(again.state.milestones['decision-final']).toBe('2026-09-02T00:00:00Z');
  });

  it('meets a count target and a share-of-the-place target', () => {
    const batch: Pick<Batch, 'target' | 'scopeVillages'> = { target: { villages: 1, percent: 50 }, scopeVillages: 4 };
    expect(targetMet(batch, 1)).toBe(false);
    expect(targetMet(batch, 2)).toBe(true);
  });
});

describe('roll-ups', () => {
  it('sums the period’s months for flows and every month up to its end for villages by tier', () => {
    const buckets = [
      { month: '2025-12', counters: { tierRemediation: 3 } },
      { month: '2026-04', counters: { decisions: 2, raised: 500, satisfactionSum: 8000, satisfactionCount: 1 } },
      {
        month: '2026-05',
        counters: { decisions: 1, spent: 300, satisfactionSum: 9050, satisfactionCount: 1, ...tierDelta('remediation', 'pilot') },
      },
      { month: '2026-07', counters: { decisions: 5 } },
    ];
    expect(figuresOf(buckets, must(periodOf('2026-Q2')))).toMatchObject({
      decisions: 3,
      raised: 500,
      spent: 300,
      satisfaction: 85.25,
      participation: null,
      villagesByTier: { pilot: 1, remediation: 2 },
    });
    expect(periodOf('2026-13')).toMatchObject({ refused: 'bad-period' });
    expect(tierDelta(undefined, 'pilot')).toEqual({ tierPilot: 1 });
    expect(tierDelta('pilot', 'pilot')).toEqual({});
  });
});

describe('events in any order', () => {
  const v = 'cn/hb/xn/ts/village';
  it('counts the latest assessment of a year once, whichever arrives first', () => {
    const first = assessVillage(undefined, v, 2026, 725, '2026-12-01T00:00:00Z');
    expect(first).toMatchObject({ participationSum: 725, participationCount: 1 });
    const rerun = assessVillage(first.state, v, 2026, 800, '2026-12-02T00:00:00Z');
    expect(rerun).toMatchObject({ participationSum: 75, participationCount: 0 });
    // The first run delivered late after the re-run: nothing changes.
    const late = assessVillage(rerun.state, v, 2026, 725, '2026-12-01T00:00:00Z');
    expect(late).toMatchObject({ participationSum: 0, participationCount: 0 });
    expect(late.state.scores).toEqual({ '2026': 800 });
    // The other order ends with the same sums.
    const a = assessVillage(undefined, v, 2026, 800, '2026-12-02T00:00:00Z');
    const b = assessVillage(a.state, v, 2026, 725, '2026-12-01T00:00:00Z');
    expect(a.participationSum + b.participationSum).toBe(800);
    expect(a.participationCount + b.participationCount).toBe(1);
  });

  it('keeps the tier of the latest decision when an older one arrives late', () => {
    const classed = classifyVillage(undefined, v, 'remediation', '2026-03-01T00:00:00Z');
    const moved = classifyVillage(classed.state, v, 'pilot', '2026-12-20T00:00:00Z');
    expect(tierDelta(moved.from, moved.to)).toEqual({ tierPilot: 1, tierRemediation: -1 });
    const late = classifyVillage(moved.state, v, 'remediation', '2026-03-01T00:00:00Z');
    expect(late.state.tier).toBe('pilot');
    expect(tierDelta(late.from, late.to)).toEqual({});
    // The move delivered before the classification: the village ends a pilot, counted once.
    const early = classifyVillage(undefined, v, 'pilot', '2026-12-20T00:00:00Z');
    const after = classifyVillage(early.state, v, 'remediation', '2026-03-01T00:00:00Z');
    expect(after.state.tier).toBe('pilot');
    expect({ ...tierDelta(early.from, early.to), ...tierDelta(after.from, after.to) }).toEqual({ tierPilot: 1 });
  });
});

describe('helper teams and supervision', () => {
  it('refuses a term that ends before it starts, and tells who is on a team on a day', () => {
    const members = [
      { name: '王', unit: '县住建局', from: '2026-03-01', until: '2026-07-01' },
      { name: '赵', unit: '镇政府', from: '2026-06-01' },
    ];
    const team = { village: 'v', kind: 'helper-team' as const, name: '帮扶团队', members };
    expect(decideTeam(team)).toBe(true);
    expect(decideTeam({ ...team, members: [{ ...members[0]!, until: '2026-02-01' }] })).toMatchObject({ refused: 'term-order' });
    expect(onTeam(team, '2026-07-01').map((m) => m.name)).toEqual(['赵']);
  });

  it('numbers a visit’s items, closes each once, late after its deadline', () => {
    const cmd = {
      place: 'v',
      visitedOn: '2026-06-10',
      by: '市督导组',
      findings: ['公示栏未更新'],
      items: [{ text: '更新', due: '2026-06-20' }],
    };
    expect(decideVisit({ ...cmd, items: [{ text: 'x', due: '2026-06-01' }] }, 'id')).toMatchObject({ refused: 'item-due-before-visit' });
    const visit = must(decideVisit(cmd, 'id'));
    expect(overdueItems(visit, '2026-06-21').map((i) => i.no)).toEqual([1]);
    const closed = must(decideCloseItem(visit, 1, { note: '已更新', evidence: [] }, '2026-06-22'));
    expect(closed).toMatchObject({ late: true, visit: { open: 0 } });
    expect(decideCloseItem(closed.visit, 1, { note: 'x', evidence: [] }, '2026-06-23')).toMatchObject({ refused: 'item-closed' });
    expect(decideCloseItem(visit, 2, { note: 'x', evidence: [] }, '2026-06-23')).toMatchObject({ refused: 'unknown-item' });
  });
});
