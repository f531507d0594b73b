// zod's core namespace in a Lambda bundle, with only the English and Simplified Chinese locales (see zod-bundled.mjs).
export * from '../../node_modules/zod/v4/core/index.js';
import en from '../../node_modules/zod/v4/locales/en.js';
import zhCN from '../../node_modules/zod/v4/locales/zh-CN.js';

export const locales = { en, zhCN };
