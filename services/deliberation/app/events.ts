import { type EventData, ImplementationDisclosed, type ProjectAccepted, type ProjectChangeRequested } from '@cocreate/contracts';
import { type EventContext, newId } from '@cocreate/kernel';
import { chinaDay } from '@cocreate/places';
import { validateChain } from '../domain/chains.ts';
import { chainOfFloor } from '../domain/policy.ts';
import { startProposal } from '../domain/proposals.ts';
import { proposals } from '../repos/proposals.ts';
import { isVillage } from './common.ts';
import { beginRound } from './flow.ts';
import { chainMembers, currentChain, floorProblemOf, policyFor } from './settings.ts';

type ChangeRequest = EventData<typeof ProjectChangeRequested>;
type Acceptance = EventData<typeof ProjectAccepted>;

/**
 * A major change of a project (content, or budget beyond the set share) must be decided again: it becomes a
 * project-change proposal in the project's village, voting at the first body of the village's chain for that kind.
 * One proposal per change id, however many times (or under however many event ids) the request arrives.
 */
export async function openChangeProposal(d: ChangeRequest, ctx: EventContext): Promise<void> {
  if (await proposals.changeProposal(ctx.table, d.changeId)) {
    ctx.log.info('project change already has a proposal', { changeId: d.changeId });
    return;
  }
  if (!(await isVillage(ctx, d.village))) {
    // Not a village of this deployment's register: nothing can decide it. Failing sends it to the dead letters.
    throw new Error(`ProjectChangeRequested ${d.changeId}: ${d.village} is not a village in the register`);
  }
  const subject = {
    kind: 'project-change' as const,
    projectId: d.projectId,
    changeId: d.changeId,
    description: d.description,
    ...(d.budget !== undefined ? { budget: d.budget } : {}),
    previousBudget: d.previousBudget,
    requestedBy: d.requestedBy,
  };
  const [config, policy] = await Promise.all([currentChain(ctx, d.village, 'project-change'), policyFor(ctx, d.village, 'project-change')]);
  // Nobody can be asked to fix a chain a county's floor rose above: the change then goes through the floor itself.
  const chain = floorProblemOf(config.chain, policy, subject) ? chainOfFloor(policy) : config.chain;
  const members = await chainMembers(ctx, d.village, chain, chinaDay(ctx.now()));
  const problems = validateChain(chain, (body) => members.get(body)?.length ?? 0);
  if (problems.length)
    throw new Error(`ProjectChangeRequested ${d.changeId}: ${d.village}'s chain does not fit: ${JSON.stringify(problems)}`);
  const p = startProposal({
    proposalId: newId(),
    village: d.village,
    title: d.title,
    subject,
    chain,
    secret: false,
    submittedBy: d.requestedBy,
    now: ctx.now(),
  });
  proposals.linkChange(ctx.tx, d.changeId, p.proposalId);
  beginRound(ctx, ctx.tx, p, undefined, d.requestedBy, members.get(chain[0]!.body)!);
}

/**
 * 第二次公开: when a project passes final acceptance, the implementation result of the decision behind it is
 * disclosed. Recorded once per proposal; an acceptance for a proposal this service does not (yet) know is still
 * recorded and disclosed — the disclosure lives under the proposal id and shows up whenever the proposal does.
 */
export async function discloseImplementation(d: Acceptance, ctx: EventContext): Promise<void> {
  if (d.acceptance !== 'final') return;
  if (await proposals.disclosure(ctx.table, d.proposalId)) {
    ctx.log.info('implementation already disclosed', { proposalId: d.proposalId });
    return;
  }
  const known = await proposals.getVersioned(ctx.table, d.proposalId);
  if (!known) ctx.log.warn('final acceptance for a proposal not known here; disclosed anyway', { proposalId: d.proposalId });
  const disclosedAt = ctx.now().toISOString();
  proposals.disclose(ctx.tx, {
    proposalId: d.proposalId,
    projectId: d.projectId,
    village: d.village,
    acceptedAt: d.acceptedAt,
    budget: d.budget,
    spent: d.spent,
    beneficiaries: d.beneficiaries,
    disclosedAt,
    proposalKnown: known !== undefined,
  });
  ctx.tx.emit(
    ImplementationDisclosed,
    {
      proposalId: d.proposalId,
      projectId: d.projectId,
      village: d.village,
      acceptedAt: d.acceptedAt,
      budget: d.budget,
      spent: d.spent,
      beneficiaries: d.beneficiaries,
      disclosedAt,
    },
    { place: d.village },
  );
}
