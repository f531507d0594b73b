// Builds `workbook.cjs` (exceljs and jszip, see workbook-load.mjs) into a function's bundle directory when its bundle
// loads it: `node workbook-chunk.mjs <bundle dir> <entry>`, run by CDK after esbuild (commandHooks.afterBundling).
// The libraries are resolved from the function's entry, so the chunk carries the versions its service's lock pins.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** True when a bundle loads the workbook chunk (the loader's file name survives minification). */
export const loadsWorkbooks = (code) => code.includes("'./workbook.cjs'") || code.includes('"./workbook.cjs"');

/** Writes `<dir>/workbook.cjs`, minified CommonJS for Node 22, with exceljs and jszip resolved from `entry`. */
export async function buildWorkbookChunk(dir, entry, write = true) {
  return build({
    stdin: {
      contents: "module.exports = { ExcelJS: require('exceljs'), JSZip: require('jszip') };",
      resolveDir: path.dirname(entry),
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    outfile: path.join(dir, 'workbook.cjs'),
    write,
    logLevel: 'silent',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, entry] = process.argv.slice(2);
  const index = path.join(dir, 'index.mjs');
  if (existsSync(index) && loadsWorkbooks(readFileSync(index, 'utf8'))) await buildWorkbookChunk(dir, entry);
}
