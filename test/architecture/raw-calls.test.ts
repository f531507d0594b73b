import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RAW_MARK, rawCallsLeft, routeIndex, testFiles } from '../tools/typed-calls.ts';

/**
 * Tests call the services' routes by their definitions (`api.call(route, { params, query, body }, opts)`), so a test
 * that sends a shape the route refuses or reads a field it does not answer does not compile (issue 13). A raw
 * `api.get('/path…')` / `api.post(path, body)` that the codemod `test/tools/typed-calls.ts` could map is reported by
 * file and line; a raw call kept on purpose (invalid input the typed client would refuse, a path no route declares, an
 * opaque document) carries a `// raw: <why>` comment. packages/ stay raw (packages never import services), and the
 * codemod's own rules decide what is mappable.
 */
const root = join(import.meta.dirname, '..', '..');
const routes = routeIndex(root);

const report = (left: string[]) =>
  `${left.length} raw call(s) to a declared route in tests — call the route by its definition, ` +
  '`api.call(route, { params, query, body }, opts)` (`pnpm exec tsx test/tools/typed-calls.ts <file>` rewrites them), ' +
  'or keep one raw on purpose with a `// raw: <why>` comment on the line above it:\n' +
  left.join('\n');

function unmarked(files: string[]): string[] {
  return files.flatMap((file) => rawCallsLeft(file, routes).map((c) => `${relative(root, file)}:${c.line}  ${c.text}`));
}

describe('tests call routes by their definitions', () => {
  it('has no unmarked raw call a typed call could replace, in services/*/test or test/', () => {
    const files = testFiles([join(root, 'services'), join(root, 'test')]);
    expect(files.length).toBeGreaterThan(100);
    const left = unmarked(files);
    expect(left, report(left)).toEqual([]);
  });

  // The check itself: a raw call to a declared route is found, and a `// raw:` comment keeps one.
  const dir = mkdtempSync(join(tmpdir(), 'raw-calls-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a raw call to a declared route, and leaves one marked `// raw:`', () => {
    const route = routes.find((r) => r.method === 'GET' && !r.path.includes('{'))!;
    const file = join(dir, 'sample.int.test.ts');
    writeFileSync(
      file,
      [
        `await api.get('${route.path}', { as: 'p-1' });`,
        '// raw: the caller sends what the route refuses',
        `await api.get('${route.path}', { as: 'p-2' });`,
        `await api.get('/nowhere/declared', { as: 'p-3' });`,
        '',
      ].join('\n'),
    );
    expect(RAW_MARK.test('// raw: the caller sends what the route refuses')).toBe(true);
    expect(rawCallsLeft(file, routes)).toEqual([{ line: 1, text: `api.get('${route.path}', { as: 'p-1' })` }]);
  });
});
