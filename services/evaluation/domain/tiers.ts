import * as z from 'zod';
import type { VillageClass } from '@cocreate/contracts';
import { Ratio } from './ratio.ts';
import { exactScore } from './participation.ts';
import type { LocalText } from './scheme.ts';
import { once } from '@cocreate/contracts';

/**
 * Village tiers (两类村: pilot 试点村 / remediation 整治村). The initial tier comes from deliberation's
 * VillageClassified; at each year-end assessment the village's participation score is compared with its previous
 * year's (分级动态管理):
 *   - a remediation village whose score rose by MORE than the promotion margin is promoted to pilot;
 *   - a pilot village whose score fell by MORE than the demotion margin is demoted to remediation;
 *   - otherwise it keeps its tier. Exactly at the margin is not "more than": the tier is kept.
 * Margins are relative changes in basis points (2000 = 20 %), compared exactly on the rational scores.
 * Without a previous year's assessment there is nothing to compare (baseline year), and an unclassified village has no
 * tier to move.
 */
export const Margins = once(() =>
  z.object({
    promoteBp: z.number().int().min(0).max(100_000),
    demoteBp: z.number().int().min(0).max(10_000),
  }),
);
export type Margins = z.infer<ReturnType<typeof Margins>>;

export const DEFAULT_MARGINS: Margins = { promoteBp: 2000, demoteBp: 2000 };

export interface Figures {
  weightedCount: number;
  households: number;
}

export const TierOutcome = once(() => z.enum(['promoted', 'demoted', 'kept', 'baseline', 'unclassified']));
export type TierOutcome = z.infer<ReturnType<typeof TierOutcome>>;

export interface TierDecision {
  outcome: TierOutcome;
  from: VillageClass | undefined;
  to: VillageClass | undefined;
  /** Relative change of the score in percent (1 decimal); null without a comparable previous score. */
  changePct: number | null;
  reason: LocalText;
}

const pct = (bp: number) => `${bp / 100}%`;

export function decideTier(input: {
  from: VillageClass | undefined;
  previous: Figures | undefined;
  current: Figures;
  margins: Margins;
}): TierDecision {
  const { from, previous, current, margins } = input;
  if (!from) {
    return {
      outcome: 'unclassified',
      from,
      to: undefined,
      changePct: null,
      reason: { zh: '该村尚未划分类别，不作升降。', en: 'The village has not been classified; no tier change.' },
    };
  }
  if (!previous) {
    return {
      outcome: 'baseline',
      from,
      to: from,
      changePct: null,
      reason: { zh: '无上年考核结果，本年为基准年。', en: 'No previous year’s assessment: this year is the baseline.' },
    };
  }
  const p = exactScore(previous.weightedCount, previous.households);
  const c = exactScore(current.weightedCount, current.households);
  const whole = Ratio.of(10_000);
  const rose = p.isZero() ? !c.isZero() : c.mul(whole).cmp(p.mul(Ratio.of(10_000 + margins.promoteBp))) > 0;
  const fell = !p.isZero() && c.mul(whole).cmp(p.mul(Ratio.of(10_000 - margins.demoteBp))) < 0;
  const changePct = p.isZero() ? null : c.sub(p).div(p).mul(Ratio.of(100)).round(1);
  const change = changePct === null ? { zh: '上年为零', en: 'from zero last year' } : { zh: `${changePct}%`, en: `${changePct}%` };
  const figures = { zh: `（${p.round(2)} → ${c.round(2)}）`, en: ` (${p.round(2)} → ${c.round(2)})` };
  if (from === 'remediation' && rose) {
    return {
      outcome: 'promoted',
      from,
      to: 'pilot',
      changePct,
      reason: {
        zh: `参与度较上年变化 ${change.zh}${figures.zh}，超过晋级阈值 ${pct(margins.promoteBp)}，提级为试点村。`,
        en: `Participation changed ${change.en} over last year${figures.en}, above the promotion margin of ${pct(margins.promoteBp)}: promoted to pilot.`,
      },
    };
  }
  if (from === 'pilot' && fell) {
    return {
      outcome: 'demoted',
      from,
      to: 'remediation',
      changePct,
      reason: {
        zh: `参与度较上年变化 ${change.zh}${figures.zh}，降幅超过降级阈值 ${pct(margins.demoteBp)}，降级为整治村。`,
        en: `Participation changed ${change.en} over last year${figures.en}, a fall beyond the demotion margin of ${pct(margins.demoteBp)}: demoted to remediation.`,
      },
    };
  }
  return {
    outcome: 'kept',
    from,
    to: from,
    changePct,
    reason: {
      zh: `参与度较上年变化 ${change.zh}${figures.zh}，未超过升降阈值（晋级 ${pct(margins.promoteBp)}，降级 ${pct(margins.demoteBp)}），保持原类别。`,
      en: `Participation changed ${change.en} over last year${figures.en}, within the margins (promotion ${pct(margins.promoteBp)}, demotion ${pct(margins.demoteBp)}): tier kept.`,
    },
  };
}

/** The one-line bilingual reason the VillageTierChanged event carries. */
export const reasonLine = (r: LocalText): string => `${r.zh} / ${r.en}`.slice(0, 2000);
