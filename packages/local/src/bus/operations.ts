/**
 * The EventBridge control-plane operations (buses, rules, targets) and TestEventPattern, taking and returning the
 * JSON bodies of the AWS JSON 1.1 protocol. Timestamps are epoch seconds, as that protocol encodes them.
 */
import { missingParameter, validationError } from './errors.ts';
import type { EventBus, Rule, Target } from './model.ts';
import { compileEventPattern, type BusRegistry } from './registry.ts';

export type Input = Record<string, unknown>;
export type Operation = (input: Input) => object | Promise<object>;

/** Fields TestEventPattern requires of its Event, as EventBridge enforces them. */
const TEST_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'];

function requiredString(input: Input, key: string): string {
  const value = input[key];
  if (value === undefined || value === null) throw missingParameter(lowerFirst(key));
  if (typeof value !== 'string') throw validationError(`Parameter ${key} must be a string.`);
  return value;
}

function optionalString(input: Input, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError(`Parameter ${key} must be a string.`);
  return value;
}

const lowerFirst = (key: string) => key.charAt(0).toLowerCase() + key.slice(1);

/** Offset-based pages for the List operations; NextToken is opaque to callers. */
function page<T>(items: readonly T[], input: Input): { items: T[]; nextToken?: string } {
  const limit = typeof input.Limit === 'number' && input.Limit > 0 ? input.Limit : 100;
  const token = optionalString(input, 'NextToken');
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) throw validationError('The NextToken is not valid.');
  const end = start + limit;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { nextToken: Buffer.from(String(end)).toString('base64url') } : {}),
  };
}

const seconds = (date: Date) => date.getTime() / 1000;

function busView(bus: EventBus) {
  return {
    Name: bus.name,
    Arn: bus.arn,
    ...(bus.description === undefined ? {} : { Description: bus.description }),
    CreationTime: seconds(bus.createdAt),
    LastModifiedTime: seconds(bus.createdAt),
  };
}

function ruleView(rule: Rule) {
  return {
    Name: rule.name,
    Arn: rule.arn,
    EventBusName: rule.eventBusName,
    State: rule.state,
    ...(rule.eventPattern === undefined ? {} : { EventPattern: rule.eventPattern }),
    ...(rule.scheduleExpression === undefined ? {} : { ScheduleExpression: rule.scheduleExpression }),
    ...(rule.description === undefined ? {} : { Description: rule.description }),
    ...(rule.roleArn === undefined ? {} : { RoleArn: rule.roleArn }),
  };
}

function targetsOf(input: Input): Target[] {
  const targets = input.Targets;
  if (!Array.isArray(targets) || targets.length === 0) throw missingParameter('targets');
  if (targets.length > 10) {
    throw validationError(
      "1 validation error detected: Value at 'targets' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
  }
  return targets.map((t: unknown) => {
    const target = (typeof t === 'object' && t !== null ? t : {}) as Input;
    requiredString(target, 'Id');
    requiredString(target, 'Arn');
    return structuredClone(target) as unknown as Target;
  });
}

export function controlPlane(registry: BusRegistry, accountId: string): Record<string, Operation> {
  return {
    CreateEventBus: (input) => {
      const bus = registry.createBus(requiredString(input, 'Name'), optionalString(input, 'Description'));
      return { EventBusArn: bus.arn, ...(bus.description === undefined ? {} : { Description: bus.description }) };
    },
    DescribeEventBus: (input) => busView(registry.bus(optionalString(input, 'Name'))),
    ListEventBuses: (input) => {
      const prefix = optionalString(input, 'NamePrefix') ?? '';
      const { items, nextToken } = page(
        registry.allBuses().filter((b) => b.name.startsWith(prefix)),
        input,
      );
      return { EventBuses: items.map(busView), ...(nextToken === undefined ? {} : { NextToken: nextToken }) };
    },
    PutRule: (input) => {
      const eventBusName = optionalString(input, 'EventBusName');
      const eventPattern = optionalString(input, 'EventPattern');
      const scheduleExpression = optionalString(input, 'ScheduleExpression');
      const state = optionalString(input, 'State');
      const description = optionalString(input, 'Description');
      const roleArn = optionalString(input, 'RoleArn');
      const rule = registry.putRule({
        name: requiredString(input, 'Name'),
        ...(eventBusName === undefined ? {} : { eventBusName }),
        ...(eventPattern === undefined ? {} : { eventPattern }),
        ...(scheduleExpression === undefined ? {} : { scheduleExpression }),
        ...(state === undefined ? {} : { state }),
        ...(description === undefined ? {} : { description }),
        ...(roleArn === undefined ? {} : { roleArn }),
      });
      return { RuleArn: rule.arn };
    },
    DescribeRule: (input) => ({
      ...ruleView(registry.rule(requiredString(input, 'Name'), optionalString(input, 'EventBusName'))),
      CreatedBy: accountId,
    }),
    ListRules: (input) => {
      const prefix = optionalString(input, 'NamePrefix') ?? '';
      const bus = registry.bus(optionalString(input, 'EventBusName'));
      const rules = [...bus.rules.values()].filter((r) => r.name.startsWith(prefix)).sort(byName);
      const { items, nextToken } = page(rules, input);
      return { Rules: items.map(ruleView), ...(nextToken === undefined ? {} : { NextToken: nextToken }) };
    },
    EnableRule: (input) => {
      registry.rule(requiredString(input, 'Name'), optionalString(input, 'EventBusName')).state = 'ENABLED';
      return {};
    },
    DisableRule: (input) => {
      registry.rule(requiredString(input, 'Name'), optionalString(input, 'EventBusName')).state = 'DISABLED';
      return {};
    },
    DeleteRule: (input) => {
      registry.deleteRule(requiredString(input, 'Name'), optionalString(input, 'EventBusName'));
      return {};
    },
    PutTargets: (input) => {
      registry.putTargets(requiredString(input, 'Rule'), optionalString(input, 'EventBusName'), targetsOf(input));
      return { FailedEntryCount: 0, FailedEntries: [] };
    },
    RemoveTargets: (input) => {
      const ids = input.Ids;
      if (!Array.isArray(ids) || ids.length === 0) throw missingParameter('ids');
      registry.removeTargets(
        requiredString(input, 'Rule'),
        optionalString(input, 'EventBusName'),
        ids.filter((id): id is string => typeof id === 'string'),
      );
      return { FailedEntryCount: 0, FailedEntries: [] };
    },
    ListTargetsByRule: (input) => {
      const rule = registry.rule(requiredString(input, 'Rule'), optionalString(input, 'EventBusName'));
      const { items, nextToken } = page([...rule.targets.values()], input);
      return { Targets: items, ...(nextToken === undefined ? {} : { NextToken: nextToken }) };
    },
    TestEventPattern: (input) => {
      const matcher = compileEventPattern(requiredString(input, 'EventPattern'));
      return { Result: matcher(testEvent(requiredString(input, 'Event'))) };
    },
  };
}

const byName = (a: Rule, b: Rule) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** TestEventPattern's Event: a JSON object with the envelope fields EventBridge requires. */
function testEvent(text: string): Record<string, unknown> {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    throw validationError('Parameter Event is not valid.');
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw validationError('Parameter Event is not valid.');
  }
  const missing = TEST_EVENT_FIELDS.filter((field) => !(field in event));
  if (missing.length > 0) {
    throw validationError(`Parameter Event is not valid. Reason: missing required fields ${missing.join(', ')}.`);
  }
  return event as Record<string, unknown>;
}
