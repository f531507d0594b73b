import { projectsEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';
import { onSubsidyAwarded } from './handlers/awards.ts';
import { onConsentPollClosed } from './handlers/consent.ts';
import { boardPhotos, villageBoard } from './handlers/board.ts';
import { householdContributions, listProjectContributions, recordContribution } from './handlers/contributions.ts';
import { onDecisionFinal } from './handlers/decisions.ts';
import {
  approveDisbursement,
  countersignDisbursement,
  listDisbursements,
  rejectDisbursement,
  requestDisbursement,
} from './handlers/disbursements.ts';
import { addMilestone, completeMilestone, createEvidenceUpload } from './handlers/milestones.ts';
import { listNeedsSeen, onNeedRaised } from './handlers/needs-seen.ts';
import {
  allocateFunds,
  checkLedger,
  getPool,
  getPoolBalance,
  listPostings,
  recordReceipt,
  reversePosting,
  transferToVillage,
} from './handlers/pools.ts';
import { getProject, listParkedDecisions, listProjects, moveStage, requestChange, withdrawChange } from './handlers/projects.ts';
import {
  countySettingsHistory,
  getCountySettings,
  listWageRates,
  putCountySettings,
  setWageRate,
  wageRateHistory,
} from './handlers/rates.ts';

/** 发展共建 — projects, fund pool, contributions, dual-control disbursement. */
export const manifest = defineService({
  name: 'projects',
  title: { zh: '发展共建', en: 'Projects and funds' },
  table: {
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  routes: [
    listNeedsSeen,
    listProjects,
    getProject,
    moveStage,
    requestChange,
    withdrawChange,
    listParkedDecisions,
    addMilestone,
    completeMilestone,
    createEvidenceUpload,
    recordContribution,
    listProjectContributions,
    householdContributions,
    recordReceipt,
    transferToVillage,
    allocateFunds,
    reversePosting,
    getPool,
    getPoolBalance,
    listPostings,
    checkLedger,
    requestDisbursement,
    approveDisbursement,
    countersignDisbursement,
    rejectDisbursement,
    listDisbursements,
    setWageRate,
    listWageRates,
    wageRateHistory,
    putCountySettings,
    getCountySettings,
    countySettingsHistory,
    villageBoard,
    boardPhotos,
  ],
  subscriptions: [onNeedRaised, onDecisionFinal, onSubsidyAwarded, onConsentPollClosed],
  jobs: [],
  publishes: projectsEvents,
  evidence: true,
  keepsRegister: 'everything',
});
