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

/** Where a table lives when the stack keeps tables apart (`tablesApart`); undefined: at the client's own endpoint. */
export type TableEndpoint = (table: string) => string | undefined;

/**
 * A DynamoDB client of DynamoDB Local at `endpoint`; with `tableEndpoint`, each command goes to the instance that
 * holds the table it names instead (every command the services send names one table, or several on one instance).
 */
export function localDynamoClient(endpoint: DynamoEndpoint, tableEndpoint?: TableEndpoint): DynamoDBClient {
  const client = new DynamoDBClient({
    endpoint: dynamoEndpoint(endpoint),
    region: LOCAL_REGION,
    credentials,
    signer: unsignedForDynamoDbLocal,
    requestHandler: requestHandler(),
  });
  if (tableEndpoint) routeByTable(client, tableEndpoint);
  return client;
}

/** A DynamoDB Streams client of DynamoDB Local at `endpoint`. */
export const localStreamsClient = (endpoint: DynamoEndpoint) =>
  new DynamoDBStreamsClient({
    endpoint: dynamoEndpoint(endpoint),
    region: LOCAL_REGION,
    credentials,
    signer: unsignedForDynamoDbLocal,
  });

/** The input fields of DynamoDB's commands (the client's and the document client's) that name a table. */
export interface TableInput {
  TableName?: string;
  RequestItems?: Record<string, unknown>;
  TransactItems?: Record<string, { TableName?: string } | undefined>[];
}

/** Every table a command names, read or written: its TableName, a batch's tables, a transaction's items' tables. */
export function namedTables(input: TableInput): string[] {
  if (input.TableName) return [input.TableName];
  if (input.RequestItems) return Object.keys(input.RequestItems);
  const tables = new Set<string>();
  for (const item of input.TransactItems ?? []) for (const op of Object.values(item)) if (op?.TableName) tables.add(op.TableName);
  return [...tables];
}

/** Sends each command to the DynamoDB Local that holds the (first) table it names, as `tableEndpoint` says. */
function routeByTable(client: DynamoDBClient, tableEndpoint: TableEndpoint): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const table = namedTables(args.input as TableInput)[0];
      const target = table === undefined ? undefined : tableEndpoint(table);
      const request = args.request as { hostname?: string; port?: number; headers?: Record<string, string> } | undefined;
      if (target && request) {
        const url = new URL(target);
        request.hostname = url.hostname;
        request.port = Number(url.port);
        if (request.headers?.host) request.headers.host = url.host;
      }
      return next(args);
    },
    { step: 'build', priority: 'high', name: 'cocreateRouteByTable' },
  );
}

/**
 * The clients of the local emulators; `dynamodb`, when given, is where the DynamoDB clients go instead of `e.dynamodb`,
 * and `tableEndpoint` where a table kept apart is.
 */
export function localClients(e: LocalEndpoints, dynamodb: DynamoEndpoint = e.dynamodb, tableEndpoint?: TableEndpoint) {
  return {
    dynamodb: localDynamoClient(dynamodb, tableEndpoint),
    streams: localStreamsClient(dynamodb),
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
