import * as z from 'zod';
import { once, ConsentCondition, Fen, Id, IsoDateTime, PlacePath, type Refused, refused } from '@cocreate/contracts';
import { type Threshold, atLeast, check, moreThan, reduce } from './shares.ts';

/**
 * Owner consent polls (业主意愿). Owners and their exclusive floor areas (专有部分面积) come from the register as of
 * the day the poll opens and are fixed then: a flat sold during the poll moves neither its denominator nor who may
 * answer. Consent is counted by headcount and by area, exactly: areas are integer square
 * decimetres (1 dm² = 0.01 m²) and every share is compared as a fraction of integers.
 */
export const ConsentMatter = once(() =>
  z.enum([
    'renovation', // 老旧小区改造
    'maintenance-fund', // 筹集、使用专项维修资金
    'rebuilding', // 改建、重建建筑物及其附属设施
    'common-parts-change', // 改变共有部分的用途
    'other', // 其他共同决定事项
  ]),
);
export type ConsentMatter = z.infer<ReturnType<typeof ConsentMatter>>;

export const ConsentRule = once(() =>
  z.enum([
    /** The seed plan: at least 2/3 of owners agree, and property fees at least 50% collected (至少2/3以上的业主同意, 物业费收缴率达50%以上). */
    'seed-renovation',
    /** Civil Code art. 278: participation ≥ 2/3 of area and owners; ≥ 3/4 of participating area and owners agree. */
    'civil-code-major',
    /** Civil Code art. 278: participation ≥ 2/3 of area and owners; more than half of participating area and owners agree. */
    'civil-code-ordinary',
  ]),
);
export type ConsentRule = z.infer<ReturnType<typeof ConsentRule>>;

/** The rule a matter gets when the poll names none. */
export function defaultRule(matter: ConsentMatter): ConsentRule {
  if (matter === 'renovation') return 'seed-renovation';
  if (matter === 'other') return 'civil-code-ordinary';
  return 'civil-code-major';
}

export const ConsentChoice = once(() => z.enum(['agree', 'disagree', 'abstain']));
export type ConsentChoice = z.infer<ReturnType<typeof ConsentChoice>>;

export const PropertyFee = once(() =>
  z
    .object({ collected: Fen.nonnegative(), due: Fen.positive() })
    .describe('Property fees collected and due over the period the rule looks at, in fen'),
);
export type PropertyFee = z.infer<ReturnType<typeof PropertyFee>>;

export interface ConsentCounts {
  agreeOwners: number;
  agreeArea: number;
  disagreeOwners: number;
  disagreeArea: number;
  abstainOwners: number;
  abstainArea: number;
}

export const emptyConsentCounts = (): ConsentCounts => ({
  agreeOwners: 0,
  agreeArea: 0,
  disagreeOwners: 0,
  disagreeArea: 0,
  abstainOwners: 0,
  abstainArea: 0,
});

export function sumConsentCounts(parts: readonly Readonly<Record<string, unknown>>[]): ConsentCounts {
  const t = emptyConsentCounts();
  for (const p of parts) {
    for (const k of Object.keys(t) as (keyof ConsentCounts)[]) {
      const v = p[k];
      t[k] += typeof v === 'number' ? v : 0;
    }
  }
  return t;
}

/** The counter deltas one response adds. */
export function responseDelta(choice: ConsentChoice, areaDm2: number): Partial<ConsentCounts> {
  return choice === 'agree'
    ? { agreeOwners: 1, agreeArea: areaDm2 }
    : choice === 'disagree'
      ? { disagreeOwners: 1, disagreeArea: areaDm2 }
      : { abstainOwners: 1, abstainArea: areaDm2 };
}

/** m² (as the register has it, at most two decimals) → exact integer dm². */
export function toDm2(areaM2: number): number {
  if (!Number.isFinite(areaM2) || areaM2 < 0) throw new Error(`not an area: ${areaM2}`);
  const scaled = Math.round(areaM2 * 100);
  if (Math.abs(areaM2 * 100 - scaled) > 1e-6) throw new Error(`area ${areaM2} m² has more than two decimals`);
  return scaled;
}

/**
 * Eligible owners of a scope: each owner person counts once by headcount (an owner of several flats is one owner,
 * as the Supreme People's Court's interpretation on building ownership art. 9 counts a buyer of several units), with
 * the sum of their exclusive areas.
 */
export function eligibleOwners(owners: readonly { person: string; household: string; area: number }[]): Record<string, number> {
  const byPerson: Record<string, number> = {};
  for (const o of owners) byPerson[o.person] = (byPerson[o.person] ?? 0) + toDm2(o.area);
  return byPerson;
}

/** Who may answer a poll and with what weight, fixed when it opens: each owner's area (dm²) and the totals. */
export interface ConsentElectorate {
  ownerAreas: Record<string, number>;
  eligible: { owners: number; areaDm2: number };
}

/** The electorate a poll opens with, from the owners and areas the register has on the opening day. */
export function openingElectorate(owners: readonly { person: string; household: string; area: number }[]): ConsentElectorate {
  const ownerAreas = eligibleOwners(owners);
  const areaDm2 = Object.values(ownerAreas).reduce((a, b) => a + b, 0);
  return { ownerAreas, eligible: { owners: Object.keys(ownerAreas).length, areaDm2 } };
}

/** Most owners one poll fixes on its item (the eligibility snapshot must fit a DynamoDB item). */
export const MAX_OWNERS = 5000;

/** A poll needs someone to ask, and no more owners than its item can hold (a larger scope is polled compound by compound). */
export function checkElectorate(eligible: ConsentElectorate['eligible']): Refused<'no-owners' | 'too-many-owners'> | undefined {
  if (eligible.owners === 0) return refused('no-owners');
  if (eligible.owners > MAX_OWNERS) return refused('too-many-owners', { owners: eligible.owners });
  return undefined;
}

/** The weight an answer carries: the person's area in the electorate the poll opened with, none if they were not an owner then. */
export function answeringArea(electorate: Pick<ConsentElectorate, 'ownerAreas'>, person: string): number | undefined {
  return Object.hasOwn(electorate.ownerAreas, person) ? electorate.ownerAreas[person] : undefined;
}

export type ConsentConditionResult = z.infer<ReturnType<typeof ConsentCondition>>;

export interface ConsentResult {
  passed: boolean;
  owners: { eligible: number; participating: number; agree: number; disagree: number; abstain: number };
  areaDm2: { eligible: number; participating: number; agree: number; disagree: number; abstain: number };
  conditions: ConsentConditionResult[];
}

function condition(
  name: string,
  measure: ConsentConditionResult['measure'],
  base: ConsentConditionResult['base'],
  part: number,
  whole: number,
  required: Threshold,
): ConsentConditionResult {
  const c = check(part, whole, required);
  return {
    name,
    measure,
    base,
    part,
    whole,
    required,
    held: c.held,
    needed: c.needed,
    margin: c.margin,
    ...(whole > 0 ? { share: reduce(part, whole) } : {}),
  };
}

/**
 * Evaluates a rule: every condition with the share reached, the share required, whether it held and by how much
 * (`margin` in owners, dm² or fen). The poll passes when every condition holds.
 */
export function evaluateConsent(
  rule: ConsentRule,
  eligible: { owners: number; areaDm2: number },
  counts: ConsentCounts,
  propertyFee?: PropertyFee,
): ConsentResult {
  const participatingOwners = counts.agreeOwners + counts.disagreeOwners + counts.abstainOwners;
  const participatingArea = counts.agreeArea + counts.disagreeArea + counts.abstainArea;
  if (participatingOwners > eligible.owners || participatingArea > eligible.areaDm2) {
    throw new Error('more participation than eligible owners or area: counts are inconsistent');
  }
  const conditions: ConsentConditionResult[] = [];
  if (rule === 'seed-renovation') {
    conditions.push(condition('agree-owners', 'owners', 'eligible', counts.agreeOwners, eligible.owners, atLeast(2, 3)));
    conditions.push(
      condition('property-fee-collection', 'property-fee', 'fees-due', propertyFee?.collected ?? 0, propertyFee?.due ?? 0, atLeast(1, 2)),
    );
  } else {
    const approval = rule === 'civil-code-major' ? atLeast(3, 4) : moreThan(1, 2);
    conditions.push(condition('participation-area', 'area', 'eligible', participatingArea, eligible.areaDm2, atLeast(2, 3)));
    conditions.push(condition('participation-owners', 'owners', 'eligible', participatingOwners, eligible.owners, atLeast(2, 3)));
    conditions.push(condition('agree-area', 'area', 'participating', counts.agreeArea, participatingArea, approval));
    conditions.push(condition('agree-owners', 'owners', 'participating', counts.agreeOwners, participatingOwners, approval));
  }
  return {
    passed: conditions.every((c) => c.held),
    owners: {
      eligible: eligible.owners,
      participating: participatingOwners,
      agree: counts.agreeOwners,
      disagree: counts.disagreeOwners,
      abstain: counts.abstainOwners,
    },
    areaDm2: {
      eligible: eligible.areaDm2,
      participating: participatingArea,
      agree: counts.agreeArea,
      disagree: counts.disagreeArea,
      abstain: counts.abstainArea,
    },
    conditions,
  };
}

export const ConsentResultSchema = once(() =>
  z.object({
    passed: z.boolean(),
    owners: z.object({
      eligible: z.number().int(),
      participating: z.number().int(),
      agree: z.number().int(),
      disagree: z.number().int(),
      abstain: z.number().int(),
    }),
    areaDm2: z.object({
      eligible: z.number().int(),
      participating: z.number().int(),
      agree: z.number().int(),
      disagree: z.number().int(),
      abstain: z.number().int(),
    }),
    conditions: z.array(ConsentCondition()),
  }),
);

export const ConsentPoll = once(() =>
  z.object({
    pollId: Id,
    village: PlacePath,
    scope: PlacePath,
    title: z.string(),
    description: z.string().optional(),
    matter: ConsentMatter(),
    rule: ConsentRule(),
    status: z.enum(['open', 'closed']),
    eligible: z.object({ owners: z.number().int().nonnegative(), areaDm2: z.number().int().nonnegative() }),
    propertyFee: PropertyFee().optional(),
    closesAt: IsoDateTime.optional(),
    openedBy: z.string(),
    openedAt: IsoDateTime,
    closedAt: IsoDateTime.optional(),
    result: ConsentResultSchema().optional(),
  }),
);
export type ConsentPoll = z.infer<ReturnType<typeof ConsentPoll>>;

/** An owner's one response to a poll, online by the owner or on paper recorded by a cadre. */
export interface ConsentResponse {
  owner: string;
  choice: ConsentChoice;
  areaDm2: number;
  channel: 'online' | 'paper';
  recordedBy: string;
  at: string;
  evidence?: { key: string; contentType?: string };
}

/**
 * Whether a poll may open: only over a community (or a compound in it), with the property-fee figures the renovation
 * rule needs, closing in the future. Each refusal names the field it is about.
 */
export function checkPollOpening(
  input: { communityKind: string | undefined; rule: ConsentRule; propertyFee: PropertyFee | undefined; closesAt: string | undefined },
  now: Date,
): (Refused<'not-a-community' | 'fee-required' | 'closes-in-past'> & { pointer: string }) | undefined {
  if (input.communityKind !== 'community') return { ...refused('not-a-community'), pointer: '/scope' };
  if (input.rule === 'seed-renovation' && !input.propertyFee) return { ...refused('fee-required'), pointer: '/propertyFee' };
  if (input.closesAt && Date.parse(input.closesAt) <= now.getTime()) return { ...refused('closes-in-past'), pointer: '/closesAt' };
  return undefined;
}

/**
 * An owner's response, once per owner across channels: online by the owner, or a paper form recorded by a cadre with
 * its scan (`pointer` of the missing scan: `/evidence`). Its weight is the owner's area in the electorate the poll
 * opened with; someone who was not an owner then cannot answer.
 */
export function decideResponse(
  poll: Pick<ConsentPoll, 'status' | 'closesAt'>,
  electorate: Pick<ConsentElectorate, 'ownerAreas'>,
  by: { caller: string; cadre: boolean; owner: string | undefined; hasForm: boolean },
  now: Date,
):
  | { owner: string; channel: 'online' | 'paper'; areaDm2: number }
  | Refused<'poll-closed' | 'not-cadre' | 'paper-evidence-required' | 'not-an-owner'> {
  if (poll.status !== 'open' || (poll.closesAt && now.getTime() >= Date.parse(poll.closesAt))) return refused('poll-closed');
  const self = by.owner === undefined || by.owner === by.caller;
  const owner = self ? by.caller : by.owner!;
  if (!self && !by.cadre) return refused('not-cadre');
  if (!self && !by.hasForm) return refused('paper-evidence-required');
  const areaDm2 = answeringArea(electorate, owner);
  if (areaDm2 === undefined) return refused('not-an-owner', { owner });
  return { owner, channel: self ? 'online' : 'paper', areaDm2 };
}
