/**
 * String matchers: equals-ignore-case (alone, inside `prefix`/`suffix`, inside `anything-but`) and `wildcard`.
 */

export type StringTest = (value: string) => boolean;

const REGEX_SYNTAX = /[.*+?^${}()|[\]\\/]/g;
const escapeRegex = (text: string): string => text.replace(REGEX_SYNTAX, '\\$&');

type Anchor = 'whole' | 'start' | 'end';

function anchored(body: string, anchor: Anchor): RegExp {
  const start = anchor === 'end' ? '' : '^';
  const end = anchor === 'start' ? '' : '$';
  return new RegExp(`${start}(?:${body})${end}`);
}

/**
 * Case-insensitive comparison the way event-ruler's EqualsIgnoreCaseParser does it: each character of the
 * *pattern* may appear in the event as its lower-case or its upper-case form (locale-independent, like Java's
 * Locale.ROOT). The event value itself is not folded, so multi-character mappings behave as in Ruler: the
 * pattern "ß" matches "ß" and "SS" but not "ss". (Ruler walks UTF-16 units; walking code points here only
 * differs for astral-plane letters, which Ruler cannot fold at all.)
 */
export function ignoreCaseTest(pattern: string, anchor: Anchor): StringTest {
  const body = Array.from(pattern, (ch) => {
    const forms = new Set([ch.toLowerCase(), ch.toUpperCase()]);
    return forms.size === 1 ? escapeRegex(ch) : `(?:${[...forms].map(escapeRegex).join('|')})`;
  }).join('');
  const regex = anchored(body, anchor);
  return (value) => regex.test(value);
}

const UTF8 = new TextEncoder();

export type WildcardToken = { readonly star: true } | { readonly star: false; readonly text: string };

/**
 * Parses a wildcard filter. Rules (event-ruler WildcardParser, "Matching using wildcards" in the EventBridge
 * user guide): `*` matches zero or more characters; consecutive `*` are refused; `\*` is a literal asterisk and
 * `\\` a literal backslash; a backslash before anything else is refused. Reported positions count UTF-8 bytes
 * and, as in EventBridge's messages, start at 1 because Ruler parses the value with its opening quote.
 */
export function parseWildcard(pattern: string): { tokens: WildcardToken[] } | { error: string } {
  const tokens: WildcardToken[] = [];
  const chars = Array.from(pattern);
  let bytePos = 1;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (ch === '*') {
      if (chars[i + 1] === '*') return { error: `Consecutive wildcard characters at pos ${bytePos}` };
      tokens.push({ star: true });
    } else if (ch === '\\') {
      const next = chars[i + 1];
      if (next !== '*' && next !== '\\') return { error: `Invalid escape character at pos ${bytePos}` };
      tokens.push({ star: false, text: next });
      i++;
      bytePos += 1;
    } else {
      tokens.push({ star: false, text: ch });
    }
    bytePos += UTF8.encode(ch).length;
  }
  return { tokens };
}

export function wildcardTest(tokens: readonly WildcardToken[]): StringTest {
  const body = tokens.map((t) => (t.star ? '[\\s\\S]*' : escapeRegex(t.text))).join('');
  const regex = anchored(body, 'whole');
  return (value) => regex.test(value);
}

/**
 * How many partial matches of one wildcard filter a single input can keep alive at once — the quantity
 * event-ruler's MachineComplexityEvaluator measures. It is the largest set of simultaneously active states of
 * the filter's automaton, found by exploring every reachable state set; exploration stops at `cap`.
 */
export function wildcardComplexity(tokens: readonly WildcardToken[], cap: number): number {
  const closure = (states: Iterable<number>): number[] => {
    const out = new Set<number>();
    for (const s of states) {
      let i = s;
      out.add(i);
      // A star may match nothing, so the state after it is active too.
      while (tokens[i]?.star === true) out.add(++i);
    }
    return [...out].sort((a, b) => a - b);
  };
  const alphabet = new Set<string>(['\u0000']); // one stand-in for every character the filter never names
  for (const t of tokens) if (!t.star) alphabet.add(t.text);

  const start = closure([0]);
  const seen = new Set<string>([start.join(',')]);
  const queue: number[][] = [start];
  let worst = start.length;
  while (queue.length > 0 && seen.size < 20_000) {
    const current = queue.shift() ?? [];
    for (const ch of alphabet) {
      const next = new Set<number>();
      for (const s of current) {
        const t = tokens[s];
        if (t === undefined) continue;
        if (t.star) next.add(s);
        else if (t.text === ch) next.add(s + 1);
      }
      const state = closure(next);
      const key = state.join(',');
      if (state.length === 0 || seen.has(key)) continue;
      seen.add(key);
      worst = Math.max(worst, state.length);
      if (worst >= cap) return cap;
      queue.push(state);
    }
  }
  return worst;
}
