import { z } from 'zod';
import { defineEvent } from '../registry.ts';
import { Id, PersonId, PlacePath } from '../primitives.ts';
import { NeedChannel, WorkCategory } from '../vocabulary.ts';

/** 群众提: a resident raised a need (possibly recorded on their behalf by a grid worker or cadre). */
export const NeedRaised = defineEvent({
  type: 'NeedRaised',
  service: 'deliberation',
  summary: 'A resident raised a need through one of the intake channels (群众提).',
  data: z.object({
    needId: Id,
    village: PlacePath,
    place: PlacePath,
    category: WorkCategory,
    text: z.string().min(1).max(2000),
    channel: NeedChannel,
    raisedBy: PersonId,
    recordedBy: z.string().min(1),
  }),
  example: {
    needId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D',
    village: 'hubei/huanggang/hongan/qiliping/majiaqiao',
    place: 'hubei/huanggang/hongan/qiliping/majiaqiao/g1',
    category: 'roads',
    text: '村口到小学的路一下雨就积水 / the road to the school floods when it rains',
    channel: 'bench-meeting',
    raisedBy: 'p-mjq-001',
    recordedBy: 'p-mjq-grid',
  },
});

export const deliberationEvents = [NeedRaised] as const;
