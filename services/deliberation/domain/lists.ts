import * as z from 'zod';
import { once, Fen, Id, IsoDateTime, PlacePath, type Refused, SettingReason, WorkCategory, refused, says } from '@cocreate/contracts';

/**
 * The village's two lists besides the needs list: the resources list (资源清单) of what the village can bring, and the
 * project list (项目清单) of candidate items built from triaged needs, which residents "order from the menu" (点单式).
 */
export const ResourceKind = once(() =>
  z.enum([
    'land', // 土地
    'funds', // 资金
    'skills', // 技能、能人
    'volunteers', // 志愿者
    'equipment', // 设备、机具
  ]),
);
export type ResourceKind = z.infer<ReturnType<typeof ResourceKind>>;

export const ResourceStatus = once(() => z.enum(['available', 'committed', 'used-up']));

export const NewResource = once(() =>
  z.object({
    village: PlacePath,
    kind: ResourceKind(),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).optional(),
    /** How much, in `unit` (mu of land, people, hours, machines). */
    quantity: z.number().nonnegative().max(1e9).optional(),
    unit: z.string().trim().min(1).max(20).optional(),
    /** For funds: the amount in fen. */
    amount: Fen.nonnegative().optional(),
    providedBy: z.string().trim().max(200).optional(),
    /** Why it is listed (the meeting, who offered it); kept in the entry's history. */
    reason: SettingReason.optional(),
  }),
);
export type NewResource = z.infer<ReturnType<typeof NewResource>>;

export const Resource = once(() =>
  NewResource().extend({
    resourceId: Id,
    status: ResourceStatus(),
    createdBy: z.string(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.number().int().positive(),
  }),
);
export type Resource = z.infer<ReturnType<typeof Resource>>;

export const ResourceUpdate = once(() =>
  z
    .object({
      expectedVersion: z.number().int().positive(),
      status: ResourceStatus().optional(),
      quantity: z.number().nonnegative().max(1e9).optional(),
      amount: Fen.nonnegative().optional(),
      description: z.string().trim().max(2000).optional(),
      /** Why (the meeting or decision): every change of the list is kept with it (issue 12). */
      reason: SettingReason,
    })
    .refine(
      (u) => u.status !== undefined || u.quantity !== undefined || u.amount !== undefined || u.description !== undefined,
      says({
        zh: '至少修改 status、quantity、amount、description 中的一项',
        en: 'change at least one of status, quantity, amount, description',
      }),
    ),
);
export type ResourceUpdate = z.infer<ReturnType<typeof ResourceUpdate>>;

export const NewCandidate = once(() =>
  z.object({
    village: PlacePath,
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).default(''),
    category: WorkCategory,
    /** Accepted needs this item answers; each is listed on one item only. */
    needIds: z.array(Id).min(1).max(20),
    resourceIds: z.array(Id).max(20).default([]),
    estimatedBudget: Fen.nonnegative().optional(),
  }),
);
export type NewCandidate = z.infer<ReturnType<typeof NewCandidate>>;

export const Candidate = once(() =>
  z.object({
    candidateId: Id,
    village: PlacePath,
    title: z.string(),
    description: z.string(),
    category: WorkCategory,
    needIds: z.array(Id),
    resourceIds: z.array(Id),
    estimatedBudget: Fen.nonnegative().optional(),
    /** Running total of residents' supports. */
    supports: z.number().int().nonnegative(),
    /** When the last support was counted (kept with the running total). */
    lastSupportedAt: IsoDateTime.optional(),
    status: z.enum(['open', 'planned']),
    planId: Id.optional(),
    createdBy: z.string(),
    createdAt: IsoDateTime,
  }),
);
export type Candidate = z.infer<ReturnType<typeof Candidate>>;

/** How many candidate items one resident may support in a village unless the village sets otherwise. */
export const DEFAULT_SUPPORT_LIMIT = 3;

export type SupportRefusal = 'candidate-closed' | 'support-limit-reached';

/** Whether a resident who has used `used` of `limit` supports may support an item with `status`. */
export function canSupport(status: Candidate['status'], used: number, limit: number): Refused<SupportRefusal> | undefined {
  if (status !== 'open') return refused('candidate-closed');
  if (used >= limit) return refused('support-limit-reached', { limit });
  return undefined;
}

/**
 * A candidate item is built from accepted needs and resources of its own village (`pointer` names the entry of the
 * request that is wrong). `needs` and `resources` are what the store holds for the ids, in order (undefined: none).
 */
export function checkCandidateSources(
  village: string,
  needs: readonly { needId: string; need: { village: string; status: string } | undefined }[],
  resources: readonly { resourceId: string; resource: { village: string } | undefined }[],
): (Refused<'need-elsewhere' | 'need-not-accepted' | 'resource-elsewhere'> & { pointer: string }) | undefined {
  for (const [i, { needId, need }] of needs.entries()) {
    if (!need || need.village !== village) return { ...refused('need-elsewhere', { needId }), pointer: `/needIds/${i}` };
    if (need.status !== 'triaged') return { ...refused('need-not-accepted', { needId, current: need.status }), pointer: `/needIds/${i}` };
  }
  for (const [i, { resourceId, resource }] of resources.entries()) {
    if (!resource || resource.village !== village)
      return { ...refused('resource-elsewhere', { resourceId }), pointer: `/resourceIds/${i}` };
  }
  return undefined;
}

/** A resource changed as the caller asks, if they saw its current version (optimistic: a stale one is refused). */
/** What the resources list's history and events keep of an entry (its words, status and amounts). */
export const ResourceData = once(() =>
  Resource().pick({
    kind: true,
    title: true,
    status: true,
    quantity: true,
    unit: true,
    amount: true,
    description: true,
  }),
);

export function resourceData(r: Resource): z.infer<ReturnType<typeof ResourceData>> {
  return {
    kind: r.kind,
    title: r.title,
    status: r.status,
    ...(r.quantity !== undefined ? { quantity: r.quantity } : {}),
    ...(r.unit !== undefined ? { unit: r.unit } : {}),
    ...(r.amount !== undefined ? { amount: r.amount } : {}),
    ...(r.description !== undefined ? { description: r.description } : {}),
  };
}

export function updatedResource(cur: Resource, update: ResourceUpdate, now: Date): Resource | Refused<'stale-version'> {
  if (cur.version !== update.expectedVersion) return refused('stale-version', { version: cur.version });
  const { expectedVersion, reason: _reason, ...changes } = update;
  return {
    ...cur,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    updatedAt: now.toISOString(),
    version: expectedVersion + 1,
  };
}
