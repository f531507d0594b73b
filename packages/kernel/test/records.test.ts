import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { Problem, pageQuery, recordOf, refusalsOf, versionedOf } from '../src/index.ts';

describe('records', () => {
  const item = { pk: 'NEED#1', sk: 'NEED', gsi1pk: 'V', gsi1sk: 'x', gsi12pk: 'y', ttl: 1, version: 3, needId: '1', title: 'road' };

  it('leave the table’s own attributes behind', () => {
    expect(recordOf(item)).toEqual({ needId: '1', title: 'road' });
    expect(recordOf(item, { keep: ['version'], drop: ['title'] })).toEqual({ needId: '1', version: 3 });
    expect(versionedOf(item)).toEqual({ value: { needId: '1', title: 'road' }, version: 3 });
    expect(versionedOf({ pk: 'a', sk: 'b' }).version).toBe(0);
  });

  it('page with a bounded limit and an optional cursor', () => {
    const q = z.object(pageQuery({ max: 200, fallback: 20 }));
    expect(q.parse({})).toEqual({ limit: 20 });
    expect(q.parse({ limit: '200', cursor: 'abc' })).toEqual({ limit: 200, cursor: 'abc' });
    expect(q.safeParse({ limit: '201' }).success).toBe(false);
    expect(q.safeParse({ limit: '0' }).success).toBe(false);
  });
});

describe('a refusal catalogue', () => {
  const { codes, refuse, settled } = refusalsOf({
    'too-late': ['conflict', '太晚了。', 'It is too late.'],
    'not-yours': ['forbidden', '不是您的。', 'It is not yours.'],
    'too-big': ['rule', '太大了。', 'It is too big.'],
  });

  it('turns each kind into its status', () => {
    expect(codes).toEqual(['too-late', 'not-yours', 'too-big']);
    const conflict = refuse('too-late', { current: 'closed' });
    expect([conflict.status, conflict.code, conflict.extensions]).toEqual([409, 'too-late', { current: 'closed' }]);
    const forbidden = refuse('not-yours');
    expect([forbidden.status, forbidden.code, forbidden.extensions.reason]).toEqual([403, 'forbidden', 'not-yours']);
    const rule = refuse('too-big', {}, '/amount');
    expect([rule.status, rule.code, rule.errors[0]?.pointer, rule.render('zh-CN').detail]).toEqual([422, 'too-big', '/amount', '太大了。']);
  });

  it('names a forbidden refusal by its code where asked, and carries several field errors', () => {
    const named = refusalsOf(
      { 'not-yours': ['forbidden', '不是您的。', 'It is not yours.'], 'too-big': ['rule', '太大了。', 'It is too big.'] },
      { namedForbidden: ['not-yours'] },
    );
    const p = named.refuse('not-yours');
    expect([p.status, p.code, p.extensions.reason]).toEqual([403, 'not-yours', 'not-yours']);
    const fields = named.refuseFields('too-big', [
      { in: 'body', pointer: '/a', rule: 'max', message: 'a too big' },
      { in: 'body', pointer: '/b', rule: 'max', message: 'b too big' },
    ]);
    expect([fields.status, fields.code, fields.errors.map((e) => e.pointer)]).toEqual([422, 'too-big', ['/a', '/b']]);
    const forbidden = named.refuseFields('not-yours', [{ in: 'body', pointer: '/owner', rule: 'not-yours', message: 'x' }]);
    expect([forbidden.status, forbidden.errors.map((e) => e.pointer)]).toEqual([403, ['/owner']]);
    expect(() => refusalsOf({ 'too-big': ['rule', '太大了。', 'It is too big.'] }, { namedForbidden: ['too-big'] })).toThrow(
      /not a forbidden/,
    );
  });

  it('settles a decision into its value or throws its refusal', () => {
    expect(settled({ next: 1 })).toEqual({ next: 1 });
    expect(() => settled({ refused: 'too-late' as const })).toThrow(Problem);
  });
});
