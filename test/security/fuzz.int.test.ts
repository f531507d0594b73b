import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { manifests } from '@cocreate/suite';
import { demo } from '@cocreate/places/seed';
import { type Answer, Tokens, inBatches, isProblem, send, tableState, writesBetween } from './callers.ts';
import { type Input, type RouteCase, accepts, arbitraryInput, routeCases } from './routes.ts';
import { drainedOver, settledOver } from './business-state.ts';

/**
 * The fuzz pass (issue 16): every route of every manifest, with inputs fast-check generates from the route's own zod
 * schemas (through their JSON Schema) and junk — wrong types, missing and extra fields, huge and odd strings, bodies
 * that are not JSON at all — sent by a caller who holds the route's roles over the whole province, so the inputs
 * reach as deep as they can. What must hold for every answer:
 * - never a 5xx;
 * - every 4xx is an RFC 9457 problem (`application/problem+json`, `status` the HTTP status);
 * - no write after a 4xx: inputs the route's schemas refuse, and every input to a GET, must leave the service's
 *   table as it was (one read before and after each service's batch); inputs the schemas accept are sent route by
 *   route, and a route whose every such input was refused (4xx) must leave the table as it was too.
 * Bounded for CI (`COCREATE_FUZZ_RUNS`, default 4 accepted + 6 refused inputs per route); `pnpm soak` runs it 25×
 * longer with a fresh seed. A failure names the route, the input and the answer, and the seed to replay it
 * (`COCREATE_FUZZ_SEED`).
 */
const stack = inject('stack');
const tokens = new Tokens(stack.url);
const RUNS = Number(process.env.COCREATE_FUZZ_RUNS ?? 1);
/** `random` (what `pnpm soak` sets) draws a fresh seed, printed with the counts so a failure can be replayed. */
const SEED = process.env.COCREATE_FUZZ_SEED === 'random' ? Date.now() % 2_147_483_647 : Number(process.env.COCREATE_FUZZ_SEED ?? 16);
const VALID_PER_ROUTE = 4 * RUNS;
const JUNK_PER_ROUTE = 6 * RUNS;
const cases = routeCases();
const READS_THAT_WRITE = /^(ACCESS|TEMPLATE)#/;

const odd = fc.oneof(
  fc.constantFrom(
    null,
    true,
    -1,
    0,
    1e308,
    -0.0001,
    '',
    ' ',
    '..',
    '../..',
    '%',
    '%zz',
    '\u0000',
    '<script>',
    '{"$ne":null}',
    '😀'.repeat(10),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 2_000, maxLength: 5_000 }),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
);

/** Replaces, drops or adds one field somewhere in a generated value (or replaces the value itself). */
function mutate(value: unknown): fc.Arbitrary<unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    return fc.oneof(
      odd,
      keys.length ? fc.tuple(fc.constantFrom(...keys), odd).map(([k, v]) => ({ ...value, [k]: v })) : odd,
      keys.length ? fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(value).filter(([x]) => x !== k))) : odd,
      fc
        .tuple(fc.constantFrom('__proto__', 'constructor', 'status', 'version', 'pk', 'admin'), odd)
        .map(([k, v]) => ({ ...value, [k]: v })),
    );
  }
  return odd;
}

const asWire = (v: unknown): Record<string, string> =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x : JSON.stringify(x)]))
    : {};

/** Inputs built to be refused by the route's schemas (checked locally: a mutant that still parses is sent as accepted). */
function junk(c: RouteCase): fc.Arbitrary<{ input: Input; raw?: string }> {
  const base = arbitraryInput(c.route, { hints: false });
  return fc.oneof(
    base.chain((i) => mutate(i.body).map((body) => ({ input: { ...i, body } }))),
    base.chain((i) => mutate(i.query).map((q) => ({ input: { ...i, query: asWire(q) } }))),
    base.chain((i) => mutate(i.params).map((p) => ({ input: { ...i, params: { ...i.params, ...asWire(p) } } }))),
    base.chain((i) =>
      fc.constantFrom('{', 'null', '[]', '"text"', '{"a":', '\u0000', 'x'.repeat(10_000)).map((raw) => ({ input: i, raw })),
    ),
  );
}

interface Sent {
  key: string;
  input: Input;
  raw?: string;
  answer: Answer;
  accepted: boolean;
}
const all: Sent[] = [];

/**
 * 5xx answers this pass found in services and reported (issue 16 report, 2026-12-03), excused by route until their
 * owners fix them — each still printed on every run. Remove a line when its route is fixed.
 */
function check(s: Sent): string | undefined {
  const what = `${s.key} ${JSON.stringify(s.raw ?? s.input).slice(0, 400)} → ${s.answer.status} ${JSON.stringify(s.answer.body).slice(0, 300)}`;
  if (s.answer.status >= 500) return `5xx: ${what}`;
  if (s.answer.status >= 400 && !isProblem(s.answer)) return `4xx without problem+json: ${what}`;
  return undefined;
}

async function tokenFor(c: RouteCase): Promise<string | undefined> {
  if (c.access === 'public') return undefined;
  const roles = c.access === 'roles' ? c.roles : (['resident'] as const);
  return tokens.get(`fuzz-${c.service}`, [...roles.map((role) => ({ role, place: demo.province }))]);
}

describe('the fuzz pass: every route, schema-generated inputs and junk', () => {
  for (const m of manifests) {
    const mine = cases.filter((c) => c.service === m.name);

    it(`${m.name}: refused inputs and reads — no 5xx, problem+json on every 4xx, nothing written`, async () => {
      // What the last test's writes set off (events, consumers, their events, jobs) finishes before the snapshot.
      await drainedOver(stack.url);
      const before = await tableState(stack, m.name);
      const jobs = mine.flatMap((c, n) => {
        const refused = fc
          .sample(junk(c), { numRuns: JUNK_PER_ROUTE, seed: SEED + n })
          .filter((j) => j.raw !== undefined || !accepts(c.route, j.input));
        const reads =
          c.route.method === 'GET'
            ? fc
                .sample(arbitraryInput(c.route, { hints: true }), { numRuns: VALID_PER_ROUTE, seed: SEED + n })
                .map((input) => ({ input, raw: undefined }))
            : [];
        return [...refused, ...reads].map((j) => ({ c, ...j }));
      });
      const failures = (
        await inBatches(jobs, 6, async ({ c, input, raw }) => {
          const answer = await send(stack.url, c, input, await tokenFor(c), raw).catch((err: Error) => err);
          if (answer instanceof Error) return `no answer: ${answer.message} ${JSON.stringify(raw ?? input).slice(0, 300)}`;
          const sent: Sent = { key: c.key, input, ...(raw !== undefined ? { raw } : {}), answer, accepted: false };
          all.push(sent);
          const problem = check(sent);
          if (problem) return problem;
          if (c.route.method !== 'GET' && answer.status < 400)
            return `a refused input was accepted: ${c.key} ${JSON.stringify(raw ?? input).slice(0, 300)} → ${answer.status}`;
          return undefined;
        })
      ).filter((f): f is string => f !== undefined);
      // The registry logs who read personal data (ACCESS#, by design: a read of people's records is itself recorded)
      // and keeps the roster templates it renders on first request (TEMPLATE#): reads that write on purpose.
      const written = writesBetween(before, await tableState(stack, m.name)).filter((k) => !READS_THAT_WRITE.test(k));
      if (written.length) failures.push(`${m.name}: refused inputs or reads wrote ${written.slice(0, 10).join(', ')}`);
      expect(failures).toEqual([]);
    });

    it(`${m.name}: accepted inputs, route by route — no 5xx, problem+json on every 4xx, nothing written when refused`, async () => {
      const failures: string[] = [];
      await drainedOver(stack.url);
      for (const [n, c] of mine.entries()) {
        if (c.route.method === 'GET') continue;
        const inputs = fc
          .sample(arbitraryInput(c.route, { hints: n % 2 === 0 }), { numRuns: VALID_PER_ROUTE * 3, seed: SEED + n })
          .filter((i) => accepts(c.route, i))
          .slice(0, VALID_PER_ROUTE);
        if (!inputs.length) continue;
        const before = await tableState(stack, m.name);
        const token = await tokenFor(c);
        const answers: Answer[] = [];
        for (const input of inputs) {
          const answer = await send(stack.url, c, input, token).catch((err: Error) => err);
          if (answer instanceof Error) {
            failures.push(`no answer: ${answer.message} ${JSON.stringify(input).slice(0, 300)}`);
            continue;
          }
          answers.push(answer);
          const sent: Sent = { key: c.key, input, answer, accepted: true };
          all.push(sent);
          const problem = check(sent);
          if (problem) failures.push(problem);
        }
        if (answers.every((a) => a.status >= 400)) {
          const written = writesBetween(before, await tableState(stack, m.name));
          if (written.length) failures.push(`${c.key}: refused inputs wrote ${written.slice(0, 10).join(', ')}`);
        } else {
          // A write was accepted: let what it set off (events, consumers, their events) finish before the next
          // route's reading — the bus idle and no new event relayed for a moment.
          await settledOver(stack.url, 300);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  afterAll(() => {
    const count = (p: (s: Sent) => boolean) => all.filter(p).length;
    console.log(
      `[fuzz] ${cases.length} routes, ${all.length} requests (seed ${SEED}): ${count((s) => s.accepted)} schema-accepted, ` +
        `${count((s) => !s.accepted)} refused or reads; answers 2xx ${count((s) => s.answer.status < 300)}, ` +
        `4xx ${count((s) => s.answer.status >= 400 && s.answer.status < 500)}, 5xx ${count((s) => s.answer.status >= 500)}`,
    );
  });
});
