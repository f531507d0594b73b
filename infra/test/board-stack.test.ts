import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { manifests } from '@cocreate/suite';
import { deployments } from '../config/index.ts';
import { BOARD_ROUTES, boardDeployment, sitePackage } from '../lib/board-stack.ts';
import { buildDeployment } from '../lib/deployment.ts';
import { fixtureSource, testApp } from './support.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

/**
 * 张榜公布 deployed: the board's own HTTP API in front of one site function, for both real configs (functions not
 * bundled here; the package itself is built once below and served against the local stack in
 * packages/board/test/site-function.int.test.ts).
 */
describe.each(deployments.map((c) => [c.id, c] as const))('the board of %s', (_id, config) => {
  const app = testApp();
  const { services } = buildDeployment(app, config, manifests, fixtureSource);
  const board = boardDeployment(app, config, manifests, services);
  const t = Template.fromStack(board);
  const resources = t.toJSON().Resources as Resources;

  it('serves /, /notice and /board/{file} to anyone (GET and HEAD), with no other route and no authorizer', () => {
    const routes = Object.values(resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(BOARD_ROUTES.flatMap((p) => [`GET ${p}`, `HEAD ${p}`]).sort());
    for (const r of routes) expect(r.AuthorizationType ?? 'NONE').toBe('NONE');
    expect(t.findResources('AWS::ApiGatewayV2::Authorizer')).toEqual({});
  });

  it('names every service’s API to the site function, which may write only its own logs', () => {
    const [fn] = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    // {"deliberation":"<its endpoint>",…} with each endpoint a reference CloudFormation resolves.
    const value = fn!.Properties.Environment.Variables.BOARD_API as { 'Fn::Join': [string, unknown[]] };
    const api = value['Fn::Join'][1].map((p) => (typeof p === 'string' ? p : '<endpoint>')).join('');
    for (const m of manifests.filter((m) => m.routes.length)) expect(api, m.name).toContain(`"${m.name}":"<endpoint>"`);
    expect(fn!.Properties.Runtime).toBe('nodejs22.x');
    const statements = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => r.Properties.PolicyDocument.Statement as { Action: string | string[] }[]);
    expect(statements.flatMap((s) => [s.Action].flat()).every((a) => a.startsWith('logs:'))).toBe(true);
  });

  it('logs every request and alarms on errors and throttles', () => {
    const [stage] = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Stage');
    expect(stage!.Properties.AccessLogSettings.DestinationArn).toBeDefined();
    expect(Object.values(resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm')).toHaveLength(2);
  });
});

describe('the site function’s package', () => {
  it('holds the bundle and the built board, with no place or person of the register in it', () => {
    const dir = sitePackage(deployments[0]!, true);
    expect(existsSync(path.join(dir, 'index.mjs'))).toBe(true);
    const index = JSON.parse(readFileSync(path.join(dir, 'site', 'site.json'), 'utf8')) as { path: string }[];
    expect(index.map((e) => e.path).sort()).toEqual(['/', '/board/board.css', '/board/board.js', '/board/config.json', '/notice']);
    const bundle = readFileSync(path.join(dir, 'index.mjs'), 'utf8');
    // The function renders with the pages' code, never with esbuild (that builds the package, at synth).
    expect(bundle).not.toMatch(/esbuild/);
    expect(bundle).not.toContain('幸福社区');
  });
});
