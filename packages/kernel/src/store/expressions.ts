/**
 * Small builders for DynamoDB expressions, so handlers never hand-assemble placeholder names. Placeholders the
 * builders generate start with `#_`/`:_` and never collide with a caller's own.
 */
export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

export interface Compiled {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

export const cond = {
  /** The item must not exist yet (a create, a first vote, a processed-event marker). */
  notExists: (): Condition => ({ expression: 'attribute_not_exists(pk)' }),
  exists: (): Condition => ({ expression: 'attribute_exists(pk)' }),
  /** Optimistic concurrency: the stored version is the one the change was computed from. */
  versionIs: (version: number): Condition => ({
    expression: '#_ver = :_expectedVersion',
    names: { '#_ver': 'version' },
    values: { ':_expectedVersion': version },
  }),
  /** Guard for counters that must not go below a floor (stock, balances). */
  atLeast: (attribute: string, min: number): Condition => ({
    expression: `#_atl_${safe(attribute)} >= :_atl_${safe(attribute)}`,
    names: { [`#_atl_${safe(attribute)}`]: attribute },
    values: { [`:_atl_${safe(attribute)}`]: min },
  }),
  equals: (attribute: string, value: unknown): Condition => ({
    expression: `#_eq_${safe(attribute)} = :_eq_${safe(attribute)}`,
    names: { [`#_eq_${safe(attribute)}`]: attribute },
    values: { [`:_eq_${safe(attribute)}`]: value },
  }),
  /** One attribute below another on the same item (e.g. adopters below capacity); a missing one fails. */
  lessThanAttribute: (attribute: string, other: string): Condition => ({
    expression: `#_lt_${safe(attribute)} < #_lt_${safe(other)}`,
    names: { [`#_lt_${safe(attribute)}`]: attribute, [`#_lt_${safe(other)}`]: other },
  }),
  and: (...conditions: Condition[]): Condition => ({
    expression: conditions.map((c) => `(${c.expression})`).join(' AND '),
    names: Object.assign({}, ...conditions.map((c) => c.names ?? {})),
    values: Object.assign({}, ...conditions.map((c) => c.values ?? {})),
  }),
};

function safe(attribute: string): string {
  return attribute.replace(/[^A-Za-z0-9_]/g, '_');
}

export interface UpdateChanges {
  set?: Record<string, unknown>;
  /** SET a = if_not_exists(a, value): initialise once, never overwrite. */
  setIfMissing?: Record<string, unknown>;
  /** ADD a number (atomic counter; negative to subtract). */
  add?: Record<string, number>;
  remove?: string[];
  /** SET list = list_append(if_not_exists(list, []), values). */
  append?: Record<string, unknown[]>;
}

/** Compiles changes into an UpdateExpression; attribute paths may be dotted (`tally.yes`). */
export function compileUpdate(changes: UpdateChanges): Compiled {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  let n = 0;
  const path = (attr: string) =>
    attr
      .split('.')
      .map((segment) => {
        const key = `#_u${Object.keys(names).length}`;
        const existing = Object.entries(names).find(([, v]) => v === segment)?.[0];
        if (existing) return existing;
        names[key] = segment;
        return key;
      })
      .join('.');
  const value = (v: unknown) => {
    const key = `:_u${n++}`;
    values[key] = v;
    return key;
  };
  const sets: string[] = [];
  for (const [a, v] of Object.entries(changes.set ?? {})) {
    if (v !== undefined) sets.push(`${path(a)} = ${value(v)}`);
  }
  for (const [a, v] of Object.entries(changes.setIfMissing ?? {})) {
    const p = path(a);
    sets.push(`${p} = if_not_exists(${p}, ${value(v)})`);
  }
  for (const [a, list] of Object.entries(changes.append ?? {})) {
    const p = path(a);
    sets.push(`${p} = list_append(if_not_exists(${p}, ${value([])}), ${value(list)})`);
  }
  const adds = Object.entries(changes.add ?? {}).map(([a, v]) => `${path(a)} ${value(v)}`);
  const removes = (changes.remove ?? []).map(path);
  const clauses = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    adds.length ? `ADD ${adds.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ].filter(Boolean);
  if (!clauses.length) throw new Error('update with no changes');
  return { expression: clauses.join(' '), names, values };
}

/** Merges compiled parts; throws on a placeholder bound twice to different things (a programming error). */
export function merge(...parts: (Condition | Compiled | undefined)[]): {
  names?: Record<string, string>;
  values?: Record<string, unknown>;
} {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const p of parts) {
    for (const [k, v] of Object.entries(p?.names ?? {})) {
      if (k in names && names[k] !== v) throw new Error(`expression name ${k} bound twice`);
      names[k] = v;
    }
    for (const [k, v] of Object.entries(p?.values ?? {})) {
      if (k in values && values[k] !== v) throw new Error(`expression value ${k} bound twice`);
      values[k] = v;
    }
  }
  return {
    ...(Object.keys(names).length ? { names } : {}),
    ...(Object.keys(values).length ? { values } : {}),
  };
}
