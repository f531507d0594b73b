import { refusalsOf } from '@cocreate/kernel';
import { refusals } from '../domain/refusals.ts';

/** The programme's refusals as problems (`refuse`), and domain decisions settled (`settled`). */
export const { refuse, settled } = refusalsOf(refusals);
