// What `zod` resolves to in a Lambda bundle (the `alias` of `lambdaBundling`): zod as it is, except that of its
// locales only English (zod's default) and Simplified Chinese (the kernel's problems) come along. zod exports every
// locale through its `z` and `z.core` namespaces, and `import { z } from 'zod'` keeps those namespaces whole, so
// without this each function carries ~258 KB of messages in 49 languages it never speaks. The paths are relative, so
// the alias does not apply to them. A module's own export wins over the same name from `export *`.
export * from '../../node_modules/zod/v4/classic/external.js';
import * as core from './zod-core-bundled.mjs';
import { locales } from './zod-core-bundled.mjs';
import * as z from './zod-bundled.mjs';

export { core, locales, z, z as default };
