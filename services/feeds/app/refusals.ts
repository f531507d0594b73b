import { refusalsOf } from '@cocreate/kernel';
import { refusals } from '../domain/refusals.ts';

/**
 * The feeds' refusals as problems (`refuse`, and `refuseFields` where each reason a checker gave — the EventBridge
 * pattern matcher's, the webhook URL check's — is its own field error), and domain decisions settled (`settled`).
 */
export const { refuse, settled, refuseFields } = refusalsOf(refusals);
