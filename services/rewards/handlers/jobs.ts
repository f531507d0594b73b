import { defineJob } from '@cocreate/kernel';
import { expirePoints, expireReservations, paySubsidies } from '../app/jobs.ts';

/**
 * Scheduled work. Every job is safe to re-run and to overlap: each account, order or award is handled in its own
 * unit of work that re-reads its state and writes conditionally, so a second run finds nothing left to do.
 */
export const jobs = [
  defineJob({
    name: 'expire-points',
    summary: 'Expire points that reached the configured age, oldest lots first (one entry per account and run)',
    schedule: 'rate(1 hour)',
    handler: (ctx) => expirePoints(ctx),
  }),
  defineJob({
    name: 'expire-reservations',
    summary: 'Cancel supermarket reservations past their hold time, releasing points and stock',
    schedule: 'rate(15 minutes)',
    handler: (ctx) => expireReservations(ctx),
  }),
  defineJob({
    name: 'pay-subsidies',
    summary: 'Pay published village awards into their fund pools: one SubsidyAwarded per award, exactly once',
    schedule: 'rate(1 minute)',
    // Published awards are paid as soon as the publication commits; the schedule sweeps what a request missed.
    startsOnRequest: true,
    handler: (ctx) => paySubsidies(ctx),
  }),
];
