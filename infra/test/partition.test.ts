import { describe, expect, it } from 'vitest';
import { deploymentById } from '../config/index.ts';
import { fixtureDeployment } from './support.ts';

describe('partitions', () => {
  it('the aws-cn synth contains no literal "arn:aws:" in any template', () => {
    const hubei = deploymentById('hubei-cn');
    expect(hubei.partition).toBe('aws-cn');
    const { app } = fixtureDeployment(hubei);
    const assembly = app.synth();
    expect(assembly.stacks.length).toBeGreaterThan(1);
    for (const stack of assembly.stacks) {
      const json = JSON.stringify(stack.template);
      expect(json, stack.stackName).not.toContain('arn:aws:');
      expect(json, stack.stackName).toContain('arn:aws-cn:');
    }
  });

  it('builds every ARN from the stack partition in the global partition too', () => {
    const { app } = fixtureDeployment(deploymentById('demo-global'));
    for (const stack of app.synth().stacks) {
      expect(JSON.stringify(stack.template), stack.stackName).not.toContain('arn:aws-cn:');
    }
  });
});
