import { Stack, Validations, type App } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { manifests } from '@cocreate/suite';
import { deployments } from '../config/index.ts';
import { buildDeployment, serviceSource } from '../lib/deployment.ts';
import { checkWithAwsSolutions } from '../lib/nag.ts';
import { agencyConfig } from './fixtures/config.ts';
import { fixtureDeployment, testApp } from './support.ts';

const configs = [...deployments, agencyConfig];

/** Every acknowledgment recorded in the tree: construct path, finding and reason. */
function acknowledgments(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id, reason }))),
    );
}

function unacknowledged(app: App) {
  return new AwsSolutionsChecks(app).validateScope(app).violations.map((v) => ({
    rule: v.ruleName,
    severity: v.severity,
    at: v.violatingResources.map((r) => r.constructPath),
  }));
}

describe('cdk-nag AwsSolutions', () => {
  it.each(configs.map((c) => [c.id, c] as const))('finds nothing unacknowledged in any stack of %s (fixture services)', (_, config) => {
    const { app } = fixtureDeployment(config);
    expect(unacknowledged(app)).toEqual([]);
  });

  it.each(deployments.map((c) => [c.id, c] as const))(
    "finds nothing unacknowledged in %s built from the suite's manifests",
    (_, config) => {
      const app = testApp();
      buildDeployment(app, config, manifests, serviceSource);
      expect(unacknowledged(app)).toEqual([]);
    },
  );

  it('runs as a validation plugin: a clean app synthesizes, an unacknowledged finding fails the synth', () => {
    const clean = fixtureDeployment(deployments[0]!).app;
    checkWithAwsSolutions(clean);
    expect(() => clean.synth()).not.toThrow();

    const dirty = fixtureDeployment(deployments[0]!).app;
    new Bucket(new Stack(dirty, 'Careless'), 'NoLogsNoTls');
    checkWithAwsSolutions(dirty);
    expect(() => dirty.synth()).toThrow(/AwsSolutions-S1|AwsSolutions-S10/);
  });

  it('gives every acknowledgment a reason that says why', () => {
    for (const config of configs) {
      const found = acknowledgments(fixtureDeployment(config).app);
      expect(found.length).toBeGreaterThan(0);
      for (const a of found) {
        expect(a.id).toMatch(/AwsSolutions-/);
        expect(a.reason.length, `${a.id} at ${a.path}`).toBeGreaterThan(60);
      }
    }
  });
});
