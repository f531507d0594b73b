/**
 * Runs scheduled jobs locally from the same schedule expressions the CDK stack gives EventBridge:
 * `rate(N minute|minutes|hour|hours|day|days)` and six-field `cron(min hour day-of-month month day-of-week year)`.
 */
export interface ScheduledJob {
  key: string;
  schedule: string;
  /** Runs the job; `input` is what a request rule handed over (undefined on a schedule). */
  run: (input?: unknown) => Promise<unknown>;
}

export function intervalOf(schedule: string): number | undefined {
  const m = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(schedule);
  if (!m) return undefined;
  const unit = m[2]!.startsWith('minute') ? 60_000 : m[2]!.startsWith('hour') ? 3_600_000 : 86_400_000;
  return Number(m[1]) * unit;
}

/** Whether a cron expression fires at this minute (UTC, as EventBridge evaluates it). */
export function cronMatches(schedule: string, at: Date): boolean {
  const m = /^cron\((.+)\)$/.exec(schedule);
  if (!m) return false;
  const fields = m[1]!.trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`cron needs six fields: ${schedule}`);
  const [min, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  const field = (expr: string, value: number, lo: number, hi: number): boolean =>
    expr === '*' ||
    expr === '?' ||
    expr.split(',').some((part) => {
      const [range, stepText] = part.split('/');
      const step = stepText ? Number(stepText) : 1;
      const [a, b] = range === '*' ? [lo, hi] : range!.split('-').map(Number);
      const start = a!;
      const end = b ?? (stepText ? hi : start);
      return value >= start && value <= end && (value - start) % step === 0;
    });
  return (
    field(min, at.getUTCMinutes(), 0, 59) &&
    field(hour, at.getUTCHours(), 0, 23) &&
    field(dom, at.getUTCDate(), 1, 31) &&
    field(month, at.getUTCMonth() + 1, 1, 12) &&
    field(dow, at.getUTCDay() + 1, 1, 7) &&
    field(year, at.getUTCFullYear(), 1970, 2199)
  );
}

export class LocalScheduler {
  private timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<string>();
  /** Jobs to run once more after the run in progress, with the latest request's input. */
  private readonly again = new Map<string, unknown>();
  private stopped = true;
  /** Job runs started since the stack started (what `GET /_local/idle` answers). */
  runs = 0;

  constructor(
    private readonly jobs: ScheduledJob[],
    private readonly now: () => Date,
    private readonly onError: (key: string, err: Error) => void,
  ) {}

  start(): void {
    this.stopped = false;
    for (const job of this.jobs) {
      const every = intervalOf(job.schedule);
      // A failed run is logged by fire(); the next tick tries again, as a schedule would.
      if (every) this.timers.push(setInterval(() => void this.fire(job).catch(() => undefined), every));
    }
    const crons = this.jobs.filter((j) => j.schedule.startsWith('cron('));
    if (crons.length) {
      this.timers.push(
        setInterval(() => {
          const at = this.now();
          for (const j of crons) if (cronMatches(j.schedule, at)) void this.fire(j).catch(() => undefined);
        }, 60_000),
      );
    }
    for (const t of this.timers) t.unref();
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.stopped = true;
    this.again.clear();
  }

  /**
   * A job started on request: runs now, or once more right after the run in progress (that run may have read its
   * work before the request's was written). Requests while stopped are dropped, as the schedule would catch up.
   * Requests arriving during one run make one more run, under the latest one's input (its correlation id); in
   * Lambda each request is its own invocation, retried while the one reserved run is busy.
   */
  request(key: string, input?: unknown): void {
    const job = this.jobs.find((j) => j.key === key);
    if (!job || this.stopped) return;
    if (this.running.has(key)) {
      this.again.set(key, input);
      return;
    }
    void this.fire(job, input)
      .catch(() => undefined)
      .finally(() => {
        if (!this.again.has(key)) return;
        const next = this.again.get(key);
        this.again.delete(key);
        this.request(key, next);
      });
  }

  /** Waits until no job is running. */
  async settled(): Promise<void> {
    while (this.running.size) await new Promise((r) => setTimeout(r, 50));
  }

  /** Runs every job once now (after the clock moved: work that came due is done). */
  async runAll(): Promise<void> {
    for (const job of this.jobs) await this.fire(job);
  }

  async run(key: string): Promise<unknown> {
    const job = this.jobs.find((j) => j.key === key);
    if (!job) throw new Error(`no job ${key}`);
    return this.fire(job);
  }

  private async fire(job: ScheduledJob, input?: unknown): Promise<unknown> {
    // One run of a job at a time, as a reserved-concurrency-1 function would behave.
    if (this.running.has(job.key)) return { skipped: 'already running' };
    this.running.add(job.key);
    this.runs++;
    try {
      return await job.run(input);
    } catch (err) {
      this.onError(job.key, err as Error);
      throw err;
    } finally {
      this.running.delete(job.key);
    }
  }
}
