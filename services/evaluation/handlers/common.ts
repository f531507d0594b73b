import { z } from 'zod';
import { type FieldError, type Text, problems } from '@cocreate/kernel';
import { type Place, type PlaceKind, type Register, ancestorsOf } from '@cocreate/places';
import type { RuleError } from '../domain/scheme.ts';

/**
 * The places a path lies in according to the register, nearest first (itself included when registered). Every
 * ancestor is asked at once, so the county, township and village of a path cost one round of reads.
 */
export async function lineageOf(register: Register, path: string): Promise<Place[]> {
  const found = await Promise.all(
    ancestorsOf(path)
      .reverse()
      .map((p) => register.place(p)),
  );
  return found.filter((p): p is Place => p !== undefined);
}

/** The nearest place of one of `kinds` in a lineage. */
export const nearestOf = (lineage: readonly Place[], ...kinds: PlaceKind[]) => lineage.find((p) => kinds.includes(p.kind))?.path;

export const countyOf = async (register: Register, path: string) => nearestOf(await lineageOf(register, path), 'county');

/** Villages and communities inside a scope, sorted (the assessment's stable order). */
export async function villagesWithin(register: Register, scope: string): Promise<string[]> {
  const [villages, communities] = await Promise.all([register.within(scope, 'village'), register.within(scope, 'community')]);
  return [...villages, ...communities].map((p) => p.path).sort();
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar day in China at an instant: memberships of bodies are asked of a day. */
export const chinaDay = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
});

export const Year = z.coerce.number().int().min(2000).max(2100);

/** A domain rule broken on named fields: 422 with each field's pointer. */
export function ruleErrors(code: string, text: Text, errors: readonly RuleError[]): never {
  const fieldErrors: FieldError[] = errors.map((e) => ({ in: 'body', pointer: e.pointer, rule: e.rule, message: e.message }));
  throw problems.rule(code, text, {}, fieldErrors);
}

export const notFound = {
  review: () => problems.notFound({ zh: '评价', en: 'The review' }),
  scheme: () => problems.notFound({ zh: '评价标准', en: 'The scheme' }),
  competition: () => problems.notFound({ zh: '评比', en: 'The competition' }),
  rectification: () => problems.notFound({ zh: '整改事项', en: 'The rectification item' }),
  run: () => problems.notFound({ zh: '考核任务', en: 'The assessment run' }),
};

/** Not-a-place: a path that is not in the places data (or not of the kind the route needs). */
export function notAPlace(pointer: string, what: Text): never {
  throw problems.rule('unknown-place', { zh: `${what.zh}不在地点数据中。`, en: `${what.en} is not in the places data.` }, {}, [
    {
      in: 'body',
      pointer,
      rule: 'place',
      message: { zh: `地点数据中没有这个${what.zh}`, en: `not a ${what.en.toLowerCase()} in the places data` },
    },
  ]);
}
