import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusals } from '../domain/refusals.ts';

describe('the refusal catalogue', () => {
  it('has Chinese and English text for every code', () => {
    for (const [code, [kind, zh, en]] of Object.entries(refusals)) {
      expect(['rule', 'conflict', 'forbidden'], code).toContain(kind);
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(en.length, code).toBeGreaterThan(10);
    }
  });

  it('names every code in some test of the service', () => {
    const dir = import.meta.dirname;
    const tests = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts') && f !== 'refusals.test.ts')
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const untested = Object.keys(refusals).filter((code) => !tests.includes(`'${code}'`));
    expect(untested).toEqual([]);
  });
});
