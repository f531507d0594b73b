import { inject } from 'vitest';
import { LocalApi, type RouteBody, q } from '@cocreate/local/testing';
import { idNumber } from './ids.ts';
import { registerHouseholdRoute } from '../handlers/people.ts';
import { registerPlaceRoute } from '../handlers/places.ts';

export const api = new LocalApi(inject('stack').url);

/**
 * A province of its own for these tests (the demo province is loaded into the other services' copies): 浙江省湖州市
 * 安吉县天荒坪镇 with 余村 (groups g1, g2) and 银坑村, a community 大溪社区 with a compound, and 德清县 next door.
 */
export const tree = {
  province: 'zhejiang',
  city: 'zhejiang/huzhou',
  county: 'zhejiang/huzhou/anji',
  otherCounty: 'zhejiang/huzhou/deqing',
  township: 'zhejiang/huzhou/anji/tianhuangping',
  village: 'zhejiang/huzhou/anji/tianhuangping/yucun',
  otherVillage: 'zhejiang/huzhou/anji/tianhuangping/yinkeng',
  community: 'zhejiang/huzhou/anji/tianhuangping/daxi',
  compound: 'zhejiang/huzhou/anji/tianhuangping/daxi/c1',
} as const;

export const callers = {
  ops: api.official('ops-zj', 'ops-admin', tree.province),
  county: api.official('county-anji', 'county-official', tree.county),
  otherCounty: api.official('county-deqing', 'county-official', tree.otherCounty),
  township: api.official('township-thp', 'township-official', tree.township),
  cadre: api.official('cadre-yucun', 'cadre', tree.village),
  otherCadre: api.official('cadre-yinkeng', 'cadre', tree.otherVillage),
  communityCadre: api.official('cadre-daxi', 'cadre', tree.community),
  supervisor: api.official('sup-yucun', 'supervisor', tree.village),
};

const name = (zh: string, en: string) => ({ zh, en });

async function must(res: Promise<{ status: number; body: any }>, what: string) {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Registers the test tree through the API, each level by the role that manages it. */
export async function registerTree(): Promise<void> {
  const place = (body: RouteBody<typeof registerPlaceRoute>, as: typeof callers.ops) =>
    must(api.call(registerPlaceRoute, { body }, { as }), `register ${body.id}`);
  await place({ id: 'zhejiang', kind: 'province', name: name('浙江省', 'Zhejiang') }, callers.ops);
  await place({ parent: tree.province, id: 'huzhou', kind: 'city', name: name('湖州市', 'Huzhou') }, callers.ops);
  await place({ parent: tree.city, id: 'anji', kind: 'county', name: name('安吉县', 'Anji County') }, callers.ops);
  await place({ parent: tree.city, id: 'deqing', kind: 'county', name: name('德清县', 'Deqing County') }, callers.ops);
  await place({ parent: tree.county, id: 'tianhuangping', kind: 'township', name: name('天荒坪镇', 'Tianhuangping') }, callers.ops);
  await place({ parent: tree.township, id: 'yucun', kind: 'village', name: name('余村', 'Yucun Village') }, callers.township);
  await place({ parent: tree.township, id: 'yinkeng', kind: 'village', name: name('银坑村', 'Yinkeng Village') }, callers.township);
  await place({ parent: tree.township, id: 'daxi', kind: 'community', name: name('大溪社区', 'Daxi Community') }, callers.county);
  await place({ parent: tree.village, id: 'g1', kind: 'group', name: name('一组', 'Group 1') }, callers.cadre);
  await place({ parent: tree.village, id: 'g2', kind: 'group', name: name('二组', 'Group 2') }, callers.cadre);
  await place({ parent: tree.otherVillage, id: 'g1', kind: 'group', name: name('一组', 'Group 1') }, callers.otherCadre);
  await place({ parent: tree.community, id: 'c1', kind: 'compound', name: name('溪畔小区', 'Xipan Compound') }, callers.communityCadre);
}

let sequence = 100;

/** A person's entry with a valid, unique ID number. */
export function newPerson(fullName: string, over: Record<string, unknown> = {}) {
  sequence += 2;
  return { fullName, phone: '13812345678', idNumber: idNumber('1980-06-15', String(sequence + 1).padStart(3, '0')), ...over };
}

/** Registers a household under `parent` with a head and members; answers the household view. */
export async function household(parent: string, id: string, as: typeof callers.cadre, members: string[] = [], head = '王建国') {
  return must(
    api.call(registerHouseholdRoute, { body: { parent, id, head: newPerson(head), members: members.map((m) => newPerson(m)) } }, { as }),
    `household ${id}`,
  );
}

/** Events of a type on the local bus whose data matches. */
export async function busEvents(type: string, match: (data: any) => boolean = () => true): Promise<any[]> {
  const res = await api.get(`/_local/bus/events${q({ type })}`);
  return (res.body.events as { detail: { meta: any; data: any } }[]).filter((e) => match(e.detail.data)).map((e) => e.detail);
}

/** Polls until the bus carries a matching event (the outbox relay publishes after the commit). */
export async function eventually(type: string, match: (data: any) => boolean, timeoutMs = 20_000): Promise<any[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await busEvents(type, match);
    if (found.length || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until everything committed so far has reached the bus and been delivered. */
export async function settle(): Promise<void> {
  await api.get('/_local/bus/idle');
}

export { idNumber };
