import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { Agent } from 'node:http';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** Local emulators (but the S3 server) accept any credentials; the region is the one the demo province deploys to. */
export const LOCAL_REGION = 'cn-north-1';
export const LOCAL_ACCOUNT = '000000000000';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
/** The local S3's one key pair: it checks signatures as S3 does, and refuses anything else. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface LocalEndpoints {
  dynamodb: string;
  s3: string;
  eventbridge: string;
}

/** Every service shares one process locally: let many requests reach DynamoDB Local at once (SDK default: 50). */
const requestHandler = () => new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 500 }) });

/**
 * DynamoDB Local wants an Authorization header naming an access key and checks no signature: the local DynamoDB
 * clients send a fixed one instead of signing each request (the hashes and HMACs of SigV4 were about 4 % of a busy
 * stack's CPU in a profile of the cycle test).
 */
const unsignedForDynamoDbLocal = {
  sign: async <R extends { headers: Record<string, string> }>(request: R): Promise<R> => {
    request.headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/20260101/${LOCAL_REGION}/dynamodb/aws4_request, SignedHeaders=host, Signature=0`;
    return request;
  },
};

/** DynamoDB Local's endpoint, or a function that names it before each request (it moves when a world is switched). */
export type DynamoEndpoint = string | (() => string);

const dynamoEndpoint = (e: DynamoEndpoint) => (typeof e === 'string' ? e : async () => ({ url: new URL(e()) }));

/** A DynamoDB client of DynamoDB Local at `endpoint`. */
export const localDynamoClient = (endpoint: DynamoEndpoint) =>
  new DynamoDBClient({
    endpoint: dynamoEndpoint(endpoint),
    region: LOCAL_REGION,
    credentials,
    signer: unsignedForDynamoDbLocal,
    requestHandler: requestHandler(),
  });

/** The clients of the local emulators; `dynamodb`, when given, is where the DynamoDB clients go instead of `e.dynamodb`. */
export function localClients(e: LocalEndpoints, dynamodb: DynamoEndpoint = e.dynamodb) {
  return {
    dynamodb: localDynamoClient(dynamodb),
    streams: new DynamoDBStreamsClient({
      endpoint: dynamoEndpoint(dynamodb),
      region: LOCAL_REGION,
      credentials,
      signer: unsignedForDynamoDbLocal,
    }),
    eventBridge: new EventBridgeClient({ endpoint: e.eventbridge, region: LOCAL_REGION, credentials }),
    s3: new S3Client({
      endpoint: e.s3,
      region: LOCAL_REGION,
      // s3rver knows one key pair.
      credentials: LOCAL_S3_CREDENTIALS,
      forcePathStyle: true,
    }),
  };
}
