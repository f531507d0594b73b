import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shared packages' modules form no import cycle, type-only imports included: a cycle hides which module is the
 * leaf, and the kernel had several (context ↔ table ↔ manifest ↔ unit ↔ evidence) before its leaf `types.ts`.
 */
const root = join(import.meta.dirname, '..', '..');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'generated' ? [] : modules(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of a module (`import type` and `export * from` included). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'(\.{1,2}\/[^']+)'/g)].map((m) => resolve(dirname(file), m[1]!));
}

function cycleIn(files: string[]): string[] | undefined {
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => known.has(i))]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (f: string): string[] | undefined => {
    if (state.get(f) === 'done') return undefined;
    if (state.get(f) === 'open') return [...path.slice(path.indexOf(f)), f];
    state.set(f, 'open');
    path.push(f);
    for (const next of graph.get(f) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(f, 'done');
    return undefined;
  };
  for (const f of files) {
    const found = visit(f);
    if (found) return found.map((p) => relative(root, p));
  }
  return undefined;
}
describe.each(readdirSync(join(root, 'packages')))('package %s', (pkg) => {
  it('has no import cycle among its modules', () => {
    const files = modules(join(root, 'packages', pkg, 'src'));
    expect(cycleIn(files)).toBeUndefined();
  });
});
