import { describe, expect, it } from 'vitest';
import { type Envelope, NeedRaised } from '@cocreate/contracts';
import { demo } from '@cocreate/places/seed';
import { RETRY_WINDOW_MS } from '../domain/backoff.ts';
import { publicBaseOf, toCloudEvent } from '../domain/cloudevents.ts';
import { type Delivery, applyAttempt, deliveryIdOf, kill, redrive } from '../domain/deliveries.ts';
import { refused } from '../domain/refusals.ts';
import { checkWindow } from '../domain/replays.ts';
import { PAUSE_AFTER_DEAD_LETTERS, activeSecrets, checkWebhookUrl, pauseFor, rotate } from '../domain/subscriptions.ts';
import { actsFor } from '../domain/agencies.ts';

const t0 = new Date('2026-03-01T00:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('webhook URLs', () => {
  const local = { loopbackHttp: true };

  it('takes https to a public host in deployed configs', () => {
    expect(checkWebhookUrl('https://audit.hongan.gov.cn/hooks/cocreate')).toEqual({
      ok: true,
      url: 'https://audit.hongan.gov.cn/hooks/cocreate',
    });
    expect(checkWebhookUrl('https://8.8.8.8/x').ok).toBe(true);
    expect(checkWebhookUrl('https://[2400:da00::6666]/x').ok).toBe(true);
  });

  it('refuses plain http, loopback and every non-public literal in deployed configs', () => {
    for (const bad of [
      'http://audit.hongan.gov.cn/hook', // cleartext over the internet
      'http://127.0.0.1:9001/2018-06-01/runtime/invocation/next', // Lambda's Runtime API
      'https://127.0.0.1:9001/x',
      'https://localhost/x',
      'https://api.localhost/x',
      'https://[::1]/x',
      'https://0x7f.1/x', // 127.0.0.1 in another spelling
      'https://2130706433/x', // and another
      'ftp://example.cn/x',
      'https://user:pw@example.cn/x',
      'https://example.cn/x#frag',
      'https://10.0.0.5/x',
      'https://192.168.1.2/x',
      'https://172.20.0.1/x',
      'https://100.100.100.200/x', // shared address space, where some clouds keep metadata
      'https://169.254.169.254/latest/meta-data',
      'https://[::ffff:169.254.169.254]/latest/meta-data',
      'https://[64:ff9b::a9fe:a9fe]/latest/meta-data',
      'https://[fec0::1]/x',
      'https://[fd00::1]/x',
      'https://[fe80::1]/x',
      'https://[2002:a9fe:a9fe::]/x',
      'https://metadata/x', // a single label, completed by the resolver's search domains
      '/relative',
      'not a url',
    ]) {
      expect(checkWebhookUrl(bad).ok, bad).toBe(false);
    }
  });

  it('lets the local stack’s setting allow plain http to this machine, and nothing more', () => {
    for (const ok of ['http://127.0.0.1:8787/hook', 'http://localhost:8787/hook', 'http://[::1]:8787/hook']) {
      expect(checkWebhookUrl(ok, local).ok, ok).toBe(true);
      expect(checkWebhookUrl(ok).ok, ok).toBe(false);
    }
    for (const bad of [
      'http://10.0.0.5/x',
      'http://audit.hongan.gov.cn/hook',
      'https://169.254.169.254/x',
      'https://[64:ff9b::a9fe:a9fe]/x',
    ]) {
      expect(checkWebhookUrl(bad, local).ok, bad).toBe(false);
    }
  });
});

describe('secret rotation', () => {
  const s = (id: string, createdAt: Date, expiresAt?: Date) => ({
    secretId: id,
    secret: `whsec_${id}`,
    createdAt: createdAt.toISOString(),
    ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
  });

  it('signs with the new and the old secret during the overlap, then with the new one only', () => {
    const rotated = rotate([s('old', t0)], s('new', at(1000)), at(1000), 3600);
    expect(rotated.map((x) => x.secretId)).toEqual(['new', 'old']);
    expect(activeSecrets(rotated, at(1000))).toEqual(['whsec_new', 'whsec_old']);
    expect(activeSecrets(rotated, at(1000 + 3_599_000))).toEqual(['whsec_new', 'whsec_old']);
    expect(activeSecrets(rotated, at(1000 + 3_600_000))).toEqual(['whsec_new']);
  });

  it('retires the old secret at once with no overlap, and never extends an earlier expiry', () => {
    expect(rotate([s('old', t0)], s('new', at(1000)), at(1000), 0).map((x) => x.secretId)).toEqual(['new']);
    const twice = rotate(rotate([s('a', t0)], s('b', at(10)), at(10), 60), s('c', at(20)), at(20), 3600);
    expect(twice.map((x) => x.secretId)).toEqual(['c', 'b', 'a']);
    expect(twice.find((x) => x.secretId === 'a')!.expiresAt).toBe(at(10 + 60_000).toISOString());
    // Secrets already past their overlap are dropped at the next rotation.
    expect(rotate(twice, s('d', at(120_000)), at(120_000), 3600).map((x) => x.secretId)).toEqual(['d', 'c', 'b']);
  });
});

describe('pausing a failing subscription', () => {
  it('pauses at once on 410 Gone, and after three dead letters in a row — not before', () => {
    expect(pauseFor({ consecutiveDeadLetters: 1, gone: true, lastError: 'HTTP 410', at: t0 })).toMatchObject({
      reason: 'endpoint-gone',
      lastError: 'HTTP 410',
    });
    expect(pauseFor({ consecutiveDeadLetters: PAUSE_AFTER_DEAD_LETTERS - 1, gone: false, at: t0 })).toBeUndefined();
    const p = pauseFor({ consecutiveDeadLetters: PAUSE_AFTER_DEAD_LETTERS, gone: false, lastError: 'timeout', at: t0 });
    expect(p).toMatchObject({ reason: 'consecutive-dead-letters', pausedAt: t0.toISOString(), lastError: 'timeout' });
    expect(p!.detail.zh).toContain('连续 3 次');
    expect(p!.detail.en).toContain('3 deliveries in a row');
  });
});

const pending = (): Delivery => ({
  deliveryId: deliveryIdOf('01JD7Z8Q9W3V4X5Y6Z7A8B9C0A'),
  subscriptionId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D',
  agencyId: 'hongan-housing',
  eventId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0A',
  eventType: 'NeedRaised',
  eventVersion: 1,
  place: demo.majiaqiao,
  occurredAt: t0.toISOString(),
  log: { root: demo.hongan, seq: 3 },
  status: 'pending',
  attempts: 0,
  createdAt: t0.toISOString(),
  nextAttemptAt: t0.toISOString(),
  redrives: 0,
  history: [],
  version: 1,
});

describe('a delivery’s attempts', () => {
  it('is delivered on a 2xx', () => {
    const r = applyAttempt(pending(), { ok: true, status: 200, ms: 12 }, at(5), () => 0.5);
    expect(r.effect).toBe('delivered');
    expect(r.delivery).toMatchObject({
      status: 'delivered',
      attempts: 1,
      deliveredAt: at(5).toISOString(),
      firstAttemptAt: at(5).toISOString(),
    });
    expect(r.delivery.nextAttemptAt).toBeUndefined();
    expect(r.delivery.history).toEqual([{ at: at(5).toISOString(), ok: true, status: 200, ms: 12 }]);
  });

  it('is retried after a failure, then dead after 24 h; the history keeps the last ten attempts', () => {
    let d = pending();
    let now = t0;
    let effect = '';
    for (let i = 0; i < 40 && effect !== 'dead'; i++) {
      const r = applyAttempt(d, { ok: false, status: 500, error: 'HTTP 500', ms: 3 }, now, () => 1);
      effect = r.effect;
      d = r.delivery;
      if (r.effect === 'retry') now = new Date(d.nextAttemptAt!);
    }
    expect(d).toMatchObject({ status: 'dead', deadReason: 'retries-exhausted', lastError: 'HTTP 500' });
    expect(Date.parse(d.lastAttemptAt!) - Date.parse(d.firstAttemptAt!)).toBe(RETRY_WINDOW_MS);
    expect(d.history).toHaveLength(10);
    expect(d.attempts).toBeGreaterThan(10);
  });

  it('is dead at once, flagged gone, when the endpoint answers 410', () => {
    const r = applyAttempt(pending(), { ok: false, status: 410, error: 'HTTP 410', ms: 3 }, t0, () => 0);
    expect(r).toMatchObject({ effect: 'dead', gone: true, delivery: { status: 'dead', deadReason: 'endpoint-gone' } });
  });

  it('redrives a dead letter into a fresh window; refuses to redrive anything else', () => {
    const dead = kill({ ...pending(), attempts: 14, firstAttemptAt: t0.toISOString() }, 'retries-exhausted', at(RETRY_WINDOW_MS));
    const again = redrive(dead, at(RETRY_WINDOW_MS + 5000));
    expect(again).toMatchObject({ status: 'pending', attempts: 0, redrives: 1, nextAttemptAt: at(RETRY_WINDOW_MS + 5000).toISOString() });
    expect(again.firstAttemptAt).toBeUndefined();
    expect(again.deadAt).toBeUndefined();
    expect(() => redrive(pending(), t0)).toThrow(/only dead letters/);
    expect(deliveryIdOf('E1', 'R1')).toBe('E1.rR1');
  });
});

describe('CloudEvents', () => {
  it('maps the envelope onto the context attributes and points dataschema at the data schema', () => {
    const envelope: Envelope = {
      meta: {
        id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0A',
        type: 'NeedRaised',
        version: 1,
        source: 'cocreate.deliberation',
        occurredAt: '2026-03-01T08:00:00.000+08:00',
        place: `${demo.majiaqiao}/g1`,
        actor: { sub: 'p-majiaqiao-07' },
        correlationId: 'c',
        causationId: null,
      },
      data: NeedRaised.example,
    };
    expect(toCloudEvent(envelope, 'https://feeds.hubei.example.cn/')).toEqual({
      specversion: '1.0',
      id: envelope.meta.id,
      source: 'cocreate.deliberation',
      type: 'NeedRaised',
      subject: `${demo.majiaqiao}/g1`,
      time: '2026-03-01T08:00:00.000+08:00',
      datacontenttype: 'application/json',
      dataschema: 'https://feeds.hubei.example.cn/feeds/schemas/deliberation.NeedRaised.v1.data.json',
      data: NeedRaised.example,
    });
  });

  it('builds links from the configured public base URL alone, and refuses to build them without one', () => {
    expect(publicBaseOf({ publicBaseUrl: 'https://api.cocreate.hubei.gov.cn/' })).toBe('https://api.cocreate.hubei.gov.cn');
    expect(publicBaseOf({ publicBaseUrl: 'http://127.0.0.1:3000' })).toBe('http://127.0.0.1:3000');
    expect(() => publicBaseOf({ publicBaseUrl: undefined })).toThrow(/COCREATE_PUBLIC_BASE_URL/);
    expect(() => publicBaseOf({ publicBaseUrl: 'https://evil.example/"><x' })).toThrow(/COCREATE_PUBLIC_BASE_URL/);
  });
});

describe('replay windows', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  it('accepts a past window within the log’s retention', () => {
    expect(checkWindow('2026-05-30T00:00:00Z', '2026-05-31T00:00:00Z', now)).toEqual({
      from: new Date('2026-05-30T00:00:00Z'),
      to: new Date('2026-05-31T00:00:00Z'),
      source: 'log',
    });
  });
  it('takes a window older than the log from the bus archive, when there is one', () => {
    expect(checkWindow('2026-02-01T00:00:00Z', '2026-02-10T00:00:00Z', now, { archive: true })).toMatchObject({ source: 'archive' });
  });
  it('refuses an empty, future, too long or too old window', () => {
    expect(checkWindow('2026-05-31T00:00:00Z', '2026-05-31T00:00:00Z', now)).toEqual(refused('window-order'));
    expect(checkWindow('2026-05-31T00:00:00Z', '2026-06-02T00:00:00Z', now)).toEqual(refused('window-in-future'));
    expect(checkWindow('2026-04-01T00:00:00Z', '2026-05-31T00:00:00Z', now)).toEqual(refused('window-too-long'));
    expect(checkWindow('2026-02-01T00:00:00Z', '2026-02-10T00:00:00Z', now)).toEqual(refused('window-beyond-log'));
  });
});

describe('who acts for an agency', () => {
  it('its members in role agency, or operations; not other agency users', () => {
    const agency = { members: ['agency-hongan-housing'] };
    expect(actsFor(agency, { sub: 'agency-hongan-housing', role: 'agency' })).toBe(true);
    expect(actsFor(agency, { sub: 'agency-hongan-audit', role: 'agency' })).toBe(false);
    expect(actsFor(agency, { sub: 'ops-1', role: 'ops-admin' })).toBe(true);
    expect(actsFor(agency, { sub: 'agency-hongan-housing', role: 'cadre' })).toBe(false);
  });
});
