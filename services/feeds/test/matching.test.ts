import { describe, expect, it } from 'vitest';
import { type Envelope, type EventContract, NeedRaised, defineEvent, registry } from '@cocreate/contracts';
import { patternOf } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import * as z from 'zod';
import { dispatchGroups } from '../domain/dispatch.ts';
import { dispatchSubscriptions } from '../handlers/dispatch.ts';
import { MAX_PATTERN_CHARS, busShape, checkPattern, receives } from '../domain/matching.ts';

function envelope(
  place: string,
  data: Record<string, unknown> = NeedRaised.example as Record<string, unknown>,
  type = 'NeedRaised',
): Envelope {
  return {
    meta: {
      id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0A',
      type,
      version: 1,
      source: 'cocreate.deliberation',
      occurredAt: '2026-03-01T08:15:30.123Z',
      place,
      actor: { sub: 'p-majiaqiao-03', role: 'resident' },
      correlationId: 'c1',
      causationId: null,
    },
    data,
  };
}

const catchAll = JSON.stringify({ source: [{ prefix: 'cocreate.' }] });

describe('the bus shape agencies write patterns against', () => {
  it('rebuilds EventBridge’s target shape from the envelope (event id, occurredAt at second precision)', () => {
    const e = envelope(demo.majiaqiao);
    expect(busShape(e)).toEqual({
      version: '0',
      id: e.meta.id,
      'detail-type': 'NeedRaised',
      source: 'cocreate.deliberation',
      time: '2026-03-01T08:15:30Z',
      resources: [],
      detail: { meta: e.meta, data: e.data },
    });
  });
});

describe('who receives an event: jurisdiction first, then the pattern', () => {
  it('a county-A agency with a catch-all pattern receives nothing from county B', () => {
    const hongan = { jurisdiction: demo.hongan, pattern: catchAll };
    expect(receives(hongan, envelope(demo.majiaqiao))).toBe(true);
    expect(receives(hongan, envelope(demo.fengshu))).toBe(false);
    expect(receives(hongan, envelope(demo.macheng))).toBe(false);
    // Above the jurisdiction is outside it too: a city-level fact is not a county's.
    expect(receives(hongan, envelope(demo.city))).toBe(false);
    // A sibling whose path merely starts with the same letters is another place.
    expect(receives({ jurisdiction: `${demo.qiliping}/majia`, pattern: catchAll }, envelope(demo.majiaqiao))).toBe(false);
  });

  it('a pattern naming another county’s places cannot widen the jurisdiction', () => {
    const sneaky = JSON.stringify({ detail: { meta: { place: [{ prefix: demo.macheng }] } } });
    expect(receives({ jurisdiction: demo.hongan, pattern: sneaky }, envelope(demo.fengshu))).toBe(false);
    expect(receives({ jurisdiction: demo.province, pattern: sneaky }, envelope(demo.fengshu))).toBe(true);
  });

  it('matches on detail-type, source, and data fields with EventBridge operators', () => {
    const byType = JSON.stringify({ 'detail-type': ['NeedRaised'] });
    const byData = JSON.stringify({ detail: { data: { category: ['roads'] } } });
    const notRoads = JSON.stringify({ detail: { data: { category: [{ 'anything-but': 'roads' }] } } });
    const byTime = JSON.stringify({ time: [{ prefix: '2026-03-01T08' }] });
    const e = envelope(demo.majiaqiao, { ...(NeedRaised.example as object), category: 'roads' });
    expect(receives({ jurisdiction: demo.hongan, pattern: byType }, e)).toBe(true);
    expect(receives({ jurisdiction: demo.hongan, pattern: JSON.stringify({ 'detail-type': ['FundsDisbursed'] }) }, e)).toBe(false);
    expect(receives({ jurisdiction: demo.hongan, pattern: byData }, e)).toBe(true);
    expect(receives({ jurisdiction: demo.hongan, pattern: notRoads }, e)).toBe(false);
    expect(receives({ jurisdiction: demo.hongan, pattern: byTime }, e)).toBe(true);
    // account and region are not part of the rebuilt shape: naming them matches nothing.
    expect(receives({ jurisdiction: demo.hongan, pattern: JSON.stringify({ region: ['cn-north-1'] }) }, e)).toBe(false);
  });
});

describe('pattern validation (as EventBridge’s PutRule)', () => {
  it('accepts an object or its JSON text and returns the text', () => {
    expect(checkPattern({ source: ['cocreate.projects'] })).toEqual({ ok: true, text: '{"source":["cocreate.projects"]}' });
    expect(checkPattern('{"source":["cocreate.projects"]}')).toEqual({ ok: true, text: '{"source":["cocreate.projects"]}' });
  });

  it('refuses bad syntax with EventBridge’s reasons', () => {
    for (const bad of [{}, { source: 'x' }, { source: [] }, { detail: { n: [{ numeric: ['>'] }] } }, '{not json', '[1]']) {
      const r = checkPattern(bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
    }
  });

  it('refuses patterns over 2,048 characters, accepts one at the limit', () => {
    const filler = (n: number) => ({ source: ['x'.repeat(n)] });
    const overhead = JSON.stringify(filler(0)).length;
    expect(checkPattern(filler(MAX_PATTERN_CHARS - overhead)).ok).toBe(true);
    const over = checkPattern(filler(MAX_PATTERN_CHARS - overhead + 1));
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.errors.join()).toMatch(/2048 character limit/);
  });
});

const derivedPatternText = (events: readonly EventContract[]) => JSON.stringify(patternOf({ events }));

describe('the dispatcher’s bus rules', () => {
  const contract = (service: 'deliberation' | 'projects', type: string): EventContract =>
    defineEvent({ type, service, summary: type, data: z.object({}), example: {} });

  it('every event contract of the registry reaches the dispatcher through rules within EventBridge’s pattern quota', () => {
    const groups = dispatchGroups(registry.all(), derivedPatternText);
    const covered = groups.flatMap((g) => g.events);
    expect(new Set(covered)).toEqual(new Set(registry.all()));
    expect(covered).toHaveLength(registry.all().length);
    for (const g of groups) {
      expect(JSON.stringify(patternOf(g)).length, g.name).toBeLessThanOrEqual(MAX_PATTERN_CHARS);
      expect(g.events.every((e) => e.source === g.events[0]!.source) || groups.length === 1).toBe(true);
      expect(g.name).toMatch(/^[A-Za-z0-9-]{1,40}$/);
    }
  });

  it('takes every event offered to agencies, and none of the register’s events about people', () => {
    const taken = new Set(dispatchSubscriptions.flatMap((sub) => sub.events as readonly EventContract[]));
    expect(taken).toEqual(new Set(registry.forAgencies()));
    // The register's public part is its places; households, people, owners and memberships stay inside the suite.
    const fromRegistry = registry.all().filter((c) => c.service === 'registry');
    expect(
      fromRegistry
        .filter((c) => taken.has(c))
        .map((c) => c.type)
        .sort(),
    ).toEqual(['PlaceRegistered', 'PlaceRenamed', 'PlaceRetired']);
    expect(fromRegistry.filter((c) => !taken.has(c)).map((c) => c.type)).toEqual(
      expect.arrayContaining([
        'PersonRegistered',
        'PersonChanged',
        'HouseholdChanged',
        'OwnershipChanged',
        'MembershipStarted',
        'RegisterImported',
      ]),
    );
    // Every other service's events stay offered.
    expect(registry.all().filter((c) => c.service !== 'registry' && !taken.has(c))).toEqual([]);
  });

  it('keeps one rule while it fits, splits by source, then into chunks, without overlap', () => {
    const events = [
      ...Array.from({ length: 30 }, (_, i) => contract('deliberation', `DeliberationFactNumber${i}`)),
      ...Array.from({ length: 5 }, (_, i) => contract('projects', `ProjectFact${i}`)),
    ];
    expect(dispatchGroups(events, derivedPatternText, 10_000)).toEqual([{ name: 'dispatch', events }]);
    const max = 600;
    const groups = dispatchGroups(events, derivedPatternText, max);
    expect(groups.map((g) => g.name)).toEqual(['dispatch-deliberation-1', 'dispatch-deliberation-2', 'dispatch-projects']);
    for (const g of groups) expect(derivedPatternText(g.events).length).toBeLessThanOrEqual(max);
    const all = groups.flatMap((g) => g.events);
    expect(all).toHaveLength(events.length);
    expect(new Set(all)).toEqual(new Set(events));
    expect(dispatchGroups([], derivedPatternText)).toEqual([]);
  });
});
