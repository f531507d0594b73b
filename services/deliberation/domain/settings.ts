import * as z from 'zod';
import { once, IsoDateTime, PlacePath, ProposalKind, says } from '@cocreate/contracts';
import { Chain } from './chains.ts';
import { DEFAULT_SUPPORT_LIMIT } from './lists.ts';
import { DEFAULT_NOTICE_DAYS } from './proposals.ts';

/** What a village sets for itself: the per-resident support limit and the notice period per kind (公示期). */
export const NoticeDays = once(() => z.number().int().min(1).max(60));

export const SettingsUpdate = once(() =>
  z
    .object({
      village: PlacePath,
      supportLimit: z.number().int().min(1).max(50).optional(),
      noticeDays: z.partialRecord(ProposalKind, NoticeDays()).optional(),
      /** Why (the meeting that decided it): every change is kept in the settings' history. */
      reason: z.string().trim().min(1).max(2000),
    })
    .refine(
      (u) => u.supportLimit !== undefined || u.noticeDays !== undefined,
      says({ zh: '请设置 supportLimit 或 noticeDays', en: 'set supportLimit or noticeDays' }),
    ),
);
export type SettingsUpdate = z.infer<ReturnType<typeof SettingsUpdate>>;

export const VillageSettings = once(() =>
  z.object({
    village: PlacePath,
    supportLimit: z.number().int().positive(),
    noticeDays: z.record(ProposalKind, NoticeDays()),
    updatedBy: z.string().optional(),
    updatedAt: IsoDateTime.optional(),
  }),
);
export type VillageSettings = z.infer<ReturnType<typeof VillageSettings>>;

export function defaultSettings(village: string): VillageSettings {
  return { village, supportLimit: DEFAULT_SUPPORT_LIMIT, noticeDays: { ...DEFAULT_NOTICE_DAYS } };
}

/** Stored settings over the defaults (a kind the village never set keeps its default). */
export function effectiveSettings(village: string, stored: Partial<VillageSettings> | undefined): VillageSettings {
  const d = defaultSettings(village);
  if (!stored) return d;
  return {
    ...d,
    ...(stored.supportLimit !== undefined ? { supportLimit: stored.supportLimit } : {}),
    noticeDays: { ...d.noticeDays, ...(stored.noticeDays ?? {}) },
    ...(stored.updatedBy ? { updatedBy: stored.updatedBy } : {}),
    ...(stored.updatedAt ? { updatedAt: stored.updatedAt } : {}),
  };
}

export const ChainConfig = once(() =>
  z.object({
    village: PlacePath,
    kind: ProposalKind,
    chain: Chain(),
    /** True when the village never configured this kind and the four deliberations apply. */
    isDefault: z.boolean(),
    version: z.number().int().nonnegative(),
    /** Who proposed the chain in force, when the township approved it, the change that brought it and who approved. */
    configuredBy: z.string().optional(),
    configuredAt: IsoDateTime.optional(),
    changeId: z.string().optional(),
    approvedBy: z.string().optional(),
  }),
);
export type ChainConfig = z.infer<ReturnType<typeof ChainConfig>>;

/** The village's class from its last final classification decision (划分两类村). */
export interface Classification {
  village: string;
  class: string;
  proposalId: string;
  decidedAt: string;
}
