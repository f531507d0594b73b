import { type RefusalEntry, type Refused as RefusedOf, isRefused, refused } from '@cocreate/contracts';
import { LOG_RETENTION_DAYS, MAX_MEMBERS_PER_AGENCY, MAX_REPLAY_WINDOW_DAYS, MAX_SUBSCRIPTIONS_PER_AGENCY } from './limits.ts';

/**
 * Every refusal the feeds give, with its kind (how it reaches the caller: 403, 409 or 422) and its text in both
 * languages. Domain functions return the code; the app layer turns it into a problem with `refuse(code)`.
 */
export const refusals = {
  // agencies
  'unknown-place': ['rule', '辖区不是已知的地点。', 'The jurisdiction is not a known place.'],
  'duplicate-member': ['rule', '成员名单有重复。', 'The members list repeats a user.'],
  'agency-exists': ['conflict', '该订阅机构已存在。', 'That agency already exists.'],
  'member-of-another-agency': ['conflict', '该用户已属于另一个订阅机构。', 'The user already belongs to another agency.'],
  'too-many-members': [
    'rule',
    `一个机构最多 ${MAX_MEMBERS_PER_AGENCY} 名成员。`,
    `An agency has at most ${MAX_MEMBERS_PER_AGENCY} members.`,
  ],
  'not-an-agency-member': ['forbidden', '您不是任何订阅机构的成员。', 'You are not a member of any agency.'],
  // subscriptions
  'too-many-subscriptions': [
    'rule',
    `一个机构最多 ${MAX_SUBSCRIPTIONS_PER_AGENCY} 个订阅。`,
    `An agency has at most ${MAX_SUBSCRIPTIONS_PER_AGENCY} subscriptions.`,
  ],
  'invalid-pattern': [
    'rule',
    '事件模式不符合 EventBridge 语法或超出 2048 字符。',
    'The event pattern is not valid EventBridge syntax or exceeds 2,048 characters.',
  ],
  'invalid-webhook-url': ['rule', '推送地址无效。', 'The webhook URL is not acceptable.'],
  'not-a-webhook-subscription': [
    'rule',
    '该订阅为拉取模式，没有推送投递；请从 GET /feeds/events 读取。',
    'This is a pull subscription: nothing is pushed; read GET /feeds/events instead.',
  ],
  'stale-version': ['conflict', '订阅已被修改，请重新读取后再改。', 'The subscription changed since you read it; read it again and retry.'],
  'not-paused': ['conflict', '该订阅未暂停。', 'The subscription is not paused.'],
  'subscription-paused': [
    'conflict',
    '订阅已暂停，请先恢复订阅（可选择同时重放暂停期间的事件），再重投或重放。',
    'The subscription is paused; resume it first (optionally replaying the paused window), then redrive or replay.',
  ],
  // the pull feed
  'no-pull-subscription': [
    'rule',
    '本机构没有拉取模式的订阅；请先创建 delivery.mode 为 pull 的订阅。',
    'Your agency has no pull subscription; create one with delivery mode `pull` first.',
  ],
  // replays
  'window-order': ['rule', '起始时间须早于结束时间。', '`from` must be before `to`.'],
  'window-in-future': ['rule', '结束时间不能晚于当前时间。', '`to` may not be in the future.'],
  'window-too-long': ['rule', `一次重放最多 ${MAX_REPLAY_WINDOW_DAYS} 天。`, `A replay covers at most ${MAX_REPLAY_WINDOW_DAYS} days.`],
  'window-beyond-log': [
    'rule',
    `事件日志只保留 ${LOG_RETENTION_DAYS} 天；更早的时间窗口请联系运维从事件总线归档中重放。`,
    `The event log keeps ${LOG_RETENTION_DAYS} days; for an older window ask operations to replay it from the bus archive.`,
  ],
} as const satisfies Record<string, RefusalEntry>;

export type RefusalCode = keyof typeof refusals;

/** What a feeds decision returns when a rule says no. */
export type Refused<Code extends RefusalCode = RefusalCode> = RefusedOf<Code>;

export { isRefused, refused };
