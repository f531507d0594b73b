import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOB_REQUESTED, jobRequestInput, patternOf, resourceNames, routeKeyOf, runtimeEnv } from '@cocreate/kernel/manifest';
import { manifests } from '@cocreate/suite';
import { demoGlobal } from '../config/demo-global.ts';
import { hubeiCn } from '../config/hubei-cn.ts';
import { buildDeployment } from '../lib/deployment.ts';
import { isPublicRoute } from '../lib/service/http-api.ts';
import { SubscriptionDelivery } from '../lib/service/subscriptions.ts';
import { TABLE_DATA_ACTIONS } from '../lib/service/grants.ts';
import { fixtureService, minimalService } from './fixtures/manifest.ts';
import { fixtureDeployment, fixtureSource, testApp } from './support.ts';

type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resourcesOf = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

/** Policy statements attached to the role of the function named `functionName`. */
function statementsOf(template: Template, functionName: string): Statement[] {
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: functionName } })) as Resource[];
  if (!fn) throw new Error(`no function ${functionName}`);
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  return (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[])
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

/** An ARN as CloudFormation would build it, with `${Ref}` where a pseudo parameter or resource is referenced. */
function arnText(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as { Ref?: string; 'Fn::Join'?: [string, unknown[]] };
  if (v.Ref) return `\${${v.Ref}}`;
  if (v['Fn::Join']) return v['Fn::Join'][1].map(arnText).join(v['Fn::Join'][0]);
  throw new Error(`not an ARN expression: ${JSON.stringify(value)}`);
}

describe('service stack from a manifest', () => {
  let template: Template;
  let minimal: Template;
  let tableId: string;
  let stack: Stack;

  let suiteServices: Stack[];

  beforeAll(() => {
    suiteServices = buildDeployment(testApp(), demoGlobal, manifests, fixtureSource).services;
    const { services } = fixtureDeployment(demoGlobal);
    stack = services.find((s) => s.stackName.endsWith(fixtureService.name))!;
    template = Template.fromStack(stack);
    minimal = Template.fromStack(services.find((s) => s.stackName.endsWith(minimalService.name))!);
    tableId = Object.keys(template.findResources('AWS::DynamoDB::Table'))[0]!;
  });

  it('creates the service table: pk/sk, the GSIs with ALL projection, on demand, PITR, deletion protection, stream, TTL', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        TableName: resourceNames.table(fixtureService.name),
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        SSESpecification: { SSEEnabled: true },
        GlobalSecondaryIndexes: fixtureService.table.indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            ...(i.sortKey ? [{ AttributeName: i.sortKey, KeyType: 'RANGE' }] : []),
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      },
    });
  });

  it('creates http, events, relay and one function per job, ESM on Node 22 arm64 with the runtime environment', () => {
    const names = [
      resourceNames.httpFunction('evaluation'),
      resourceNames.eventFunction('evaluation'),
      resourceNames.relayFunction('evaluation'),
      ...fixtureService.jobs.map((j) => resourceNames.jobFunction('evaluation', j.name)),
    ];
    const handlers = ['index.http', 'index.events', 'index.relay', 'index.jobs'];
    template.resourceCountIs('AWS::Lambda::Function', names.length);
    names.forEach((name, i) =>
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: name,
        Handler: handlers[i],
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: Match.anyValue() },
        Environment: {
          Variables: Match.objectLike({
            [runtimeEnv.service]: 'evaluation',
            [runtimeEnv.table]: { Ref: tableId },
            [runtimeEnv.bus]: 'cocreate-demo-global',
            [runtimeEnv.bucket]: Match.anyValue(),
            [runtimeEnv.issuer]: Match.anyValue(),
            [runtimeEnv.audience]: Match.anyValue(),
            [runtimeEnv.jwksUrl]: Match.anyValue(),
            [runtimeEnv.rolesClaim]: 'custom:roles',
            POWERTOOLS_SERVICE_NAME: 'evaluation',
            NODE_OPTIONS: '--enable-source-maps',
          }),
        },
      }),
    );
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/lambda/evaluation-http',
      RetentionInDays: demoGlobal.logRetentionDays,
    });
  });

  it('creates no events or job functions, and no evidence access, for a service without them', () => {
    minimal.resourceCountIs('AWS::Lambda::Function', 2);
    minimal.resourceCountIs('AWS::Events::Rule', 0);
    const fns = Object.values(minimal.findResources('AWS::Lambda::Function')) as Resource[];
    expect(fns.map((f) => f.Properties.FunctionName).sort()).toEqual(['rewards-http', 'rewards-relay']);
    for (const f of fns) expect(f.Properties.Environment.Variables[runtimeEnv.bucket]).toBeUndefined();
    expect(JSON.stringify(minimal.toJSON())).not.toMatch(/s3:|kms:/);
  });

  it('has one API route per manifest route, method and path as declared, JWT on every non-public route', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    // Plus the API's own contract, answered by the same function (kernel OPENAPI_ROUTE_KEY), public.
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual([...fixtureService.routes.map(routeKeyOf), 'GET /openapi.json'].sort());
    expect(routes.find((r) => r.Properties.RouteKey === 'GET /openapi.json')!.Properties.AuthorizationType).toBe('NONE');
    const authorizerId = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'))[0];
    for (const route of fixtureService.routes) {
      const created = routes.find((r) => r.Properties.RouteKey === routeKeyOf(route))!;
      if (isPublicRoute(route)) {
        expect(created.Properties.AuthorizationType).toBe('NONE');
        expect(created.Properties.AuthorizerId).toBeUndefined();
      } else {
        expect(created.Properties.AuthorizationType).toBe('JWT');
        expect(created.Properties.AuthorizerId).toEqual({ Ref: authorizerId });
      }
    }
    expect(fixtureService.routes.some(isPublicRoute)).toBe(true);
  });

  it('lets the HTTP API invoke the function through one permission for the whole API, whatever the number of routes', () => {
    // A function's resource policy is capped at 20 KB; a statement per route would bring the largest services
    // within a few routes of a failed deploy.
    const routeCounts: number[] = [];
    for (const service of suiteServices) {
      const t = Template.fromStack(service);
      const apiId = Object.keys(t.findResources('AWS::ApiGatewayV2::Api'))[0];
      if (!apiId) continue;
      const routes = Object.keys(t.findResources('AWS::ApiGatewayV2::Route')).length;
      routeCounts.push(routes);
      const permissions = Object.values(
        t.findResources('AWS::Lambda::Permission', { Properties: { Principal: 'apigateway.amazonaws.com' } }),
      ) as Resource[];
      expect(permissions, `${service.stackName} (${routes} routes)`).toHaveLength(1);
      expect(arnText(service.resolve(permissions[0]!.Properties.SourceArn))).toBe(
        `arn:aws:execute-api:ap-southeast-1:\${AWS::AccountId}:\${${apiId}}/*/*/*`,
      );
    }
    const mostRoutes = Math.max(...routeCounts);
    expect(mostRoutes).toBeGreaterThan(20);
  });

  it('configures the JWT authorizer from the identity provider, access logging and throttling', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: Match.anyValue(), Audience: [Match.anyValue()] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('routeKey') },
      DefaultRouteSettings: { ThrottlingRateLimit: demoGlobal.api.rateLimit, ThrottlingBurstLimit: demoGlobal.api.burstLimit },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
  });

  it('takes an OIDC issuer and audience straight from an oidc config', () => {
    const { services } = fixtureDeployment(hubeiCn);
    const cn = Template.fromStack(services[0]!);
    const oidc = hubeiCn.identity.kind === 'oidc' ? hubeiCn.identity : undefined;
    cn.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { JwtConfiguration: { Issuer: oidc!.issuer, Audience: [oidc!.audience] } });
    cn.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [runtimeEnv.audience]: oidc!.audience }) },
    });
    cn.hasResourceProperties('AWS::Lambda::Function', {
      TracingConfig: Match.absent(),
      Environment: { Variables: Match.objectLike({ [runtimeEnv.rolesClaim]: oidc!.rolesClaim, POWERTOOLS_TRACE_ENABLED: 'false' }) },
    });
  });

  it('has one rule per subscription on the platform bus, with the derived pattern, the input transformer and a DLQ', () => {
    const rules = Object.values(
      template.findResources('AWS::Events::Rule', { Properties: { EventBusName: Match.anyValue() } }),
    ) as Resource[];
    expect(rules).toHaveLength(fixtureService.subscriptions.length);
    const eventsFnId = Object.keys(
      template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: 'evaluation-events' } }),
    )[0];
    for (const sub of fixtureService.subscriptions) {
      const rule = rules.find((r) => r.Properties.Name === resourceNames.rule('evaluation', sub.name))!;
      expect(rule.Properties.EventBusName).toBe('cocreate-demo-global');
      expect(rule.Properties.EventPattern).toEqual(patternOf(sub));
      const [target] = rule.Properties.Targets;
      expect(target.Arn).toEqual({ 'Fn::GetAtt': [eventsFnId, 'Arn'] });
      expect(target.InputTransformer).toEqual({ InputTemplate: `{"subscription":"${sub.name}","event":<aws.events.event.json>}` });
      expect(target.InputTransformer.InputTemplate).toBe(SubscriptionDelivery.templateFor(sub.name));
      expect(target.RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 });
      const dlqId = target.DeadLetterConfig.Arn['Fn::GetAtt'][0];
      template.hasResource('AWS::SQS::Queue', { Properties: { SqsManagedSseEnabled: true } });
      expect(template.findResources('AWS::SQS::Queue')[dlqId]).toBeDefined();
      // TLS-only queue policy and an alarm on the queue's depth
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: dlqId }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
        AlarmActions: [Match.anyValue()],
      });
    }
  });

  it('sends events the handler itself fails on to a failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('^EventsFunction') },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('schedules each job with its constant input', () => {
    for (const job of fixtureService.jobs) {
      template.hasResourceProperties('AWS::Events::Rule', {
        Name: resourceNames.jobFunction('evaluation', job.name),
        ScheduleExpression: job.schedule,
        Targets: [Match.objectLike({ Input: JSON.stringify({ job: job.name }) })],
      });
      // One run at a time, so a long sweep never overlaps its next tick.
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: resourceNames.jobFunction('evaluation', job.name),
        ReservedConcurrentExecutions: 1,
      });
    }
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: resourceNames.httpFunction('evaluation'),
      ReservedConcurrentExecutions: Match.absent(),
    });
  });

  it('runs a job that starts on request from a rule on the platform bus matching its job requests, and no other job', () => {
    const feeds = Template.fromStack(suiteServices.find((s) => s.stackName.endsWith('feeds'))!);
    feeds.hasResourceProperties('AWS::Events::Rule', {
      Name: resourceNames.jobRequestRule('feeds', 'deliver'),
      EventBusName: Match.anyValue(),
      EventPattern: { source: ['cocreate.feeds'], 'detail-type': [JOB_REQUESTED], detail: { job: ['deliver'] } },
      // The run keeps the requesting unit's correlation id: the job request's detail.correlationId goes into the input.
      Targets: [
        Match.objectLike({
          InputTransformer: {
            InputPathsMap: { correlationId: '$.detail.correlationId' },
            InputTemplate: '{"job":"deliver","correlationId":<correlationId>}',
          },
          RetryPolicy: { MaximumRetryAttempts: 3 },
        }),
      ],
    });
    expect(jobRequestInput('deliver')).toEqual({
      InputPathsMap: { correlationId: '$.detail.correlationId' },
      InputTemplate: '{"job":"deliver","correlationId":<correlationId>}',
    });
    const requestRules = suiteServices.flatMap((s) =>
      Object.values(Template.fromStack(s).findResources('AWS::Events::Rule')).filter((r) => JSON.stringify(r).includes(JOB_REQUESTED)),
    );
    const startable = manifests.flatMap((m) => m.jobs.filter((j) => j.startsOnRequest));
    expect(requestRules).toHaveLength(startable.length);
  });

  it('feeds the relay from the table stream, outbox inserts only, with partial-batch failures and a failure queue', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    const [mapping] = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')) as Resource[];
    expect(mapping!.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: expect.any(Number),
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
    expect(mapping!.Properties.BatchSize).toBeLessThanOrEqual(100);
    const filters = mapping!.Properties.FilterCriteria.Filters as { Pattern: string }[];
    expect(filters.map((f) => JSON.parse(f.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: [{ prefix: 'OUTBOX#' }] } } } },
    ]);
  });

  it('grants http, events and jobs read/write on their own table and indexes only', () => {
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    for (const name of ['evaluation-http', 'evaluation-events', 'evaluation-job-close-rounds']) {
      const dynamo = statementsOf(template, name).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo).toHaveLength(1);
      expect(actionsOf(dynamo[0]!).sort()).toEqual([...TABLE_DATA_ACTIONS].sort());
      expect(resourcesOf(dynamo[0]!)).toEqual([tableArn, { 'Fn::Join': ['', [tableArn, '/index/byPlace']] }]);
    }
  });

  it('grants the evidence bucket only under the service prefix', () => {
    const s3 = statementsOf(template, 'evaluation-http').filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    const objects = s3.find((s) => actionsOf(s).includes('s3:PutObject'))!;
    expect(JSON.stringify(objects.Resource)).toMatch(/"\/evaluation\/\*"/);
    expect(actionsOf(objects)).not.toContain('s3:DeleteObject');
    const list = s3.find((s) => actionsOf(s).includes('s3:ListBucket'))!;
    expect(list.Condition).toEqual({ StringLike: { 's3:prefix': ['evaluation/*'] } });
  });

  it('grants replays on the resource types the IAM service authorization reference requires, for this deployment only', () => {
    // "Actions, resources, and condition keys for Amazon EventBridge": the resource types each action is authorized
    // on. Local tests cannot see IAM, so a grant on the wrong type would only fail on the first real replay.
    const requiredTypes: Record<string, string[]> = {
      'events:StartReplay': ['archive', 'event-bus', 'replay'],
      'events:DescribeReplay': ['replay'],
    };
    const expectedArn: Record<string, string> = {
      archive: 'arn:aws:events:ap-southeast-1:${AWS::AccountId}:archive/cocreate-demo-global-all',
      'event-bus': 'arn:aws:events:ap-southeast-1:${AWS::AccountId}:event-bus/cocreate-demo-global',
      replay: 'arn:aws:events:ap-southeast-1:${AWS::AccountId}:replay/*',
    };
    for (const name of ['evaluation-http', 'evaluation-events', 'evaluation-job-close-rounds']) {
      const events = statementsOf(template, name).filter((s) => actionsOf(s).some((a) => a.startsWith('events:')));
      expect(events.flatMap(actionsOf).sort()).toEqual(Object.keys(requiredTypes).sort());
      for (const [action, types] of Object.entries(requiredTypes)) {
        const granted = events
          .filter((s) => s.Effect === 'Allow' && actionsOf(s).includes(action))
          .flatMap(resourcesOf)
          .map((r) => arnText(stack.resolve(r)));
        for (const type of types) expect(granted, `${name} ${action} on ${type}`).toContain(expectedArn[type]);
        // Nothing beyond the listed types: no other bus, archive or "*".
        expect(
          granted.every((arn) => types.some((t) => arn === expectedArn[t])),
          `${name} ${action}: ${granted.join(', ')}`,
        ).toBe(true);
      }
    }
    expect(JSON.stringify(minimal.findResources('AWS::IAM::Policy'))).not.toMatch(/events:(StartReplay|DescribeReplay)/);
  });

  it('gives the relay stream read and PutEvents on the deployment bus only, and no table data access', () => {
    const relay = statementsOf(template, 'evaluation-relay');
    const put = relay.filter((s) => actionsOf(s).some((a) => a.startsWith('events:')));
    expect(put).toHaveLength(1);
    expect(actionsOf(put[0]!)).toEqual(['events:PutEvents']);
    expect(stack.resolve(put[0]!.Resource)).toEqual({
      'Fn::Join': ['', ['arn:aws:events:ap-southeast-1:', { Ref: 'AWS::AccountId' }, ':event-bus/cocreate-demo-global']],
    });
    const dynamo = relay.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    const dataActions = dynamo.flatMap(actionsOf).filter((a) => (TABLE_DATA_ACTIONS as readonly string[]).includes(a));
    expect(dataActions).toEqual([]);
    const streamRead = dynamo.find((s) => actionsOf(s).includes('dynamodb:GetRecords'))!;
    expect(streamRead.Resource).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
  });

  it('never grants dynamodb data actions on "*" or on anything but the own table, in any function', () => {
    for (const t of [template, minimal]) {
      const ownTable = Object.keys(t.findResources('AWS::DynamoDB::Table'))[0]!;
      const statements = (Object.values(t.findResources('AWS::IAM::Policy')) as Resource[]).flatMap(
        (p) => p.Properties.PolicyDocument.Statement as Statement[],
      );
      for (const s of statements.filter((st) => actionsOf(st).some((a) => (TABLE_DATA_ACTIONS as readonly string[]).includes(a)))) {
        for (const r of resourcesOf(s)) {
          expect(r).not.toBe('*');
          expect(JSON.stringify(r)).toContain(`"${ownTable}"`);
        }
      }
      // ListStreams is the one dynamodb action on "*": it has no resource-level permissions.
      const anyResource = statements.filter((st) => resourcesOf(st).includes('*')).flatMap(actionsOf);
      expect(anyResource.filter((a) => a.startsWith('dynamodb:'))).toEqual(['dynamodb:ListStreams']);
    }
  });

  it("references no other service's table anywhere in its template", () => {
    expect(JSON.stringify(template.toJSON())).not.toContain(resourceNames.table(minimalService.name));
    expect(JSON.stringify(minimal.toJSON())).not.toContain(resourceNames.table(fixtureService.name));
  });

  it("alarms on every function's errors", () => {
    for (const fn of Object.keys(template.findResources('AWS::Lambda::Function'))) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'Errors',
        Namespace: 'AWS/Lambda',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: fn } }],
      });
    }
  });
});

describe('a service that encrypts fields itself (fieldEncryption)', () => {
  let template: Template;

  beforeAll(() => {
    const sealing = { ...minimalService, fieldEncryption: true };
    const { services } = fixtureDeployment(demoGlobal, [sealing]);
    template = Template.fromStack(services[0]!);
  });

  it('gets a rotating KMS key of its own, kept when the stack goes, named to its functions', () => {
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: { EnableKeyRotation: true } });
    const keyId = Object.keys(template.findResources('AWS::KMS::Key'))[0]!;
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: resourceNames.httpFunction(minimalService.name),
      Environment: { Variables: Match.objectLike({ [runtimeEnv.fieldKmsKey]: { 'Fn::GetAtt': [keyId, 'Arn'] } }) },
    });
  });

  it('grants GenerateDataKey and Decrypt on that key to the functions that run domain code, not to the relay', () => {
    const keyId = Object.keys(template.findResources('AWS::KMS::Key'))[0]!;
    const kmsOf = (fn: string) => statementsOf(template, fn).filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    const http = kmsOf(resourceNames.httpFunction(minimalService.name));
    expect(http.flatMap(actionsOf).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(http.flatMap(resourcesOf)).toEqual([{ 'Fn::GetAtt': [keyId, 'Arn'] }]);
    expect(kmsOf(resourceNames.relayFunction(minimalService.name))).toEqual([]);
  });
});
