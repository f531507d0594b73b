import type { RefusalEntry, Refused as RefusedOf } from '@cocreate/contracts';

/**
 * Every refusal the projects service gives, with its kind (how it reaches the caller: 403, 409 or 422) and its text in
 * both languages. Domain functions return the code (`refused(code, facts)`); the application layer turns it into a
 * problem with `refuse(code)` / `settled(decision)`. The facts a refusal names (the stage, the allowed next stages,
 * the balance…) travel as the problem's extension members.
 */
export const refusals = {
  // the lifecycle
  'illegal-transition': [
    'conflict',
    '项目当前阶段不能转到所选阶段，可转入的阶段见 allowed。',
    'The project cannot move to that stage from where it is; the allowed next stages are listed.',
  ],
  'change-pending': [
    'conflict',
    '项目有待审议的重大变更，决定前暂停推进。',
    'A major change awaits deliberation; the project waits until it is decided or withdrawn.',
  ],
  'no-milestones': ['conflict', '项目没有任何节点，无法验收。', 'The project has no milestones to accept.'],
  'milestones-open': [
    'conflict',
    '仍有未完成的节点，不能初验。',
    'Milestones are still open; initial acceptance needs every one complete.',
  ],
  'representatives-required': ['rule', '初步验收须有村民代表参加。', 'Initial acceptance needs residents’ representatives present.'],
  'not-representatives': ['rule', '所列人员不是本村村民代表。', 'Some of the people named are not villager representatives here.'],
  'disbursements-open': [
    'conflict',
    '仍有未结的拨付申请，不能决算。',
    'Disbursements are still awaiting approval; settle them before the final accounts.',
  ],
  'facilities-at-final-acceptance': ['rule', '设施只在竣工验收时移交。', 'Facilities are handed over at final acceptance only.'],
  'facility-outside-village': ['rule', '移交的设施须位于本村。', 'Handed-over facilities must lie in the project’s village.'],
  // the survey stages carry their data (issue 12)
  'stage-data-out-of-place': [
    'rule',
    '所附阶段资料不属于本次转段（摸底排查资料在转入意愿调查时提交，意愿调查在转入设计审查时，设计审查在转入实施方案时）。',
    'That stage’s data belongs to another move (survey findings when entering the willingness survey, the willingness survey when entering design review, the design review when entering the implementation plan).',
  ],
  'survey-findings-required': [
    'rule',
    '摸底排查结束须提交排查结果（至少一条问题清单）。',
    'Leaving the survey (摸底排查) needs its findings: at least one.',
  ],
  'finding-outside-village': ['rule', '排查发现的地点须在本村。', 'A survey finding’s place must lie in the project’s village.'],
  'willingness-survey-required': [
    'rule',
    '意愿调查结束须提交调查结果：调查户数、同意户数（不超过调查户数）及调查表等证据。',
    'Leaving the willingness survey needs its result: households surveyed, households agreeing (no more than surveyed) and the survey sheets as evidence.',
  ],
  'renovation-needs-consent': [
    'rule',
    '改造项目的意愿调查须为该小区已通过的业主意愿表决（consentPollId）。',
    'A renovation’s willingness survey is the owners’ consent poll that passed for its compound (consentPollId).',
  ],
  'consent-poll-mismatch': [
    'rule',
    '所列业主意愿表决与改造方案所列的不一致。',
    'The consent poll named is not the one the renovation plan named.',
  ],
  'consent-poll-unknown': [
    'conflict',
    '尚未收到该业主意愿表决的结果，请稍后再试。',
    'This service has not yet learned that consent poll’s result; try again shortly.',
  ],
  'consent-poll-not-for-compound': [
    'rule',
    '该业主意愿表决不是本小区的改造意愿表决。',
    'That consent poll is not a renovation poll over the project’s compound.',
  ],
  'consent-not-passed': ['rule', '该业主意愿表决未通过。', 'That consent poll did not pass.'],
  'design-review-documents-required': [
    'rule',
    '设计方案审查结束须提交审查文件（图纸、审查意见）作为证据。',
    'Leaving the design review needs its documents (drawings, the review opinion) as evidence.',
  ],
  'document-not-pdf-or-image': ['rule', '审查文件须为 PDF 或图片。', 'Design review documents must be PDFs or images.'],
  // changes
  'not-changeable': ['conflict', '项目已进入决算，不能再变更。', 'The project is past the point where it can change.'],
  'empty-change': ['rule', '变更既未改变内容也未改变预算。', 'The change alters neither content nor budget.'],
  'change-not-pending': ['conflict', '该变更不在审议中。', 'That change is not waiting for deliberation.'],
  // who may act
  'not-committee-member': ['forbidden', '只有村"两委"成员才能执行此操作。', 'Only a member of the village two committees may do this.'],
  'not-supervision-member': [
    'forbidden',
    '只有村务监督委员会成员才能会签。',
    'Only a member of the village supervision committee may countersign.',
  ],
  'own-request': ['forbidden', '不能审批或会签自己提出的申请。', 'You cannot approve or countersign your own request.'],
  'same-person': ['forbidden', '审批与会签须由两个不同的人完成。', 'Approval and countersignature must come from two different people.'],
  'not-a-controller': [
    'forbidden',
    '只有村"两委"或监委会成员可以拒绝拨付。',
    'Only the two committees or the supervision committee may reject a disbursement.',
  ],
  // milestones
  'milestones-frozen': [
    'conflict',
    '项目已进入验收，不能再增加节点。',
    'The project is past construction; milestones can no longer be added.',
  ],
  'not-building': ['conflict', '只有施工或整改阶段才能完成节点。', 'Milestones complete only during construction or rectification.'],
  'already-completed': ['conflict', '该节点已完成。', 'The milestone is already complete.'],
  'evidence-required': [
    'rule',
    '隐蔽工程须上传照片或视频后才能完成。',
    'Hidden works need photo or video evidence before they are covered.',
  ],
  'evidence-not-photo-or-video': ['rule', '隐蔽工程的证据须为照片或视频。', 'Hidden-works evidence must be a photo or a video.'],
  // pools and the ledger
  'not-a-pool': ['rule', '资金池只设在村（社区）或乡镇。', 'Fund pools are kept by villages, communities or townships.'],
  'future-date': [
    'rule',
    '日期不能晚于今天：到账和贡献只登记已发生的日子。',
    'The date cannot be after today: money and contributions are recorded for days that have happened.',
  ],
  'unknown-project': ['rule', '限定用途中的项目不属于该资金池。', 'The restriction names projects that are not this pool’s.'],
  'not-a-township-pool': ['rule', '只有乡镇资金池可以下拨到村。', 'Only a township pool passes money on to villages.'],
  'not-a-village-of-township': [
    'rule',
    '接收方须是本乡镇的村或社区。',
    'The receiving pool must be a village or community of this township.',
  ],
  'insufficient-source': ['conflict', '该来源的未分配余额不足。', 'The source has too little unallocated money.'],
  'not-spending-stage': [
    'conflict',
    '项目审批通过后、决算前才能安排资金或申请拨付。',
    'Money is allocated and disbursements are requested between approval and the final accounts.',
  ],
  'duplicate-source': ['rule', '同一来源只能列一次。', 'Name each source once.'],
  'over-budget': ['conflict', '安排的资金将超过项目预算。', 'The allocation would exceed the project’s budget.'],
  'unknown-source': ['rule', '资金池中没有所列来源。', 'The pool has no such source.'],
  'restricted-source': [
    'rule',
    '该来源限定了用途，不能用于本项目（渠道不乱、用途不变）。',
    'The source’s purpose restriction does not allow this project (purposes unchanged).',
  ],
  'insufficient-pool': ['conflict', '资金池中可用于本项目的资金不足。', 'The pool has too little money this project may use.'],
  'sources-do-not-add-up': ['rule', '各来源金额之和须等于安排总额。', 'The sources’ amounts must add up to the amount.'],
  'too-many-sources': [
    'rule',
    '涉及的资金来源过多，无法一步完成，请拆分（决算时请联系运维）。',
    'Too many sources for one step; split it (to close the books, contact operations).',
  ],
  'not-reversible': [
    'rule',
    '只有手工录入的收入和资金安排可以冲销；拨付通过拒绝或退款更正。',
    'Only manually booked receipts and allocations are reversed; disbursements are corrected by rejection or a refund receipt.',
  ],
  'already-reversed': ['conflict', '该凭证已冲销。', 'The posting has already been reversed.'],
  'money-already-used': [
    'conflict',
    '这笔钱已被安排或支出，不能冲销；请先冲销后续凭证。',
    'The money has already been allocated or spent; reverse what followed first.',
  ],
  // disbursements
  'unknown-milestone': ['rule', '该项目没有这个节点。', 'The project has no such milestone.'],
  'unknown-person': ['rule', '收款人不在人员名册中。', 'The payee is not in the places data.'],
  'wages-to-a-person': ['rule', '工资只能付给本人。', 'Wages are paid to the person who earned them.'],
  'wages-not-due': ['conflict', '申请的工资超过应付未付的工资。', 'More than the wages due to this person was requested.'],
  'insufficient-allocation': [
    'conflict',
    '项目已安排且未占用的资金不足。',
    'The project’s allocated, unheld money does not cover this disbursement.',
  ],
  'wrong-status': [
    'conflict',
    '该拨付的当前状态（见 current）不能执行此操作。',
    'The disbursement’s current status (see current) does not allow this step.',
  ],
  'hold-missing': ['conflict', '预留资金不足，账目异常。', 'The money held for this disbursement is missing; the books need checking.'],
  // contributions
  'household-elsewhere': ['rule', '该户不属于项目所在村。', 'The household is not in the project’s village.'],
  'not-a-member': ['rule', '此人不是该户成员。', 'That person is not a member of the household.'],
  'no-wage-rate': ['rule', '该日期没有生效的当地工时费标准。', 'No local hourly wage was in force on that date.'],
  'renovation-class-share-exceeded': [
    'rule',
    '县里规定争取资金主要用于基础类改造，完善类、提升类项目只能使用每笔争取资金的一定比例（见 county-settings 的 classFunding），本次分配超出该比例。',
    'The county’s rule keeps government sources mainly for 基础类 (basic) renovation: a 完善/提升-class project may use only a share of each (classFunding in the county settings), and this allocation goes beyond it.',
  ],
  // lists
  'list-needs-a-village': [
    'rule',
    '参数 village 须为一个村或社区；乡镇、县的范围请逐村查询（本范围内的村见 villages）。',
    'The `village` parameter must name a village or community; for a township or county, list each of its villages (listed in `villages`).',
  ],
  // wage rates and county settings
  'not-a-county': ['rule', '请指定一个县（市、区）。', 'Name a county.'],
  backdated: ['rule', '工时费标准只能从今天或以后生效。', 'A rate takes effect today or later, never backdated.'],
  'rate-in-force': [
    'conflict',
    '该标准已生效，不能修改；请设定新的生效日期。',
    'That rate is in force and fixed; set a new one from a later date.',
  ],
} as const satisfies Record<string, RefusalEntry>;

export type RefusalCode = keyof typeof refusals;

/** What a projects decision returns when a rule says no. */
export type Refused<Code extends RefusalCode = RefusalCode> = RefusedOf<Code>;
