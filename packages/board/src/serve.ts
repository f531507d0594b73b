import { gzipSync } from 'node:zlib';
import type { PageRenderer } from './render.ts';
import type { Site } from './site-files.ts';

export interface BoardRequest {
  method: string;
  /** The page's public URL (what links and a notice's QR code name). */
  url: URL;
  acceptEncoding?: string;
}

export interface BoardAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * One request to the board, as the local gateway and the deployed site function both answer it: a page rendered with
 * its data, or one of the built files; gzipped when the browser asks. Undefined when the board has no such file.
 */
export async function serveBoard(site: Site, pages: PageRenderer, req: BoardRequest): Promise<BoardAnswer | undefined> {
  const asset = req.method === 'GET' || req.method === 'HEAD' ? site.get(req.url.pathname) : undefined;
  if (!asset) return undefined;
  const gzip = /\bgzip\b/.test(req.acceptEncoding ?? '');
  const page = asset.type.startsWith('text/html');
  let status = 200;
  let body = gzip ? asset.gzip : asset.body;
  if (page) {
    const rendered = await pages(req.url);
    status = rendered.status;
    body = Buffer.from(rendered.html);
    if (gzip) body = gzipSync(body);
  }
  return {
    status,
    headers: {
      'content-type': asset.type,
      'cache-control': page ? 'no-cache' : asset.cacheControl,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    },
    body,
  };
}
