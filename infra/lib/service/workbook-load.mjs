// The workbook libraries (exceljs and jszip, with the stream and promise polyfills they bring: ~590 KB minified) are
// built into a file of their own, `workbook.cjs`, next to the function's `index.mjs` (see workbook-chunk.mjs), and
// loaded the first time a workbook is read or written. A function whose routes never touch a spreadsheet (most of
// them, even in the services that import rosters) never loads them, and none pays for them at cold start.
import { createRequire } from 'node:module';

let chunk;
export const workbooks = () => (chunk ??= createRequire(import.meta.url)('./workbook.cjs'));
