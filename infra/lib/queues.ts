import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

/**
 * A dead-letter queue: SQS-managed encryption (EventBridge and Lambda can deliver to it without a key grant),
 * TLS-only, and the longest retention SQS allows so there is time to inspect and redrive.
 */
export function deadLetterQueue(scope: Construct, id: string, holds: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(queue, 'SQS3', `This queue is itself the dead-letter queue for ${holds}; a DLQ behind it would only move the same messages.`);
  return queue;
}
