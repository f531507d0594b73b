import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * A local agency's webhook endpoint: verifies every delivery's Standard Webhooks signature (HMAC-SHA256 over
 * `id.timestamp.body` with the subscription secret) and counts what it got, de-duplicating on `webhook-id` the way
 * a real receiver should.
 */
export interface ReceivedEvent {
  id: string;
  type: string;
  subject: string;
  source: string;
  signatureValid: boolean;
  duplicate: boolean;
}

export class AgencyReceiver {
  readonly received: ReceivedEvent[] = [];
  private server?: Server;
  private secrets: string[] = [];
  url = '';

  /** Secrets to verify with (more than one during a rotation's overlap). */
  useSecrets(...secrets: string[]): void {
    this.secrets = secrets;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const id = String(req.headers['webhook-id'] ?? '');
        const timestamp = String(req.headers['webhook-timestamp'] ?? '');
        const signatures = String(req.headers['webhook-signature'] ?? '');
        const valid = verifySignature(this.secrets, id, timestamp, body, signatures);
        let event: { type?: string; subject?: string; source?: string } = {};
        try {
          event = JSON.parse(body);
        } catch {
          /* counted as received; type unknown */
        }
        const duplicate = this.received.some((r) => r.id === id);
        this.received.push({
          id,
          type: event.type ?? '?',
          subject: event.subject ?? '',
          source: event.source ?? '',
          signatureValid: valid,
          duplicate,
        });
        res.writeHead(valid ? 204 : 401).end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    const addr = this.server.address();
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/webhooks/cocreate`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise<void>((r) => this.server!.close(() => r()));
  }

  counts(): { received: number; signatureValid: number; duplicates: number; distinct: number; byType: Record<string, number> } {
    const byType: Record<string, number> = {};
    for (const r of this.received) if (!r.duplicate) byType[r.type] = (byType[r.type] ?? 0) + 1;
    return {
      received: this.received.length,
      signatureValid: this.received.filter((r) => r.signatureValid).length,
      duplicates: this.received.filter((r) => r.duplicate).length,
      distinct: new Set(this.received.map((r) => r.id)).size,
      byType,
    };
  }
}

/** Standard Webhooks: `v1,<base64 HMAC-SHA256(secret, "id.timestamp.body")>`, space-separated; any may match. */
export function verifySignature(secrets: string[], id: string, timestamp: string, body: string, header: string): boolean {
  if (!id || !timestamp || !header) return false;
  const offered = header
    .split(' ')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  return secrets.some((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
    return offered.some((sig) => sig.length === expected.length && timingSafeEqual(sig, expected));
  });
}
