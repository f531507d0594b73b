import { describe, expect, it } from 'vitest';
import { refused } from '@cocreate/contracts';
import {
  type Article,
  Articles,
  type CompactVersion,
  DraftCompact,
  adopt,
  adoptParked,
  checkEditable,
  diffArticles,
  draftAmendment,
  draftCompact,
  editDraft,
  findViolationType,
  inForceDate,
  maintenanceTemplate,
  submitDraft,
  versionInForce,
} from '../domain/compacts.ts';

const village = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const compactId = '01JD7Z8Q9W3V4X5Y6Z7A8B9C0C';
const proposalId = '01JD7Z8Q9W3V4X5Y6Z7A8B9C0P';

const article = (id: string, deduction: number): Article => ({
  articleId: id,
  title: `第${id}条`,
  text: '垃圾分类投放。',
  violationTypes: [{ code: 'rubbish-not-sorted', name: '垃圾未分类', handling: { pointsDeduction: deduction, rectificationDays: 7 } }],
});

const version = (
  n: number,
  status: CompactVersion['status'],
  inForceFrom?: string,
  articles = [article('art-5', n * 5)],
): CompactVersion => ({
  compactId,
  village,
  kind: 'village-rules',
  version: n,
  title: '马家桥村村规民约',
  articles,
  status,
  revision: 1,
  createdAt: '2026-03-01T00:00:00.000Z',
  createdBy: 'p-majiaqiao-01',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...(inForceFrom ? { inForceFrom } : {}),
});

describe('the version in force on a date', () => {
  const versions = [version(1, 'adopted', '2026-04-15'), version(2, 'adopted', '2026-09-01'), version(3, 'draft'), version(4, 'submitted')];

  it('is none before the first version came into force', () => {
    expect(versionInForce(versions, '2026-04-14')).toBeUndefined();
    expect(versionInForce([], '2026-04-14')).toBeUndefined();
  });

  it('is version 1 from its first day up to the day before the amendment', () => {
    expect(versionInForce(versions, '2026-04-15')?.version).toBe(1);
    expect(versionInForce(versions, '2026-06-30')?.version).toBe(1);
    expect(versionInForce(versions, '2026-08-31')?.version).toBe(1);
  });

  it('is the amendment from the day of change on', () => {
    expect(versionInForce(versions, '2026-09-01')?.version).toBe(2);
    expect(versionInForce(versions, '2030-01-01')?.version).toBe(2);
  });

  it('never is a draft or a submitted version', () => {
    const onlyDrafts = [version(1, 'draft', '2026-01-01'), version(2, 'submitted', '2026-01-01')];
    expect(versionInForce(onlyDrafts, '2026-06-01')).toBeUndefined();
  });

  it('goes by in-force date, not by version number, and breaks a same-day tie by the higher version', () => {
    const late = [version(2, 'adopted', '2026-05-01'), version(1, 'adopted', '2026-06-01')];
    expect(versionInForce(late, '2026-05-15')?.version).toBe(2);
    expect(versionInForce(late, '2026-06-01')?.version).toBe(1);
    const sameDay = [version(3, 'adopted', '2026-05-01'), version(2, 'adopted', '2026-05-01')];
    expect(versionInForce(sameDay, '2026-05-01')?.version).toBe(3);
  });
});

describe('adopting a version by a final decision', () => {
  const now = new Date('2026-04-20T02:00:00Z');

  it('takes the decision day in China time as the in-force date', () => {
    expect(inForceDate('2026-04-14T17:00:00Z')).toBe('2026-04-15');
    expect(inForceDate('2026-04-14T10:00:00+08:00')).toBe('2026-04-14');
  });

  it('keeps a later start date the draft proposed, never an earlier one', () => {
    expect(inForceDate('2026-04-14T10:00:00+08:00', '2026-05-01')).toBe('2026-05-01');
    expect(inForceDate('2026-04-14T10:00:00+08:00', '2026-03-01')).toBe('2026-04-14');
    expect(inForceDate('2026-04-14T10:00:00+08:00', undefined, '2026-04-20T01:00:00Z')).toBe('2026-04-20');
  });

  it('adopts a submitted (or still draft) version, freezing it with the decision’s details', () => {
    for (const status of ['submitted', 'draft'] as const) {
      const out = adopt(version(1, status), { proposalId, village, decidedAt: '2026-04-15T10:00:00+08:00' }, now);
      expect('adopt' in out && out.adopt).toMatchObject({
        status: 'adopted',
        inForceFrom: '2026-04-15',
        proposalId,
        decidedAt: '2026-04-15T10:00:00+08:00',
      });
      expect('adopt' in out && checkEditable(out.adopt)).toEqual(refused('version-frozen'));
    }
  });

  it('changes nothing when the version is already in force (a repeated decision)', () => {
    expect(adopt(version(1, 'adopted', '2026-04-15'), { proposalId, village, decidedAt: '2026-05-01T00:00:00Z' }, now)).toEqual({
      skip: 'already-adopted',
    });
  });

  it('never applies a decision of another village', () => {
    expect(
      adopt(
        version(1, 'submitted'),
        { proposalId, village: 'hubei/huanggang/hongan/qiliping/changsheng', decidedAt: '2026-04-15T00:00:00Z' },
        now,
      ),
    ).toEqual({
      park: 'village-mismatch',
    });
  });

  it('applies a parked decision only to a submitted text, from no earlier than its submission', () => {
    const decision = { proposalId, village, decidedAt: '2026-04-10T10:00:00+08:00' };
    expect(adoptParked(version(2, 'draft'), decision, now)).toEqual({ park: 'not-submitted' });
    const submitted = { ...version(2, 'submitted'), submittedAt: '2026-04-20T02:00:00.000Z' };
    const out = adoptParked(submitted, decision, now);
    expect('adopt' in out && out.adopt.inForceFrom).toBe('2026-04-20');
  });
});

describe('articles', () => {
  it('need unique ids and violation codes unique across the version', () => {
    expect(Articles().safeParse([article('art-1', 5), article('art-2', 5)]).success).toBe(false);
    const twice = Articles().safeParse([article('art-1', 5), { ...article('art-1', 5), violationTypes: [] }]);
    expect(twice.success).toBe(false);
    expect(Articles().safeParse([article('art-1', 5)]).success).toBe(true);
    expect(Articles().safeParse([]).success).toBe(false);
  });

  it('refer a violation only to one of the four councils, and refuse unknown handling fields', () => {
    const bad = { ...article('art-1', 5), violationTypes: [{ code: 'x', name: 'x', handling: { referralTo: 'police' } }] };
    expect(Articles().safeParse([bad]).success).toBe(false);
    const extra = { ...article('art-1', 5), violationTypes: [{ code: 'x', name: 'x', handling: { fine: 100 } }] };
    expect(Articles().safeParse([extra]).success).toBe(false);
    const ok = { ...article('art-1', 5), violationTypes: [{ code: 'x', name: 'x', handling: { referralTo: 'morality-review-council' } }] };
    expect(Articles().safeParse([ok]).success).toBe(true);
  });

  it('a draft names a village path and at least one article', () => {
    const r = DraftCompact().safeParse({ village: 'Not A Path', kind: 'village-rules', title: '', articles: [] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('/')).sort()).toEqual(['articles', 'title', 'village']);
  });

  it('finds the article defining a violation type', () => {
    const v = version(1, 'adopted', '2026-04-15', [{ ...article('art-1', 1), violationTypes: [] }, article('art-5', 5)]);
    expect(findViolationType(v, 'rubbish-not-sorted')?.article.articleId).toBe('art-5');
    expect(findViolationType(v, 'unknown')).toBeUndefined();
  });

  it('diffs two versions by article id', () => {
    const before = [article('art-1', 1), article('art-2', 2)].map((a, i) => ({ ...a, violationTypes: i ? [] : a.violationTypes }));
    const after = [
      { ...before[0]!, text: '修改后的条文' },
      { ...article('art-3', 3), violationTypes: [] },
    ];
    expect(diffArticles(before, after)).toEqual({ added: ['art-3'], removed: ['art-2'], changed: ['art-1'] });
    expect(diffArticles(before, before)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('the maintenance template is a valid compact text', () => {
    const t = maintenanceTemplate('马家桥村');
    expect(t.title).toContain('马家桥村');
    expect(Articles().safeParse(t.articles).success).toBe(true);
  });
});

describe('drafting, editing and submitting', () => {
  const by = { by: 'p-majiaqiao-01', at: '2026-10-12T02:00:00.000Z' };

  it('a new compact is its header and a version 1 draft', () => {
    const { compact, version: v } = draftCompact(
      { village, kind: 'village-rules', title: '村规民约', articles: [article('art-5', 5)], effectiveFrom: '2026-11-01' },
      compactId,
      'drafted',
      by,
    );
    expect(compact).toEqual({
      compactId,
      village,
      kind: 'village-rules',
      title: '村规民约',
      latestVersion: 1,
      origin: 'drafted',
      createdAt: by.at,
      createdBy: by.by,
    });
    expect(v).toMatchObject({ version: 1, status: 'draft', revision: 1, effectiveFrom: '2026-11-01', updatedAt: by.at });
  });

  it('an amendment takes the next number and starts from the version in force (else the latest)', () => {
    const { compact } = draftCompact({ village, kind: 'village-rules', title: 't', articles: [] }, compactId, 'drafted', by);
    const header = { ...compact, latestVersion: 3 };
    const versions = [
      version(1, 'adopted', '2026-04-15', [article('a', 1)]),
      version(2, 'adopted', '2026-09-01', [article('b', 2)]),
      version(3, 'draft'),
    ];
    const next = draftAmendment(header, versions, {}, '2026-10-12', by);
    expect(next).toMatchObject({ version: 4, status: 'draft', articles: [article('b', 2)] });
    expect(draftAmendment(header, [version(3, 'draft', undefined, [article('c', 3)])], {}, '2026-10-12', by).articles).toEqual([
      article('c', 3),
    ]);
  });

  it('an edit needs the current revision and a draft; a proposed start date can be cleared', () => {
    const current = { ...version(2, 'draft'), effectiveFrom: '2026-11-01', revision: 3 };
    const edited = editDraft(current, { revision: 3, title: '新标题', effectiveFrom: null }, by.at);
    expect(edited).toMatchObject({ title: '新标题', revision: 4, updatedAt: by.at });
    expect('effectiveFrom' in (edited as CompactVersion)).toBe(false);
    expect(editDraft(current, { revision: 2, title: 'x' }, by.at)).toEqual(refused('stale-revision', { revision: 3 }));
    expect(editDraft(version(2, 'submitted'), { revision: 1, title: 'x' }, by.at)).toEqual(refused('version-frozen'));
  });

  it('submission freezes a draft once; a submitted version is left as it is, an adopted one refused', () => {
    expect(submitDraft(version(2, 'draft'), by)).toEqual({
      submitted: { ...version(2, 'draft'), status: 'submitted', submittedAt: by.at, submittedBy: by.by, updatedAt: by.at },
    });
    expect(submitDraft(version(2, 'submitted'), by)).toEqual({ unchanged: version(2, 'submitted') });
    expect(submitDraft(version(2, 'adopted', '2026-04-15'), by)).toEqual(refused('version-frozen'));
  });
});
