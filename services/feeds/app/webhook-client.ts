import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isLoopback, nonPublicReason } from '../domain/addresses.ts';
import { type AttemptOutcome, errorText } from '../domain/deliveries.ts';
import { DEPLOYED_POLICY, type WebhookPolicy, checkWebhookUrl } from '../domain/subscriptions.ts';

/**
 * The one place the service talks to agencies' endpoints. A POST with a short timeout, redirects not followed
 * (a 3xx is a failure: the agency should update its URL), the response body discarded. Only 2xx is success.
 */

/** The Standard Webhooks guidance is 15–30 s; a shorter wait keeps one slow endpoint from holding the job. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Set (to `allow`) by the local stack only, whose tests' receivers listen on 127.0.0.1 over plain http. The CDK app
 * never sets it, so a deployed function holds receivers to https and public addresses.
 */
export const LOOPBACK_RECEIVERS_ENV = 'COCREATE_FEEDS_LOOPBACK_RECEIVERS';

export function webhookPolicy(env: NodeJS.ProcessEnv = process.env): WebhookPolicy {
  return env[LOOPBACK_RECEIVERS_ENV] === 'allow' ? { loopbackHttp: true } : DEPLOYED_POLICY;
}

type Resolve = (
  hostname: string,
  callback: (err: NodeJS.ErrnoException | null, addresses: { address: string; family: number }[]) => void,
) => void;
const systemResolve: Resolve = (hostname, callback) => dnsLookup(hostname, { all: true, verbatim: true }, callback);

/**
 * A DNS lookup for the connection that refuses when any address the name resolves to is not public. The socket
 * then connects to an address this very lookup checked, so a name cannot pass the check and be re-resolved
 * elsewhere (DNS rebinding).
 */
export function guardedLookup(policy: WebhookPolicy, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const usable = addresses.filter((a) => !options.family || a.family === options.family);
      if (!usable.length) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      for (const a of usable) {
        const reason = nonPublicReason(a.address);
        if (reason && !(policy.loopbackHttp && isLoopback(a.address))) {
          return callback(
            Object.assign(new Error(`refused: ${hostname} resolves to ${a.address}, ${reason.en}`), { code: 'EREFUSEDADDRESS' }),
            '',
            0,
          );
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs?: number; clock?: () => number; policy?: WebhookPolicy; resolve?: Resolve } = {},
): Promise<AttemptOutcome> {
  const clock = opts.clock ?? (() => performance.now());
  const policy = opts.policy ?? webhookPolicy();
  const started = clock();
  // Checked again at every attempt: the URL was registered under rules that may since have tightened.
  const checked = checkWebhookUrl(url, policy);
  if (!checked.ok) return { ok: false, error: `refused: ${checked.reason.en}`, ms: clock() - started };
  const target = new URL(checked.url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<AttemptOutcome>((resolve) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'user-agent': 'cocreate-feeds/1 (+standard-webhooks)', 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(policy, opts.resolve),
        // A fresh connection per attempt: a pooled one could outlive the address check that opened it.
        agent: false,
        signal: AbortSignal.timeout(opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
      },
      (res) => {
        // Nothing of the body is read: not following a redirect, not buffering what a hostile endpoint streams.
        res.destroy();
        const status = res.statusCode ?? 0;
        const ms = clock() - started;
        if (status >= 200 && status < 300) return resolve({ ok: true, status, ms });
        const retryAfterMs = retryAfter(res.headers['retry-after'] ?? null);
        resolve({ ok: false, status, error: `HTTP ${status}`, ms, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
      },
    );
    req.on('error', (err) => resolve({ ok: false, error: errorText(err), ms: clock() - started }));
    req.end(body);
  });
}

/** `Retry-After` in seconds (the HTTP-date form is ignored: it would compare a remote clock with ours). */
function retryAfter(value: string | null): number | undefined {
  if (!value || !/^\d{1,7}$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}
