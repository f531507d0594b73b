import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { deployments } from '../config/index.ts';
import { agencyConfig, productionConfig } from './fixtures/config.ts';
import { fixtureDeployment } from './support.ts';

/** What holds the only copy of something: service state, evidence, years of events, the keys that decrypt them, accounts. */
const STATEFUL = [
  'AWS::DynamoDB::Table',
  'AWS::S3::Bucket',
  'AWS::Events::EventBus',
  'AWS::Events::Archive',
  'AWS::KMS::Key',
  'AWS::Cognito::UserPool',
];

const configs = [...deployments, agencyConfig, productionConfig];

describe('stateful resources and stacks of a deployment', () => {
  it.each(configs.map((c) => [c.id, c] as const))(
    '%s keeps every stateful resource when its stack is deleted or it is replaced',
    (_id, config) => {
      const { platform, services } = fixtureDeployment(config);
      const found = new Set<string>();
      for (const stack of [platform, ...services]) {
        const template = Template.fromStack(stack);
        for (const type of STATEFUL) {
          for (const [id, resource] of Object.entries(template.findResources(type))) {
            found.add(type);
            expect(resource, `${stack.stackName} ${id}`).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
          }
        }
      }
      // The bus, its archive, the evidence bucket and a table are in every deployment: the check is never vacuous.
      expect([...found]).toEqual(
        expect.arrayContaining(['AWS::Events::EventBus', 'AWS::Events::Archive', 'AWS::S3::Bucket', 'AWS::DynamoDB::Table']),
      );
    },
  );

  it('turns on termination protection for every stack of a production deployment, and only there', () => {
    const prod = fixtureDeployment(productionConfig);
    for (const stack of [prod.platform, ...prod.services]) expect(stack.terminationProtection, stack.stackName).toBe(true);
    for (const config of configs.filter((c) => !c.production)) {
      const other = fixtureDeployment(config);
      for (const stack of [other.platform, ...other.services]) expect(stack.terminationProtection, stack.stackName).toBe(false);
    }
  });
});
