import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { demoGlobal } from '../config/demo-global.ts';
import { hubeiCn } from '../config/hubei-cn.ts';
import { deployments } from '../config/index.ts';
import { platformParameterNames } from '../lib/platform/parameters.ts';
import { agencyConfig } from './fixtures/config.ts';
import { fixtureDeployment } from './support.ts';

const platformOf = (config: Parameters<typeof fixtureDeployment>[0]) => Template.fromStack(fixtureDeployment(config).platform);

describe('platform stack', () => {
  const demo = platformOf(demoGlobal);
  const hubei = platformOf(hubeiCn);

  it('creates the deployment bus and archives every event on it', () => {
    demo.hasResourceProperties('AWS::Events::EventBus', { Name: 'cocreate-demo-global' });
    const archives = demo.findResources('AWS::Events::Archive');
    expect(Object.values(archives)).toHaveLength(1);
    const archive = Object.values(archives)[0]!.Properties;
    expect(archive.SourceArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Bus/), 'Arn'] });
    expect(archive.EventPattern).toBeUndefined(); // no pattern = all events
    expect(archive.RetentionDays).toBe(demoGlobal.archiveRetentionDays);
  });

  it('keeps evidence in a versioned, KMS-encrypted, private, TLS-only bucket with access logs and lifecycle', () => {
    demo.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    demo.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'evidence/' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: demoGlobal.evidence.noncurrentVersionDays } }),
        ]),
      },
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedMethods: Match.arrayWith(['PUT']), AllowedOrigins: demoGlobal.webOrigins })],
      },
    });
  });

  it('denies every request to the evidence bucket that is not over TLS', () => {
    const policies = Object.values(demo.findResources('AWS::S3::BucketPolicy')).filter((p) =>
      JSON.stringify(p.Properties.Bucket).includes('EvidenceBucket'),
    );
    expect(policies).toHaveLength(1);
    expect(policies[0]!.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ]),
    );
  });

  it('creates a Cognito user pool with a roles attribute only in a cognito deployment', () => {
    demo.resourceCountIs('AWS::Cognito::UserPool', 1);
    demo.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      UserPoolTier: 'PLUS',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'roles', Mutable: true })]),
    });
    const client = Object.values(demo.findResources('AWS::Cognito::UserPoolClient'))[0]!.Properties;
    expect(client.ReadAttributes).toContain('custom:roles');
    expect(client.WriteAttributes).not.toContain('custom:roles'); // users cannot grant themselves roles
    hubei.resourceCountIs('AWS::Cognito::UserPool', 0);
    hubei.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
  });

  it('publishes what service stacks read as SSM parameters, the user pool ones only with Cognito', () => {
    const names = (t: Template) => Object.values(t.findResources('AWS::SSM::Parameter')).map((p) => p.Properties.Name);
    expect(names(demo)).toEqual(expect.arrayContaining(Object.values(platformParameterNames(demoGlobal))));
    const hubeiNames = platformParameterNames(hubeiCn);
    expect(names(hubei)).toEqual(
      expect.arrayContaining([hubeiNames.evidenceBucketName, hubeiNames.evidenceKeyArn, hubeiNames.alarmTopicArn]),
    );
    expect(names(hubei)).not.toContain(hubeiNames.userPoolId);
  });

  it('creates a TLS-only alarm topic, or uses the configured one', () => {
    demo.resourceCountIs('AWS::SNS::Topic', 1);
    hubei.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: hubeiCn.alarms.emails[0] });
    const agency = platformOf(agencyConfig);
    agency.resourceCountIs('AWS::SNS::Topic', 0);
    agency.hasResourceProperties('AWS::SSM::Parameter', {
      Name: platformParameterNames(agencyConfig).alarmTopicArn,
      Value: agencyConfig.alarms.topicArn,
    });
  });

  it.each(deployments.map((d) => [d.id, d] as const))(
    "lets CloudWatch alarms of %s's own account publish to its alarm topic, over TLS only",
    (_id, config) => {
      const t = platformOf(config);
      const topicId = Object.keys(t.findResources('AWS::SNS::Topic'))[0]!;
      const policies = Object.values(t.findResources('AWS::SNS::TopicPolicy')).filter((p) =>
        JSON.stringify(p.Properties.Topics).includes(`"${topicId}"`),
      );
      expect(policies).toHaveLength(1);
      const statements = policies[0]!.Properties.PolicyDocument.Statement;
      const account = config.account ?? { Ref: 'AWS::AccountId' };
      const alarmArn = config.account
        ? `arn:${config.partition}:cloudwatch:${config.region}:${config.account}:alarm:*`
        : { 'Fn::Join': ['', [`arn:${config.partition}:cloudwatch:${config.region}:`, account, ':alarm:*']] };
      expect(statements).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: { Ref: topicId },
            Condition: { StringEquals: { 'aws:SourceAccount': account }, ArnLike: { 'aws:SourceArn': alarmArn } },
          }),
          expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      );
    },
  );

  it('holds no agency bus feed: those have stacks of their own (agency-feeds.test.ts)', () => {
    const agency = platformOf(agencyConfig);
    agency.resourceCountIs('AWS::Events::Rule', 0);
  });
});
