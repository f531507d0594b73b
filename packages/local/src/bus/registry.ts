/**
 * Event buses, their rules and the rules' targets, with the invariants EventBridge enforces on them.
 * ARNs: `arn:aws:events:<region>:<account>:event-bus/<bus>` and `…:rule/<name>` on the default bus,
 * `…:rule/<bus>/<name>` on any other.
 */
import { compilePattern, InvalidEventPatternError, type EventMatcher } from '@cocreate/event-pattern';
import { AwsError, notFound, validationError } from './errors.ts';
import { inputSettingsProblem } from './input-transform.ts';
import type { EventBus, Rule, RuleState, Target } from './model.ts';

export const DEFAULT_BUS = 'default';

/** "Targets per rule: 5" (EventBridge quotas, not adjustable). */
const MAX_TARGETS_PER_RULE = 5;
/** PutRule's EventPattern parameter is at most 4,096 characters (the adjustable quota starts at 2,048). */
const MAX_PATTERN_PARAMETER = 4096;
const NAME = /^[.\-_A-Za-z0-9]{1,64}$/;
const BUS_NAME = /^[/.\-_A-Za-z0-9]{1,256}$/;
const SCHEDULE = /^(rate|cron)\(.+\)$/;
const STATES: readonly RuleState[] = ['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'];

export interface RuleDefinition {
  name: string;
  eventBusName?: string;
  eventPattern?: string;
  scheduleExpression?: string;
  state?: string;
  description?: string;
  roleArn?: string;
}

export class BusRegistry {
  private readonly buses = new Map<string, EventBus>();

  constructor(
    private readonly region: string,
    private readonly accountId: string,
  ) {
    this.createBus(DEFAULT_BUS);
  }

  private arn(resource: string): string {
    return `arn:aws:events:${this.region}:${this.accountId}:${resource}`;
  }

  createBus(name: string, description?: string): EventBus {
    if (!BUS_NAME.test(name)) throw validationError(`Event bus name ${name} is not valid.`);
    if (this.buses.has(name)) throw new AwsError('ResourceAlreadyExistsException', `Event bus ${name} already exists.`);
    const bus: EventBus = {
      name,
      arn: this.arn(`event-bus/${name}`),
      ...(description === undefined ? {} : { description }),
      createdAt: new Date(),
      rules: new Map(),
    };
    this.buses.set(name, bus);
    return bus;
  }

  /** Finds a bus by name or ARN; the default bus when none is given. */
  bus(nameOrArn: string | undefined): EventBus {
    const name = busNameOf(nameOrArn);
    const bus = this.buses.get(name);
    if (bus === undefined) throw notFound(`Event bus ${name} does not exist.`);
    return bus;
  }

  hasBus(nameOrArn: string | undefined): boolean {
    return this.buses.has(busNameOf(nameOrArn));
  }

  allBuses(): EventBus[] {
    return [...this.buses.values()];
  }

  putRule(def: RuleDefinition): Rule {
    if (!NAME.test(def.name)) throw validationError(`Rule name ${def.name} is not valid.`);
    const bus = this.bus(def.eventBusName);
    if (def.eventPattern === undefined && def.scheduleExpression === undefined) {
      throw validationError('Parameter(s) EventPattern or ScheduleExpression must be specified.');
    }
    const state = def.state ?? 'ENABLED';
    if (!isRuleState(state)) throw validationError(`Parameter State is not valid: ${state}`);
    if (def.scheduleExpression !== undefined) {
      if (!SCHEDULE.test(def.scheduleExpression)) throw validationError('Parameter ScheduleExpression is not valid.');
      if (bus.name !== DEFAULT_BUS) throw validationError('ScheduleExpression is supported only on the default event bus.');
    }
    const matcher = def.eventPattern === undefined ? undefined : compileEventPattern(def.eventPattern);
    const existing = bus.rules.get(def.name);
    // PutRule replaces the rule's definition but keeps its targets.
    const rule: Rule = {
      name: def.name,
      arn: this.arn(bus.name === DEFAULT_BUS ? `rule/${def.name}` : `rule/${bus.name}/${def.name}`),
      eventBusName: bus.name,
      state,
      ...(def.eventPattern === undefined ? {} : { eventPattern: def.eventPattern, matcher }),
      ...(def.scheduleExpression === undefined ? {} : { scheduleExpression: def.scheduleExpression }),
      ...(def.description === undefined ? {} : { description: def.description }),
      ...(def.roleArn === undefined ? {} : { roleArn: def.roleArn }),
      targets: existing?.targets ?? new Map(),
    };
    bus.rules.set(rule.name, rule);
    return rule;
  }

  rule(name: string, eventBusName: string | undefined): Rule {
    const bus = this.bus(eventBusName);
    const rule = bus.rules.get(name);
    if (rule === undefined) throw notFound(`Rule ${name} does not exist on EventBus ${bus.name}.`);
    return rule;
  }

  /** Deleting a rule that does not exist succeeds, as in EventBridge; one that still has targets is refused. */
  deleteRule(name: string, eventBusName: string | undefined): void {
    const bus = this.bus(eventBusName);
    const rule = bus.rules.get(name);
    if (rule === undefined) return;
    if (rule.targets.size > 0) throw validationError("Rule can't be deleted since it has targets.");
    bus.rules.delete(name);
  }

  putTargets(ruleName: string, eventBusName: string | undefined, targets: readonly Target[]): void {
    const rule = this.rule(ruleName, eventBusName);
    for (const target of targets) {
      if (!NAME.test(target.Id)) throw validationError(`Target Id ${target.Id} is not valid.`);
      const problem = inputSettingsProblem(target) ?? retryPolicyProblem(target);
      if (problem !== undefined) throw validationError(`Target ${target.Id}: ${problem}`);
    }
    const ids = new Set([...rule.targets.keys(), ...targets.map((t) => t.Id)]);
    if (ids.size > MAX_TARGETS_PER_RULE) {
      throw new AwsError('LimitExceededException', 'The requested resource exceeds the maximum number allowed.');
    }
    for (const target of targets) rule.targets.set(target.Id, target);
  }

  removeTargets(ruleName: string, eventBusName: string | undefined, ids: readonly string[]): void {
    const rule = this.rule(ruleName, eventBusName);
    for (const id of ids) rule.targets.delete(id);
  }
}

/** The bus name in an `EventBusName` parameter, which may also be the bus ARN. */
export function busNameOf(nameOrArn: string | undefined): string {
  if (nameOrArn === undefined || nameOrArn === '') return DEFAULT_BUS;
  const arn = /^arn:[^:]+:events:[^:]*:[^:]*:event-bus\/(.+)$/.exec(nameOrArn);
  return arn?.[1] ?? nameOrArn;
}

function isRuleState(state: string): state is RuleState {
  return (STATES as readonly string[]).includes(state);
}

/** Compiles an EventPattern parameter, refusing it with the exception EventBridge uses. */
export function compileEventPattern(pattern: string): EventMatcher {
  if (pattern.length > MAX_PATTERN_PARAMETER) {
    throw validationError(
      `1 validation error detected: Value at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to ${MAX_PATTERN_PARAMETER}`,
    );
  }
  try {
    return compilePattern(pattern);
  } catch (e) {
    if (!(e instanceof InvalidEventPatternError)) throw e;
    // EventBridge reports the first reason only.
    throw new AwsError('InvalidEventPatternException', `Event pattern is not valid. Reason: ${e.errors[0] ?? ''}`);
  }
}

/** RetryPolicy bounds from the PutTargets reference: 0–185 retries, 60–86,400 seconds. */
function retryPolicyProblem(target: Target): string | undefined {
  const { MaximumRetryAttempts: retries, MaximumEventAgeInSeconds: age } = target.RetryPolicy ?? {};
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0 && retries <= 185)) {
    return 'RetryPolicy.MaximumRetryAttempts must be between 0 and 185.';
  }
  if (age !== undefined && !(Number.isInteger(age) && age >= 60 && age <= 86_400)) {
    return 'RetryPolicy.MaximumEventAgeInSeconds must be between 60 and 86400.';
  }
  return undefined;
}
