import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RefusalCatalogue } from '@cocreate/contracts';

/**
 * Every service's refusal catalogue (`domain/refusals.ts`): each code has both languages and is named in at least one
 * test, so no refusal a caller can meet goes unexercised. A code a test never names is reported by name.
 */
const root = join(import.meta.dirname, '..', '..');
const services = readdirSync(join(root, 'services'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

function testSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testSources(path);
    return /\.test\.ts$|helpers?\.ts$/.test(e.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

// Cross-service tests count for every service; a service's own tests count for it.
const shared = [...testSources(join(root, 'test', 'e2e'))].join('\n');

describe.each(services)('%s refusal catalogue', (service) => {
  it('exists: every refusal the service gives is in domain/refusals.ts', () => {
    expect(existsSync(join(root, 'services', service, 'domain', 'refusals.ts'))).toBe(true);
  });

  it('has a kind and Chinese and English text for every code', async () => {
    const { refusals } = (await import(join(root, 'services', service, 'domain', 'refusals.ts'))) as { refusals: RefusalCatalogue };
    expect(Object.keys(refusals).length).toBeGreaterThan(0);
    for (const [code, [kind, zh, en]] of Object.entries(refusals)) {
      expect(code, code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['rule', 'conflict', 'forbidden'], code).toContain(kind);
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(en.length, code).toBeGreaterThan(10);
    }
  });

  it('names every code in some test', async () => {
    const { refusals } = (await import(join(root, 'services', service, 'domain', 'refusals.ts'))) as { refusals: RefusalCatalogue };
    const tests = [...testSources(join(root, 'services', service, 'test')), shared].join('\n');
    const untested = Object.keys(refusals).filter((code) => !tests.includes(`'${code}'`) && !tests.includes(`"${code}"`));
    expect(untested, 'refusal codes no test names').toEqual([]);
  });
});
