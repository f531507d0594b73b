/**
 * Human-facing text comes in Simplified Chinese and English, chosen by Accept-Language; codes stay English.
 */
export type Locale = 'zh-CN' | 'en';

export interface Text {
  zh: string;
  en: string;
}

/** Picks the best of zh-CN / en from an Accept-Language header (q-values honoured). Default: zh-CN. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** Every answer says its language and that it depends on Accept-Language (so a cache keeps one per language). */
export const LANGUAGE_HEADERS: Record<Locale, { 'content-language': Locale; vary: 'Accept-Language' }> = {
  'zh-CN': { 'content-language': 'zh-CN', vary: 'Accept-Language' },
  en: { 'content-language': 'en', vary: 'Accept-Language' },
};

export function say(text: Text, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}
