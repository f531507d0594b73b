import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { EventRegistry, NeedRaised, defineEvent, registry } from '../src/index.ts';

const meta = {
  id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D',
  type: 'NeedRaised',
  version: 1,
  source: 'cocreate.deliberation',
  occurredAt: '2026-11-28T10:00:00.000Z',
  place: 'hubei/huanggang/hongan/qiliping/majiaqiao',
  actor: { sub: 'p-majiaqiao-07', role: 'resident' },
  correlationId: 'c-1',
  causationId: null,
};

describe('event registry', () => {
  it('builds a schema given as a function on its first use, once, not when the contract or a registry is made', () => {
    let built = 0;
    const Lazy = defineEvent({
      type: 'LazyThing',
      service: 'feeds',
      summary: 'A test event.',
      data: () => {
        built++;
        return z.object({ n: z.number().int() });
      },
      example: { n: 1 },
    });
    const lazyRegistry = new EventRegistry([Lazy]);
    expect(built).toBe(0);
    const detail = { meta: { ...meta, type: 'LazyThing', source: 'cocreate.feeds' }, data: { n: 1.5 } };
    expect(lazyRegistry.parse('LazyThing', detail)).toMatchObject({ ok: false, reason: expect.stringContaining('n') });
    expect(lazyRegistry.parse('LazyThing', { ...detail, data: { n: 2 } })).toMatchObject({ ok: true });
    expect(Lazy.data).toBe(Lazy.data);
    expect(built).toBe(1);
  });

  it('parses a valid envelope against its contract', () => {
    const r = registry.parse('NeedRaised', { meta, data: NeedRaised.example });
    expect(r.ok).toBe(true);
  });

  it('rejects bad data, a wrong source, a mismatched detail-type and unknown versions, with the reason', () => {
    const bad = registry.parse('NeedRaised', { meta, data: { ...NeedRaised.example, channel: 'carrier-pigeon' } });
    expect(bad).toMatchObject({ ok: false, reason: expect.stringContaining('channel') });
    expect(registry.parse('NeedRaised', { meta: { ...meta, source: 'cocreate.rewards' }, data: NeedRaised.example })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('source'),
    });
    expect(registry.parse('NeedTriaged', { meta, data: NeedRaised.example })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('detail-type'),
    });
    expect(registry.parse('NeedRaised', { meta: { ...meta, version: 9 }, data: NeedRaised.example })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('unknown event'),
    });
    expect(registry.parse('NeedRaised', { data: NeedRaised.example })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('envelope'),
    });
  });

  it('finds every example that breaks its own schema (none of the published ones), and refuses a version twice', () => {
    expect(registry.exampleFaults()).toEqual([]);
    const broken = defineEvent({
      type: 'X',
      service: 'projects',
      summary: 's',
      data: z.object({ n: z.number() }),
      example: { n: 'one' } as never,
    });
    // Checked here and by the catalog, not at construction: that ran in every function's cold start.
    expect(new EventRegistry([broken]).exampleFaults()).toEqual([{ key: 'cocreate.projects:X@v1', reason: expect.stringContaining('n') }]);
    const ok = defineEvent({ type: 'X', service: 'projects', summary: 's', data: z.object({ n: z.number() }), example: { n: 1 } });
    expect(() => new EventRegistry([ok, ok])).toThrow('registered twice');
  });

  it('exports a JSON Schema of each event version, pinning type, version and source', () => {
    const schema = registry.jsonSchema('NeedRaised', 1) as any;
    expect(schema.$schema).toContain('2020-12');
    expect(schema.properties.meta.properties.type).toEqual({ type: 'string', const: 'NeedRaised' });
    expect(schema.properties.data.required).toContain('needId');
    expect(schema.properties.data.properties.channel.enum).toContain('bench-meeting');
  });

  it('every registered event has an example that validates', () => {
    for (const c of registry.all()) expect(c.data.safeParse(c.example).success, `${c.type}@v${c.version}`).toBe(true);
  });
});
