import type { RefusalEntry } from '@cocreate/contracts';

/**
 * Every refusal compacts gives, with its kind (how it reaches the caller: 403, 409 or 422) and its text in both
 * languages. Domain functions return the code; the application layer turns it into a problem with `refuse(code)`.
 */
export const refusals = {
  // places
  'place-not-in-village': ['rule', '该地点不在任何村或社区内。', 'That place is not in a village or community.'],
  'not-a-village': [
    'rule',
    '须为村或社区（公约、空间、证据和红黑榜都按村或社区存放）。',
    'Must be a village or community (compacts, spaces, evidence and boards belong to one).',
  ],
  'place-outside-village': ['rule', '位置须在本村范围内。', 'The place must lie within the village.'],
  'compact-elsewhere': ['rule', '所选公约不属于本村。', 'That compact is not one of this village’s.'],
  // compacts
  'compact-exists': ['conflict', '该公约编号已存在。', 'A compact with this id already exists.'],
  'version-frozen': [
    'conflict',
    '该版本已提交审议或已生效，不能再修改；如需修改请起草新的修订版本。',
    'This version was submitted for deliberation or is in force and can no longer change; draft an amendment instead.',
  ],
  'stale-revision': ['conflict', '草稿已被他人修改，请刷新后再改。', 'Someone else changed the draft; reload and edit again.'],
  // organisation
  'township-officials-only': ['forbidden', '镇党委的责任由乡镇干部设置。', 'Only township officials set the township committee.'],
  'wrong-place-kind': [
    'rule',
    '该层级的组织须对应相应的地点（镇、村、湾组或农户）。',
    'The place does not match the level (township, village, group or household).',
  ],
  'leader-not-party-member': ['rule', '负责人须为党员。', 'The leader must be a party member.'],
  'leader-elsewhere': ['rule', '负责人须居住在该组织的范围内。', 'The leader must live within the unit’s place.'],
  'linked-households-only-for-central-household': [
    'rule',
    '只有党员中心户联系农户。',
    'Only a central household links neighbouring households.',
  ],
  'linked-household-outside-group': [
    'rule',
    '联系户须是同一湾组的其他农户。',
    'Linked households must be other households of the same group.',
  ],
  // spaces and adoption
  'not-a-resident': ['forbidden', '只有本村居民可以认领。', 'Only residents of the village can adopt its spaces.'],
  'not-a-party-member': ['forbidden', '只有党员可以以党员身份认领。', 'Only party members can adopt as a party member.'],
  'space-full': ['conflict', '该空间的认领名额已满。', 'Every adoption slot of this space is taken.'],
  'already-adopted': ['conflict', '您已认领了该空间。', 'You already hold an adoption of this space.'],
  'not-adopter-or-cadre': [
    'forbidden',
    '只有认领人（或其家庭成员）或村干部可以解除认领。',
    'Only the adopter, their household, or a cadre can release an adoption.',
  ],
  'already-released': ['conflict', '该认领已解除。', 'This adoption was already released.'],
  'not-the-adopter': ['forbidden', '只有认领人或其家庭成员可以记录管护。', 'Only the adopter or their household can log upkeep.'],
  'adoption-released': ['conflict', '该认领已解除，不能再记录管护。', 'This adoption was released; upkeep can no longer be logged.'],
  'upkeep-already-logged-today': ['conflict', '今天已记录过该认领的管护。', 'Upkeep of this adoption was already logged today.'],
  // inspections
  'not-in-rating-group': [
    'forbidden',
    '只有本村卫生评比工作组成员可以检查。',
    'Only members of the village’s sanitation-rating work group can inspect.',
  ],
  'scheduled-in-past': ['rule', '计划检查日期不能早于今天。', 'A scheduled inspection cannot be planned for a past day.'],
  'household-outside-village': ['rule', '检查结果中的农户不属于本村。', 'A result names a household outside the village.'],
  'duplicate-result': ['rule', '同一农户同一事项只能有一个结果。', 'Each household and duty item gets one result.'],
  'date-in-future': ['rule', '日期不能晚于今天。', 'The date cannot be in the future.'],
  'date-too-old': ['rule', '只能登记 30 天内的检查或违约。', 'Only inspections and violations of the last 30 days can be entered.'],
  'already-recorded': ['conflict', '该检查的结果已录入。', 'The results of this inspection were already recorded.'],
  // violations
  'person-not-in-household': ['rule', '被处理人须是该户成员。', 'The person must be a member of the household.'],
  'inspection-elsewhere': ['rule', '所引用的检查不属于本村。', 'The inspection referred to is not one of this village’s.'],
  'no-version-in-force': [
    'rule',
    '违约发生之日该公约没有生效的版本。',
    'No version of the compact was in force on the day of the violation.',
  ],
  'violation-type-not-in-force': [
    'rule',
    '违约发生之日生效的公约版本没有规定这种违约行为。',
    'The version in force on the day of the violation does not define this violation type.',
  ],
  // appeals and rulings
  'not-your-household': ['forbidden', '只能对本户的违约记录提出申诉。', 'You can only appeal a violation of your own household.'],
  'already-appealed': ['conflict', '每条违约记录只能申诉一次。', 'A violation can be appealed only once.'],
  'appeal-window-closed': ['rule', '申诉期限（登记后 15 天内）已过。', 'The appeal period (15 days after recording) has passed.'],
  'not-on-council': [
    'forbidden',
    '只有本村道德评议会成员可以作出评议决定。',
    'Only members of the village’s morality review council can rule.',
  ],
  'own-household': [
    'forbidden',
    '不能评议本户的申诉，也不能为本户的整改销号。',
    'Nobody rules on their own household’s appeal or closes its rectification.',
  ],
  'recorded-it': ['forbidden', '登记该违约的人不能评议其申诉。', 'Whoever recorded the violation cannot rule on its appeal.'],
  'not-under-appeal': ['conflict', '该违约记录没有待评议的申诉。', 'This violation has no appeal awaiting a ruling.'],
  // rectification
  'no-rectification': ['rule', '该违约的处理不要求整改。', 'This violation’s handling requires no rectification.'],
  'already-closed': ['conflict', '整改已经销号。', 'The rectification was already closed.'],
  overturned: ['conflict', '该违约已被撤销，无需整改。', 'The violation was overturned; nothing to rectify.'],
  // boards
  'period-not-ended': ['rule', '该期尚未结束，不能发布红黑榜。', 'The period has not ended yet; its board cannot be published.'],
  // lists
  'list-needs-a-village': [
    'rule',
    '参数 village 须为一个村或社区；乡镇、县的范围请逐村查询（村名单见 /registry）。',
    'The `village` parameter must name a village or community; for a township or county, list each of its villages (from /registry).',
  ],
  'dates-reversed': ['rule', '开始日期（from）不能晚于结束日期（to）。', 'The `from` date must not be after the `to` date.'],
} as const satisfies Record<string, RefusalEntry>;

export type RefusalCode = keyof typeof refusals;
