/**
 * The local stack's clock: real time plus an offset that tests and operators can move forward
 * (`POST /_local/clock`), so notice periods, deadlines and expiry can be exercised without waiting.
 */
export class LocalClock {
  private offsetMs = 0;

  now = (): Date => new Date(Date.now() + this.offsetMs);

  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('the clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }

  set(to: Date): Date {
    const delta = to.getTime() - this.now().getTime();
    if (delta < 0) throw new Error('the clock only moves forward');
    return this.advance(delta);
  }

  /** Back to real time (the local stack's reset: a fresh world, not time running backwards inside one). */
  reset(): void {
    this.offsetMs = 0;
  }

  get offset(): number {
    return this.offsetMs;
  }
}

/** Parses an ISO 8601 duration such as `P8D`, `PT36H`, `P1DT2H30M` into milliseconds. */
export function parseDuration(iso: string): number {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) throw new Error(`not an ISO 8601 duration: ${iso}`);
  const [, w, d, h, min, s] = m;
  return ((Number(w ?? 0) * 7 + Number(d ?? 0)) * 24 * 3600 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0)) * 1000;
}
