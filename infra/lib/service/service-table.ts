import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type ITable, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { resourceNames, type ServiceManifest } from '@cocreate/kernel/manifest';
import type { RestoredTable } from '../config.ts';

/** Attribute DynamoDB's TTL deletes items by (outbox entries, idempotency records, processed-event markers). */
export const TTL_ATTRIBUTE = 'ttl';

/**
 * The service's one table, single-table design: string keys `pk`/`sk`, the manifest's GSIs projecting everything.
 * It holds the only copy of the service's state, so: point-in-time recovery, deletion protection, retained on stack
 * deletion. The stream carries old and new images to the outbox relay.
 */
export class ServiceTable extends Construct {
  /** The stack's own table. */
  readonly table: Table;
  /**
   * The table the functions use: the own table, or the point-in-time restore the deployment swapped in
   * (`restoredTables`), which the stack only references (it was created by the restore, not by CloudFormation).
   */
  readonly serving: ITable;
  /** Set when the service is swapped to a restored table. */
  readonly restored?: RestoredTable;
  private readonly indexNames: string[];

  constructor(scope: Construct, id: string, manifest: ServiceManifest, restored?: RestoredTable) {
    super(scope, id);
    this.indexNames = manifest.table.indexes.map((i) => i.name);
    this.table = new Table(this, 'Table', {
      tableName: resourceNames.table(manifest.name),
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of manifest.table.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: index.sortKey ? { name: index.sortKey, type: AttributeType.STRING } : undefined,
        projectionType: ProjectionType.ALL,
      });
    }
    this.restored = restored;
    this.serving = restored
      ? Table.fromTableAttributes(this, 'Restored', { tableName: restored.table, tableStreamArn: restored.streamArn })
      : this.table;
  }

  /**
   * The serving table and each of its indexes by name: every resource a data-plane grant on it needs, no wildcard
   * (a restore keeps the source's indexes and their names).
   */
  get dataArns(): string[] {
    const arn = this.serving.tableArn;
    return [arn, ...this.indexNames.map((name) => `${arn}/index/${name}`)];
  }
}
