import { defineJob } from '@cocreate/kernel';
import { flagOverdueRectifications as flagOverdue } from '../app/violations.ts';

/** Flags rectifications past their deadline (整改逾期); safe to re-run (see the use case). */
export const flagOverdueRectifications = defineJob({
  name: 'flag-overdue-rectifications',
  summary: 'Flag open rectifications whose deadline has passed; announce RectificationOverdue once each',
  schedule: 'rate(1 hour)',
  handler: (ctx) => flagOverdue(ctx),
});
