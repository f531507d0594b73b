// s3rver ships no types; its ambient declaration must travel with this module into every program that uses it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./s3rver.d.ts" />
import { mkdtempSync, rmSync } from 'node:fs';
import { type ClientRequest, type IncomingMessage, type ServerResponse, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { LOCAL_S3_CREDENTIALS } from './clients.ts';
import { freePort } from './ports.ts';
import { checkSignature } from './s3-signature.ts';

const SECRETS = new Map([[LOCAL_S3_CREDENTIALS.accessKeyId, LOCAL_S3_CREDENTIALS.secretAccessKey]]);

/** Browsers upload evidence straight to the bucket with presigned PUTs, so the bucket allows cross-origin PUT. */
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export interface S3Local {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * An S3-compatible server (s3rver) with the evidence bucket; files kept under the data dir or a temp dir.
 *
 * s3rver is reached through a front door that does what s3rver does not:
 * - it checks every request's SigV4 signature (header or presigned query) as S3 does — unsigned, wrongly signed,
 *   expired requests and uploads of another type or length than their URL signed are refused, so a test that would
 *   fail against AWS fails here (`s3-signature.ts`); only CORS preflights go unsigned;
 * - it decodes `aws-chunked` bodies: an SDK v3 client with default settings uploads a stream that way (each chunk
 *   framed by its size, a CRC trailer at the end), and s3rver would store the framing as the object.
 */
export async function startS3Local(opts: { bucket: string; port?: number; dataDir?: string }): Promise<S3Local> {
  const port = opts.port ?? (await freePort());
  const inner = await freePort();
  const directory = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'cocreate-s3-'));
  const server = new S3rver({
    port: inner,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: opts.bucket, configs: [CORS] }],
  });
  await server.run();
  // Every hop to s3rver, so a stop can cut the ones still open (s3rver's close waits for its connections to end).
  const hops = new Set<ClientRequest>();
  const front = createServer((req, res) => void pass(req, res, inner, hops));
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      front.closeAllConnections();
      for (const hop of hops) hop.destroy();
      await new Promise((resolve) => front.close(resolve));
      await server.close();
      if (!opts.dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function pass(req: IncomingMessage, res: ServerResponse, inner: number, hops: Set<ClientRequest>): Promise<void> {
  const headers = { ...req.headers };
  let body: Buffer | undefined;
  if (req.method !== 'OPTIONS') {
    // A payload signed by its hash is read first, so the hash can be compared as S3 compares it.
    let payloadSha256: string | undefined;
    if (/^[0-9a-f]{64}$/.test(String(headers['x-amz-content-sha256'] ?? ''))) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      body = Buffer.concat(chunks);
      payloadSha256 = createHash('sha256').update(body).digest('hex');
    }
    const signed = checkSignature(
      { method: req.method ?? 'GET', url: req.url ?? '/', headers, ...(payloadSha256 ? { payloadSha256 } : {}) },
      SECRETS,
    );
    if (!signed.ok) return s3Error(res, signed.status, signed.code, signed.message);
  }
  const encodings = String(headers['content-encoding'] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (!body && (encodings.includes('aws-chunked') || String(headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-'))) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const decoded = decodeAwsChunked(Buffer.concat(chunks));
    if (typeof decoded === 'string') return s3Error(res, 400, decoded === 'digest' ? 'BadDigest' : 'IncompleteBody', decoded);
    body = decoded;
    const rest = encodings.filter((e) => e !== 'aws-chunked');
    if (rest.length) headers['content-encoding'] = rest.join(',');
    else delete headers['content-encoding'];
    delete headers['x-amz-decoded-content-length'];
    delete headers['x-amz-trailer'];
    delete headers['transfer-encoding'];
    headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    headers['content-length'] = String(body.length);
  }
  // One connection per request (no agent): nothing idles in a pool towards s3rver.
  const upstream = request({ host: '127.0.0.1', port: inner, method: req.method, path: req.url, headers, agent: false }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  hops.add(upstream);
  upstream.on('close', () => hops.delete(upstream));
  // A client that goes away mid-answer takes the hop with it.
  res.on('close', () => upstream.destroy());
  upstream.on('error', (err) => {
    if (res.headersSent || res.destroyed) res.destroy(err);
    else s3Error(res, 502, 'ServiceUnavailable', err.message);
  });
  if (body) upstream.end(body);
  else req.pipe(upstream);
}

/**
 * The bytes of an `aws-chunked` body: `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` until a chunk of size 0, then
 * trailer lines. A `x-amz-checksum-crc32` trailer is checked as S3 checks it. Returns a reason when the body is not
 * that shape or the checksum differs.
 */
export function decodeAwsChunked(raw: Buffer): Buffer | 'framing' | 'digest' {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) return 'framing';
    const size = parseInt(raw.subarray(at, eol).toString('latin1').split(';')[0]!, 16);
    if (!Number.isInteger(size) || size < 0) return 'framing';
    at = eol + 2;
    if (size === 0) break;
    if (at + size + 2 > raw.length || raw.subarray(at + size, at + size + 2).toString('latin1') !== '\r\n') return 'framing';
    parts.push(raw.subarray(at, at + size));
    at += size + 2;
  }
  const body = Buffer.concat(parts);
  for (const line of raw.subarray(at).toString('latin1').split('\r\n')) {
    const [name, value] = [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()];
    if (name !== 'x-amz-checksum-crc32') continue;
    const expected = Buffer.alloc(4);
    expected.writeUInt32BE(crc32(body));
    if (expected.toString('base64') !== value) return 'digest';
  }
  return body;
}

function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}
