/**
 * What a target receives: the event itself, a constant `Input`, the part selected by `InputPath`, or the text an
 * `InputTransformer` produces ("Amazon EventBridge input transformation" in the EventBridge user guide).
 */
import { parseJsonPath, selectJsonPath } from './json-path.ts';
import type { BusEvent, Target } from './model.ts';

export interface TransformContext {
  event: BusEvent;
  ruleArn: string;
  ruleName: string;
  /** When EventBridge received the event (ISO 8601). */
  ingestionTime: string;
}

/**
 * The predefined template variables. `aws.events.event` is the original event without its `detail` field and
 * `aws.events.event.json` the whole event; both are JSON and meant to be used as a JSON value, since their content
 * is not escaped.
 */
const PREDEFINED: Record<string, (ctx: TransformContext) => unknown> = {
  'aws.events.rule-arn': (ctx) => ctx.ruleArn,
  'aws.events.rule-name': (ctx) => ctx.ruleName,
  'aws.events.event.ingestion-time': (ctx) => ctx.ingestionTime,
  'aws.events.event': (ctx) => {
    const { detail: _detail, ...withoutDetail } = ctx.event;
    return withoutDetail;
  },
  'aws.events.event.json': (ctx) => ctx.event,
};

/** InputPathsMap holds at most 100 variables ("You can define up to 100 variables"). */
const MAX_VARIABLES = 100;

/** Why a target's input settings would be refused by PutTargets, or undefined when they are fine. */
export function inputSettingsProblem(target: Target): string | undefined {
  const settings = [target.Input, target.InputPath, target.InputTransformer].filter((s) => s !== undefined);
  if (settings.length > 1) return 'Only one of Input, InputPath, or InputTransformer can be specified.';
  if (target.Input !== undefined && !isJson(target.Input)) return 'Input is not valid JSON text.';
  if (target.InputPath !== undefined && parseJsonPath(target.InputPath) === undefined) {
    return `InputPath ${target.InputPath} is not a valid JSON path.`;
  }
  const transformer = target.InputTransformer;
  if (transformer === undefined) return undefined;
  if (typeof transformer.InputTemplate !== 'string' || transformer.InputTemplate.length === 0) {
    return 'InputTransformer.InputTemplate is required.';
  }
  const variables = Object.entries(transformer.InputPathsMap ?? {});
  if (variables.length > MAX_VARIABLES) return `InputPathsMap can define at most ${MAX_VARIABLES} variables.`;
  for (const [name, path] of variables) {
    // The predefined variables are reserved, and the API refuses keys starting with "AWS".
    if (name.toLowerCase().startsWith('aws')) return `InputPathsMap key ${name} is reserved.`;
    if (typeof path !== 'string' || parseJsonPath(path) === undefined) {
      return `InputPathsMap value for ${name} is not a valid JSON path.`;
    }
  }
  return undefined;
}

/** The input the target is invoked with. JSON text is handed over parsed, as Lambda receives it. */
export function targetInput(target: Target, ctx: TransformContext): unknown {
  if (target.Input !== undefined) return JSON.parse(target.Input);
  if (target.InputPath !== undefined) {
    const path = parseJsonPath(target.InputPath);
    return path === undefined ? null : structuredClone(selectJsonPath(ctx.event, path) ?? null);
  }
  if (target.InputTransformer !== undefined) {
    const text = renderTemplate(target.InputTransformer.InputTemplate, variablesFor(target, ctx));
    return isJson(text) ? JSON.parse(text) : text;
  }
  return structuredClone(ctx.event);
}

/** Every declared variable, mapped to its value — undefined when its path selects nothing in the event. */
function variablesFor(target: Target, ctx: TransformContext): Map<string, unknown> {
  const variables = new Map<string, unknown>();
  for (const [name, pathText] of Object.entries(target.InputTransformer?.InputPathsMap ?? {})) {
    const path = parseJsonPath(pathText);
    variables.set(name, path === undefined ? undefined : selectJsonPath(ctx.event, path));
  }
  for (const [name, compute] of Object.entries(PREDEFINED)) variables.set(name, compute(ctx));
  return variables;
}

/**
 * Replaces each `<variable>` of the template. Inside a JSON string a value is inserted as raw text ("EventBridge
 * doesn't escape values extracted by Input Path"), so `"instance <id> is <state>"` reads naturally; anywhere else it
 * is inserted as JSON, so `{"instance": <id>}` becomes `{"instance": "i-123"}`. A variable whose path selects
 * nothing ("that variable isn't created") becomes the empty string inside a string, as EventBridge was observed to
 * do, and null elsewhere. Placeholders that name no variable are left as they are. A template that is not JSON
 * at all (the PutTargets reference's `<instance> is in state <status>`) is plain text: values go in as raw text.
 */
export function renderTemplate(template: string, variables: ReadonlyMap<string, unknown>): string {
  const plainText = !/^\s*[{["]/.test(template);
  let out = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i] ?? '';
    if (inString && ch === '\\') {
      out += ch + (template[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') inString = !inString;
    if (ch === '<') {
      const end = template.indexOf('>', i);
      const name = end === -1 ? undefined : template.slice(i + 1, end);
      if (name !== undefined && variables.has(name)) {
        out += inString || plainText ? rawText(variables.get(name)) : jsonText(variables.get(name));
        i = end;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

function rawText(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function jsonText(value: unknown): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
