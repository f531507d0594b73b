import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import {
  DeleteMessageCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { DeadLetter, DeadLetterStore } from './redrive.ts';

/**
 * Dead letters in AWS: the deployment's SQS queues (names start with its stack names). Two kinds go back to a
 * function — a rule's dead letter (EventBridge's RULE_ARN/TARGET_ARN attributes, the original event as the body) is
 * handed to the events function as its subscription input, and an events function's failure record (Lambda's
 * `requestPayload`) to that function as it was — and one does not: a relay failure holds stream coordinates, whose
 * records the stream keeps 24 h only (replay the window from the archive instead).
 */
export function sqsDeadLetters(sqs: SQSClient, lambda: LambdaClient, stackPrefix: string): DeadLetterStore {
  const held = new Map<string, { queueUrl: string; message: Message }>();
  const queues = async (only?: string): Promise<string[]> => {
    if (only) return [(await sqs.send(new GetQueueUrlCommand({ QueueName: only }))).QueueUrl!];
    const urls: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: stackPrefix, NextToken }));
      urls.push(...(page.QueueUrls ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return urls;
  };
  const deliveryOf = (m: Message): { functionArn: string; payload: unknown } | undefined => {
    const attr = (name: string) => m.MessageAttributes?.[name]?.StringValue;
    const body = JSON.parse(m.Body ?? '{}') as Record<string, unknown>;
    const rule = attr('RULE_ARN');
    const target = attr('TARGET_ARN');
    if (rule && target) {
      // Rule names are `<service>-<subscription>` (kernel resourceNames.rule); the service is the target's prefix.
      const ruleName = rule.split('/').at(-1)!;
      const service = target
        .split(':')
        .at(-1)!
        .replace(/-events$/, '');
      return { functionArn: target, payload: { subscription: ruleName.slice(service.length + 1), event: body } };
    }
    const record = body as { requestPayload?: unknown; requestContext?: { functionArn?: string } };
    if (record.requestPayload && record.requestContext?.functionArn) {
      return { functionArn: record.requestContext.functionArn.replace(/:\$LATEST$/, ''), payload: record.requestPayload };
    }
    return undefined;
  };
  return {
    where: `SQS queues ${stackPrefix}*`,
    async list(queue) {
      const out: DeadLetter[] = [];
      for (const queueUrl of await queues(queue)) {
        const name = queueUrl.split('/').at(-1)!;
        for (;;) {
          const got = await sqs.send(
            new ReceiveMessageCommand({
              QueueUrl: queueUrl,
              MaxNumberOfMessages: 10,
              VisibilityTimeout: 300,
              WaitTimeSeconds: 1,
              MessageAttributeNames: ['All'],
            }),
          );
          const messages = got.Messages ?? [];
          if (messages.length === 0) break;
          for (const m of messages) {
            if (held.has(m.MessageId!)) continue;
            held.set(m.MessageId!, { queueUrl, message: m });
            const body = JSON.parse(m.Body ?? '{}') as { id?: string; 'detail-type'?: string; detail?: { meta?: { id?: string } } };
            const delivery = deliveryOf(m);
            out.push({
              id: m.MessageId!,
              queue: name,
              target: delivery?.functionArn ?? 'not redrivable (stream coordinates: replay the window from the archive)',
              ...(body.detail?.meta?.id ? { eventId: body.detail.meta.id } : {}),
              ...(body['detail-type'] ? { eventType: body['detail-type'] } : {}),
              ...(m.MessageAttributes?.ERROR_MESSAGE?.StringValue ? { error: m.MessageAttributes.ERROR_MESSAGE.StringValue } : {}),
            });
          }
        }
      }
      return out;
    },
    async redrive(letters, progress) {
      let done = 0;
      for (const [i, letter] of letters.entries()) {
        const h = held.get(letter.id);
        const delivery = h && deliveryOf(h.message);
        if (!h || !delivery) {
          progress(`  ${i + 1}/${letters.length} ${letter.id}: left in ${letter.queue} (${letter.target})`);
          continue;
        }
        const out = await lambda.send(
          new InvokeCommand({ FunctionName: delivery.functionArn, Payload: Buffer.from(JSON.stringify(delivery.payload)) }),
        );
        if (out.FunctionError) {
          progress(`  ${i + 1}/${letters.length} ${letter.id}: failed again (${out.FunctionError}); left in ${letter.queue}`);
          continue;
        }
        await sqs.send(new DeleteMessageCommand({ QueueUrl: h.queueUrl, ReceiptHandle: h.message.ReceiptHandle! }));
        done++;
        progress(`  ${i + 1}/${letters.length} ${letter.id}: delivered, removed from ${letter.queue}`);
      }
      return done;
    },
  };
}
