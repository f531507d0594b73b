import * as z from 'zod';
import { once, Id, IsoDate, IsoDateTime, PlacePath, type Refused, refused, said, says } from '@cocreate/contracts';
import { chinaDay } from '@cocreate/places';

/**
 * Compacts (村规民约 village rules, 管护公约 maintenance compacts): versioned documents of articles. An article may
 * name violation types and the handling the village agreed for each. Cadres draft versions here; a version comes
 * into force only when deliberation's final decision on it arrives, from a date; the version in force on any date is
 * the adopted version with the latest in-force date on or before it.
 */

/** The four councils of 一约四会; a handling may refer a violation to one of them. */
export const CouncilKind = once(() =>
  z.enum([
    'deliberation-council', // 村民议事会
    'weddings-funerals-council', // 红白理事会
    'anti-drug-gambling-council', // 禁毒禁赌会
    'morality-review-council', // 道德评议会 (hears appeals)
  ]),
);
export type CouncilKind = z.infer<ReturnType<typeof CouncilKind>>;

export const CompactKind = once(() => z.enum(['village-rules', 'maintenance']));
export type CompactKind = z.infer<ReturnType<typeof CompactKind>>;

/** The handling an article agreed for a violation type (a stricter form of the contract's `Handling`). */
export const ArticleHandling = once(() =>
  z
    .object({
      /** Love points (爱心积分) deducted from the person answering for the household. */
      pointsDeduction: z.number().int().min(0).max(1000).optional(),
      /** The household is named (masked) on the public black list. */
      publicListing: z.boolean().optional(),
      /** The household must rectify (整改) within this many days of the violation being recorded. */
      rectificationDays: z.number().int().min(1).max(365).optional(),
      /** The matter is referred to one of the four councils. */
      referralTo: CouncilKind().optional(),
    })
    .strict(),
);
export type ArticleHandling = z.infer<ReturnType<typeof ArticleHandling>>;

/** Violation type codes are stable across versions (`rubbish-not-sorted`), so a violation finds its article by code. */
export const ViolationTypeCode = once(() =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, says({ zh: '小写代码，如 rubbish-not-sorted', en: 'lower-case code, e.g. rubbish-not-sorted' })),
);

export const ViolationTypeDef = once(() =>
  z
    .object({
      code: ViolationTypeCode(),
      name: z.string().trim().min(1).max(100),
      handling: ArticleHandling(),
    })
    .strict(),
);
export type ViolationTypeDef = z.infer<ReturnType<typeof ViolationTypeDef>>;

export const Article = once(() =>
  z
    .object({
      articleId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, says({ zh: '小写编号，如 art-5', en: 'lower-case id, e.g. art-5' })),
      title: z.string().trim().min(1).max(200),
      text: z.string().trim().min(1).max(5000),
      violationTypes: z.array(ViolationTypeDef()).max(20).default([]),
    })
    .strict(),
);
export type Article = z.infer<ReturnType<typeof Article>>;

/** A version's articles: ids unique, violation type codes unique across the whole version. */
export const Articles = once(() =>
  z
    .array(Article())
    .min(1)
    .max(60)
    .superRefine((articles, ctx) => {
      const ids = new Set<string>();
      const codes = new Set<string>();
      articles.forEach((a, i) => {
        if (ids.has(a.articleId)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'articleId'],
            message: said({ zh: `条款 ${a.articleId} 重复出现`, en: `article ${a.articleId} appears twice` }),
          });
        }
        ids.add(a.articleId);
        a.violationTypes.forEach((t, j) => {
          if (codes.has(t.code)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'violationTypes', j, 'code'],
              message: said({ zh: `违约类型 ${t.code} 重复出现`, en: `violation type ${t.code} appears twice` }),
            });
          }
          codes.add(t.code);
        });
      });
    }),
);

export const VersionStatus = once(() => z.enum(['draft', 'submitted', 'adopted']));
export type VersionStatus = z.infer<ReturnType<typeof VersionStatus>>;

export const CompactVersion = once(() =>
  z.object({
    compactId: Id,
    village: PlacePath,
    kind: CompactKind(),
    version: z.number().int().positive(),
    title: z.string(),
    articles: z.array(Article()),
    status: VersionStatus(),
    /** A start date the draft itself proposes (e.g. "from 1 May"); never before the decision. */
    effectiveFrom: IsoDate.optional(),
    /** Edit counter for optimistic concurrency on drafts. */
    revision: z.number().int().positive(),
    createdAt: IsoDateTime,
    createdBy: z.string(),
    updatedAt: IsoDateTime,
    submittedAt: IsoDateTime.optional(),
    submittedBy: z.string().optional(),
    /** Set when deliberation's final decision adopted it. */
    inForceFrom: IsoDate.optional(),
    proposalId: Id.optional(),
    decidedAt: IsoDateTime.optional(),
    adoptedAt: IsoDateTime.optional(),
  }),
);
export type CompactVersion = z.infer<ReturnType<typeof CompactVersion>>;

export const Compact = once(() =>
  z.object({
    compactId: Id,
    village: PlacePath,
    kind: CompactKind(),
    title: z.string(),
    latestVersion: z.number().int().positive(),
    /** `template`: created by the service for facilities handed over (see README). */
    origin: z.enum(['drafted', 'template']),
    createdAt: IsoDateTime,
    createdBy: z.string(),
  }),
);
export type Compact = z.infer<ReturnType<typeof Compact>>;

/** What a cadre sends to start a compact (its version 1). */
export const DraftCompact = once(() =>
  z
    .object({
      village: PlacePath,
      kind: CompactKind(),
      title: z.string().trim().min(1).max(200),
      articles: Articles(),
      effectiveFrom: IsoDate.optional(),
      /**
       * Only for compacts drafted elsewhere and registered here under the id deliberation already knows (migration,
       * recovery); normally the service mints the id.
       */
      compactId: Id.optional(),
    })
    .strict(),
);
export type DraftCompact = z.infer<ReturnType<typeof DraftCompact>>;

/** An amendment: a new draft version, starting from the latest version's articles unless others are given. */
export const DraftAmendment = once(() =>
  z
    .object({
      title: z.string().trim().min(1).max(200).optional(),
      articles: Articles().optional(),
      effectiveFrom: IsoDate.optional(),
    })
    .strict(),
);
export type DraftAmendment = z.infer<ReturnType<typeof DraftAmendment>>;

export const EditDraft = once(() =>
  z
    .object({
      /** The revision the edit was made from; a stale one is refused (409) so concurrent edits are not lost. */
      revision: z.number().int().positive(),
      title: z.string().trim().min(1).max(200).optional(),
      articles: Articles().optional(),
      effectiveFrom: IsoDate.nullable().optional(),
    })
    .strict(),
);
export type EditDraft = z.infer<ReturnType<typeof EditDraft>>;

/** The decision that adopts a version, as deliberation's DecisionFinal carries it. */
export interface AdoptingDecision {
  proposalId: string;
  village: string;
  decidedAt: string;
}

/**
 * The version in force on `on` (YYYY-MM-DD): among adopted versions, the one with the latest in-force date on or
 * before that day (a version is in force from the start of its in-force date). Two versions in force from the same
 * day: the higher version number wins. Undefined before the first version came into force.
 */
export function versionInForce<V extends Pick<CompactVersion, 'version' | 'inForceFrom' | 'status'>>(
  versions: readonly V[],
  on: string,
): V | undefined {
  let best: V | undefined;
  for (const v of versions) {
    if (v.status !== 'adopted' || !v.inForceFrom || v.inForceFrom > on) continue;
    if (!best || v.inForceFrom > best.inForceFrom! || (v.inForceFrom === best.inForceFrom && v.version > best.version)) {
      best = v;
    }
  }
  return best;
}

/**
 * The day a decided version comes into force: the day of the final decision (China time), or the later start date
 * the draft proposed, and never before the text was frozen (a decision that waited for its draft — see README).
 */
export function inForceDate(decidedAt: string, effectiveFrom?: string, frozenAt?: string): string {
  return latestDate(chinaDay(decidedAt), effectiveFrom, frozenAt ? chinaDay(frozenAt) : undefined);
}

/** The latest of some dates (undefined ones ignored). */
export function latestDate(...dates: (string | undefined)[]): string {
  const present = dates.filter((d): d is string => d !== undefined).sort();
  const last = present.at(-1);
  if (!last) throw new Error('latestDate needs at least one date');
  return last;
}

export type AdoptionOutcome = { adopt: CompactVersion } | { skip: 'already-adopted' } | { park: 'village-mismatch' | 'not-submitted' };

/**
 * Applies a final decision to a version. A draft or submitted version is adopted (and frozen); one already adopted
 * is left alone (a repeated decision changes nothing); a decision from another village is never applied.
 */
export function adopt(version: CompactVersion, decision: AdoptingDecision, now: Date): AdoptionOutcome {
  if (decision.village !== version.village) return { park: 'village-mismatch' };
  if (version.status === 'adopted') return { skip: 'already-adopted' };
  const at = now.toISOString();
  return {
    adopt: {
      ...version,
      status: 'adopted',
      inForceFrom: inForceDate(decision.decidedAt, version.effectiveFrom),
      proposalId: decision.proposalId,
      decidedAt: decision.decidedAt,
      adoptedAt: at,
      updatedAt: at,
    },
  };
}

/** Adopting on submission a decision that arrived before its draft existed: in force no earlier than the freeze. */
export function adoptParked(version: CompactVersion, decision: AdoptingDecision, now: Date): AdoptionOutcome {
  if (decision.village !== version.village) return { park: 'village-mismatch' };
  if (version.status === 'adopted') return { skip: 'already-adopted' };
  if (version.status !== 'submitted' || !version.submittedAt) return { park: 'not-submitted' };
  const at = now.toISOString();
  return {
    adopt: {
      ...version,
      status: 'adopted',
      inForceFrom: inForceDate(decision.decidedAt, version.effectiveFrom, version.submittedAt),
      proposalId: decision.proposalId,
      decidedAt: decision.decidedAt,
      adoptedAt: at,
      updatedAt: at,
    },
  };
}

/** Article ids added, removed and changed from one version to the next (for CompactAmended). */
export function diffArticles(
  before: readonly Article[],
  after: readonly Article[],
): { added: string[]; removed: string[]; changed: string[] } {
  const prev = new Map(before.map((a) => [a.articleId, JSON.stringify(a)]));
  const next = new Map(after.map((a) => [a.articleId, JSON.stringify(a)]));
  return {
    added: [...next.keys()].filter((id) => !prev.has(id)),
    removed: [...prev.keys()].filter((id) => !next.has(id)),
    changed: [...next.keys()].filter((id) => prev.has(id) && prev.get(id) !== next.get(id)),
  };
}

/** The article of a version that defines a violation type, with the type's agreed handling. */
export function findViolationType(
  version: Pick<CompactVersion, 'articles'>,
  code: string,
): { article: Article; type: ViolationTypeDef } | undefined {
  for (const article of version.articles) {
    const type = article.violationTypes.find((t) => t.code === code);
    if (type) return { article, type };
  }
  return undefined;
}

/** Only a draft can be edited or submitted; submission freezes the text deliberation votes on. */
export function checkEditable(version: Pick<CompactVersion, 'status'>): 'ok' | Refused<'version-frozen'> {
  return version.status === 'draft' ? 'ok' : refused('version-frozen');
}

/** Who drafts and when: the facts a new version carries besides its text. */
export interface Drafting {
  by: string;
  at: string;
}

/** A new compact: its header and its version 1, a draft. */
export function draftCompact(
  body: Omit<DraftCompact, 'compactId'>,
  compactId: string,
  origin: Compact['origin'],
  drafting: Drafting,
): { compact: Compact; version: CompactVersion } {
  const { by, at } = drafting;
  return {
    compact: {
      compactId,
      village: body.village,
      kind: body.kind,
      title: body.title,
      latestVersion: 1,
      origin,
      createdAt: at,
      createdBy: by,
    },
    version: {
      compactId,
      village: body.village,
      kind: body.kind,
      version: 1,
      title: body.title,
      articles: body.articles,
      status: 'draft',
      ...(body.effectiveFrom ? { effectiveFrom: body.effectiveFrom } : {}),
      revision: 1,
      createdAt: at,
      createdBy: by,
      updatedAt: at,
    },
  };
}

/**
 * An amendment: the next version, a draft. It revises the rules people live by now: it starts from the version in
 * force on `today`, or, before any is, from the latest draft, unless the body gives the text.
 */
export function draftAmendment(
  compact: Compact,
  versions: readonly CompactVersion[],
  body: DraftAmendment,
  today: string,
  drafting: Drafting,
): CompactVersion {
  const latest = versionInForce(versions, today) ?? versions.reduce((a, b) => (b.version > a.version ? b : a));
  return {
    compactId: compact.compactId,
    village: compact.village,
    kind: compact.kind,
    version: compact.latestVersion + 1,
    title: body.title ?? latest.title,
    articles: body.articles ?? latest.articles,
    status: 'draft',
    ...(body.effectiveFrom ? { effectiveFrom: body.effectiveFrom } : {}),
    revision: 1,
    createdAt: drafting.at,
    createdBy: drafting.by,
    updatedAt: drafting.at,
  };
}

/** An edit of a draft made from revision `body.revision`: refused once frozen or when someone edited meanwhile. */
export function editDraft(
  current: CompactVersion,
  body: EditDraft,
  at: string,
): CompactVersion | Refused<'version-frozen' | 'stale-revision'> {
  const editable = checkEditable(current);
  if (editable !== 'ok') return editable;
  if (body.revision !== current.revision) return refused('stale-revision', { revision: current.revision });
  const { effectiveFrom: _old, ...rest } = current;
  const effectiveFrom = body.effectiveFrom === null ? undefined : (body.effectiveFrom ?? current.effectiveFrom);
  return {
    ...rest,
    ...(body.title ? { title: body.title } : {}),
    ...(body.articles ? { articles: body.articles } : {}),
    ...(effectiveFrom ? { effectiveFrom } : {}),
    revision: current.revision + 1,
    updatedAt: at,
  };
}

/**
 * Submission for deliberation freezes a draft (the revision is still the one it was read at; the repository moves it
 * on). Submitting a submitted version again changes nothing: `unchanged`.
 */
export function submitDraft(
  current: CompactVersion,
  drafting: Drafting,
): { unchanged: CompactVersion } | { submitted: CompactVersion } | Refused<'version-frozen'> {
  if (current.status === 'submitted') return { unchanged: current };
  const editable = checkEditable(current);
  if (editable !== 'ok') return editable;
  return { submitted: { ...current, status: 'submitted', submittedAt: drafting.at, submittedBy: drafting.by, updatedAt: drafting.at } };
}

/** A final decision that arrived for a compact version the service does not hold (yet). */
export interface ParkedDecision {
  compactId: string;
  version: number;
  village: string;
  proposalId: string;
  title: string;
  decidedAt: string;
  eventId: string;
  reason: 'unknown-compact' | 'unknown-version' | 'village-mismatch' | 'not-submitted';
  parkedAt: string;
}

/**
 * The standard maintenance compact (管护公约) the service drafts for a village the first time a project hands a
 * facility over and the village has no maintenance compact yet. It is only a draft: the village edits it and
 * adopts it through deliberation like any compact.
 */
export function maintenanceTemplate(villageName: string): { title: string; articles: Article[] } {
  return {
    title: `${villageName}公共设施管护公约 / Maintenance compact for public facilities`,
    articles: [
      {
        articleId: 'art-1',
        title: '管护责任 / Who looks after what',
        text: '项目移交的公共设施、公共空间由村集体统一登记，优先由党员、中心户和农户认领管护。Facilities and spaces handed over are registered by the village and adopted first by party members, central households and households.',
        violationTypes: [],
      },
      {
        articleId: 'art-2',
        title: '爱护设施 / Care of facilities',
        text: '不得损坏、私占公共设施。Nobody may damage or take over a public facility for private use.',
        violationTypes: [
          {
            code: 'facility-damaged',
            name: '损坏公共设施 / damaging a public facility',
            handling: { pointsDeduction: 10, publicListing: true, rectificationDays: 15 },
          },
          {
            code: 'public-space-occupied',
            name: '私占公共空间 / occupying a public space',
            handling: { pointsDeduction: 5, rectificationDays: 7 },
          },
        ],
      },
      {
        articleId: 'art-3',
        title: '认领管护 / Upkeep by adopters',
        text: '认领人应定期清扫维护所认领的设施，并记录管护情况。Adopters keep what they adopted clean and in repair and log their upkeep.',
        violationTypes: [
          {
            code: 'adopted-space-neglected',
            name: '认领后疏于管护 / neglecting an adopted space',
            handling: { pointsDeduction: 3, rectificationDays: 7 },
          },
        ],
      },
    ],
  };
}
