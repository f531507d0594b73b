/**
 * Whether a new JSON Schema of an event version still accepts everything consumers relied on in the old one.
 * Breaking, for the same version: a field removed, a field retyped, an enum tightened, a constant changed, an
 * optional field made required, a union losing a branch, an object closed to fields it does not name (consumers'
 * cached schemas must keep accepting the version's later events). Adding optional fields or loosening is fine. A
 * breaking change needs a new version; the old version stays registered so consumers keep parsing it.
 */
type Schema = Record<string, unknown>;

export interface Break {
  path: string;
  change: string;
}

export function breakingChanges(before: Schema, after: Schema, path = ''): Break[] {
  const out: Break[] = [];
  const here = path || '/';
  const typeOf = (s: Schema) => (Array.isArray(s.type) ? [...(s.type as string[])].sort().join('|') : (s.type as string | undefined));
  const tb = typeOf(before);
  const ta = typeOf(after);
  if (tb && ta && tb !== ta) {
    // Widening to a superset of types (e.g. string → string|null) keeps old data valid.
    const wider = ta.split('|');
    if (!tb.split('|').every((t) => wider.includes(t) || (t === 'integer' && wider.includes('number')))) {
      out.push({ path: here, change: `type ${tb} → ${ta}` });
    }
  }
  if ('const' in before && JSON.stringify(before.const) !== JSON.stringify(after.const)) {
    out.push({ path: here, change: `const ${JSON.stringify(before.const)} → ${JSON.stringify(after.const)}` });
  }
  if (Array.isArray(before.enum)) {
    const now = Array.isArray(after.enum) ? (after.enum as unknown[]) : undefined;
    if (now) {
      const lost = (before.enum as unknown[]).filter((v) => !now.includes(v));
      if (lost.length) out.push({ path: here, change: `enum lost ${lost.map((v) => JSON.stringify(v)).join(', ')}` });
    } else if ('const' in after) {
      out.push({ path: here, change: 'enum narrowed to a constant' });
    }
  }
  const pb = (before.properties ?? {}) as Record<string, Schema>;
  const pa = (after.properties ?? {}) as Record<string, Schema>;
  for (const [name, schema] of Object.entries(pb)) {
    if (!(name in pa)) out.push({ path: `${path}/${name}`, change: 'field removed' });
    else out.push(...breakingChanges(schema, pa[name]!, `${path}/${name}`));
  }
  const rb = new Set((before.required as string[] | undefined) ?? []);
  for (const name of (after.required as string[] | undefined) ?? []) {
    if (!rb.has(name) && name in pb) out.push({ path: `${path}/${name}`, change: 'optional field made required' });
    if (!rb.has(name) && !(name in pb)) out.push({ path: `${path}/${name}`, change: 'new required field' });
  }
  if (before.items && after.items && typeof before.items === 'object' && typeof after.items === 'object') {
    out.push(...breakingChanges(before.items as Schema, after.items as Schema, `${path}/items`));
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const bb = before[key] as Schema[] | undefined;
    const aa = after[key] as Schema[] | undefined;
    if (!bb) continue;
    if (!aa || aa.length < bb.length) {
      out.push({ path: here, change: `${key} lost branches (${bb.length} → ${aa?.length ?? 0})` });
      continue;
    }
    bb.forEach((b, i) => out.push(...breakingChanges(b, aa[i]!, `${path}/${key}/${i}`)));
  }
  if (before.type === 'object' && before.additionalProperties !== false && after.additionalProperties === false) {
    out.push({ path: here, change: 'closed to fields it does not name' });
  }
  if (before.additionalProperties && typeof before.additionalProperties === 'object' && typeof after.additionalProperties === 'object') {
    out.push(...breakingChanges(before.additionalProperties as Schema, after.additionalProperties as Schema, `${path}/*`));
  }
  return out;
}
