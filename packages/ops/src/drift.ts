import { DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
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
  issue: 'changed' | 'missing-parameter' | 'stack-not-deployed';
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
