import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config.ts';
import { acknowledge } from '../nag.ts';

/**
 * Evidence files — meeting minutes, signed sheets, photos of work done — are records residents and auditors rely on,
 * and many carry personal data (names, ID numbers on signed sheets). So: a customer-managed KMS key (access to the
 * plaintext is an auditable, revocable grant), versioning (an overwrite never loses the original), no public access,
 * TLS only, and server access logs of every read and write.
 */
export class EvidenceStore extends Construct {
  readonly bucket: Bucket;
  readonly key: Key;

  constructor(scope: Construct, id: string, config: DeploymentConfig) {
    super(scope, id);

    this.key = new Key(this, 'Key', {
      description: `cocreate ${config.id}: evidence bucket encryption`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const accessLogs = this.accessLogBucket(config);

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      // One data key per bucket instead of per object: far fewer KMS calls (cost, throttling) at province scale.
      bucketKeyEnabled: true,
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'evidence/',
      lifecycleRules: [
        { id: 'expire-noncurrent-versions', noncurrentVersionExpiration: Duration.days(config.evidence.noncurrentVersionDays) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      // Browsers upload straight to S3 with presigned PUT URLs; only the web clients' origins may do so.
      cors:
        config.webOrigins.length > 0
          ? [
              {
                allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
                allowedOrigins: config.webOrigins,
                allowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
                exposedHeaders: ['ETag'],
                maxAge: 3000,
              },
            ]
          : undefined,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * Server access logs can only be delivered to a bucket with S3-managed encryption, so the log bucket has its own,
   * simpler settings. Logs are expired after the configured period.
   */
  private accessLogBucket(config: DeploymentConfig): IBucket {
    const logs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(config.evidence.accessLogDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      logs,
      'S1',
      'This is the server-access-log bucket of the evidence bucket; logging it into itself would log its own log deliveries without end.',
    );
    return logs;
  }
}
