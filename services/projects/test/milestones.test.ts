import { describe, expect, it } from 'vitest';
import { canPlanMilestones, checkCompletion, isPhotoOrVideo, progressOf } from '../domain/milestones.ts';

describe('progress', () => {
  it('is derived from the weights of completed milestones only', () => {
    expect(progressOf([])).toEqual({ completedWeight: 0, totalWeight: 0, percent: 0 });
    expect(
      progressOf([
        { weight: 30, completed: true },
        { weight: 70, completed: false },
      ]),
    ).toEqual({ completedWeight: 30, totalWeight: 100, percent: 30 });
    expect(
      progressOf([
        { weight: 1, completed: true },
        { weight: 2, completed: false },
      ]).percent,
    ).toBe(33.3);
    // Rounded down: 100 only when every milestone is complete.
    expect(
      progressOf([
        { weight: 999, completed: true },
        { weight: 1, completed: false },
      ]).percent,
    ).toBe(99.9);
    expect(
      progressOf([
        { weight: 2, completed: true },
        { weight: 1, completed: true },
      ]).percent,
    ).toBe(100);
  });
});

describe('the hidden-works evidence gate (隐蔽工程)', () => {
  const hidden = { hiddenWorks: true, completed: false };
  const plain = { hiddenWorks: false, completed: false };

  it('refuses hidden works without evidence', () => {
    expect(checkCompletion('in-construction', hidden, [])).toEqual({ refused: 'evidence-required' });
  });

  it('accepts only photos and videos for hidden works', () => {
    expect(checkCompletion('in-construction', hidden, [{ key: 'a.pdf', contentType: 'application/pdf' }])).toEqual({
      refused: 'evidence-not-photo-or-video',
      detail: { keys: ['a.pdf'] },
    });
    expect(checkCompletion('in-construction', hidden, [{ key: 'a.jpg', contentType: 'image/jpeg' }])).toEqual({ ok: true });
    expect(checkCompletion('in-construction', hidden, [{ key: 'a.mp4', contentType: 'video/mp4' }])).toEqual({ ok: true });
    expect(checkCompletion('in-construction', hidden, [{ key: 'x' }])).toEqual({
      refused: 'evidence-not-photo-or-video',
      detail: { keys: ['x'] },
    });
  });

  it('lets ordinary milestones complete without evidence', () => {
    expect(checkCompletion('in-construction', plain, [])).toEqual({ ok: true });
    expect(checkCompletion('rectification', plain, [])).toEqual({ ok: true });
  });

  it('completes milestones only while building, and only once', () => {
    expect(checkCompletion('approved', plain, [])).toMatchObject({ refused: 'not-building', detail: { stage: 'approved' } });
    expect(checkCompletion('initial-acceptance', plain, [])).toMatchObject({
      refused: 'not-building',
      detail: { stage: 'initial-acceptance' },
    });
    expect(checkCompletion('in-construction', { hiddenWorks: false, completed: true }, [])).toEqual({ refused: 'already-completed' });
  });

  it('knows a photo or video when it sees one', () => {
    expect(isPhotoOrVideo('image/heic')).toBe(true);
    expect(isPhotoOrVideo('video/quicktime')).toBe(true);
    expect(isPhotoOrVideo('text/plain')).toBe(false);
    expect(isPhotoOrVideo(undefined)).toBe(false);
  });

  it('plans milestones until construction, not after', () => {
    expect(canPlanMilestones('survey')).toBe(true);
    expect(canPlanMilestones('in-construction')).toBe(true);
    expect(canPlanMilestones('initial-acceptance')).toBe(false);
    expect(canPlanMilestones('archived')).toBe(false);
  });
});
