import type { ApiResponse, LocalApi, RequestOptions } from '@cocreate/local/testing';

/**
 * Records the cycle as it happens: each step with its requests and outcome, narrated to the console in Chinese and
 * English, and kept for the JSON report.
 */
export interface StepRecord {
  step: number;
  title: { zh: string; en: string };
  ok: boolean;
  requests: { method: string; path: string; as?: string; status: number; ms: number }[];
  outcome: Record<string, unknown>;
  error?: string;
}

export class Narrator {
  readonly steps: StepRecord[] = [];
  private current?: StepRecord;

  constructor(
    private readonly api: LocalApi,
    private readonly log: (line: string) => void = console.log,
  ) {}

  /** Runs one step; a thrown error or a failed check marks it failed and stops the cycle. */
  async step<T extends Record<string, unknown>>(title: { zh: string; en: string }, run: () => Promise<T>): Promise<T> {
    const record: StepRecord = { step: this.steps.length + 1, title, ok: false, requests: [], outcome: {} };
    this.steps.push(record);
    this.current = record;
    this.log(`\n${String(record.step).padStart(2)}. ${title.zh} — ${title.en}`);
    try {
      const outcome = await run();
      record.outcome = outcome;
      record.ok = true;
      for (const [k, v] of Object.entries(outcome)) this.log(`      ${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
      return outcome;
    } catch (err) {
      record.error = (err as Error).message;
      this.log(`      ✗ ${record.error}`);
      throw err;
    } finally {
      this.current = undefined;
    }
  }

  /** An HTTP call recorded on the current step; `expect` is the status the step needs (else it fails). */
  async call<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body: unknown,
    opts: RequestOptions & { expect?: number | number[] } = {},
  ): Promise<ApiResponse<T>> {
    const started = Date.now();
    const res = await this.api.request<T>(method, path, body, opts);
    const as = typeof opts.as === 'string' ? opts.as : opts.as?.sub;
    this.current?.requests.push({ method, path: path.split('?')[0]!, ...(as ? { as } : {}), status: res.status, ms: Date.now() - started });
    const expected = opts.expect === undefined ? [200, 201, 202, 204] : [opts.expect].flat();
    if (!expected.includes(res.status)) {
      throw new Error(`${method} ${path} → ${res.status} (expected ${expected.join('/')}): ${JSON.stringify(res.body).slice(0, 600)}`);
    }
    return res;
  }

  check(condition: unknown, what: string): void {
    if (!condition) throw new Error(`check failed: ${what}`);
  }
}
