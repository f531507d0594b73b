import type { RefusalEntry } from '@cocreate/contracts';

/**
 * Every refusal deliberation gives, with its kind (how it reaches the caller: 403, 409 or 422) and its text in both
 * languages. Domain functions return the code; the application layer turns it into a problem with `refuse(code)`.
 */
export const refusals = {
  // places and people
  'place-not-in-village': ['rule', '该地点不在任何村或社区内。', 'The place is not inside a village or community.'],
  'not-a-community': ['rule', '业主意愿征询只适用于城市社区。', 'Owner consent polls are for urban communities.'],
  'no-owners': ['rule', '该范围内没有登记的业主。', 'There are no registered owners in that scope.'],
  'too-many-owners': ['rule', '业主超过 5000 人，请按小区分别征询。', 'More than 5,000 owners: poll each compound separately.'],
  'not-a-recorder': ['forbidden', '只有网格员或村干部可以代为登记。', 'Only grid workers and cadres may record needs for others.'],
  'resident-elsewhere': ['rule', '该居民不属于本村。', 'That person is not a resident of this village.'],
  // needs
  'not-triageable': ['conflict', '该需求当前状态不允许此操作。', 'The need’s current state does not allow this.'],
  'merge-into-self': ['rule', '不能把需求合并到自身。', 'A need cannot be merged into itself.'],
  'merge-target-elsewhere': ['rule', '合并目标不存在或不在同一村。', 'The merge target does not exist or is in another village.'],
  'merge-target-closed': ['conflict', '合并目标已被合并或驳回。', 'The merge target was itself merged or rejected.'],
  'merge-too-large': [
    'rule',
    '一次合并需转移的支持者过多，超出单次可处理的数量。',
    'A merge would move more supporters than one change can hold.',
  ],
  'need-closed': [
    'conflict',
    '该需求已结束（合并、驳回或已列入项目清单），不能再附议。',
    'The need is closed (merged, rejected or listed); it cannot be seconded.',
  ],
  'own-need': ['conflict', '提出人已是该需求的支持者。', 'The person who raised a need already backs it.'],
  'already-supporting': ['conflict', '您已附议过该需求。', 'You already second this need.'],
  // lists
  'need-not-accepted': ['rule', '只有已采纳的需求才能列入项目清单。', 'Only accepted needs can be put on the project list.'],
  'need-elsewhere': ['rule', '需求不存在或不在本村。', 'A need does not exist or is in another village.'],
  'resource-elsewhere': ['rule', '资源不存在或不在本村。', 'A resource does not exist or is in another village.'],
  'candidate-closed': ['conflict', '该项目已进入方案阶段，不再接受点单。', 'The item has moved on to planning and takes no more supports.'],
  'support-limit-reached': ['conflict', '您的点单次数已用完。', 'You have used all your supports in this village.'],
  'already-supported': ['conflict', '您已支持过该项目。', 'You already support this item.'],
  'stale-version': ['conflict', '记录已被他人修改，请刷新后重试。', 'Someone changed the record meanwhile; reload and try again.'],
  // plans and discussions
  'place-outside-village': ['rule', '方案地点不在本村。', 'The plan’s place is not in its village.'],
  'beneficiary-not-a-household': ['rule', '受益对象须为本村的户。', 'Every beneficiary must be a household of the village.'],
  'candidate-elsewhere': ['rule', '项目清单条目不存在或不在本村。', 'The candidate item does not exist or is in another village.'],
  'stale-plan-version': ['conflict', '方案已有更新的版本，请基于最新版本讨论。', 'The plan has a newer version; discuss the current one.'],
  'parties-missing': [
    'rule',
    '三方议须有政府、社会和群众三方人员出席。',
    'A three-party discussion needs government, society and residents present.',
  ],
  'attendee-unknown': ['rule', '出席人员不在人员名册中。', 'An attendee is not in the register of people.'],
  'plan-version-missing': ['rule', '方案或该版本不存在。', 'The plan or that version does not exist.'],
  'plan-elsewhere': ['rule', '方案不属于本村。', 'The plan belongs to another village.'],
  // chains and proposals
  'chain-duplicate-body': ['rule', '决策链中同一组织出现了两次。', 'A body appears twice in the chain.'],
  'chain-body-missing': ['rule', '本村没有该组织或其成员。', 'The village has no such body or it has no members.'],
  'chain-not-a-voting-body': [
    'rule',
    '监督委员会负责监督，不参与表决。',
    'The supervision committee oversees votes; it does not cast them.',
  ],
  'chain-drops-required-body': [
    'rule',
    '决策链缺少县（省）规定必须参与决策的组织（四议不能省略）。',
    'The chain leaves out a body the county (or province) requires to decide (the four deliberations cannot be skipped).',
  ],
  'chain-reorders-required-bodies': [
    'rule',
    '决策链改变了规定组织的先后顺序（党支部提议、两委商议、党员大会审议、村民代表会议决议）。',
    'The chain puts the required bodies in another order (branch proposes, committees discuss, members review, representatives resolve).',
  ],
  'chain-weakens-required-step': [
    'rule',
    '决策链降低了规定组织的到会或通过比例。',
    'The chain lowers the quorum or passing share the policy requires of a body.',
  ],
  'change-not-pending': ['conflict', '该决策链修改已经审批。', 'The chain change was already decided.'],
  'policy-scope-not-county': ['rule', '决策链底线由县或省设定。', 'A chain policy is set for a county or a province.'],
  'attendee-not-a-member': [
    'rule',
    '签到人员不是该组织在表决开始之日的成员。',
    'A person signed in is not a member of the body on the day its vote opened.',
  ],
  'attendee-listed-twice': ['rule', '签到表中同一人出现了两次。', 'The same person appears twice on the sign-in sheet.'],
  'not-voting': ['conflict', '议题当前不在表决中。', 'The proposal is not being voted on.'],
  'step-not-current': ['conflict', '该议程不是议题当前所在的环节。', 'That is not the chain step the proposal is at.'],
  'not-resubmittable': ['conflict', '只有被退回或重新打开的议题可以重新提交。', 'Only returned or reopened proposals can be resubmitted.'],
  'subject-kind-changed': ['rule', '重新提交不能改变议题类型。', 'A resubmission cannot change the proposal’s kind.'],
  'subject-mismatch': ['rule', '修改内容与议题类型不符。', 'The revision does not match the proposal’s kind.'],
  'cadres-submit': [
    'forbidden',
    '此类议题由村干部提交；镇干部只提交村庄分类议题。',
    'Village cadres submit this kind of proposal; township officials submit village classifications only.',
  ],
  // votes
  'not-a-member': ['forbidden', '您不是该组织的成员，不能在此环节投票。', 'You are not a member of the body voting at this step.'],
  'voting-closed': ['conflict', '该环节的表决已结束或尚未开始。', 'Voting at this step has ended or not started.'],
  'already-voted': [
    'conflict',
    '该投票人已投过票（每人在所有渠道中只计一票）。',
    'This voter has already voted (one counted ballot per voter across all channels).',
  ],
  'no-proxy-authorisation': ['forbidden', '没有该委托人对您的有效委托。', 'You hold no authorisation from that voter for this step.'],
  'principal-not-a-member': ['rule', '委托人不是该组织成员。', 'The principal is not a member of the voting body.'],
  'proxy-is-principal': ['rule', '不能委托给自己。', 'A voter cannot authorise themself.'],
  'proxy-elsewhere': ['rule', '受托人须为本村人员。', 'The proxy must be a person of the same village.'],
  'proxy-limit-reached': ['conflict', '受托人已接受了最多的委托。', 'The proxy already holds the maximum number of authorisations.'],
  'proxy-already-authorised': ['conflict', '该委托人在此环节已有委托。', 'The principal already authorised someone for this step.'],
  'authorisation-evidence-required': [
    'rule',
    '代为登记委托须上传书面委托书扫描件。',
    'Recording an authorisation for someone else needs the signed form’s scan.',
  ],
  'not-principal-or-cadre': [
    'forbidden',
    '只有委托人本人或村干部可以登记委托。',
    'Only the principal or a village cadre may record an authorisation.',
  ],
  'paper-sheet-conflict': [
    'conflict',
    '同一编号的计票单已用不同扫描件导入。',
    'A sheet with this reference was imported with a different scan.',
  ],
  'paper-sheet-invalid': [
    'rule',
    '纸质选票文件有问题，未计入任何选票；逐行问题见 problems。',
    'The paper ballot file has problems and no ballot was counted; every problem is listed by row in problems.',
  ],
  'paper-sheet-exists': [
    'conflict',
    '本环节已计入同一编号的计票单，请使用新的编号。',
    'A sheet with this reference was already counted at this step; give the file a new reference.',
  ],
  // notice
  'not-in-notice': ['conflict', '该议题不在公示期。', 'The proposal is not under public notice.'],
  'notice-ended': ['conflict', '公示期已结束。', 'The notice period has ended.'],
  'already-answered': ['conflict', '该异议已答复。', 'The objection was already answered.'],
  // consent
  'not-an-owner': ['forbidden', '您不是该范围内登记的业主。', 'You are not a registered owner in the poll’s scope.'],
  'poll-closed': ['conflict', '征询已结束。', 'The poll has closed.'],
  'already-responded': ['conflict', '该业主已表态（每位业主只计一次）。', 'This owner has already responded (once per owner).'],
  'paper-evidence-required': ['rule', '代为登记书面意见须附扫描件。', 'Recording a paper response needs its scan.'],
  'not-cadre': ['forbidden', '只有村（社区）干部可以代为登记。', 'Only cadres may record on someone’s behalf.'],
  'fee-required': ['rule', '按老旧小区改造规则须提供物业费收缴情况。', 'The renovation rule needs the property-fee collection figures.'],
  // renovation consent gate
  'not-a-compound': ['rule', '该地点不是城市社区内的小区。', 'The place is not a compound of an urban community.'],
  'renovation-needs-compound': [
    'rule',
    '改造方案须落在一个小区（方案地点须为小区或小区内）。',
    'A renovation plan is for one compound: its place must be a compound or lie in one.',
  ],
  'renovation-needs-consent': [
    'rule',
    '改造方案须注明该小区通过的业主意愿征询（至少2/3以上业主同意）。',
    'A renovation plan must name the owners’ consent poll that passed for its compound (at least 2/3 of owners agree).',
  ],
  'consent-poll-not-for-compound': [
    'rule',
    '所注明的征询不是该小区的改造意愿征询。',
    'The poll named is not a renovation consent poll over the plan’s compound.',
  ],
  'consent-not-passed': [
    'rule',
    '该小区的改造意愿征询未结束或未通过。',
    'The compound’s renovation consent poll has not closed or did not pass.',
  ],
  'consent-lapsed': [
    'rule',
    '该小区的改造意愿征询已超过有效期，请重新征询。',
    'The compound’s consent poll is no longer in force; poll the owners again.',
  ],
  'compound-eligibility-unrecorded': [
    'rule',
    '尚未登记该小区的改造条件（多层住宅、结构安全、未列入拆迁计划）。',
    'The compound’s eligibility (multi-storey, structurally safe, not on a demolition plan) is not recorded.',
  ],
  'compound-not-eligible': [
    'rule',
    '该小区不符合改造条件（须为多层住宅、结构安全、未列入拆迁计划）。',
    'The compound is not eligible for renovation (multi-storey, structurally safe, not on a demolition plan).',
  ],
  // lists
  'list-needs-a-village': [
    'rule',
    '参数 village 须为一个村或社区；乡镇、县的范围请逐村查询（村名单见 /registry）。',
    'The `village` parameter must name a village or community; for a township or county, list each of its villages (from /registry).',
  ],
  'closes-in-past': ['rule', '截止时间须晚于现在。', 'The closing time must be in the future.'],
} as const satisfies Record<string, RefusalEntry>;

export type RefusalCode = keyof typeof refusals;
