import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PageRenderer, pagesOf } from './render.ts';
import { serveBoard } from './serve.ts';
import { type Site, readSite, withApi } from './site-files.ts';

/**
 * The board's site function (deployed behind its own HTTP API: `infra/lib/board-stack.ts`): the files built at synth
 * beside this bundle (`site/`), and each page rendered from the services' public routes, at the APIs `BOARD_API` names.
 */

/** What this function reads of an HTTP API (payload 2.0) request. */
interface PageRequest {
  rawPath: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  requestContext: { domainName: string; http: { method: string } };
}

interface PageResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

const SITE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'site');
let site: Site | undefined;
let pages: PageRenderer | undefined;

export async function handler(event: PageRequest): Promise<PageResponse> {
  site ??= withApi(readSite(process.env.BOARD_SITE_DIR ?? SITE_DIR), JSON.parse(process.env.BOARD_API ?? '{}') as Record<string, string>);
  // Routes are asked where the built config names each service's API; links and QR codes use the deployment's
  // public address, else the API's own domain as API Gateway reports it (never a forwarded header).
  pages ??= pagesOf(site, '');
  const base = process.env.COCREATE_PUBLIC_BASE_URL ?? `https://${event.requestContext.domainName}`;
  const url = new URL(`${event.rawPath}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`, base);
  const answer = await serveBoard(site, pages, {
    method: event.requestContext.http.method,
    url,
    acceptEncoding: event.headers?.['accept-encoding'],
  });
  if (!answer)
    return { statusCode: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not Found', isBase64Encoded: false };
  return { statusCode: answer.status, headers: answer.headers, body: answer.body.toString('base64'), isBase64Encoded: true };
}
