import { type EventMatcher, type PreparedEvent, compilePattern, prepareEvent, validatePattern } from '@cocreate/event-pattern';
import type { Envelope } from '@cocreate/contracts';
import { isWithin } from '@cocreate/places';

/**
 * Which subscriptions receive an event. Two tests, both required:
 *   1. jurisdiction — the event's `meta.place` lies inside the agency's jurisdiction. Enforced here, from the
 *      agency record ops registered; nothing in the agency's pattern can widen it;
 *   2. the agency's EventBridge pattern, matched by the same matcher as the bus itself (@cocreate/event-pattern)
 *      against the event in the shape EventBridge hands a rule target.
 */

/** The event as EventBridge delivers it to a target, which is what agencies write their patterns against. */
export interface BusShape {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  time: string;
  resources: string[];
  detail: Envelope;
}

/**
 * Rebuilds the bus shape from the envelope the kernel hands a subscription (it keeps `meta` and `data`, not the bus
 * wrapper). `id` is the envelope's event id rather than the bus's own per-put UUID, and `time` is `occurredAt` at
 * second precision (EventBridge's format) rather than the relay's put time, so a pattern matches an event the same
 * way on first delivery, on replay and in the pull feed. `account` and `region` are not known to the handler and
 * are left out: a pattern naming them matches nothing (document, not guess).
 */
export function busShape(envelope: Envelope): BusShape {
  const { meta } = envelope;
  return {
    version: '0',
    id: meta.id,
    'detail-type': meta.type,
    source: meta.source,
    time: new Date(meta.occurredAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    resources: [],
    detail: { meta, data: envelope.data },
  };
}

/** The bus shape flattened once, to be matched against many subscriptions' patterns. */
export function prepared(envelope: Envelope): PreparedEvent {
  return prepareEvent(busShape(envelope) as unknown as Record<string, unknown>);
}

/** EventBridge's limit on an event pattern: 2,048 characters of JSON. */
export const MAX_PATTERN_CHARS = 2048;

export type PatternCheck = { ok: true; text: string } | { ok: false; errors: string[] };

/** Validates an agency's pattern as EventBridge's PutRule would (syntax, operators, size); returns its JSON text. */
export function checkPattern(pattern: unknown): PatternCheck {
  let text: string;
  try {
    text = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
  } catch {
    return { ok: false, errors: ['Filter is not valid JSON'] };
  }
  if (text === undefined) return { ok: false, errors: ['Filter is not an object'] };
  const result = validatePattern(text, { maxLength: MAX_PATTERN_CHARS });
  return result.ok ? { ok: true, text } : { ok: false, errors: result.errors };
}

// Compiled patterns by their text: dispatch matches every event against many subscriptions.
const compiled = new Map<string, EventMatcher>();
const MAX_CACHED = 2000;

export function matcherFor(patternText: string): EventMatcher {
  let m = compiled.get(patternText);
  if (!m) {
    m = compilePattern(patternText, { maxLength: MAX_PATTERN_CHARS });
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(patternText, m);
  }
  return m;
}

export interface Receiver {
  jurisdiction: string;
  pattern: string;
}

/** Whether a subscription receives an event: inside the jurisdiction, and its pattern matches. */
export function receives(sub: Receiver, envelope: Envelope, shape: PreparedEvent = prepared(envelope)): boolean {
  return isWithin(envelope.meta.place, sub.jurisdiction) && matcherFor(sub.pattern)(shape);
}
