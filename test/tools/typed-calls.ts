/**
 * Codemod (issue 13): rewrites a test's stringly-typed calls to the local stack — `api.get('/path…', opts)`,
 * `api.post(path, body, opts)`, put/patch/delete — into calls by route definition,
 * `api.call(routeExport, { params, query, body }, opts)`, so params, query, body and answer are typed by the route's
 * own zod schemas, and adds the import of the route (relative, as services/deliberation/test/needs.int.test.ts does).
 *
 *   pnpm exec tsx test/tools/typed-calls.ts [--dry] [--fix] <test files or directories…>
 *   pnpm exec tsx test/tools/typed-calls.ts --raw-left <test files or directories…>   (count only)
 *
 * Then `pnpm exec prettier --write` the changed files and `pnpm exec tsc -p tsconfig.json`.
 *
 * What it maps: a call whose path is a string or template literal that matches exactly one declared route of that
 * method (the most literal one, as the gateway chooses); `${x}` holes that fill whole segments become path params by
 * position (an `encodeURIComponent(x)` hole becomes `x`: `call` encodes), a `?a=${x}&b=1` tail or a `${q({…})}` tail
 * becomes `query`. What it leaves: paths built elsewhere, `/_local/…`, paths no route declares (404 and 405 tests),
 * a query hole that computes text (`${after ? `&after=${x}` : ''}` may hold pairs of its own), routes of another
 * service from a service's tests (services never import each other, not even in tests), every call in packages/
 * (packages never import services), and a call under a `// raw:` comment (deliberate invalid input the typed client
 * exists to refuse).
 *
 * The route index is every `export const X = defineRoute({ method, path, … })` in `services/<name>/handlers/*.ts`.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

export interface RouteIndexEntry {
  method: string;
  path: string;
  segments: string[];
  exportName: string;
  file: string;
  service: string;
  literals: number;
}

export const RAW_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** The comment that keeps a raw call raw on purpose (the line above the call, or the call's own line). */
export const RAW_MARK = /\/\/\s*raw:/;

/** Every route definition the services declare. */
export function routeIndex(root = ROOT): RouteIndexEntry[] {
  const routes: RouteIndexEntry[] = [];
  const servicesDir = join(root, 'services');
  for (const service of readdirSync(servicesDir)) {
    const handlers = join(servicesDir, service, 'handlers');
    if (!existsSync(handlers)) continue;
    for (const name of readdirSync(handlers)) {
      if (!name.endsWith('.ts')) continue;
      const file = join(handlers, name);
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      for (const st of sf.statements) {
        if (!ts.isVariableStatement(st)) continue;
        if (!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
        for (const d of st.declarationList.declarations) {
          const init = d.initializer;
          if (!ts.isIdentifier(d.name) || !init || !ts.isCallExpression(init)) continue;
          if (!ts.isIdentifier(init.expression) || init.expression.text !== 'defineRoute') continue;
          const arg = init.arguments[0];
          if (!arg || !ts.isObjectLiteralExpression(arg)) continue;
          const prop = (key: string) => {
            const p = arg.properties.find((x) => ts.isPropertyAssignment(x) && x.name.getText(sf) === key) as
              ts.PropertyAssignment | undefined;
            return p && ts.isStringLiteralLike(p.initializer) ? p.initializer.text : undefined;
          };
          const method = prop('method');
          const path = prop('path');
          if (!method || !path) continue;
          const segments = path.split('/');
          routes.push({
            method: method.toUpperCase(),
            path,
            segments,
            exportName: d.name.text,
            file,
            service,
            literals: segments.filter((s) => !/^\{\w+\}$/.test(s)).length,
          });
        }
      }
    }
  }
  return routes;
}

type Part = { text: string } | { expr: ts.Expression };

/** The source of a hole's value as `call` takes it: `call` encodes, so an `encodeURIComponent(x)` hole is `x`. */
const unencoded = (e: ts.Expression, src: (e: ts.Expression) => string): string =>
  isCallTo(e, 'encodeURIComponent') ? src(e.arguments[0]!) : src(e);

/** A single-quoted TypeScript string literal of `text`. */
const quoted = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The template literal of path or query pieces as a value (an `encodeURIComponent(x)` hole becomes `x`: `call` encodes). */
const templateOf = (pieces: readonly Part[], src: (e: ts.Expression) => string): string =>
  '`' + pieces.map((x) => ('text' in x ? x.text.replace(/[`\\$]/g, (c) => `\\${c}`) : `\${${unencoded(x.expr, src)}}`)).join('') + '`';

function partsOf(node: ts.Expression): Part[] | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ text: node.text }];
  if (ts.isTemplateExpression(node)) {
    const parts: Part[] = [{ text: node.head.text }];
    for (const span of node.templateSpans) parts.push({ expr: span.expression }, { text: span.literal.text });
    return parts.filter((p) => !('text' in p) || p.text !== '');
  }
  return undefined;
}

const isCallTo = (e: ts.Expression, name: string): e is ts.CallExpression =>
  ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === name && e.arguments.length === 1;

/**
 * Whether a hole in a query value is one value: a name, a member, a number, or such a value encoded. A hole that
 * computes text (`${after ? `&after=${x}` : ''}`) may carry `&` or `=` of its own — more pairs, not one value — and
 * stays raw.
 */
const plainValue = (e: ts.Expression): boolean => {
  if (isCallTo(e, 'encodeURIComponent') || isCallTo(e, 'String')) return plainValue(e.arguments[0]!);
  if (ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e)) return plainValue(e.expression);
  if (ts.isPropertyAccessExpression(e)) return plainValue(e.expression);
  if (ts.isElementAccessExpression(e)) return plainValue(e.expression);
  return ts.isIdentifier(e) || ts.isNumericLiteral(e) || e.kind === ts.SyntaxKind.ThisKeyword;
};

/** Which service a test file belongs to (undefined outside services/), and whether it lives in packages/. */
function ownerOf(file: string): { service?: string; inPackages: boolean } {
  const rel = relative(ROOT, file).split(sep);
  return { service: rel[0] === 'services' ? rel[1] : undefined, inPackages: rel[0] === 'packages' };
}

export interface Mapped {
  route: RouteIndexEntry;
  /** Each param: its name and the source of its value. */
  params: [string, string][];
  /** The source of the query object, if any. */
  query?: string;
}

/**
 * The route a literal path names, with its params and query as source text; undefined when it names none, several,
 * or is built in a way the rewrite cannot keep byte-for-byte (a hole inside a query key, a `${qs}` string tail).
 */
export function mapPath(sf: ts.SourceFile, method: string, pathArg: ts.Expression, routes: RouteIndexEntry[]): Mapped | undefined {
  const parts = partsOf(pathArg);
  if (!parts) return undefined;
  const src = (e: ts.Expression) => e.getText(sf);
  // Split the path from its query.
  const pathParts: Part[] = [];
  let queryParts: Part[] | undefined;
  let queryCall: ts.Expression | undefined;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (queryParts) {
      queryParts.push(p);
      continue;
    }
    if ('text' in p) {
      const at = p.text.indexOf('?');
      if (at >= 0) {
        if (p.text.slice(0, at)) pathParts.push({ text: p.text.slice(0, at) });
        queryParts = [];
        if (p.text.slice(at + 1)) queryParts.push({ text: p.text.slice(at + 1) });
        continue;
      }
      if (p.text.includes('#')) return undefined;
      pathParts.push(p);
    } else if (i === parts.length - 1 && isCallTo(p.expr, 'q')) {
      queryCall = p.expr.arguments[0];
    } else {
      pathParts.push(p);
    }
  }
  // Segments: each a list of parts.
  const segments: Part[][] = [[]];
  for (const p of pathParts) {
    if ('expr' in p) {
      segments[segments.length - 1]!.push(p);
      continue;
    }
    const pieces = p.text.split('/');
    pieces.forEach((piece, k) => {
      if (k > 0) segments.push([]);
      if (piece) segments[segments.length - 1]!.push({ text: piece });
    });
  }
  if (segments[0]!.length !== 0) return undefined; // does not start with '/'
  if (segments.slice(1).some((s) => s.length === 0)) return undefined; // '//' or a trailing '/'
  if (segments.some((s) => s.length === 1 && 'text' in s[0]! && (s[0].text === '.' || s[0].text === '..'))) return undefined;
  const candidates = routes
    .filter((r) => r.method === method && r.segments.length === segments.length)
    .filter((r) =>
      r.segments.every((t, k) => {
        const seg = segments[k]!;
        if (/^\{\w+\}$/.test(t)) return true;
        return seg.every((x) => 'text' in x) && seg.map((x) => (x as { text: string }).text).join('') === t;
      }),
    )
    .sort((a, b) => b.literals - a.literals);
  const route = candidates[0];
  if (!route) return undefined;
  if (candidates[1] && candidates[1].literals === route.literals) return undefined;
  // Params, by position.
  const params: [string, string][] = [];
  for (let k = 0; k < route.segments.length; k++) {
    const m = /^\{(\w+)\}$/.exec(route.segments[k]!);
    if (!m) continue;
    const seg = segments[k]!;
    let value: string;
    if (seg.length === 1 && 'expr' in seg[0]!) {
      const e = seg[0].expr;
      value = unencoded(e, src);
    } else if (seg.every((x) => 'text' in x)) {
      const text = seg.map((x) => (x as { text: string }).text).join('');
      let decoded: string;
      try {
        decoded = decodeURIComponent(text);
      } catch {
        return undefined; // a malformed escape on purpose: keep it raw
      }
      if (encodeURIComponent(decoded) !== text && encodeURI(decoded) !== text) return undefined;
      value = quoted(decoded);
    } else {
      // A segment mixing text and holes: the value is a template of the same pieces (encoded holes are unwrapped).
      if (seg.some((x) => 'text' in x && /[%]/.test(x.text))) return undefined;
      value = templateOf(seg, src);
    }
    params.push([m[1]!, value]);
  }
  let query: string | undefined;
  if (queryCall) query = src(queryCall);
  else if (queryParts) {
    if (queryParts.length === 0) return undefined;
    // Pairs `k=v` separated by '&'; a hole may only stand in a value.
    const pairs: { key: string; value: Part[] }[] = [];
    let current: { key: string; value: Part[] } | undefined;
    let pendingKey = '';
    for (const p of queryParts) {
      if ('expr' in p) {
        if (!current || !plainValue(p.expr)) return undefined;
        current.value.push(p);
        continue;
      }
      const chunks = p.text.split('&');
      chunks.forEach((chunk, k) => {
        if (k > 0) current = undefined;
        if (!current) {
          if (chunk === '') return;
          const eq = chunk.indexOf('=');
          if (eq < 0) {
            pendingKey += chunk;
            return;
          }
          current = { key: pendingKey + chunk.slice(0, eq), value: [] };
          pendingKey = '';
          pairs.push(current);
          if (chunk.slice(eq + 1)) current.value.push({ text: chunk.slice(eq + 1) });
        } else if (chunk) current.value.push({ text: chunk });
      });
    }
    if (pendingKey) return undefined;
    const keys = new Set<string>();
    const entries: string[] = [];
    for (const { key, value } of pairs) {
      if (!/^[A-Za-z_][\w]*$/.test(key) || keys.has(key)) return undefined;
      keys.add(key);
      let v: string;
      if (value.length === 1 && 'expr' in value[0]!) {
        const e = value[0].expr;
        v = unencoded(e, src);
      } else if (value.every((x) => 'text' in x)) {
        const text = value.map((x) => (x as { text: string }).text).join('');
        // '+' means a space in a query: keep such values raw rather than guess.
        if (/[+%]/.test(text)) return undefined;
        v = /^(0|[1-9]\d{0,8})$/.test(text) ? text : quoted(text);
      } else {
        if (value.some((x) => 'text' in x && /[+%]/.test(x.text))) return undefined;
        v = templateOf(value, src);
      }
      entries.push(v === key ? key : `${key}: ${v}`);
    }
    query = `{ ${entries.join(', ')} }`;
  }
  return { route, params, query };
}

/** A raw call to the local stack: `api.<method>(…)` on an identifier named `api`. */
export function rawCallOf(node: ts.Node): { method: string; call: ts.CallExpression } | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const target = node.expression.expression;
  const method = node.expression.name.text;
  if (!RAW_METHODS.has(method)) return undefined;
  if (!(ts.isIdentifier(target) && target.text === 'api')) return undefined;
  return { method: method.toUpperCase(), call: node };
}

/** Whether a call sits under a `// raw:` comment (on the line above it or its own line). */
export function markedRaw(sf: ts.SourceFile, node: ts.Node): boolean {
  const text = sf.text;
  const start = node.getStart(sf);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  const lineEnd = text.indexOf('\n', start);
  const window = text.slice(prevStart, lineEnd < 0 ? undefined : lineEnd);
  if (RAW_MARK.test(window)) return true;
  // A marker on the comment lines directly above the statement holding the call…
  let stmt: ts.Node = node;
  while (stmt.parent && !ts.isBlock(stmt.parent) && !ts.isSourceFile(stmt.parent)) stmt = stmt.parent;
  // …or anywhere in the statement before the call (the formatter moves a comment inside an expression).
  return RAW_MARK.test(text.slice(stmt.pos, start));
}

/** Whether a test file may import a route of this service (the lint boundaries). */
export function mayImport(file: string, route: RouteIndexEntry): boolean {
  const owner = ownerOf(file);
  if (owner.inPackages) return false;
  return owner.service === undefined || owner.service === route.service;
}

/** What each rewritten call was (by its text without whitespace), to put one back raw (see `--fix`). */
export const originals = new Map<string, string>();
const squash = (s: string) => s.replace(/\s+/g, '').replace(/,([)}\]])/g, '$1');

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function rewriteFile(file: string, routes: RouteIndexEntry[]): { text: string; rewritten: number; left: number } | undefined {
  const original = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, original, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const used = new Map<string, RouteIndexEntry>(); // local name → route
  const declared = new Set<string>();
  const visitIds = (n: ts.Node) => {
    if (ts.isIdentifier(n)) declared.add(n.text);
    n.forEachChild(visitIds);
  };
  visitIds(sf);
  // Existing imports of route modules: name → local.
  const existing = new Map<string, string>(); // `${file}#${export}` → local
  const importDecls = new Map<string, ts.ImportDeclaration>(); // module file → declaration
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.importClause?.isTypeOnly) continue;
    const spec = st.moduleSpecifier.text;
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    const bindings = st.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    importDecls.set(target, st);
    for (const el of bindings.elements) {
      if (el.isTypeOnly) continue;
      existing.set(`${target}#${(el.propertyName ?? el.name).text}`, el.name.text);
    }
  }
  const localOf = (route: RouteIndexEntry): string => {
    const key = `${route.file}#${route.exportName}`;
    const had = existing.get(key);
    if (had) return had;
    let local = route.exportName;
    if (declared.has(local) && used.get(local) !== route) {
      local = `${route.exportName}Route`;
      let n = 2;
      while (declared.has(local) && used.get(local) !== route) local = `${route.exportName}Route${n++}`;
    }
    used.set(local, route);
    declared.add(local);
    existing.set(key, local);
    return local;
  };
  let rewritten = 0;
  let left = 0;
  const visit = (node: ts.Node) => {
    node.forEachChild(visit);
    const raw = rawCallOf(node);
    if (!raw) return;
    const { call, method } = raw;
    const args = call.arguments;
    const pathArg = args[0];
    const hasBody = method !== 'GET' && method !== 'DELETE';
    if (!pathArg || args.some((a) => ts.isSpreadElement(a)) || args.length > (hasBody ? 3 : 2) || markedRaw(sf, call)) {
      left++;
      return;
    }
    const mapped = mapPath(sf, method, pathArg, routes);
    if (!mapped || !mayImport(file, mapped.route)) {
      left++;
      return;
    }
    // Nested raw calls inside this one (in a body) were rewritten first; keep their text.
    const inner = edits.filter((e) => e.start >= call.getStart(sf) && e.end <= call.getEnd());
    const textOf = (n: ts.Node) => {
      let s = n.getStart(sf);
      let out = '';
      for (const e of inner.filter((e) => e.start >= s && e.end <= n.getEnd()).sort((a, b) => a.start - b.start)) {
        out += sf.text.slice(s, e.start) + e.text;
        s = e.end;
      }
      return out + sf.text.slice(s, n.getEnd());
    };
    const body = hasBody ? args[1] : undefined;
    const opts = hasBody ? args[2] : args[1];
    const input: string[] = [];
    if (mapped.params.length) input.push(`params: { ${mapped.params.map(([k, v]) => (v === k ? k : `${k}: ${v}`)).join(', ')} }`);
    if (mapped.query) input.push(mapped.query === 'query' ? 'query' : `query: ${mapped.query}`);
    if (body && !(ts.isIdentifier(body) && body.text === 'undefined'))
      input.push(ts.isIdentifier(body) && body.text === 'body' ? 'body' : `body: ${textOf(body)}`);
    const local = localOf(mapped.route);
    const text = `api.call(${local}, { ${input.join(', ')} }${opts ? `, ${textOf(opts)}` : ''})`.replace('{  }', '{}');
    for (const e of inner) edits.splice(edits.indexOf(e), 1);
    edits.push({ start: call.getStart(sf), end: call.getEnd(), text });
    originals.set(squash(text), call.getText(sf));
    rewritten++;
  };
  visit(sf);
  if (!rewritten) return { text: original, rewritten, left };
  // Imports: add names to an existing import of the module, or a new import after the last one.
  const byModule = new Map<string, string[]>();
  for (const [local, route] of used) {
    const spec = local === route.exportName ? local : `${route.exportName} as ${local}`;
    byModule.set(route.file, [...(byModule.get(route.file) ?? []), spec]);
  }
  const lastImport = [...sf.statements].reverse().find(ts.isImportDeclaration);
  const newImports: string[] = [];
  for (const [moduleFile, specs] of byModule) {
    const decl = importDecls.get(moduleFile);
    const bindings = decl?.importClause?.namedBindings;
    if (decl && bindings && ts.isNamedImports(bindings)) {
      const names = [...bindings.elements.map((e) => e.getText(sf)), ...specs].sort((a, b) => a.localeCompare(b));
      edits.push({ start: bindings.getStart(sf), end: bindings.getEnd(), text: `{ ${names.join(', ')} }` });
    } else {
      let spec = relative(dirname(file), moduleFile).split(sep).join('/');
      if (!spec.startsWith('.')) spec = `./${spec}`;
      newImports.push(`import { ${specs.sort((a, b) => a.localeCompare(b)).join(', ')} } from '${spec}';`);
    }
  }
  if (newImports.length) {
    const at = lastImport ? lastImport.getEnd() : 0;
    edits.push({ start: at, end: at, text: (lastImport ? '\n' : '') + newImports.sort().join('\n') + (lastImport ? '' : '\n') });
  }
  let text = original;
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return { text, rewritten, left };
}

/** Raw calls with a literal path naming a declared route that the file may import (what the rewrite would change). */
export function rawCallsLeft(file: string, routes: RouteIndexEntry[]): { line: number; text: string }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    node.forEachChild(visit);
    const raw = rawCallOf(node);
    if (!raw || !raw.call.arguments[0] || markedRaw(sf, raw.call)) return;
    const mapped = mapPath(sf, raw.method, raw.call.arguments[0], routes);
    if (!mapped || !mayImport(file, mapped.route)) return;
    found.push({ line: sf.getLineAndCharacterOfPosition(raw.call.getStart(sf)).line + 1, text: raw.call.getText(sf).split('\n')[0]! });
  };
  visit(sf);
  return found;
}

/** Test files under the given files or directories (`…/test/…*.ts`, no node_modules). */
export function testFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      if (p.endsWith('node_modules')) return;
      for (const e of readdirSync(p)) walk(join(p, e));
    } else if (/\.tsx?$/.test(p) && /(^|\/)test\//.test(relative(ROOT, p)) && !p.endsWith('.d.ts')) out.push(p);
  };
  for (const p of paths) walk(resolve(p));
  return out.filter((f) => !relative(ROOT, f).startsWith(`test${sep}tools`));
}

/** The `api.call(…)` (rewritten) call a node sits in the input of, if any. */
function typedCallAround(node: ts.Node): ts.CallExpression | undefined {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    const p: ts.Node | undefined = n.parent;
    if (
      p &&
      ts.isCallExpression(p) &&
      ts.isPropertyAccessExpression(p.expression) &&
      p.expression.name.text === 'call' &&
      ts.isIdentifier(p.expression.expression) &&
      p.expression.expression.text === 'api' &&
      p.arguments[1] === n
    )
      return p;
  }
  return undefined;
}

function nodeAt(sf: ts.SourceFile, start: number, length: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node) => {
    if (n.getStart(sf) <= start && n.getEnd() >= start + length) {
      found = n;
      n.forEachChild(visit);
    }
  };
  visit(sf);
  return found;
}

/** Whether the first status the test expects after a call is a refused input (400, 415, 422). */
function refusesInput(sf: ts.SourceFile, call: ts.Node): boolean {
  return refusedStatus(sf.text.slice(call.getStart(sf)));
}

export function refusedStatus(after: string): boolean {
  const first = /toBe\(\s*(\d{3})\s*\)|status: (\d{3})|toEqual\(\[(\d{3})/.exec(after.split('\n').slice(0, 10).join('\n'));
  return !!first && ['400', '415', '422'].includes(first[1] ?? first[2] ?? first[3] ?? '');
}

/**
 * After a rewrite: type-checks the files and settles what the typed answers make the compiler ask — a read of an
 * optional member the test knows is there gets `!` (as the tests already write `ev!.detail`), and a call whose input
 * the route's schema refuses goes back raw, marked `// raw: invalid input on purpose` when the test asserts the
 * refusal (400/422); any other refusal is printed for a person to judge (a real mismatch in the test, or a helper
 * typed too loosely).
 */
export function fix(files: string[], rounds = 4): string[] {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.base.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  let left: string[] = [];
  const putBack: string[] = [];
  let program: ts.Program | undefined;
  for (let round = 0; round < rounds; round++) {
    program = ts.createProgram({ rootNames: files, options: parsed.options, oldProgram: program });
    left = [];
    let changed = false;
    for (const file of files) {
      const sf = program.getSourceFile(file);
      if (!sf) continue;
      const edits: Edit[] = [];
      const reverted = new Set<ts.Node>();
      for (const d of program.getSemanticDiagnostics(sf)) {
        if (d.start === undefined || d.length === undefined) continue;
        const where = `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(d.start).line + 1}`;
        const message = ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 220);
        const node = nodeAt(sf, d.start, d.length);
        if (d.code === 2532 || d.code === 18048) {
          const end = d.start + d.length;
          if (sf.text[end] !== '!') edits.push({ start: end, end, text: '!' });
          continue;
        }
        const call = node && typedCallAround(node);
        if (call) {
          if (reverted.has(call)) continue;
          const original = originals.get(squash(call.getText(sf)));
          if (!original) {
            left.push(`${where} ${message}`);
            continue;
          }
          reverted.add(call);
          if (markedRaw(sf, call)) {
            // already marked
          } else if (refusesInput(sf, call)) {
            const lineStart = sf.text.lastIndexOf('\n', call.getStart(sf) - 1) + 1;
            const indent = /^\s*/.exec(sf.text.slice(lineStart))![0];
            edits.push({ start: lineStart, end: lineStart, text: `${indent}// raw: invalid input on purpose\n` });
          } else putBack.push(`${where} put back raw: ${message}`);
          edits.push({ start: call.getStart(sf), end: call.getEnd(), text: original });
          continue;
        }
        // A callback whose parameter the test typed by hand (`(x: { stage: string }) => …`, often looser than
        // the answer): the answer's own element type takes over.
        const callback = node && (ts.isArrowFunction(node) ? node : undefined);
        if ((d.code === 2345 || d.code === 2769) && callback) {
          const typed = callback.parameters.filter((p) => p.type);
          if (typed.length) {
            for (const p of typed) edits.push({ start: p.name.getEnd(), end: p.type!.getEnd(), text: '' });
            continue;
          }
        }
        left.push(`${where} ${message}`);
      }
      if (!edits.length) continue;
      // Two edits at one place: keep both, in order; an edit inside a reverted call is dropped.
      const spans = edits.filter((e) => e.end > e.start);
      const kept = edits.filter((e) => e.end > e.start || !spans.some((s) => e.start > s.start && e.start < s.end));
      let text = sf.text;
      const seen = new Set<string>();
      for (const e of kept.sort((a, b) => b.start - a.start || b.end - a.end)) {
        const key = `${e.start}:${e.end}:${e.text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        text = text.slice(0, e.start) + e.text + text.slice(e.end);
      }
      writeFileSync(file, text);
      changed = true;
    }
    if (!changed) break;
  }
  return [...putBack, ...left];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const argv = process.argv.slice(2);
  const dry = argv.includes('--dry');
  const countOnly = argv.includes('--raw-left');
  const files = testFiles(argv.filter((a) => !a.startsWith('--')));
  const routes = routeIndex();
  let total = 0;
  let totalLeft = 0;
  const changedFiles: string[] = [];
  for (const file of files) {
    if (countOnly) {
      const left = rawCallsLeft(file, routes);
      totalLeft += left.length;
      for (const l of left) console.log(`${relative(ROOT, file)}:${l.line}  ${l.text}`);
      continue;
    }
    const out = rewriteFile(file, routes);
    if (!out || !out.rewritten) continue;
    total += out.rewritten;
    console.log(`${relative(ROOT, file)}: ${out.rewritten} rewritten, ${out.left} raw left`);
    if (!dry) writeFileSync(file, out.text);
    changedFiles.push(file);
  }
  if (argv.includes('--fix')) {
    const typed = files.filter((f) => readFileSync(f, 'utf8').includes('api.call('));
    execFileSync('pnpm', ['exec', 'prettier', '--write', ...typed], { cwd: ROOT, stdio: 'ignore' });
    // prettier re-wraps the calls: the originals stay keyed by their text without whitespace.
    for (const line of fix(typed)) console.log(line);
    execFileSync('pnpm', ['exec', 'prettier', '--write', ...typed], { cwd: ROOT, stdio: 'ignore' });
  }
  console.log(countOnly ? `${totalLeft} raw calls a typed call could replace` : `${total} calls rewritten in ${files.length} files`);
}
