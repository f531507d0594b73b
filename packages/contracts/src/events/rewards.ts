import { z } from 'zod';
import { defineEvent } from '../registry.ts';
import { Fen, Id, PlacePath } from '../primitives.ts';
import { WorkCategory } from '../vocabulary.ts';

/**
 * Events of the rewards service (成果共享). The ones other services consume are fixed here first; the service adds
 * its own beside them.
 */

const ex = { village: 'hubei/huanggang/hongan/qiliping/majiaqiao', round: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0A', id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0B' };

/** An award in lieu of subsidies (以奖代补) to a village: paid into its fund pool as a fiscal-award source. */
export const SubsidyAwarded = defineEvent({
  type: 'SubsidyAwarded',
  service: 'rewards',
  summary: 'An award-in-lieu-of-subsidy (以奖代补) to a village was published; the projects service pays it into the pool.',
  data: z.object({
    awardId: Id,
    roundId: Id,
    village: PlacePath,
    amount: Fen.positive(),
    title: z.string().min(1).max(200),
    /** Purpose restriction carried into the pool, if the round has one. */
    restriction: z.object({ categories: z.array(WorkCategory).optional() }).optional(),
  }),
  example: { awardId: ex.id, roundId: ex.round, village: ex.village, amount: 15_000_000, title: '2026 年红安县以奖代补' },
});

export const rewardsEvents = [SubsidyAwarded] as const;
