/**
 * The JSONPath subset EventBridge evaluates in InputPath and InputPathsMap ("Amazon EventBridge input
 * transformation": dot notation, dashes, underscores, alphanumerics, forward slashes, array indices and `*`
 * wildcards), plus bracketed names (`$['a b']`), which the PutTargets reference also allows.
 */

type Step =
  { readonly kind: 'name'; readonly name: string } | { readonly kind: 'index'; readonly index: number } | { readonly kind: 'all' };

export interface JsonPath {
  readonly steps: readonly Step[];
  /** A path with a wildcard selects a list of values; any other path selects at most one. */
  readonly selectsMany: boolean;
}

const NAME = /^[^.[\]]+/;

/** Parses a path such as `$.detail.items[0].id`; returns undefined when it is not one. */
export function parseJsonPath(text: string): JsonPath | undefined {
  if (!text.startsWith('$')) return undefined;
  const steps: Step[] = [];
  let rest = text.slice(1);
  while (rest.length > 0) {
    let match: RegExpExecArray | null;
    if (rest.startsWith('.')) {
      const name = NAME.exec(rest.slice(1))?.[0];
      if (name === undefined) return undefined;
      steps.push(name === '*' ? { kind: 'all' } : { kind: 'name', name });
      rest = rest.slice(1 + name.length);
    } else if ((match = /^\[(\d+)\]/.exec(rest)) !== null) {
      steps.push({ kind: 'index', index: Number(match[1]) });
      rest = rest.slice(match[0].length);
    } else if ((match = /^\[\*\]/.exec(rest)) !== null) {
      steps.push({ kind: 'all' });
      rest = rest.slice(match[0].length);
    } else if ((match = /^\['([^']*)'\]/.exec(rest)) !== null) {
      steps.push({ kind: 'name', name: match[1] ?? '' });
      rest = rest.slice(match[0].length);
    } else {
      return undefined;
    }
  }
  return { steps, selectsMany: steps.some((s) => s.kind === 'all') };
}

/** The value the path selects, or undefined when nothing is there. */
export function selectJsonPath(root: unknown, path: JsonPath): unknown {
  let current: unknown[] = [root];
  for (const step of path.steps) {
    current = current.flatMap((value) => childrenOf(value, step));
  }
  return path.selectsMany ? current : current[0];
}

function childrenOf(value: unknown, step: Step): unknown[] {
  if (typeof value !== 'object' || value === null) return [];
  switch (step.kind) {
    case 'name':
      return !Array.isArray(value) && Object.hasOwn(value, step.name) ? [(value as Record<string, unknown>)[step.name]] : [];
    case 'index':
      return Array.isArray(value) && step.index < value.length ? [value[step.index]] : [];
    case 'all':
      return Object.values(value);
  }
}
