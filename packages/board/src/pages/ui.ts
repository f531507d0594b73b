import { type Lang, t } from './i18n.ts';

/**
 * What every view shares: the language, the place index, the config, JSON from the suite's public routes. These
 * modules build HTML as text and touch no DOM: the server renders the first view with them (a phone on a slow link
 * reads the page before any script arrives) and the browser renders with them again once a resident signs in.
 */

/**
 * An answer of a public route, read field by field as the OpenAPI document describes it (`/openapi.json`): the
 * board is a browser page, not a composition root, so it does not import the suite's generated types.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface PlaceEntry {
  path: string;
  kind: string;
  zh: string;
  en: string;
}

export interface Config {
  home: string;
  signIn: 'local' | 'none';
  /** Service → base URL of its HTTP API; absent: the page's own origin (locally, the gateway). */
  api?: Record<string, string>;
}

/** A route's URL: on the service's own API where the deployment says so, else on this origin (the server: `base`). */
export function routeUrl(env: Env, path: string): string {
  const service = path.split('/')[1] ?? '';
  return `${env.config.api?.[service] ?? env.base ?? ''}${path}`;
}

/** A resident signed in on this page (browser only: the server renders the page as anyone sees it). */
export interface Session {
  token: string;
  who: string;
}

export interface Env {
  lang: Lang;
  places: PlaceEntry[];
  config: Config;
  /** The page's own public URL (what a notice's QR code opens). */
  url: URL;
  /** Where routes answer when the page renders on the server (no origin of its own to be relative to). */
  base?: string;
  session?: Session;
}

/** Escapes text for HTML: every value from an answer goes through here before it reaches innerHTML. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A route's JSON; a refusal becomes an Error carrying the problem's words (in the page's language). */
export async function getJson<T = Json>(env: Env, path: string, token?: string): Promise<T> {
  const res = await fetch(routeUrl(env, path), {
    headers: { accept: 'application/json', 'accept-language': env.lang, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const body = (await res.json().catch(() => ({}))) as Json;
  if (!res.ok) throw Object.assign(new Error(body.detail ?? body.title ?? `${res.status}`), { status: res.status });
  return body as T;
}

export async function postJson<T = Json>(env: Env, path: string, body: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(routeUrl(env, path), {
    method: 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      'accept-language': env.lang,
      'idempotency-key': crypto.randomUUID(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
}

export const q = (params: Record<string, string | number | undefined>) =>
  `?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined) as [string, string][])}`;

/** Amounts are kept in fen (分); notices state yuan (元) with two decimals. */
export function yuan(fen: number | undefined, lang: Lang): string {
  const v = (fen ?? 0) / 100;
  const s = v.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return lang === 'en' ? `¥${s}` : `${s} 元`;
}

/** Dates as China reads them (China Standard Time), whatever the phone's zone. */
export function day(iso: string | undefined, lang: Lang, withTime = false): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00+08:00` : iso);
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
  });
}

export function placeName(env: Env, path: string): string {
  const p = env.places.find((x) => x.path === path);
  return p ? named(p, env.lang) : (path.split('/').at(-1) ?? path);
}

export function named(p: PlaceEntry, lang: Lang): string {
  return lang === 'en' ? p.en : p.zh;
}

/** A link to another page of the board, keeping the language. */
export function href(env: Env, page: '/' | '/notice', params: Record<string, string | undefined>): string {
  return `${page}${q({ ...params, ...(env.lang === 'en' ? { lang: 'en' } : {}) })}`;
}

export function section(id: string, title: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${body}</section>`;
}

export function empty(text: string): string {
  return `<p class="empty">${esc(text)}</p>`;
}

export function failed(env: Env, err: unknown): string {
  return `<p class="error" role="alert">${esc(t(env.lang, 'loadFailed'))}: ${esc((err as Error).message)}</p>`;
}

/** A tally as people read it: for, against, abstained, of how many members. */
export function tally(env: Env, r: { tally?: { yes: number; no: number; abstain: number; cast: number }; members?: number }): string {
  const x = r.tally ?? { yes: 0, no: 0, abstain: 0, cast: 0 };
  return t(env.lang, 'tally', { yes: x.yes, no: x.no, abstain: x.abstain, members: r.members ?? x.cast });
}
