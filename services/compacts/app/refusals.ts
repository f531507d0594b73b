import { refusalsOf } from '@cocreate/kernel';
import { refusals } from '../domain/refusals.ts';

/**
 * Compacts' refusals as problems (`refuse`), and domain decisions settled into values or thrown (`settled`). Three
 * 403s keep their own code (besides `reason`): callers of compacts have always told them apart by code.
 */
export const {
  refuse,
  settled,
  refuseFields,
  codes: refusalCodes,
} = refusalsOf(refusals, { namedForbidden: ['not-on-council', 'own-household', 'recorded-it'] });
