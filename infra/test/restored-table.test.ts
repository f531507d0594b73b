import { AwsSolutionsChecks } from 'cdk-nag';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { resourceNames, runtimeEnv } from '@cocreate/kernel/manifest';
import { hubeiCn } from '../config/hubei-cn.ts';
import { defineDeployment, type DeploymentConfig, type DeploymentConfigInput } from '../lib/config.ts';
import { TABLE_DATA_ACTIONS } from '../lib/service/grants.ts';
import { fixtureService } from './fixtures/manifest.ts';
import { fixtureDeployment } from './support.ts';

/**
 * `pnpm ops restore --swap` is a configuration change (`restoredTables`) deployed with `cdk deploy`, so the stack —
 * not a script behind its back — points the functions at the restored table, grants it, and moves the relay. These
 * tests hold the synthesized template to what the deploy guide promises.
 */
const service = fixtureService.name;
const restoredName = `${resourceNames.table(service)}-at-202612010559`;
const streamArn = `arn:aws-cn:dynamodb:cn-north-1:123456789012:table/${restoredName}/stream/2026-12-03T05:12:30.123`;
const swapped = (previousStream: 'draining' | 'retired'): DeploymentConfig => ({
  ...hubeiCn,
  restoredTables: { [service]: { table: restoredName, streamArn, previousStream } },
});

type Resource = { Type: string; Properties: Record<string, any> };

function serviceTemplate(config: DeploymentConfig): Template {
  const { services } = fixtureDeployment(config);
  return Template.fromStack(services.find((s) => s.stackName.endsWith(`-${service}`))!);
}

const mappings = (t: Template) => t.findResources('AWS::Lambda::EventSourceMapping') as Record<string, Resource>;
const ownTableId = (t: Template) => Object.keys(t.findResources('AWS::DynamoDB::Table'))[0]!;

describe('a service swapped to a restored table (config restoredTables)', () => {
  const before = serviceTemplate(hubeiCn);
  const draining = serviceTemplate(swapped('draining'));
  const retired = serviceTemplate(swapped('retired'));

  it('points every domain function at the restored table', () => {
    const fns = Object.values(draining.findResources('AWS::Lambda::Function')) as Resource[];
    const domain = fns.filter((f) => f.Properties.Environment?.Variables?.[runtimeEnv.table] !== undefined);
    expect(domain.length).toBeGreaterThanOrEqual(3);
    for (const f of domain) expect(f.Properties.Environment.Variables[runtimeEnv.table]).toBe(restoredName);
  });

  it('grants the restored table and its indexes, and no longer the own table', () => {
    const statements = (Object.values(draining.findResources('AWS::IAM::Policy')) as Resource[]).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const tableGrants = statements.filter((s) => [s.Action].flat().includes(TABLE_DATA_ACTIONS[0]));
    expect(tableGrants.length).toBeGreaterThan(0);
    const restoredArn = { 'Fn::Join': expect.anything() };
    for (const s of tableGrants) {
      const text = JSON.stringify(s.Resource);
      expect(text).toContain(`table/${restoredName}`);
      expect(text).not.toContain(ownTableId(draining));
      expect(s.Resource).toEqual(expect.arrayContaining([restoredArn]));
      expect([s.Resource].flat()).toHaveLength(1 + fixtureService.table.indexes.length);
    }
    // The relay reads the restored table's stream, by its ARN.
    const streamReads = statements.filter((s) => [s.Action].flat().includes('dynamodb:GetRecords'));
    expect(streamReads.flatMap((s) => [s.Resource].flat())).toContain(streamArn);
  });

  it('moves the relay: a mapping on the restored stream from its oldest record, with the same settings as the own one', () => {
    const all = Object.entries(mappings(draining));
    expect(all).toHaveLength(2);
    const own = all.find(([, m]) => JSON.stringify(m.Properties.EventSourceArn).includes(ownTableId(draining)))!;
    const moved = all.find(([, m]) => m.Properties.EventSourceArn === streamArn)!;
    expect(moved[1].Properties.StartingPosition).toBe('TRIM_HORIZON');
    const settings = ({ EventSourceArn: _a, Enabled: _e, ...rest }: Record<string, unknown>) => rest;
    expect(settings(moved[1].Properties)).toEqual(settings(own[1].Properties));
    // Draining: the own stream's mapping stays enabled for writes that raced the switch.
    expect(own[1].Properties.Enabled).toBeUndefined();
  });

  it('keeps the own table and updates its mapping in place: disabled once retired, never replaced', () => {
    const [ownBefore] = Object.keys(mappings(before));
    expect(Object.keys(mappings(before))).toHaveLength(1);
    expect(mappings(draining)[ownBefore!]).toBeDefined();
    expect(mappings(retired)[ownBefore!]!.Properties.Enabled).toBe(false);
    expect(Object.values(mappings(retired)).find((m) => m.Properties.EventSourceArn === streamArn)!.Properties.Enabled).toBeUndefined();
    for (const t of [draining, retired]) {
      t.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', Properties: { TableName: resourceNames.table(service) } });
    }
  });

  it('stays clean under cdk-nag', () => {
    const { app } = fixtureDeployment(swapped('draining'));
    expect(
      new AwsSolutionsChecks(app).validateScope(app).violations.map((v) => `${v.ruleName} ${v.violatingResources[0]?.constructPath}`),
    ).toEqual([]);
  });

  it('refuses a stream that is not the named table’s, one in another region, and a service the deployment does not have', () => {
    const input: DeploymentConfigInput = {
      id: 'restore-test',
      description: 'test',
      production: false,
      partition: 'aws-cn',
      region: 'cn-north-1',
      counties: ['hubei/huanggang/hongan'],
      identity: { kind: 'oidc', issuer: 'https://id.example.cn', audience: 'a', jwksUrl: 'https://id.example.cn/jwks' },
      tracing: false,
    };
    expect(defineDeployment({ ...input, restoredTables: { [service]: { table: restoredName, streamArn } } }).restoredTables).toEqual({
      [service]: { table: restoredName, streamArn, previousStream: 'draining' },
    });
    expect(() => defineDeployment({ ...input, restoredTables: { [service]: { table: 'cocreate-other', streamArn } } })).toThrow(
      /not the stream of table/,
    );
    expect(() =>
      defineDeployment({
        ...input,
        restoredTables: { [service]: { table: restoredName, streamArn: streamArn.replace('cn-north-1', 'cn-northwest-1') } },
      }),
    ).toThrow(/partition, region/);
    expect(() =>
      fixtureDeployment({ ...hubeiCn, restoredTables: { nosuch: { table: restoredName, streamArn, previousStream: 'draining' } } }),
    ).toThrow(/nosuch, which is not a service/);
  });
});
