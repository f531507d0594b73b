import { type RefusalEntry, type Refused as RefusedOf, isRefused, refused } from '@cocreate/contracts';

/**
 * Every refusal the registry gives, with its kind (how it reaches the caller: 403, 409 or 422) and its text in both
 * languages. Domain functions return the code; handlers turn it into a problem with `refuse(code)`.
 */
export const refusals = {
  // the place tree
  'parent-unknown': ['rule', '上级地点不存在。', 'The parent place does not exist.'],
  'parent-retired': ['rule', '上级地点已撤销，不能在其下登记。', 'The parent place is retired; nothing can be registered under it.'],
  'kind-not-allowed-here': [
    'rule',
    '该类地点不能登记在这类上级地点之下。',
    'A place of this kind cannot be registered under a place of that kind.',
  ],
  'province-has-no-parent': ['rule', '省是地点树的根，没有上级。', 'A province is the root of the tree and has no parent.'],
  'place-exists': ['conflict', '该地点已登记。', 'That place is already registered.'],
  'place-retired': ['conflict', '该地点已撤销。', 'The place is retired.'],
  'merge-into-self': ['rule', '不能把地点并入自身或其下级。', 'A place cannot be merged into itself or a place below it.'],
  'merge-target-unsuitable': [
    'rule',
    '并入的目标须为已登记、未撤销的同级村或社区。',
    'The merge target must be a registered, active village or community.',
  ],
  'role-may-not-manage-kind': [
    'forbidden',
    '您的角色不能登记或变更这一级地点。',
    'Your role may not register or change places of this level.',
  ],
  'stale-revision': ['conflict', '记录已被他人修改，请刷新后重试。', 'Someone changed the record meanwhile; reload and try again.'],
  // households and people
  'not-a-household': ['rule', '该地点不是已登记的户。', 'That place is not a registered household.'],
  'household-retired': ['conflict', '该户已销户。', 'The household is closed.'],
  'household-exists': ['conflict', '该户已登记。', 'That household is already registered.'],
  'person-exists': ['conflict', '该人员编号已被使用。', 'That person id is already taken.'],
  'duplicate-id-number': ['conflict', '该身份证号已登记在另一人员名下。', 'That ID number is already registered for another person.'],
  'id-number-format': [
    'rule',
    '身份证号须为 18 位（17 位数字加校验位）。',
    'An ID number has 18 characters: 17 digits and a check character.',
  ],
  'id-number-old-15': [
    'rule',
    '15 位旧身份证号已停用，请填写 18 位号码。',
    'Old 15-digit ID numbers are no longer used: enter the 18-digit number.',
  ],
  'id-number-check-digit': ['rule', '身份证号校验位不正确（GB 11643-1999）。', 'The ID number’s check character is wrong (GB 11643-1999).'],
  'id-number-birth-date': ['rule', '身份证号中的出生日期无效。', 'The date of birth inside the ID number is not a valid past date.'],
  'birth-date-mismatch': ['rule', '出生日期与身份证号不一致。', 'The date of birth does not match the ID number.'],
  'sex-mismatch': ['rule', '性别与身份证号不一致。', 'The sex does not match the ID number.'],
  'birth-date-in-future': ['rule', '出生日期不能晚于今天。', 'The date of birth cannot be after today.'],
  'person-left': ['conflict', '该人员已去世或迁出。', 'The person has died or moved away.'],
  'person-unknown': ['rule', '人员不存在。', 'The person is not in the register.'],
  'head-not-a-member': ['rule', '户主须为本户成员。', 'The head of a household must be one of its members.'],
  'head-must-change-first': [
    'conflict',
    '该人员是户主且户内还有其他成员，请先变更户主。',
    'The person heads a household with other members: change the head first.',
  ],
  'destination-outside-jurisdiction': ['forbidden', '迁入的户不在您的管辖范围内。', 'The household moved to is outside your jurisdiction.'],
  'same-household': ['rule', '该人员已在这一户。', 'The person is already in that household.'],
  'date-before-registration': ['rule', '日期早于该人员的登记信息。', 'The date is before what the register already holds for this person.'],
  // properties
  'not-a-flat': ['rule', '产权登记只适用于社区或小区内的户。', 'Ownership is recorded for households in a community or compound.'],
  'owner-term-overlaps': [
    'conflict',
    '该业主在此期间已登记为该房屋的业主。',
    'That owner already holds a share of this property over that period.',
  ],
  'seller-not-owner': ['conflict', '卖方在交易日不是该房屋的业主。', 'The seller does not own the property on the day of the sale.'],
  'buyer-already-owner': ['conflict', '买方在交易日已是该房屋的业主。', 'The buyer already owns a share of the property on that day.'],
  'sale-on-first-day': ['rule', '交易日须晚于卖方取得产权之日。', 'The sale must be after the day the seller’s ownership began.'],
  // bodies and memberships
  'not-a-village': ['rule', '组织只能设在已登记、未撤销的村或社区。', 'Bodies belong to a registered, active village or community.'],
  'overlapping-term': ['conflict', '该人员在这一组织已有与之重叠的任期。', 'The person already holds an overlapping term on that body.'],
  'membership-ended': ['conflict', '该任职已结束。', 'That membership has already ended.'],
  'until-not-after-from': ['rule', '任期结束日须晚于开始日。', 'A term must end after the day it began.'],
  // roster imports (导入)
  'import-scope-unsuitable': [
    'rule',
    '导入范围须为已登记的村、社区或其上级地点。',
    'An import is for a registered village or community, or a place above them.',
  ],
  'import-files-missing': ['rule', '文件尚未上传到上传地址。', 'A file has not been uploaded to its upload URL yet.'],
  'import-file-refused': ['rule', '文件被整体拒收，未作任何导入：', 'The file was refused whole and nothing was imported:'],
  'import-not-clean': [
    'conflict',
    '只有试导入通过（无错误行）后才能正式导入，请先试导入。',
    'Only an import whose dry run passed (no wrong rows) can be applied: dry run first.',
  ],
  'import-register-changed': [
    'conflict',
    '试导入之后台账已有变动，请重新试导入。',
    'The register changed since the dry run: dry run again.',
  ],
  'import-busy': ['conflict', '该导入正在执行或已完成。', 'That import is being applied or has been applied.'],
} as const satisfies Record<string, RefusalEntry>;

export type RefusalCode = keyof typeof refusals;

/** What a registry decision returns when a rule says no. */
export type Refused = RefusedOf<RefusalCode>;

export { isRefused, refused };
