import { type RefusalEntry, type Refused as RefusedOf, isRefused, refused } from '@cocreate/contracts';
import { MAX_BATCH_VILLAGES } from './limits.ts';

/**
 * Every refusal the programme gives, with its kind (how it reaches the caller: 403, 409 or 422) and its text in both
 * languages. Domain functions return the code; the app layer turns it into a problem with `refuse(code)`.
 */
export const refusals = {
  // levels
  'not-a-programme-level': [
    'rule',
    '只有乡镇（街道）、县（市、区）和市编制实施方案、任务和试点批次。',
    'Only a township, county or city writes plans, tasks and pilot batches.',
  ],
  'role-not-of-level': [
    'forbidden',
    '该层级的方案、任务由本级干部编写；审核由上一级干部进行。',
    'A level’s plans and tasks are written by its own officials and reviewed by the officials of the level above.',
  ],
  // plans
  'plan-under-review': [
    'conflict',
    '方案已报送上级备案，审核期间不能修改。',
    'The plan is filed with the level above and cannot change while it is reviewed.',
  ],
  'plan-acknowledged': ['conflict', '方案已备案，不能再修改或报送。', 'The plan is acknowledged; it can no longer be changed or filed.'],
  'plan-not-draft': [
    'conflict',
    '只有草稿（含退回后修订的新版本）可以报送。',
    'Only a draft (or a returned plan revised as a new version) can be filed.',
  ],
  'plan-not-filed': ['conflict', '方案未处于报送待审状态。', 'The plan is not filed and awaiting review.'],
  'stale-plan-version': ['conflict', '方案已有更新的版本，请重新读取。', 'The plan has a newer version; read it again.'],
  'unknown-responsibility': [
    'rule',
    '时间安排引用了责任分工中没有的事项。',
    'The schedule names an item the division of responsibility does not hold.',
  ],
  'deadline-outside-year': ['rule', '报送截止日期须在方案年度内。', 'The filing deadline must fall within the plan year.'],
  // tasks
  'due-outside-year': ['rule', '任务期限须在该年度内。', 'A task’s deadline must fall within its year.'],
  'task-done': ['conflict', '任务已完成，不能再报告进展。', 'The task is done; no further reports are taken.'],
  'achieved-without-target': [
    'rule',
    '该任务没有量化目标，不能报告完成数值。',
    'The task has no measurable target to report a value against.',
  ],
  // batches
  'no-coverage-target': [
    'rule',
    '试点批次须有目标：村数或覆盖比例。',
    'A batch needs a target: a number of villages or a share of the place’s villages.',
  ],
  'target-beyond-batch': ['rule', '目标村数多于批次所列的村。', 'The target counts more villages than the batch names.'],
  'village-outside-place': [
    'rule',
    '所列的村不在本级辖区内，或不是村（社区）。',
    'A village named is not a village or community within the place.',
  ],
  'too-many-villages': ['rule', `一个批次最多 ${MAX_BATCH_VILLAGES} 个村。`, `A batch names at most ${MAX_BATCH_VILLAGES} villages.`],
  'duplicate-village': ['rule', '批次所列的村有重复。', 'The batch names a village twice.'],
  // teams and supervision
  'not-a-village': ['rule', '帮扶团队建在村（社区）。', 'A helper team is formed for a village or community.'],
  'term-order': ['rule', '任期结束日须晚于开始日。', 'A term must end after it starts.'],
  'item-due-before-visit': ['rule', '整改期限不能早于督导日期。', 'A rectification item cannot be due before the visit.'],
  'item-closed': ['conflict', '该整改事项已销号。', 'The rectification item is already closed.'],
  'unknown-item': ['rule', '督导记录中没有该整改事项。', 'The visit has no such rectification item.'],
  // reports
  'bad-period': [
    'rule',
    '期间须为年（2026）、季度（2026-Q2）或月（2026-05）。',
    'A period is a year (2026), a quarter (2026-Q2) or a month (2026-05).',
  ],
} as const satisfies Record<string, RefusalEntry>;

export type RefusalCode = keyof typeof refusals;

/** What a programme decision returns when a rule says no. */
export type Refused<Code extends RefusalCode = RefusalCode> = RefusedOf<Code>;

export { isRefused, refused };
