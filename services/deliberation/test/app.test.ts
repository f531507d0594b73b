import { describe, expect, it } from 'vitest';
import type { RouteContext } from '@cocreate/kernel';
import { isRecomputed } from '../app/common.ts';

describe('a request recomputed after a lost race', () => {
  it('is known by its headers: the first attempt is not a recomputation, every later one of the same request is', () => {
    const request = { headers: {} } as unknown as RouteContext;
    const other = { headers: {} } as unknown as RouteContext;
    expect(isRecomputed(request)).toBe(false);
    expect(isRecomputed(other)).toBe(false);
    expect(isRecomputed({ ...request } as RouteContext)).toBe(true);
    expect(isRecomputed(request)).toBe(true);
  });
});
