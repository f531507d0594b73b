import { describe, expect, it } from 'vitest';
import { LOAD_TEST_TIMEOUT, LocalApi } from '@cocreate/local/testing';
import { isWithin } from '@cocreate/places';
import { demo } from '@cocreate/places/seed';
import { encodeCursor } from '../domain/log.ts';
import { raiseNeed, registerAgency, stack, subscribe, uniqueText } from './support.ts';
import { pullEventsRoute } from '../handlers/feed.ts';

const api = new LocalApi(stack().url);
const only = (marker: string) => ({ detail: { data: { text: [{ prefix: marker }] } } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Caller = ReturnType<LocalApi['official']>;

/**
 * Reads the pull feed page by page, from the start, until `expected()` ids have been seen and nothing more is
 * waiting. Returns every item in the order received (repeats included, so the test can see them).
 */
async function drain(as: Caller, limit: number, expected: () => number | undefined, deadlineMs = 120_000) {
  const items: any[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (Date.now() > until) throw new Error(`feed not drained in ${deadlineMs} ms (saw ${seen.size})`);
    const res = await api.call(pullEventsRoute, { query: { after: cursor, limit } }, { as });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    for (const item of res.body.items) {
      items.push(item);
      seen.add(item.id);
    }
    cursor = res.body.next;
    const want = expected();
    if (res.body.items.length === 0 && !res.body.more) {
      if (want !== undefined && seen.size >= want) break;
      await sleep(50);
    }
  }
  return { items, cursor: cursor! };
}

/** Per county, the ids in the order they were read. */
const byCounty = (items: any[]) => ({
  hongan: items.filter((i) => isWithin(i.subject, demo.hongan)).map((i) => i.id),
  macheng: items.filter((i) => isWithin(i.subject, demo.macheng)).map((i) => i.id),
});

describe('the pull feed', () => {
  it('pages in commit order with no gaps or repeats while events keep arriving (concurrent publishers)', async () => {
    const marker = uniqueText('pull');
    const province = await registerAgency(api, demo.province, 'hubei-office');
    const county = await registerAgency(api, demo.hongan, 'hongan-finance');
    await subscribe(api, province, { pattern: only(marker), delivery: { mode: 'pull' } });
    await subscribe(api, county, { pattern: only(marker), delivery: { mode: 'pull' } });

    // 60 events in two counties (two log roots), ten at a time concurrently, while both agencies page.
    const published: { id: string; village: string }[] = [];
    let finished = false;
    const publisher = (async () => {
      for (let wave = 0; wave < 6; wave++) {
        const batch = await Promise.all(
          Array.from({ length: 10 }, async (_, i) => {
            const village = i % 2 === 0 ? demo.majiaqiao : demo.fengshu;
            return { id: await raiseNeed(village, `${marker} ${wave}.${i}`), village };
          }),
        );
        published.push(...batch);
        await sleep(100);
      }
      finished = true;
    })();
    const [all, hongan] = await Promise.all([
      drain(province.as, 7, () => (finished ? published.length : undefined)),
      drain(county.as, 4, () => (finished ? published.filter((p) => isWithin(p.village, demo.hongan)).length : undefined)),
      publisher,
    ]);

    // Everything published, exactly once, nothing else.
    const ids = all.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(published.map((p) => p.id).sort());
    // The county agency saw its county's half only, each once.
    const countyIds = hongan.items.map((i) => i.id);
    expect(new Set(countyIds).size).toBe(countyIds.length);
    expect([...countyIds].sort()).toEqual(
      published
        .filter((p) => p.village === demo.majiaqiao)
        .map((p) => p.id)
        .sort(),
    );
    expect(hongan.items.every((i) => isWithin(i.subject, demo.hongan))).toBe(true);

    // Commit order per place is stable: a fresh reader with another page size reads each county's events in the
    // same order as the readers that paged while they arrived.
    const again = await drain(province.as, 5, () => published.length);
    expect(byCounty(again.items)).toEqual(byCounty(all.items));
    expect(byCounty(again.items).hongan).toEqual(countyIds);
    // Items are the CloudEvents a webhook would carry.
    expect(all.items[0]).toMatchObject({ specversion: '1.0', type: 'NeedRaised', datacontenttype: 'application/json' });

    // The final cursor is at the end: polling with it returns nothing until something new arrives.
    const tail = await api.call(pullEventsRoute, { query: { after: all.cursor, limit: 50 } }, { as: province.as });
    expect(tail.body.items).toEqual([]);
    const late = await raiseNeed(demo.fengshu, `${marker} late`);
    let got: any[] = [];
    for (let i = 0; i < 100 && got.length === 0; i++) {
      got = (await api.call(pullEventsRoute, { query: { after: all.cursor, limit: 50 } }, { as: province.as })).body.items;
      if (!got.length) await sleep(100);
    }
    expect(got.map((i) => i.id)).toEqual([late]);
  }, 240_000);

  it(
    'refuses cursors it did not issue or that belong to another jurisdiction, and agencies without a pull subscription',
    async () => {
      const county = await registerAgency(api, demo.hongan, 'hongan-audit');
      const noPull = await api.call(pullEventsRoute, {}, { as: county.as });
      expect(noPull.status).toBe(422);
      expect(noPull.body.code).toBe('no-pull-subscription');
      await subscribe(api, county, { delivery: { mode: 'pull' } });
      expect((await api.call(pullEventsRoute, { query: { limit: 1 } }, { as: county.as })).status).toBe(200);
      for (const bad of [
        'not-a-cursor!',
        Buffer.from('{"v":2,"p":{}}').toString('base64url'),
        encodeCursor({ 'hubei/huanggang/hongan': -1 }),
      ]) {
        const res = await api.call(pullEventsRoute, { query: { after: bad } }, { as: county.as });
        expect(res.status, bad).toBe(400);
        expect(res.body.errors![0]!.pointer).toBe('/after');
      }
      // A cursor naming another county's log is not followed.
      const foreign = await api.call(
        pullEventsRoute,
        { query: { after: encodeCursor({ 'hubei/huanggang/macheng': 0 }) } },
        { as: county.as },
      );
      expect(foreign.status).toBe(400);
      expect((await api.call(pullEventsRoute, { query: { limit: 0 } }, { as: county.as })).status).toBe(400);
      // Not a member of any agency: refused, even holding the agency role.
      const stranger = api.official(`agency-stranger-${Date.now()}`, 'agency', demo.hongan);
      const strangerRes = await api.call(pullEventsRoute, {}, { as: stranger });
      expect(strangerRes.status).toBe(403);
      expect(strangerRes.body).toMatchObject({ code: 'forbidden', reason: 'not-an-agency-member' });
      // A resident is no agency.
      expect((await api.call(pullEventsRoute, {}, { as: 'p-majiaqiao-03' })).status).toBe(403);
    },
    LOAD_TEST_TIMEOUT,
  );
});
