import { DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetFunctionConfigurationCommand, ListEventSourceMappingsCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { GetParametersByPathCommand, type SSMClient } from '@aws-sdk/client-ssm';

/** A service stack's view of one platform parameter: the SSM name it reads and the value it was deployed with. */
export interface StackParameter {
  ssmName: string;
  resolvedValue: string | undefined;
}

export interface StackView {
  stackName: string;
  /** Undefined when the stack is not deployed. */
  parameters?: StackParameter[];
}

export interface Drift {
  stackName: string;
  parameter: string;
  /** What the stack was last deployed with. */
  deployed?: string;
  /** What the platform says now. */
  current?: string;
  /**
   * `table`: a function uses another table than the config says (`restoredTables`, else the own table);
   * `relay-stream`: the relay has no enabled mapping on that table's stream.
   */
  issue: 'changed' | 'missing-parameter' | 'stack-not-deployed' | 'table' | 'relay-stream';
}

/** Which table a service should use by its config, and what its functions and relay use now. */
export interface ServingView {
  stackName: string;
  /** The table the config names: the restored one if swapped, else the stack's own. */
  expected: { table: string; streamArn?: string };
  functions: { name: string; table?: string }[];
  relay?: { name: string; enabledStreams: string[] };
}

/**
 * Drift in which table a service uses: a function pointed elsewhere by hand (the next deploy would undo it), or a
 * swap in the config not deployed yet. A function not deployed at all is the stack's drift (`stack-not-deployed`).
 */
export function servingDrift(views: readonly ServingView[]): Drift[] {
  const out: Drift[] = [];
  for (const v of views) {
    for (const f of v.functions) {
      if (f.table !== undefined && f.table !== v.expected.table) {
        out.push({
          stackName: v.stackName,
          parameter: `${f.name} COCREATE_TABLE`,
          deployed: f.table,
          current: v.expected.table,
          issue: 'table',
        });
      }
    }
    if (v.relay && v.expected.streamArn && !v.relay.enabledStreams.includes(v.expected.streamArn)) {
      out.push({
        stackName: v.stackName,
        parameter: `${v.relay.name} stream`,
        ...(v.relay.enabledStreams.length ? { deployed: v.relay.enabledStreams.join(', ') } : {}),
        current: v.expected.streamArn,
        issue: 'relay-stream',
      });
    }
  }
  return out;
}

/** Loads each service's `ServingView` (DynamoDB and Lambda, reads only) and compares. */
export async function loadServingDrift(
  clients: { dynamodb: DynamoDBClient; lambda: LambdaClient },
  services: readonly {
    stackName: string;
    ownTable: string;
    restored?: { table: string; streamArn: string };
    functions: readonly string[];
    relay?: string;
  }[],
): Promise<Drift[]> {
  const views: ServingView[] = [];
  for (const s of services) {
    let streamArn = s.restored?.streamArn;
    if (!streamArn) {
      try {
        streamArn = (await clients.dynamodb.send(new DescribeTableCommand({ TableName: s.ownTable }))).Table?.LatestStreamArn;
      } catch (e) {
        if ((e as Error).name !== 'ResourceNotFoundException') throw e;
      }
    }
    const functions: ServingView['functions'] = [];
    for (const name of s.functions) {
      try {
        const c = await clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
        functions.push({ name, ...(c.Environment?.Variables?.COCREATE_TABLE ? { table: c.Environment.Variables.COCREATE_TABLE } : {}) });
      } catch (e) {
        if ((e as Error).name !== 'ResourceNotFoundException') throw e;
      }
    }
    let relay: ServingView['relay'];
    if (s.relay) {
      try {
        const enabledStreams: string[] = [];
        let Marker: string | undefined;
        do {
          const page = await clients.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: s.relay, Marker }));
          for (const m of page.EventSourceMappings ?? [])
            if (m.State === 'Enabled' && m.EventSourceArn) enabledStreams.push(m.EventSourceArn);
          Marker = page.NextMarker;
        } while (Marker);
        relay = { name: s.relay, enabledStreams };
      } catch (e) {
        if ((e as Error).name !== 'ResourceNotFoundException') throw e;
      }
    }
    views.push({
      stackName: s.stackName,
      expected: { table: s.restored?.table ?? s.ownTable, ...(streamArn ? { streamArn } : {}) },
      functions,
      ...(relay ? { relay } : {}),
    });
  }
  return servingDrift(views);
}

/**
 * Drift between the platform's SSM parameters and each service stack: a service stack resolves the parameters when
 * it is deployed and keeps those values until its next deploy, so a platform change (a new evidence key, another
 * alarm topic) reaches a service only when that service is deployed again. Nothing here changes anything.
 */
export function driftBetween(platform: Readonly<Record<string, string>>, stacks: readonly StackView[]): Drift[] {
  const out: Drift[] = [];
  for (const s of stacks) {
    if (!s.parameters) {
      out.push({ stackName: s.stackName, parameter: '-', issue: 'stack-not-deployed' });
      continue;
    }
    for (const p of s.parameters) {
      const current = platform[p.ssmName];
      if (current === undefined)
        out.push({ stackName: s.stackName, parameter: p.ssmName, deployed: p.resolvedValue, issue: 'missing-parameter' });
      else if (current !== p.resolvedValue)
        out.push({ stackName: s.stackName, parameter: p.ssmName, deployed: p.resolvedValue, current, issue: 'changed' });
    }
  }
  return out;
}

/** The platform's parameters (SSM, by path) and each service stack's resolved ones (CloudFormation). */
export async function loadDrift(
  ssm: SSMClient,
  cfn: CloudFormationClient,
  parameterPath: string,
  stackNames: readonly string[],
): Promise<Drift[]> {
  const platform: Record<string, string> = {};
  let NextToken: string | undefined;
  do {
    const page = await ssm.send(new GetParametersByPathCommand({ Path: parameterPath, Recursive: true, NextToken }));
    for (const p of page.Parameters ?? []) platform[p.Name!] = p.Value!;
    NextToken = page.NextToken;
  } while (NextToken);
  const stacks: StackView[] = [];
  for (const stackName of stackNames) {
    try {
      const [stack] = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks ?? [];
      stacks.push({
        stackName,
        parameters: (stack?.Parameters ?? [])
          .filter((p) => p.ParameterValue?.startsWith(parameterPath))
          .map((p) => ({ ssmName: p.ParameterValue!, resolvedValue: p.ResolvedValue })),
      });
    } catch (e) {
      if ((e as Error).name === 'ValidationError') stacks.push({ stackName });
      else throw e;
    }
  }
  return driftBetween(platform, stacks);
}
