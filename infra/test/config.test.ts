import { describe, expect, it } from 'vitest';
import { deploymentById, deployments } from '../config/index.ts';
import { checkDeployments, defineDeployment, type DeploymentConfigInput } from '../lib/config.ts';

const base: DeploymentConfigInput = {
  id: 'test-one',
  description: 'test',
  partition: 'aws',
  region: 'ap-southeast-1',
  counties: ['hubei/huanggang/hongan'],
  identity: { kind: 'cognito' },
  tracing: true,
  production: false,
};

describe('deployment configs', () => {
  it('defines hubei-cn in aws-cn with an OIDC issuer and demo-global in aws with Cognito', () => {
    const hubei = deploymentById('hubei-cn');
    expect(hubei).toMatchObject({ partition: 'aws-cn', region: 'cn-north-1', tracing: false, identity: { kind: 'oidc' } });
    const demo = deploymentById('demo-global');
    expect(demo).toMatchObject({ partition: 'aws', identity: { kind: 'cognito' } });
    expect(deployments.map((d) => d.id)).toEqual(expect.arrayContaining(['hubei-cn', 'demo-global']));
  });

  it('fills defaults', () => {
    const c = defineDeployment(base);
    expect(c.agencySubscriptions).toEqual([]);
    expect(c.alarms.emails).toEqual([]);
    expect(c.archiveRetentionDays).toBeGreaterThan(0);
  });

  it('rejects Cognito and X-Ray tracing in aws-cn, where the China Regions do not offer them', () => {
    expect(() => defineDeployment({ ...base, partition: 'aws-cn', region: 'cn-north-1', tracing: false })).toThrow(/Cognito/);
    expect(() =>
      defineDeployment({
        ...base,
        partition: 'aws-cn',
        region: 'cn-northwest-1',
        identity: { kind: 'oidc', issuer: 'https://id.example.cn', audience: 'a', jwksUrl: 'https://id.example.cn/jwks' },
      }),
    ).toThrow(/tracing/);
  });

  it('rejects a region outside the stated partition', () => {
    expect(() => defineDeployment({ ...base, region: 'cn-north-1' })).toThrow(/partition/);
  });

  it('rejects places that are not counties, unknown log retentions and non-https issuers', () => {
    expect(() => defineDeployment({ ...base, counties: ['hubei/huanggang'] })).toThrow(/county/);
    expect(() => defineDeployment({ ...base, logRetentionDays: 42 as never })).toThrow(/CloudWatch/);
    expect(() =>
      defineDeployment({
        ...base,
        identity: { kind: 'oidc', issuer: 'http://id.example.org', audience: 'a', jwksUrl: 'https://id.example.org/k' },
      }),
    ).toThrow();
  });

  it('rejects agency feeds for counties the deployment does not serve or buses in another partition', () => {
    const feed = {
      name: 'audit',
      agency: '审计局',
      detailTypes: ['FundsDisbursed'],
      targetBusArn: 'arn:aws:events:ap-southeast-1:444455556666:event-bus/x',
    };
    expect(defineDeployment({ ...base, agencySubscriptions: [feed] }).agencySubscriptions).toHaveLength(1);
    expect(() => defineDeployment({ ...base, agencySubscriptions: [{ ...feed, counties: ['hubei/huanggang/macheng'] }] })).toThrow(
      /not served/,
    );
    expect(() =>
      defineDeployment({
        ...base,
        agencySubscriptions: [{ ...feed, targetBusArn: 'arn:aws-cn:events:cn-north-1:444455556666:event-bus/x' }],
      }),
    ).toThrow(/partition/);
  });

  it('holds a deployment to production rules unless it says otherwise: a pinned account and a real issuer', () => {
    const { production: _, ...unmarked } = base;
    expect(() => defineDeployment(unmarked)).toThrow(/account/);
    expect(defineDeployment({ ...unmarked, account: '111122223333' }).production).toBe(true);
    const issuer = (host: string) => ({
      kind: 'oidc' as const,
      issuer: `https://${host}/oidc`,
      audience: 'a',
      jwksUrl: `https://${host}/oidc/jwks`,
    });
    const production = { ...base, production: true, account: '111122223333' };
    for (const placeholder of ['id.hubei.example.cn', 'id.example.org', 'login.test', 'localhost']) {
      expect(() => defineDeployment({ ...production, identity: issuer(placeholder) }), placeholder).toThrow(/placeholder/);
      // Demos and sandboxes may run against a stand-in issuer.
      expect(defineDeployment({ ...base, identity: issuer(placeholder) }).production).toBe(false);
    }
    expect(defineDeployment({ ...production, identity: issuer('sso.hubei.gov.cn') }).production).toBe(true);
  });

  it('refuses two deployments in one account and region, where resource names would collide', () => {
    const a = defineDeployment(base);
    const b = defineDeployment({ ...base, id: 'test-two' });
    expect(() => checkDeployments([a, b])).toThrow(/collide/);
    expect(checkDeployments([a, defineDeployment({ ...base, id: 'test-two', region: 'eu-west-1' })])).toHaveLength(2);
  });
});
