import { type AttemptOutcome, errorText } from '../domain/deliveries.ts';

/**
 * The one place the service talks to agencies' endpoints. A POST with a short timeout, redirects not followed
 * (a 3xx is a failure: the agency should update its URL), the response body discarded. Only 2xx is success.
 */

/** The Standard Webhooks guidance is 15–30 s; a shorter wait keeps one slow endpoint from holding the job. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs?: number; clock?: () => number } = {},
): Promise<AttemptOutcome> {
  const clock = opts.clock ?? (() => performance.now());
  const started = clock();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'user-agent': 'cocreate-feeds/1 (+standard-webhooks)' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => undefined);
    const ms = clock() - started;
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, ms };
    const retryAfterMs = retryAfter(res.headers.get('retry-after'));
    return {
      ok: false,
      status: res.status,
      error: `HTTP ${res.status}`,
      ms,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  } catch (err) {
    return { ok: false, error: errorText(err), ms: clock() - started };
  }
}

/** `Retry-After` in seconds (the HTTP-date form is ignored: it would compare a remote clock with ours). */
function retryAfter(value: string | null): number | undefined {
  if (!value || !/^\d{1,7}$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}
