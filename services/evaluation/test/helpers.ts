import { inject } from 'vitest';
import { newId } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { LocalApi, eventually, q } from '@cocreate/local/testing';

export const api = new LocalApi(inject('stack').url);
export const bus = inject('stack').eventbridge;
export { demo, eventually, newId, q };

export const mj = demo.majiaqiao;
export const hh = (n: number, village: string = mj) => `${village}/${n <= 6 ? 'g1' : 'g2'}/h${String(n).padStart(2, '0')}`;
export const head = (n: number, id = 'majiaqiao') => `p-${id}-${String(n).padStart(2, '0')}`;

export const county = api.official('county-hongan-1', 'county-official', demo.hongan);
export const township = api.official('township-qiliping-1', 'township-official', demo.qiliping);
export const expert = api.official('expert-hongan-1', 'expert', demo.hongan);

/** Events of a type on the local bus whose data matches. */
export async function onBus<T = Record<string, unknown>>(
  type: string,
  match: (data: T) => boolean,
): Promise<{ detail: { meta: Record<string, unknown>; data: T }; source: string }[]> {
  const res = await api.get(`/_local/bus/events${q({ type })}`);
  return (res.body.events as { detail: { meta: Record<string, unknown>; data: T }; source: string }[]).filter((e) => match(e.detail.data));
}

export async function clockNow(): Promise<Date> {
  return new Date((await api.get('/_local/clock')).body.now);
}
