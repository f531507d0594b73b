import { isRefused, refused } from '@cocreate/contracts';
import { checkChangeable } from './lifecycle.ts';
import type { Amendment, ChangeRecord, PendingChange, Project } from './project.ts';
import type { Refused } from './refusals.ts';

/**
 * Project changes (项目变更). "Major changes of content or money are re-approved and re-noticed" (DOMAIN §2): a change
 * of content, or of the budget by more than a set share, goes back to deliberation as a project-change proposal; a
 * smaller budget-only adjustment takes effect directly. The share is a county setting in basis points.
 */

/** Default share of the budget a change may move without deliberation: 10 % (1000 basis points). */
export const DEFAULT_MAJOR_CHANGE_SHARE_BP = 1000;

export interface ChangeRequest {
  /** True when what is built changes (scope, location, design), whatever the money. */
  changesContent: boolean;
  /** The new budget, if the change moves it. */
  budget?: number;
}

export type ChangeClass = { kind: 'minor' } | { kind: 'major'; reason: 'content' | 'budget-share' } | Refused<'empty-change'>;

/**
 * Whether a budget move exceeds the share: |new − old| > old × share. Exactly the share is still minor; any move off
 * a zero budget is major. BigInt keeps the product exact for any fen amount.
 */
export function exceedsShare(previous: number, next: number, shareBp: number): boolean {
  const delta = BigInt(Math.abs(next - previous));
  return delta * 10_000n > BigInt(previous) * BigInt(shareBp);
}

export function classifyChange(previousBudget: number, change: ChangeRequest, shareBp: number): ChangeClass {
  const budgetMoves = change.budget !== undefined && change.budget !== previousBudget;
  if (!change.changesContent && !budgetMoves) return refused('empty-change');
  if (change.changesContent) return { kind: 'major', reason: 'content' };
  if (exceedsShare(previousBudget, change.budget!, shareBp)) return { kind: 'major', reason: 'budget-share' };
  return { kind: 'minor' };
}

/** The budget a final project-change decision leaves the project with: the decided one, else the one asked for. */
export function decidedBudget(current: number, requested: number | undefined, decided: number | undefined): number {
  return decided ?? requested ?? current;
}

export interface ChangeAsked {
  changeId: string;
  title: string;
  description: string;
  changesContent: boolean;
  budget?: number | undefined;
  requestedBy: string;
  requestedAt: string;
}

/** What asking for a change does: a minor one is applied at once (an amendment), a major one waits for deliberation. */
export type ChangeOutcome =
  { kind: 'minor'; record: ChangeRecord; amendment: Amendment } | { kind: 'major'; record: ChangeRecord; pending: PendingChange };

/**
 * A change asked of a project: refused past the books or while another waits, refused when it changes nothing,
 * otherwise classified against the county's share and recorded.
 */
export function decideChange(
  project: Pick<Project, 'projectId' | 'stage' | 'budget' | 'pendingChange'>,
  ask: ChangeAsked,
  shareBp: number,
): ChangeOutcome | Refused<'not-changeable' | 'change-pending' | 'empty-change'> {
  const changeable = checkChangeable(project);
  if (isRefused(changeable)) return changeable;
  const { changeId, title, description, changesContent, budget, requestedBy, requestedAt } = ask;
  const cls = classifyChange(project.budget, { changesContent, ...(budget !== undefined ? { budget } : {}) }, shareBp);
  if (isRefused(cls)) return cls;
  const record: ChangeRecord = {
    changeId,
    projectId: project.projectId,
    title,
    description,
    ...(budget !== undefined ? { budget } : {}),
    previousBudget: project.budget,
    changesContent,
    class: cls.kind,
    status: cls.kind === 'minor' ? 'applied' : 'pending',
    requestedBy,
    requestedAt,
  };
  if (cls.kind === 'minor') {
    // A minor change always moves the budget (an empty one was refused).
    const amendment = { changeId, description, previousBudget: project.budget, budget: budget!, direct: true, appliedAt: requestedAt };
    return { kind: 'minor', record, amendment };
  }
  const pending = { changeId, title, description, ...(budget !== undefined ? { budget } : {}), changesContent, requestedBy, requestedAt };
  return { kind: 'major', record, pending };
}
