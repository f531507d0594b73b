import type { z } from 'zod';
import { type Locale, type Text, say } from './i18n.ts';

/**
 * One bad field: where it is (a JSON pointer into the request part), the rule it broke, and what to do — in both
 * languages (a bare string is what zod said, already in the caller's language).
 */
export interface FieldError {
  in: 'body' | 'query' | 'path' | 'header';
  pointer: string;
  rule: string;
  message: string | Text;
}

/**
 * The members every problem body owns: RFC 9457's five and ours (`code`, `errors`). Clients read them by name, so an
 * extension must never replace one (a string `status` once overwrote the numeric one).
 */
export const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance', 'code', 'errors'] as const;
type ProblemMember = (typeof PROBLEM_MEMBERS)[number];
/** Extension members of a problem: anything but the members the problem owns (refused at compile time where known). */
export type ProblemExtensions = Record<string, unknown> & { [K in ProblemMember]?: never };

/**
 * An RFC 9457 problem. Thrown anywhere below a handler, rendered as `application/problem+json`. `code` is a stable
 * machine-readable reason (also the last segment of `type`); `title`/`detail` are localised at render time.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: Text,
    readonly detail?: Text,
    readonly extensions: ProblemExtensions = {},
    readonly errors: FieldError[] = [],
  ) {
    super(`${status} ${code}: ${detail?.en ?? title.en}`);
    this.name = 'Problem';
  }

  render(locale: Locale, instance?: string): Record<string, unknown> {
    // Extensions first: the problem's own members, written after, win over any extension that slipped past the type.
    const extensions = Object.fromEntries(
      Object.entries(this.extensions).filter(([name]) => !(PROBLEM_MEMBERS as readonly string[]).includes(name)),
    );
    return {
      ...extensions,
      type: `https://cocreate.example.cn/problems/${this.code}`,
      title: say(this.title, locale),
      status: this.status,
      ...(this.detail ? { detail: say(this.detail, locale) } : {}),
      ...(instance ? { instance } : {}),
      code: this.code,
      ...(this.errors.length
        ? { errors: this.errors.map((e) => ({ ...e, message: typeof e.message === 'string' ? e.message : say(e.message, locale) })) }
        : {}),
    };
  }
}

export const problems = {
  badRequest: (detail: Text, errors: FieldError[] = []) =>
    new Problem(400, 'bad-request', { zh: '请求无效', en: 'Bad request' }, detail, {}, errors),
  invalid: (part: FieldError['in'], error: z.ZodError) =>
    new Problem(
      part === 'body' ? 422 : 400,
      'validation-failed',
      { zh: '输入未通过校验', en: 'Input failed validation' },
      {
        zh: `${error.issues.length} 处输入不符合要求，见 errors。`,
        en: `${error.issues.length} field(s) broke a rule; see errors.`,
      },
      {},
      fieldErrors(part, error),
    ),
  /** A domain rule refused the input (weights not summing to 1, a category a source forbids…). */
  rule: (code: string, detail: Text, extensions: ProblemExtensions = {}, errors: FieldError[] = []) =>
    new Problem(422, code, { zh: '不符合业务规则', en: 'Business rule violated' }, detail, extensions, errors),
  /**
   * A read that would gather more records than one request may hold (a village with a long history): a problem
   * the caller can act on — ask for a page or a narrower range — rather than a 500.
   */
  tooMany: (max: number) =>
    new Problem(
      422,
      'too-many-to-answer',
      { zh: '记录过多，无法一次答复', en: 'Too many records to answer at once' },
      {
        zh: `这次读取会超过 ${max} 条记录；请分页读取或缩小范围。`,
        en: `This read would gather more than ${max} records; ask for a page or a narrower range.`,
      },
      { limit: max },
    ),
  unauthenticated: (detail: Text) => new Problem(401, 'unauthenticated', { zh: '需要登录', en: 'Authentication required' }, detail),
  /** `code` names the refusal where the caller can act on it (`own-household`); by default just `forbidden`. */
  forbidden: (detail: Text, extensions: ProblemExtensions = {}, code = 'forbidden') =>
    new Problem(403, code, { zh: '无权操作', en: 'Forbidden' }, detail, extensions),
  notFound: (what: Text) =>
    new Problem(
      404,
      'not-found',
      { zh: '未找到', en: 'Not found' },
      {
        zh: `${what.zh}不存在或不在您的权限范围内。`,
        en: `${what.en} does not exist or is outside your jurisdiction.`,
      },
    ),
  /** A conflict with the current state: stale version, double vote, overspend, illegal transition. */
  conflict: (code: string, detail: Text, extensions: ProblemExtensions = {}) =>
    new Problem(409, code, { zh: '与当前状态冲突', en: 'Conflict with current state' }, detail, extensions),
  preconditionRequired: (detail: Text) =>
    new Problem(428, 'precondition-required', { zh: '缺少前置条件', en: 'Precondition required' }, detail),
  unsupportedMediaType: () =>
    new Problem(
      415,
      'unsupported-media-type',
      { zh: '不支持的内容类型', en: 'Unsupported media type' },
      {
        zh: '请求体须为 application/json。',
        en: 'The request body must be application/json.',
      },
    ),
  internal: () =>
    new Problem(
      500,
      'internal',
      { zh: '服务内部错误', en: 'Internal error' },
      {
        zh: '服务出现意外错误，请稍后重试；没有数据被部分写入。',
        en: 'Something unexpected failed; try again later. Nothing was partially written.',
      },
    ),
  /** The store (or another AWS service) could not be reached or is throttling: nothing was written, try again. */
  storeUnavailable: () =>
    new Problem(
      503,
      'store-unavailable',
      { zh: '服务暂不可用', en: 'Service unavailable' },
      {
        zh: '数据存储暂时无法访问，本次请求没有写入任何数据，请稍后重试。',
        en: 'The data store cannot be reached right now; nothing was written. Try again shortly.',
      },
    ),
  unavailable: () =>
    new Problem(
      503,
      'unavailable',
      { zh: '服务繁忙', en: 'Service busy' },
      {
        zh: '请求与其他操作反复冲突，请稍后重试。',
        en: 'The request kept colliding with other writes; retry shortly.',
      },
    ),
};

/** Every zod issue as a field error, with a JSON pointer and the zod rule code. */
export function fieldErrors(part: FieldError['in'], error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    in: part,
    pointer: `/${issue.path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
    rule: issue.code,
    message: issue.message,
  }));
}

/**
 * Whether an error means the store is out of reach or refusing for now (a network failure, a 5xx, throttling) rather
 * than a fault in the request or the code: such a request is answered 503 with Retry-After, not 500.
 */
const OUTAGE_ERRORS = [
  'ServiceUnavailable',
  'InternalServerError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
];

export function isOutage(err: unknown): boolean {
  const e = err as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (!e || typeof e !== 'object') return false;
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(e.code ?? '')) return true;
  if (OUTAGE_ERRORS.includes(e.name ?? '')) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return e.cause !== undefined && e.cause !== err ? isOutage(e.cause) : false;
}
