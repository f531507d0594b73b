import { z } from 'zod';
import { type FieldError, type Text, problems } from '@cocreate/kernel';
import { type PlaceDirectory, type PlaceKind, ancestorsOf } from '@cocreate/places';
import type { RuleError } from '../domain/scheme.ts';

/** The nearest place of `kind` at or above `path` in the places data. */
export function ancestorOfKind(places: PlaceDirectory, path: string, kind: PlaceKind): string | undefined {
  return ancestorsOf(path)
    .reverse()
    .find((p) => places.place(p)?.kind === kind);
}

export const countyOf = (places: PlaceDirectory, path: string) => ancestorOfKind(places, path, 'county');
export const townshipOf = (places: PlaceDirectory, path: string) => ancestorOfKind(places, path, 'township');

/** The village or community a path lies in, only if it is one in the places data. */
export const villageOf = (places: PlaceDirectory, path: string) => places.villageOf(path)?.path;

/** Villages and communities inside a scope, sorted (the assessment's stable order). */
export function villagesWithin(places: PlaceDirectory, scope: string): string[] {
  return [...places.within(scope, 'village'), ...places.within(scope, 'community')].map((p) => p.path).sort();
}

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
    { in: 'body', pointer, rule: 'place', message: `not a ${what.en.toLowerCase()} in the places data` },
  ]);
}
