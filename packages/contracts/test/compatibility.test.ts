import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { EventRegistry, breakingChanges, defineEvent } from '../src/index.ts';

const schema = (s: z.ZodType) => z.toJSONSchema(s) as Record<string, unknown>;
const base = z.object({ id: z.string(), amount: z.number().int(), channel: z.enum(['online', 'paper']), note: z.string().optional() });

describe('breaking changes to an event version', () => {
  it('finds a removed field, a retyped field, a tightened enum and an optional field made required', () => {
    const after = z.object({ amount: z.string(), channel: z.enum(['online']), note: z.string() });
    const changes = breakingChanges(schema(base), schema(after)).map((b) => `${b.path} ${b.change}`);
    expect(changes).toEqual([
      '/id field removed',
      '/amount type integer → string',
      '/channel enum lost "paper"',
      '/note optional field made required',
    ]);
  });

  it('accepts added optional fields, a widened enum and integer → number', () => {
    const after = base.extend({ amount: z.number(), channel: z.enum(['online', 'paper', 'proxy']), extra: z.boolean().optional() });
    expect(breakingChanges(schema(base), schema(after))).toEqual([]);
  });

  it('finds a new required field and a union that lost a branch', () => {
    const u1 = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]);
    const u2 = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') })]);
    expect(breakingChanges(schema(u1), schema(u2))[0]?.change).toMatch(/lost branches/);
    expect(breakingChanges(schema(base), schema(base.extend({ must: z.string() })))[0]?.change).toBe('new required field');
  });

  it('finds changes nested in objects and arrays', () => {
    const b = z.object({ items: z.array(z.object({ n: z.number() })) });
    const a = z.object({ items: z.array(z.object({ n: z.string() })) });
    expect(breakingChanges(schema(b), schema(a))).toEqual([{ path: '/items/items/n', change: 'type number → string' }]);
  });
});

describe('versions side by side', () => {
  const v1 = defineEvent({ type: 'Thing', service: 'projects', summary: 's', data: z.object({ n: z.number() }), example: { n: 1 } });
  const v2 = defineEvent({
    type: 'Thing',
    version: 2,
    service: 'projects',
    summary: 's',
    data: z.object({ n: z.string() }),
    example: { n: 'one' },
  });
  const sameNameElsewhere = defineEvent({
    type: 'Thing',
    service: 'compacts',
    summary: 's',
    data: z.object({ m: z.number() }),
    example: { m: 1 },
  });
  const reg = new EventRegistry([v1, v2, sameNameElsewhere]);
  const meta = (version: number, source = 'cocreate.projects') => ({
    id: 'e1',
    type: 'Thing',
    version,
    source,
    occurredAt: '2026-01-01T00:00:00Z',
    place: 'hubei',
    actor: { sub: 's' },
    correlationId: 'c',
    causationId: null,
  });

  it('keeps parsing older versions after a breaking v2', () => {
    expect(reg.parse('Thing', { meta: meta(1), data: { n: 1 } })).toMatchObject({ ok: true, contract: v1 });
    expect(reg.parse('Thing', { meta: meta(2), data: { n: 'one' } })).toMatchObject({ ok: true, contract: v2 });
    expect(reg.parse('Thing', { meta: meta(1), data: { n: 'one' } }).ok).toBe(false);
  });

  it('tells the same detail-type of two sources apart, as EventBridge does', () => {
    expect(reg.parse('Thing', { meta: meta(1, 'cocreate.compacts'), data: { m: 1 } })).toMatchObject({
      ok: true,
      contract: sameNameElsewhere,
    });
    expect(reg.parse('Thing', { meta: meta(1, 'cocreate.rewards'), data: { m: 1 } })).toMatchObject({ ok: false });
    expect(() => reg.get('Thing', 1)).toThrow(/name the source/);
    expect(reg.get('Thing', 2)).toBe(v2);
  });
});
