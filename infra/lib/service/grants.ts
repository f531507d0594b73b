import { Stack, Token } from 'aws-cdk-lib';
import { Effect, PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { acknowledge } from '../nag.ts';
import type { ServiceTable } from './service-table.ts';

/**
 * Item-level reads and writes, transactions included (DynamoDB authorizes TransactWriteItems per contained action).
 * No Scan: a single-table design reads by key or index; no table management.
 */
export const TABLE_DATA_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
] as const;

/** Read and write the service's own table and its indexes, each named: no wildcard, no other table. */
export function grantOwnTable(role: IRole, table: ServiceTable): void {
  role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: [...TABLE_DATA_ACTIONS], resources: table.dataArns }));
}

/**
 * Evidence of a service lives under `<service>/` in the shared bucket; a service may read, write (presigned uploads
 * are signed with this role) and list only there. No delete: evidence is a record, and versioning keeps history.
 */
export function grantEvidencePrefix(role: IRole, evidence: { bucket: IBucket; key: IKey }, service: string): void {
  const objects = `${evidence.bucket.bucketArn}/${service}/*`;
  role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:GetObject', 's3:PutObject'], resources: [objects] }));
  // Without ListBucket a HEAD on a missing key answers 403 instead of 404, and "was it uploaded?" needs a 404.
  role.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['s3:ListBucket'],
      resources: [evidence.bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${service}/*`] } },
    }),
  );
  // SSE-KMS with a bucket key: uploads need a data key, downloads need to decrypt it.
  role.addToPrincipalPolicy(
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [evidence.key.keyArn] }),
  );
  acknowledge(
    role,
    `IAM5[Resource::${nagResourceString(role, objects)}]`,
    `Object permissions on the "${service}/" prefix of the evidence bucket: objects are created at run time (one per upload), so a prefix is the narrowest grant possible, and no other service's prefix is included.`,
  );
}

/**
 * Start and follow replays from the deployment's archive onto the deployment's bus, and nothing else of EventBridge
 * (the feeds). Resource types as the IAM service authorization reference lists them: `StartReplay` is authorized on
 * the archive read from, the bus replayed onto and the replay it creates; `DescribeReplay` on the replay. A replay is
 * named at run time, one per request, so its ARN can only be granted as `replay/*`; its ARN carries no archive, and
 * the archive and bus in the `StartReplay` statement are what bound a replay.
 */
export function grantArchiveReplays(role: IRole, replay: { archiveArn: string; bus: IEventBus }): void {
  const stack = Stack.of(role);
  const replays = stack.formatArn({ service: 'events', resource: 'replay', resourceName: '*' });
  role.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['events:StartReplay'],
      resources: [replay.archiveArn, replay.bus.eventBusArn, replays],
    }),
  );
  role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['events:DescribeReplay'], resources: [replays] }));
  acknowledge(
    role,
    `IAM5[Resource::${nagResourceString(role, replays)}]`,
    'A replay is created at run time under a name chosen per request, so no replay ARN exists to name in advance; StartReplay is also bound to the deployment archive and bus, and DescribeReplay only reads replay progress.',
  );
}

/** Publish to the deployment's bus and nowhere else (the outbox relay). */
export function grantPutEvents(role: IRole, bus: IEventBus): void {
  role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['events:PutEvents'], resources: [bus.eventBusArn] }));
}

/** The resource string as cdk-nag prints it in an IAM5 finding, so the acknowledgment names exactly this grant. */
function nagResourceString(scope: IRole, resource: string): string {
  return Token.isUnresolved(resource) ? flattenCfnReference(Stack.of(scope).resolve(resource)) : resource;
}
