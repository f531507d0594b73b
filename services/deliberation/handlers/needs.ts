import { z } from 'zod';
import { NeedRaised, PlacePath } from '@cocreate/contracts';
import { defineRoute, newId, problems } from '@cocreate/kernel';
import { Need, RaiseNeed, attributeNeed } from '../domain/needs.ts';
import { needs } from '../store.ts';

const villageOf = (place: string, ctx: { places: { villageOf(p: string): { path: string } | undefined } }) =>
  ctx.places.villageOf(place)?.path;

export const raiseNeed = defineRoute({
  method: 'POST',
  path: '/deliberation/needs',
  operationId: 'raiseNeed',
  summary: 'Raise a need (群众提), or record one on a resident’s behalf',
  auth: {
    roles: ['resident', 'grid-worker', 'cadre'],
    place: ({ body }) => body.place,
  },
  body: RaiseNeed,
  response: Need,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const village = villageOf(body.place, ctx);
    if (!village) {
      throw problems.rule('place-not-in-village', {
        zh: '需求须落在某个村或社区内。',
        en: 'A need must be placed in a village or community.',
      });
    }
    const who = attributeNeed(body, ctx.actor as { sub: string; role: string | undefined }, village, (p) => ctx.places.person(p)?.village);
    if ('refused' in who) {
      throw who.refused === 'not-a-recorder'
        ? problems.forbidden({ zh: '只有网格员或村干部可以代为登记。', en: 'Only grid workers and cadres may record needs for others.' })
        : problems.rule('resident-elsewhere', { zh: '被代登记的居民不属于该村。', en: 'That resident does not live in this village.' });
    }
    const need: Need = {
      needId: newId(),
      village,
      place: body.place,
      category: body.category,
      text: body.text,
      channel: body.channel,
      ...who,
      status: 'raised',
      supporters: 0,
      createdAt: ctx.now().toISOString(),
    };
    needs.create(ctx.tx, need);
    ctx.tx.emit(
      NeedRaised,
      {
        needId: need.needId,
        village,
        place: need.place,
        category: need.category,
        text: need.text,
        channel: need.channel,
        raisedBy: need.raisedBy,
        recordedBy: need.recordedBy,
      },
      { place: need.place },
    );
    return need;
  },
});

export const listNeeds = defineRoute({
  method: 'GET',
  path: '/deliberation/needs',
  operationId: 'listNeeds',
  summary: 'List a village’s needs, newest first (需求清单)',
  auth: {
    roles: ['resident', 'grid-worker', 'cadre', 'supervisor', 'township-official', 'county-official'],
    place: ({ query }) => query.village,
  },
  query: z.object({
    village: PlacePath,
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
  }),
  response: z.object({ items: z.array(Need), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => needs.listByVillage(ctx.table, query.village, query),
});
