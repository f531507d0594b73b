import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The project id of a final project-plan decision: a ULID that keeps the proposal's time prefix and takes its
 * random part from a hash of the proposal id. Deterministic, so a redelivered or replayed decision names the same
 * project (opening is a create-if-absent), and a project-change decision that arrives before its project can be
 * parked under the id the project will have.
 */
export function projectIdFor(proposalId: string): string {
  const digest = createHash('sha256').update(`project:${proposalId}`).digest();
  let random = '';
  for (let i = 0; i < 16; i++) random += CROCKFORD[digest[i]! % 32];
  return `${proposalId.slice(0, 10)}${random}`;
}
