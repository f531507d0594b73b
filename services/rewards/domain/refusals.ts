import type { RefusalEntry } from '@cocreate/contracts';

/**
 * Every refusal rewards gives, with its kind (how it reaches the caller: 403, 409 or 422) and its text in both
 * languages. Domain functions return the code; the application layer turns it into a problem with `refuse(code)`.
 */
export const refusals = {
  // earning rules, credits and corrections
  'county-rules-by-county': ['forbidden', '县级积分规则只能由县级部门设置。', 'Only county officials set a county’s rules.'],
  'scope-not-county-or-village': [
    'rule',
    '积分规则只能按县设置，或按村/社区覆盖。',
    'Rules are set for a county, or overridden for a village or community.',
  ],
  'own-credit': ['forbidden', '不能给自己记积分。', 'You cannot credit points to yourself.'],
  'occurred-in-future': ['rule', '活动日期不能晚于今天。', 'The activity date cannot be in the future.'],
  'already-credited': ['conflict', '该居民已就此活动记过积分。', 'This person was already credited for this activity.'],
  'own-correction': ['forbidden', '不能更正自己的积分。', 'You cannot correct your own points.'],
  'not-reversible': [
    'rule',
    '只有积分入账可以冲正；违约扣分须经道德评议会撤销。',
    'Only credits can be corrected; a deduction is reversed when its violation is overturned.',
  ],
  'already-reversed': ['conflict', '该笔积分已冲正。', 'This entry was already reversed.'],
  'not-your-statement': ['forbidden', '只能查看自己的积分明细。', 'You may only read your own statement.'],
  'not-your-household': ['forbidden', '只能查看本户的积分。', 'You may only read your own household’s points.'],
  // points supermarket
  'not-a-catalogue-place': ['rule', '积分超市按村/社区或乡镇设置。', 'A points supermarket belongs to a village, community or township.'],
  'not-your-item': ['forbidden', '只能管理本店上架的商品。', 'You can only manage your own items.'],
  'not-registered': ['forbidden', '只有登记在册的居民可以兑换。', 'Only registered residents can redeem points.'],
  'item-unavailable': ['conflict', '该商品已下架。', 'This item is not offered any more.'],
  'out-of-stock': ['conflict', '库存不足，该商品已被兑完。', 'Not enough stock left for this item.'],
  'insufficient-points': ['conflict', '可用积分不足。', 'Not enough points available for this order.'],
  'not-reserved': ['conflict', '该兑换单已完成或已取消。', 'This order was already fulfilled or cancelled.'],
  'points-not-held': [
    'conflict',
    '该兑换单占用的积分已不在账户中，请刷新后重试。',
    'The points this order holds are no longer held on the account; reload and try again.',
  ],
  'own-order': ['forbidden', '不能核销自己的兑换单。', 'You cannot fulfil your own order.'],
  'not-the-merchant': ['forbidden', '只有上架该商品的商户可以核销。', 'Only the merchant offering the item can fulfil it.'],
  'not-your-order': ['forbidden', '只能取消自己的兑换单或本店的兑换单。', 'You can only cancel your own orders or your shop’s.'],
  'not-expired': ['conflict', '兑换单尚未过期。', 'The order has not expired yet.'],
  'order-not-visible': ['forbidden', '无权查看该兑换单。', 'You may not read this order.'],
  'not-your-orders': ['forbidden', '只能查看自己的兑换单。', 'You may only list your own orders.'],
  // award rounds (以奖代补)
  'scope-not-county-or-township': ['rule', '以奖代补按县或乡镇组织。', 'A round is run by a county or a township.'],
  'bad-weights': ['rule', '四项指标权重之和须为 100。', 'The four weights must sum to 100.'],
  'deadline-passed': ['rule', '截止时间须晚于现在。', 'The deadline must be in the future.'],
  'bad-eligible': [
    'rule',
    '申报对象须为本范围内、类型正确且不重复的地点。',
    'Eligible applicants must be distinct places of the right kind inside the scope.',
  ],
  'round-closed': ['conflict', '申报已截止。', 'The round’s deadline has passed.'],
  'round-still-open': ['conflict', '申报尚未截止，不能公布结果。', 'The round is open until its deadline; results come after it.'],
  'round-published': ['conflict', '该轮结果已公布。', 'The round’s results are already published.'],
  'too-many-applications': ['conflict', '本轮申报数量已达上限。', 'The round has reached its limit of applications.'],
  'wrong-applicant-kind': ['rule', '本轮不接受此类申报对象。', 'This round takes another kind of applicant.'],
  'not-eligible': ['rule', '申报对象不在本轮范围内。', 'The applicant is not eligible for this round.'],
  'village-applies-through-cadres': ['forbidden', '村级申报须由村"两委"提交。', 'A village applies through its cadres.'],
  'household-applies-through-head': [
    'forbidden',
    '户级申报须由户主（或村干部代为）提交。',
    'A household applies through its head (or a cadre on its behalf).',
  ],
  'already-applied': ['conflict', '该对象已申报本轮。', 'This applicant already applied to the round.'],
  'figures-not-for-villages': ['rule', '村级申报的指标取自效果共评的年度考核。', 'Village applicants are scored on evaluation’s figures.'],
  'figures-missing': [
    'conflict',
    '部分申报对象缺少年度考核指标；请待考核公布或排除其申报。',
    'Some applicants have no figures for the year yet; wait for them or exclude the application.',
  ],
  // cooperative shares and dividends
  'bad-holdings': ['rule', '股东须为本村的户，且不重复。', 'Members must be distinct households of this village.'],
  'no-share-register': ['conflict', '请先登记合作社股东名册。', 'Record the cooperative’s share register first.'],
  'household-elsewhere': ['rule', '该户不属于此村。', 'That household is not in this village.'],
  // volunteer and mutual-aid activities
  'not-a-village': ['rule', '活动须在一个村或社区发布。', 'An activity is published in a village or community.'],
  'activity-in-past': ['rule', '活动开始时间须晚于现在。', 'The activity must start in the future.'],
  'activity-closed': ['conflict', '该活动已结束或已关闭。', 'The activity is over or closed.'],
  'activity-not-over': ['conflict', '活动尚未结束，不能关闭。', 'The activity has not ended yet; close it after its end.'],
  'not-a-resident-here': ['forbidden', '只有本村/社区登记在册的居民可以报名。', 'Only registered residents of the village can sign up.'],
  'already-signed-up': ['conflict', '已报名该活动。', 'You already signed up for this activity.'],
  'waiting-list-full': ['conflict', '名额已满，候补名单也已满。', 'The activity and its waiting list are full.'],
  'not-signed-up': ['conflict', '没有可取消的报名。', 'There is no sign-up to cancel.'],
  'not-your-sign-up': [
    'forbidden',
    '只能取消自己的报名（组织者除外）。',
    'You can only cancel your own sign-up (unless you organise the activity).',
  ],
  'not-the-organiser': ['forbidden', '只有活动组织者或村干部可以操作。', 'Only the organiser or a cadre of the village can do this.'],
  'bad-code': ['forbidden', '签到码无效。', 'The code is not this activity’s.'],
  'check-in-not-open': ['conflict', '签到尚未开始（活动开始前一小时开放）。', 'Check-in opens an hour before the start.'],
  'no-place': [
    'conflict',
    '该居民没有本活动的名额（未报名、候补中或已取消）。',
    'The person holds no place at this activity (not signed up, waiting or cancelled).',
  ],
  'already-checked-in': ['conflict', '已签到。', 'Already checked in.'],
  'not-checked-in': ['conflict', '尚未签到，不能签退。', 'Not checked in, so cannot check out.'],
  'already-checked-out': ['conflict', '已签退，积分已记。', 'Already checked out; the points were credited.'],
  // lists
  'list-needs-a-village': [
    'rule',
    '参数 village 须为一个村或社区；乡镇、县的范围请逐村查询（村名单见 /registry）。',
    'The `village` parameter must name a village or community; for a township or county, list each of its villages (from /registry).',
  ],
} as const satisfies Record<string, RefusalEntry>;

export type RefusalCode = keyof typeof refusals;
