/**
 * Messages of a schema's own rules in both languages. zod asks a rule for its message while it parses; the HTTP
 * kernel parses a request in the caller's language (`inLanguage`), so a field error reads 「小写字母、数字和连字符」
 * for a zh-CN caller and "lower-case letters, digits and dashes" for an English one. Outside a request (events,
 * tests, scripts) messages are English.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export type MessageLocale = 'zh-CN' | 'en';

/**
 * The language of the parse under way. Kept on `globalThis`: where a package is loaded twice (a bundler or a test
 * runner resolving it by two paths), the kernel that sets it and the schema that reads it still share one.
 */
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('cocreate.says')] ??= { current: 'en' }) as { current: MessageLocale };

/** A rule's message, e.g. `.regex(re, says({ zh: '…', en: '…' }))` or `.refine(f, { ...says(…), path: ['max'] })`. */
export function says(text: Bilingual): { error: () => string } {
  return { error: () => (state.current === 'en' ? text.en : text.zh) };
}

/** The message now, for rules that add issues themselves (`superRefine`'s `ctx.addIssue({ message: said(…) })`). */
export function said(text: Bilingual): string {
  return state.current === 'en' ? text.en : text.zh;
}

/** Runs a (synchronous) parse with rule messages in `locale`. */
export function inLanguage<T>(locale: MessageLocale, parse: () => T): T {
  const was = state.current;
  state.current = locale;
  try {
    return parse();
  } finally {
    state.current = was;
  }
}
