import { deliberationEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';
import {
  authoriseProxy,
  castBallot,
  importPaperBallots,
  listBallots,
  paperCsvTemplate,
  uploadPaperBallotsCsv,
  paperBallotsCsvStatus,
} from './handlers/ballots.ts';
import { closeDuePolls, closePollRoute, getPoll, listPolls, openPoll, respondToPoll } from './handlers/consent.ts';
import { onProjectAccepted, onProjectChangeRequested } from './handlers/events.ts';
import {
  addResource,
  getCandidate,
  getResourceHistory,
  listCandidate,
  listCandidates,
  listResources,
  supportCandidate,
  updateResource,
} from './handlers/lists.ts';
import { getNeed, listNeeds, raiseNeed, secondNeed, triageNeed } from './handlers/needs.ts';
import { answerObjectionRoute, closeDueNotices, listObjections, publicBoard, raiseObjectionRoute } from './handlers/notice.ts';
import {
  draftPlan,
  getDiscussion,
  getPlan,
  getPlanVersion,
  holdDiscussion,
  listDiscussions,
  listPlans,
  requestEvidenceUpload,
} from './handlers/plans.ts';
import { getProposal, getTally, listProposals, resolveProposalStep, resubmitProposal, submitProposal } from './handlers/proposals.ts';
import {
  decideChain,
  getChain,
  getChainHistory,
  getChainPolicy,
  getChainPolicyHistory,
  getCompoundEligibility,
  getCompoundEligibilityHistory,
  getSettings,
  getSettingsHistory,
  putChain,
  putChainPolicy,
  putCompoundEligibility,
  putSettings,
} from './handlers/settings.ts';

/** 决策共谋 — needs, three-party discussion, chained votes, owner consent, public notice. */
export const manifest = defineService({
  name: 'deliberation',
  title: { zh: '决策共谋', en: 'Deliberation' },
  table: {
    indexes: [
      // Lists per village (needs, resources, candidates, plans, proposals, polls) and discussions per plan.
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      // Sparse "due" indexes: notices awaiting their end, polls awaiting their closing time.
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  routes: [
    // 群众提: needs
    raiseNeed,
    listNeeds,
    getNeed,
    secondNeed,
    triageNeed,
    // 资源清单, 项目清单
    addResource,
    listResources,
    updateResource,
    getResourceHistory,
    listCandidate,
    listCandidates,
    getCandidate,
    supportCandidate,
    // village settings and decision chains
    getSettings,
    putSettings,
    getSettingsHistory,
    getChain,
    putChain,
    decideChain,
    getChainHistory,
    getChainPolicy,
    putChainPolicy,
    getChainPolicyHistory,
    putCompoundEligibility,
    getCompoundEligibility,
    getCompoundEligibilityHistory,
    // 三方议: plans and discussions
    requestEvidenceUpload,
    draftPlan,
    listPlans,
    getPlan,
    getPlanVersion,
    holdDiscussion,
    getDiscussion,
    listDiscussions,
    // 共同决: proposals, votes
    submitProposal,
    listProposals,
    getProposal,
    getTally,
    resolveProposalStep,
    resubmitProposal,
    castBallot,
    authoriseProxy,
    importPaperBallots,
    paperCsvTemplate,
    uploadPaperBallotsCsv,
    paperBallotsCsvStatus,
    listBallots,
    // 公示: objections, the public board
    raiseObjectionRoute,
    listObjections,
    answerObjectionRoute,
    publicBoard,
    // 业主意愿: owner consent polls
    openPoll,
    listPolls,
    getPoll,
    respondToPoll,
    closePollRoute,
  ],
  subscriptions: [onProjectChangeRequested, onProjectAccepted],
  jobs: [closeDueNotices, closeDuePolls],
  publishes: deliberationEvents,
  evidence: true,
  keepsRegister: 'everything',
});
