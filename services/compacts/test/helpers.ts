import { inject } from 'vitest';
import { DecisionFinal } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { LocalApi, type RouteBody, eventually, publishEvent, q } from '@cocreate/local/testing';
import { addDays, chinaDay } from '@cocreate/places';
import { draftCompactRoute, getVersionRoute, submitDraftRoute } from '../handlers/compacts.ts';

/** Shared helpers of the compacts integration tests: they talk HTTP to the local stack like any client. */
export const stack = inject('stack');
export const api = new LocalApi(stack.url);

export async function clockNow(): Promise<Date> {
  return new Date((await api.get('/_local/clock')).body.now as string);
}

/** Today in China on the shared clock, and a date `days` from it. */
export async function today(days = 0): Promise<string> {
  return addDays(chinaDay(await clockNow()), days);
}

/** An instant `days` from the shared clock's now. */
export async function instant(days = 0): Promise<string> {
  return new Date((await clockNow()).getTime() + days * 24 * 3600 * 1000).toISOString();
}

export const townshipOf = (village: string) => village.slice(0, village.lastIndexOf('/'));

type Article = RouteBody<typeof draftCompactRoute>['articles'][number];
type Handling = NonNullable<Article['violationTypes']>[number]['handling'];

export function articles(tag: string, handling: Handling, extra: { code: string; handling: Handling }[] = []): Article[] {
  return [
    { articleId: 'art-1', title: '总则', text: `共同维护村容村貌 ${tag}`, violationTypes: [] },
    {
      articleId: 'art-5',
      title: '垃圾分类',
      text: '生活垃圾分类投放。',
      violationTypes: [
        { code: 'rubbish-not-sorted', name: '垃圾未分类', handling },
        ...extra.map((e) => ({ code: e.code, name: e.code, handling: e.handling })),
      ],
    },
  ];
}

/** deliberation's final decision on a compact version, played onto the bus. */
export async function decide(
  village: string,
  compactId: string,
  version: number,
  decidedAt: string,
  opts: { id?: string; proposalId?: string } = {},
) {
  return publishEvent(
    stack.eventbridge,
    DecisionFinal,
    {
      kind: 'compact',
      proposalId: opts.proposalId ?? newId(),
      village,
      title: '村规民约表决 / compact vote',
      decidedAt,
      filedWith: townshipOf(village),
      compact: { compactId, version },
    },
    { place: village, ...(opts.id ? { id: opts.id } : {}) },
  );
}

export async function versionOf(compactId: string, version: number, as: string) {
  return (await api.call(getVersionRoute, { params: { compactId, version } }, { as })).body;
}

export async function waitAdopted(compactId: string, version: number, as: string) {
  return eventually(
    async () => {
      const v = await versionOf(compactId, version, as);
      return v.status === 'adopted' ? v : undefined;
    },
    20_000,
    `version ${version} of ${compactId} to come into force`,
  );
}

/** Drafts, submits and adopts (through a played decision) version 1 of a compact; returns its id. */
export async function adoptedCompact(
  village: string,
  cadre: string,
  body: { title?: string; articles: Article[]; kind?: 'village-rules' | 'maintenance' },
  decidedAt: string,
) {
  const draft = await api.call(
    draftCompactRoute,
    { body: { village, kind: body.kind ?? 'village-rules', title: body.title ?? `公约 ${newId()}`, articles: body.articles } },
    { as: cadre },
  );
  if (draft.status !== 201) throw new Error(`draft failed: ${draft.status} ${JSON.stringify(draft.body)}`);
  const compactId: string = draft.body.compactId;
  const submitted = await api.call(submitDraftRoute, { params: { compactId, version: '1' } }, { as: cadre });
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  await decide(village, compactId, 1, decidedAt);
  await waitAdopted(compactId, 1, cadre);
  return compactId;
}

/** Events of a type on the local bus whose data matches `where`. */
export async function busEvents(type: string, where: (data: any) => boolean): Promise<any[]> {
  const res = await api.get(`/_local/bus/events${q({ type })}`);
  return (res.body.events as any[]).filter((e) => where(e.detail.data));
}

/** Waits until exactly-or-more `n` matching events are on the bus, then returns them. */
export async function eventsEventually(type: string, where: (data: any) => boolean, n = 1) {
  return eventually(
    async () => {
      const found = await busEvents(type, where);
      return found.length >= n ? found : undefined;
    },
    20_000,
    `${n} ${type}`,
  );
}
