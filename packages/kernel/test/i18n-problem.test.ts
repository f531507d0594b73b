import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { localeFrom, Problem, type ProblemExtensions, problems } from '../src/index.ts';

describe('localeFrom (Accept-Language)', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.3, zh-TW;q=0.9', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['de', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
  ])('%s → %s', (header, expected) => {
    expect(localeFrom(header)).toBe(expected);
  });
});

describe('problems', () => {
  it('names every bad field with a JSON pointer and the rule it broke', () => {
    const schema = z.object({ place: z.string().min(3), items: z.array(z.object({ amount: z.number().int() })) });
    const result = schema.safeParse({ place: 'a', items: [{ amount: 1 }, { amount: 1.5 }] });
    expect(result.success).toBe(false);
    const p = problems.invalid('body', result.error!);
    expect(p.status).toBe(422);
    const rendered = p.render('en', '/x');
    expect(rendered).toMatchObject({ status: 422, code: 'validation-failed', instance: '/x' });
    expect(rendered.errors).toEqual([
      expect.objectContaining({ in: 'body', pointer: '/place', rule: 'too_small' }),
      expect.objectContaining({ in: 'body', pointer: '/items/1/amount', rule: 'invalid_type' }),
    ]);
  });

  it('renders title and detail in the caller’s language', () => {
    const p = problems.conflict('already-voted', { zh: '已经投过票', en: 'Already voted' });
    expect(p.render('zh-CN')).toMatchObject({ status: 409, title: '与当前状态冲突', detail: '已经投过票' });
    expect(p.render('en')).toMatchObject({ title: 'Conflict with current state', detail: 'Already voted' });
  });

  it('uses 400 for a bad query or path and 422 for a bad body', () => {
    const err = z.object({ a: z.string() }).safeParse({}).error!;
    expect(problems.invalid('query', err).status).toBe(400);
    expect(problems.invalid('path', err).status).toBe(400);
    expect(problems.invalid('body', err).status).toBe(422);
  });

  it('never lets an extension replace a member the problem owns', () => {
    // Built as a caller holding a loosely typed record would, past the compile-time refusal.
    const loose: Record<string, unknown> = {
      status: 'closed',
      type: 'https://evil.example/x',
      title: 'Fine',
      detail: 'All good',
      instance: '/elsewhere',
      code: 'ok',
      errors: [],
      current: 'closed',
    };
    const p = new Problem(
      409,
      'wrong-status',
      { zh: '冲突', en: 'Conflict' },
      { zh: '状态不对', en: 'Wrong status' },
      loose as ProblemExtensions,
    );
    expect(p.render('en', '/projects/p1')).toEqual({
      type: 'https://cocreate.example.cn/problems/wrong-status',
      title: 'Conflict',
      status: 409,
      detail: 'Wrong status',
      instance: '/projects/p1',
      code: 'wrong-status',
      current: 'closed',
    });
    // Without a detail or an instance of its own, the problem still leaves those members out rather than take them.
    const bare = new Problem(404, 'not-found', { zh: '未找到', en: 'Not found' }, undefined, loose as ProblemExtensions);
    expect(bare.render('en')).not.toHaveProperty('detail');
    expect(bare.render('en')).not.toHaveProperty('instance');
  });

  it('names a refusal the caller can act on in both code and type', () => {
    const p = problems.forbidden({ zh: '不能为本户销号。', en: 'Not your own household.' }, {}, 'own-household');
    expect(p.render('en')).toMatchObject({
      status: 403,
      code: 'own-household',
      type: 'https://cocreate.example.cn/problems/own-household',
      title: 'Forbidden',
    });
    expect(problems.forbidden({ zh: '不行', en: 'No' }).render('en')).toMatchObject({ code: 'forbidden' });
  });
});
