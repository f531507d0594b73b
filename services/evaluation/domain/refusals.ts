import type { RefusalEntry } from '@cocreate/contracts';

/**
 * Every refusal evaluation gives, with its kind (how it reaches the caller: 403, 409 or 422) and its text in both
 * languages. Domain functions return the code; the application layer turns it into a problem with `refuse(code)`
 * (or, for a rule broken on named fields, `ruleErrors(code, errors)` with each field's own message).
 */
export const refusals = {
  // places
  'unknown-place': ['rule', '地点不存在。', 'The place does not exist.'],
  'not-a-village': ['rule', '须为村或社区。', 'Must be a village or community.'],
  'not-a-township': ['rule', '须为乡镇。', 'Must be a township.'],
  'not-a-county': ['rule', '须为县（市、区）。', 'Must be a county.'],
  // schemes
  'unknown-template': ['rule', '模板不存在。', 'No such template.'],
  'unknown-scheme': ['rule', '评价标准不存在。', 'No such scheme.'],
  'scheme-incomplete': ['rule', '需提供模板，或提供标题和指标。', 'Give a template, or a title and criteria.'],
  'invalid-scheme': [
    'rule',
    '评价标准不符合规则（同级权重之和须为 1，末级指标须有分值区间）。',
    'The scheme breaks a rule (sibling weights must sum to 1; leaf criteria need a scale).',
  ],
  'scheme-out-of-scope': ['rule', '该评价标准不适用于此地点。', 'That scheme does not apply at this place.'],
  'stage-not-applicable': ['rule', '只有项目评价区分阶段。', 'Only project reviews have stages.'],
  'stale-version': ['conflict', '记录已被他人更新，请基于最新版本修改。', 'The record changed meanwhile; edit the latest version.'],
  // reviews
  'households-for-satisfaction': ['rule', '只有满意度评价指定受益户。', 'Only satisfaction reviews name households.'],
  'households-outside-village': ['rule', '部分户不属于该村。', 'Some households are not of this village.'],
  'bad-deadline': ['rule', '截止时间须在未来 180 天内。', 'The deadline must lie within the next 180 days.'],
  'not-a-beneficiary': [
    'forbidden',
    '只有本项目的受益户可以评价满意度（服务谁、谁评价）。',
    'Only the project’s beneficiary households may rate its satisfaction (whoever is served evaluates).',
  ],
  'not-a-quality-reviewer': [
    'forbidden',
    '质量评价由村民代表、监委会成员和专家进行。',
    'Quality is reviewed by villager representatives, supervision-committee members and experts.',
  ],
  'review-closed': ['conflict', '评价已截止。', 'The review is closed.'],
  'invalid-scores': ['rule', '评分不符合评价标准。', 'The scores do not fit the scheme.'],
  'already-answered': [
    'conflict',
    '已提交过该评价（满意度评价每户一份）。',
    'This review is already answered (satisfaction: one response per household).',
  ],
  'review-published': ['conflict', '评价结果已公布。', 'The review’s results are already published.'],
  // rectifications and competitions
  'wrong-status': ['conflict', '当前状态不能执行该操作。', 'That step is not possible in the current state.'],
  'same-person': ['forbidden', '整改的上报人不能自己验收。', 'Whoever reported the rectification cannot verify it.'],
  'rating-per-village': ['rule', '卫生评比以村（社区）为单位开展。', 'A sanitation rating is held per village or community.'],
  'jury-required': ['rule', '请指定评委。', 'Name the jury of the competition.'],
  'nominee-not-eligible': [
    'rule',
    '本评比只能提名其范围内、规定类型的对象。',
    'This competition takes nominees of its kind within its place only.',
  ],
  'already-nominated': ['conflict', '已被提名。', 'Already nominated in this competition.'],
  'no-nominations': ['conflict', '还没有任何提名。', 'There are no nominations yet.'],
  'not-a-juror': ['forbidden', '只有本评比的评委可以打分。', 'Only this competition’s jurors may score.'],
  'not-nominated': ['rule', '该对象未获提名。', 'That nominee is not nominated.'],
  'conflict-of-interest': [
    'forbidden',
    '评委须回避：不能给本人、本户或本村打分。',
    'Jurors abstain from scoring themselves, their own household or their own village.',
  ],
  'already-scored': ['conflict', '您已给该对象打过分。', 'You have already scored this nominee.'],
  'too-many-tied-winners': [
    'conflict',
    '并列获奖者过多，请调整获奖名额或最低分。',
    'Too many tied winners; adjust the awards or minimum score.',
  ],
  // the village review chain
  'step-already-done': ['conflict', '该环节已完成。', 'That step is already done.'],
  'chain-out-of-order': [
    'conflict',
    '评价环节须依次进行：村级自评 → 两村互评 → 镇级自评申报 → 县级审核。',
    'Steps go in order: self-review → mutual review → township report → county verification.',
  ],
  'not-paired': ['forbidden', '只有乡镇指定的结对村可以互评。', 'Only the partner village the township assigned may review it.'],
  'invalid-pairs': [
    'rule',
    '结对不符合规则：村不能与自己互评，每村每年只结对一次，且须为本乡镇的村。',
    'Invalid pairs: a village cannot review itself, pairs once a year, and must be of this township.',
  ],
  'pairs-locked': ['conflict', '已有互评提交，结对不能再修改。', 'A mutual review is already in; the pairs are fixed.'],
  'self-mutual-review': ['rule', '村不能对自己进行互评。', 'A village cannot mutually review itself.'],
  'not-of-township': ['rule', '只能申报本乡镇的村，且每村一次。', 'Report only this township’s villages, each once.'],
  'adjustment-needs-reason': ['rule', '调整乡镇申报分数须记录理由。', 'Adjusting the township’s reported score needs a recorded reason.'],
  // assessment
  'future-year': ['rule', '不能考核尚未到来的年份。', 'A year cannot be assessed before it starts.'],
  'assessment-running': ['conflict', '该县本年度的考核正在进行中。', 'This county’s assessment for the year is already running.'],
  // lists (issue 12 item 7)
  'list-needs-a-village': [
    'rule',
    '参数 village 须为一个村或社区；乡镇、县的范围请逐村查询（本范围内的村见 villages）。',
    'The `village` parameter must name a village or community; for a township or county, list each of its villages (listed in `villages`).',
  ],
} as const satisfies Record<string, RefusalEntry>;

export type RefusalCode = keyof typeof refusals;
