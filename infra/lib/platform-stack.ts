import { ArnFormat, CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnArchive, EventBus } from 'aws-cdk-lib/aws-events';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from './config.ts';
import { EvidenceStore } from './platform/evidence-store.ts';
import { busName, platformParameterNames } from './platform/parameters.ts';
import { UserDirectory } from './platform/user-directory.ts';

export interface PlatformStackProps extends StackProps {
  config: DeploymentConfig;
}

/**
 * What the five services of one deployment share: the event bus and its archive, the evidence bucket, the user
 * directory (where Cognito user pools exist) and the alarm topic. Service stacks and the agency feeds' stacks find
 * these through `PlatformImports` (bus by name, the rest by SSM parameter), never through CloudFormation exports.
 */
export class PlatformStack extends Stack {
  readonly bus: EventBus;
  readonly evidence: EvidenceStore;
  readonly alarmTopic: ITopic;
  readonly users?: UserDirectory;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.bus = new EventBus(this, 'Bus', {
      eventBusName: busName(config),
      description: `cocreate ${config.id}: facts relayed from the services' outboxes, consumed by subscriptions`,
    });
    // Deleting or replacing the platform stack must not take the bus (every rule and agency's bus policy names it)
    // or the archive (years of events, the only source of replays) with it.
    this.bus.applyRemovalPolicy(RemovalPolicy.RETAIN);

    // Every event, no pattern: the archive is what a lost or new consumer is replayed from, so it must not guess in
    // advance which events will matter.
    const archive = new CfnArchive(this, 'Archive', {
      archiveName: `${busName(config)}-all`,
      description: 'All events on the cocreate bus, for replay',
      sourceArn: this.bus.eventBusArn,
      retentionDays: config.archiveRetentionDays,
    });
    archive.applyRemovalPolicy(RemovalPolicy.RETAIN);

    this.evidence = new EvidenceStore(this, 'Evidence', config);
    this.alarmTopic = this.createAlarmTopic(config);
    if (config.identity.kind === 'cognito') this.users = new UserDirectory(this, 'Users', config);

    this.publishParameters(config);
    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });
    new CfnOutput(this, 'EvidenceBucketName', { value: this.evidence.bucket.bucketName });
    if (this.users) new CfnOutput(this, 'UserPoolClientId', { value: this.users.client.userPoolClientId });
  }

  /**
   * The topic alarms publish to: the province's existing on-call topic if the config names one, otherwise our own.
   * Alarm notifications carry no personal data, so the topic is not KMS-encrypted (that would also need a key policy
   * for CloudWatch); publishing requires TLS.
   *
   * The TLS-deny makes the CDK write a topic policy, and a topic policy replaces SNS's default one: without the
   * statement below CloudWatch may not publish and every alarm of the deployment stays silent. Only alarms of this
   * account in this region may publish (the service stacks' alarms, which reach the topic through an SSM parameter).
   * A topic named in the config (`alarms.topicArn`) is the province's; its owners must allow the same.
   */
  private createAlarmTopic(config: DeploymentConfig): ITopic {
    if (config.alarms.topicArn) return Topic.fromTopicArn(this, 'Alarms', config.alarms.topicArn);
    const topic = new Topic(this, 'Alarms', {
      topicName: `cocreate-${config.id}-alarms`,
      displayName: `cocreate ${config.id} alarms`,
      enforceSSL: true,
    });
    topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisAccount',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': this.account },
          ArnLike: {
            'aws:SourceArn': this.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    for (const email of config.alarms.emails) topic.addSubscription(new EmailSubscription(email));
    return topic;
  }

  private publishParameters(config: DeploymentConfig): void {
    const names = platformParameterNames(config);
    const values: [keyof typeof names, string][] = [
      ['evidenceBucketName', this.evidence.bucket.bucketName],
      ['evidenceKeyArn', this.evidence.key.keyArn],
      ['alarmTopicArn', this.alarmTopic.topicArn],
    ];
    if (this.users) {
      values.push(['userPoolId', this.users.pool.userPoolId], ['userPoolClientId', this.users.client.userPoolClientId]);
    }
    for (const [key, value] of values) {
      new StringParameter(this, `Parameter-${key}`, {
        parameterName: names[key],
        stringValue: value,
        description: `cocreate ${config.id} platform: ${key} (read by the service stacks)`,
      });
    }
  }
}
