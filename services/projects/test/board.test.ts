import { describe, expect, it } from 'vitest';
import { type BoardInput, type Names, boardProject, peopleShown, publicFrom, publicName } from '../domain/board.ts';
import { progressOf } from '../domain/milestones.ts';

const V = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const names: Names = {
  person: (id) => ({ 'p-01': '王建国', 'p-10': '李秀英', 'p-07': '张明' })[id],
  household: (path) => (path === `${V}/g1/h03` ? { label: { zh: '1组3户', en: 'Group 1 Household 3' }, head: 'p-07' } : undefined),
};

const input: BoardInput = {
  project: {
    projectId: 'P',
    title: '村口道路',
    category: 'roads',
    builder: 'cooperative',
    stage: 'in-construction',
    budget: 1_000_000,
    openedAt: '2026-04-01T00:00:00Z',
    stageHistory: [{ to: 'willingness-survey', at: '2026-04-02T00:00:00Z' }],
    amendments: [],
  },
  milestones: [
    {
      milestoneId: 'M',
      title: '排水管',
      weight: 30,
      hiddenWorks: true,
      status: 'completed',
      completedAt: '2026-05-01T00:00:00Z',
      evidence: [{}, {}],
    },
  ],
  progress: progressOf([
    { weight: 30, completed: true },
    { weight: 70, completed: false },
  ]),
  funds: { held: 0, spent: 5000, allocated: 9000, bySource: [{ sourceId: 'S1', available: 4000, held: 0, spent: 5000 }] },
  sources: [{ sourceId: 'S1', source: 'self-raised', from: `${V}/g1/h03`, origin: 'contribution' }],
  contributions: {
    totals: { count: 2, value: 9000, money: 9000, hours: 0, labour: 0, materials: 0, landArea: 0, ideasCount: 0 },
    households: [{ household: `${V}/g1/h03`, totals: { count: 2, value: 9000, hours: 0 } }],
  },
  disbursements: [
    {
      disbursementId: 'D',
      milestoneId: 'M',
      amount: 5000,
      purpose: 'wages',
      payee: { kind: 'person', person: 'p-07' },
      status: 'disbursed',
      requestedAt: '2026-05-02T00:00:00Z',
      approvedBy: 'p-01',
      approvedAt: '2026-05-02T01:00:00Z',
      countersignedBy: 'p-10',
      countersignedAt: '2026-05-02T02:00:00Z',
      draws: [{ sourceId: 'S1', source: 'self-raised', amount: 5000 }],
    },
  ],
};

describe('the disclosure board', () => {
  it('masks every person’s name the way public notices do', () => {
    const b = boardProject(input, names, 'zh-CN');
    const d = b.disbursements[0]!;
    expect(d).toMatchObject({
      payee: '张*',
      approvedBy: '王*国',
      countersignedBy: '李*英',
      amount: 5000,
      milestone: '排水管',
      purpose: '务工工资',
      disbursedAt: '2026-05-02T02:00:00Z',
    });
    expect(b.contributions.households).toEqual([{ household: '1组3户', head: '张*', count: 2, value: 9000, hours: 0 }]);
    expect(JSON.stringify(b)).not.toMatch(/王建国|李秀英|张明|p-0/);
  });

  it('credits residents’ money to households, not people, and names each paying source', () => {
    const b = boardProject(input, names, 'en');
    expect(b.sources).toEqual([
      { sourceId: 'S1', source: 'self-raised', label: 'Residents’ own money', from: 'Group 1 Household 3', allocated: 9000, spent: 5000 },
    ]);
    expect(b.disbursements[0]!.sources).toEqual([{ label: 'Residents’ own money · Group 1 Household 3', amount: 5000 }]);
    expect(b.stageLabel).toBe('In construction');
    expect(b.schedule.milestones[0]).toMatchObject({ hiddenWorks: true, completed: true, evidenceCount: 2 });
    expect(b.progress.percent).toBe(30);
  });

  it('shows a register’s masked name unchanged', () => {
    const masked: Names = { ...names, person: (id) => ({ 'p-01': '王*国', 'p-10': '李*英', 'p-07': '张*' })[id] };
    expect(boardProject(input, masked, 'zh-CN').disbursements[0]).toMatchObject({
      payee: '张*',
      approvedBy: '王*国',
      countersignedBy: '李*英',
    });
  });

  it('names the people it shows, once each: payees, approvers, countersigners, heads of contributing households', () => {
    const second = {
      ...input,
      disbursements: [{ ...input.disbursements[0]!, payee: { kind: 'organisation' as const, name: '红安建工' }, countersignedBy: 'p-11' }],
    };
    expect(peopleShown([input, second], (h) => names.household(h)?.head).sort()).toEqual(['p-01', 'p-07', 'p-10', 'p-11']);
    expect(peopleShown([{ ...input, disbursements: [] }], () => undefined)).toEqual([]);
  });

  it('never shows an unknown person’s id', () => {
    expect(publicName(names, 'p-99')).toBe('***');
    expect(publicFrom(names, { from: `${V}/g2/h09`, origin: 'contribution' }, 'zh-CN')).toBe('***');
    expect(publicFrom(names, { from: '七里坪镇人民政府', origin: 'manual' }, 'zh-CN')).toBe('七里坪镇人民政府');
  });
});
