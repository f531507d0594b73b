import { describe, expect, it } from 'vitest';
import { boardPhotoOf, publicPhotosOf } from '../domain/photos.ts';

const m = { projectId: '01J0000000000000000000000P', milestoneId: '01J0000000000000000000000M', title: '排水管' };
const at = '2026-05-01T02:00:00.000Z';

describe('which verified evidence goes on the board as a photo', () => {
  it('publishes JPEG, PNG and WebP in their order, never a PDF, video, HEIC, text or an unchecked type', () => {
    const photos = publicPhotosOf(
      { ...m, caption: '回填前' },
      'in-construction',
      [
        { key: 'a', contentType: 'application/pdf' },
        { key: 'b', contentType: 'image/jpeg' },
        { key: 'c', contentType: 'video/mp4' },
        { key: 'd', contentType: 'image/heic' },
        { key: 'e' },
        { key: 'f', contentType: 'image/webp' },
        { key: 'g', contentType: 'text/plain' },
        { key: 'h', contentType: 'image/png' },
      ],
      at,
    );
    expect(photos.map((p) => [p.key, p.index, p.contentType])).toEqual([
      ['b', 1, 'image/jpeg'],
      ['f', 5, 'image/webp'],
      ['h', 7, 'image/png'],
    ]);
    expect(photos[0]).toMatchObject({ milestone: '排水管', stage: 'in-construction', caption: '回填前', documentedAt: at });
    expect(Object.keys(photos[0]!)).not.toContain('completedBy');
  });

  it('says in the reader’s language what a photo shows: its caption, else its milestone and place', () => {
    const [first, second] = publicPhotosOf(
      m,
      'rectification',
      [
        { key: 'a', contentType: 'image/jpeg' },
        { key: 'b', contentType: 'image/jpeg' },
      ],
      at,
    );
    expect(boardPhotoOf(first!, 'zh-CN', 'u', at)).toMatchObject({ alt: '“排水管”节点现场照片（第 1 张）', stageLabel: '整改' });
    expect(boardPhotoOf(second!, 'en', 'u', at)).toMatchObject({
      alt: 'Site photo 2 of the milestone “排水管”',
      stageLabel: 'Rectification',
    });
    const [captioned, next] = publicPhotosOf(
      { ...m, caption: '回填前' },
      'in-construction',
      [
        { key: 'a', contentType: 'image/jpeg' },
        { key: 'b', contentType: 'image/jpeg' },
      ],
      at,
    );
    expect([boardPhotoOf(captioned!, 'en', 'u', at).alt, boardPhotoOf(next!, 'zh-CN', 'u', at).alt]).toEqual(['回填前', '回填前 (2)']);
  });
});
