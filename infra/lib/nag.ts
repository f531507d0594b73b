import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * The AWS Solutions pack of cdk-nag v3 runs as a CDK policy-validation plugin: any unacknowledged error fails
 * `app.synth()`. `writeSuppressionsToCloudFormation` copies every acknowledgment and its reason into the template
 * metadata, so the justification travels with the deployed resource.
 */
export function checkWithAwsSolutions(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }));
}

/**
 * Acknowledges one AwsSolutions finding on one construct (and its children), with the reason it is acceptable here.
 * `finding` is the rule id, or `rule[finding]` for rules such as IAM5 that report each wildcard separately.
 */
export function acknowledge(scope: IConstruct, finding: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${finding}`, reason });
}
