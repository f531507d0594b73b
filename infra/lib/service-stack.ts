import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Construct } from 'constructs';
import { resourceNames, runtimeEnv, type ServiceManifest } from '@cocreate/kernel/manifest';
import { alarmOnDeadLetters } from './alarms.ts';
import type { DeploymentConfig } from './config.ts';
import { PlatformImports, busName, type Platform } from './platform/parameters.ts';
import { deadLetterQueue } from './queues.ts';
import { grantArchiveReplays, grantEvidencePrefix, grantOwnTable, grantPutEvents } from './service/grants.ts';
import { ServiceHttpApi } from './service/http-api.ts';
import { JobSchedule } from './service/jobs.ts';
import { OutboxRelaySource } from './service/outbox-relay.ts';
import { ServiceFunction, type HandlerExport, type LambdaSource } from './service/service-function.ts';
import { ServiceTable } from './service/service-table.ts';
import { SubscriptionRules } from './service/subscriptions.ts';

export interface ServiceStackProps extends StackProps {
  manifest: ServiceManifest;
  config: DeploymentConfig;
  /** Where `services/<name>/lambda.ts` is and what esbuild resolves it against. */
  source: LambdaSource;
}

/**
 * One service in one deployment, built from its manifest alone: its table, its functions (HTTP, events, outbox relay,
 * one per job), its HTTP API, its subscription rules and job schedules. It reaches the platform only through
 * `PlatformImports` and is granted its own table, its own evidence prefix and (relay only) the bus — nothing else.
 */
export class ServiceStack extends Stack {
  readonly table: ServiceTable;
  readonly platform: Platform;
  readonly functions = new Map<string, ServiceFunction>();
  readonly httpApi?: ServiceHttpApi;
  /** The service's own key for the fields it encrypts itself (`fieldEncryption`). */
  readonly fieldKey?: Key;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { manifest, config } = props;
    const name = manifest.name;

    this.platform = new PlatformImports(this, 'Platform', config);
    this.table = new ServiceTable(this, 'Data', manifest, config.restoredTables[name]);

    // The archive of every event on the bus (platform stack): where replays of windows the services no longer hold come from.
    const archiveArn = Stack.of(this).formatArn({ service: 'events', resource: 'archive', resourceName: `${busName(config)}-all` });
    const environment: Record<string, string> = {
      [runtimeEnv.service]: name,
      [runtimeEnv.table]: this.table.serving.tableName,
      [runtimeEnv.bus]: this.platform.bus.eventBusName,
      [runtimeEnv.busArn]: this.platform.bus.eventBusArn,
      ...(manifest.archiveReplays ? { [runtimeEnv.archiveArn]: archiveArn } : {}),
      ...(manifest.evidence ? { [runtimeEnv.bucket]: this.platform.evidenceBucket.bucketName } : {}),
      [runtimeEnv.issuer]: this.platform.identity.issuer,
      [runtimeEnv.audience]: this.platform.identity.audience,
      [runtimeEnv.jwksUrl]: this.platform.identity.jwksUrl,
      [runtimeEnv.rolesClaim]: this.platform.identity.rolesClaim,
      POWERTOOLS_SERVICE_NAME: name,
      POWERTOOLS_METRICS_NAMESPACE: 'cocreate',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    };

    if (manifest.fieldEncryption) {
      // Personal data (ID numbers) sealed by the service itself: a key of its own, rotated yearly, kept if the stack goes.
      this.fieldKey = new Key(this, 'FieldKey', {
        description: `${name}: field-level encryption of personal data`,
        enableKeyRotation: true,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      environment[runtimeEnv.fieldKmsKey] = this.fieldKey.keyArn;
    }

    const fn = (
      id: string,
      functionName: string,
      handler: HandlerExport,
      description: string,
      timeout: Duration,
      anyResource?: string[],
      reservedConcurrency?: number,
    ) => {
      const f = new ServiceFunction(this, id, {
        functionName,
        description,
        handler,
        source: props.source,
        environment,
        config,
        alarmTopic: this.platform.alarmTopic,
        timeout,
        actionsWithoutResourceLevelPermissions: anyResource,
        ...(reservedConcurrency ? { reservedConcurrency } : {}),
      });
      this.functions.set(functionName, f);
      return f;
    };

    /** Functions that run the service's domain code: own table, plus own evidence prefix if it keeps evidence. */
    const grantDomainAccess = (f: ServiceFunction) => {
      grantOwnTable(f.role, this.table);
      if (manifest.evidence) grantEvidencePrefix(f.role, { bucket: this.platform.evidenceBucket, key: this.platform.evidenceKey }, name);
      if (manifest.archiveReplays) grantArchiveReplays(f.role, { archiveArn, bus: this.platform.bus });
      // Envelope encryption: a data key per container, and unwrapping the stored ones. Nothing else of the key.
      this.fieldKey?.grant(f.role, 'kms:GenerateDataKey', 'kms:Decrypt');
    };

    if (manifest.routes.length > 0) {
      const http = fn('Http', resourceNames.httpFunction(name), 'http', `${name}: HTTP API routes`, Duration.seconds(29));
      grantDomainAccess(http);
      this.httpApi = new ServiceHttpApi(this, 'HttpApi', { manifest, config, identity: this.platform.identity, handler: http.fn });
      // Links in answers come from configuration, not from the Host a caller sends.
      http.fn.addEnvironment(runtimeEnv.publicBaseUrl, config.publicBaseUrl ?? this.httpApi.api.apiEndpoint);
    }

    if (manifest.subscriptions.length > 0) {
      const events = fn('Events', resourceNames.eventFunction(name), 'events', `${name}: event subscriptions`, Duration.minutes(1));
      grantDomainAccess(events);
      // EventBridge invokes asynchronously: its DLQs only catch events it could not hand over. An event the handler
      // itself fails on (after Lambda's own retries) lands here, with the subscription name, ready to redrive.
      const failed = deadLetterQueue(events, 'HandlerFailures', `${name} events the handler failed on`);
      events.fn.configureAsyncInvoke({ onFailure: new SqsDestination(failed), retryAttempts: 2, maxEventAge: Duration.hours(6) });
      alarmOnDeadLetters(events, 'HandlerFailuresAlarm', failed, this.platform.alarmTopic, `${name} event handler`);
      new SubscriptionRules(this, 'Subscriptions', {
        manifest,
        bus: this.platform.bus,
        handler: events.fn,
        alarmTopic: this.platform.alarmTopic,
      });
    }

    // Only a service that publishes writes outbox items.
    if (manifest.publishes.length > 0) {
      const relay = fn('Relay', resourceNames.relayFunction(name), 'relay', `${name}: outbox relay to the bus`, Duration.minutes(1), [
        "dynamodb:ListStreams (granted by the DynamoDB stream event source; the stream itself is read with DescribeStream/GetRecords/GetShardIterator on this table's stream ARN only)",
      ]);
      grantPutEvents(relay.role, this.platform.bus);
      new OutboxRelaySource(this, 'Outbox', {
        table: this.table.table,
        ...(this.table.restored
          ? { restored: this.table.serving, ownStream: this.table.restored.previousStream === 'retired' ? 'disabled' : 'enabled' }
          : {}),
        relay: relay.fn,
        alarmTopic: this.platform.alarmTopic,
        service: name,
      });
    }

    for (const job of manifest.jobs) {
      // Reserved (by default 1): a long sweep never overlaps the next tick of its schedule. The deployment may turn
      // this off where the account's concurrency quota leaves nothing to reserve (checked in buildDeployment).
      const reserved = config.lambda.jobReservedConcurrency === false ? undefined : config.lambda.jobReservedConcurrency;
      const jobFn = fn(
        `Job-${job.name}`,
        resourceNames.jobFunction(name, job.name),
        'jobs',
        `${name}: ${job.summary}`,
        Duration.minutes(5),
        undefined,
        reserved,
      );
      grantDomainAccess(jobFn);
      new JobSchedule(this, `Schedule-${job.name}`, { manifest, job, handler: jobFn.fn, bus: this.platform.bus });
    }
  }
}
