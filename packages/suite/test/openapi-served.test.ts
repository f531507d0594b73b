import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENAPI_ROUTE_KEY, createHttpHandler, createRuntime, type HttpEvent } from '@cocreate/kernel';
import { manifests } from '../src/index.ts';
import { PUBLISHED_OPENAPI_FILE } from '../src/openapi-published.ts';

/**
 * In AWS each service's HTTP API answers GET /openapi.json itself (infra adds the route to every API, public): the
 * document of the service's own routes, from the manifest the deployed function runs, under the published version.
 */
const published = JSON.parse(readFileSync(join(import.meta.dirname, '..', PUBLISHED_OPENAPI_FILE), 'utf8'));

const context = {
  functionName: 'openapi-test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:cn-north-1:000000000000:function:openapi-test',
  memoryLimitInMB: '512',
  awsRequestId: 'request-1',
  getRemainingTimeInMillis: () => 29_000,
} as unknown as Parameters<ReturnType<typeof createHttpHandler>>[1];

const request = (domainName: string): HttpEvent =>
  ({
    version: '2.0',
    routeKey: OPENAPI_ROUTE_KEY,
    rawPath: '/openapi.json',
    rawQueryString: '',
    headers: { host: domainName },
    requestContext: { domainName, requestId: 'gw-1', http: { method: 'GET', path: '/openapi.json' } },
    isBase64Encoded: false,
  }) as unknown as HttpEvent;

describe('GET /openapi.json on a service’s own API', () => {
  it.each(manifests.filter((m) => m.routes.length > 0).map((m) => [m.name, m] as const))(
    '%s serves the document of its routes',
    async (_name, manifest) => {
      const rt = createRuntime({
        manifest,
        tableName: `cocreate-${manifest.name}`,
        busName: 'unused',
        bucket: 'unused',
        verifier: { issuer: 'https://id.example.test', jwksUrl: 'https://id.example.test/jwks.json' },
        logLevel: 'CRITICAL',
      });
      const domain = `${manifest.name}.execute-api.cn-north-1.amazonaws.com.cn`;
      const res = await createHttpHandler(rt)(request(domain), context);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers?.['content-type']).toMatch(/^application\/json/);
      const doc = JSON.parse(res.body!);
      expect(doc).toMatchObject({ openapi: '3.1.0', info: { version: published.info.version }, servers: [{ url: `https://${domain}` }] });
      const own = manifest.routes.map((r) => `${r.method} ${r.path}`).sort();
      const served = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
        .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
        .sort();
      expect(served).toEqual(own);
    },
  );
});
