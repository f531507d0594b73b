import { compactsEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';
import { getBoardInFull, getPublicBoards, publishBoard } from './handlers/boards.ts';
import {
  draftAmendment,
  draftCompact,
  editDraft,
  getCompact,
  getVersion,
  listCompacts,
  listParkedDecisions,
  submitDraft,
  versionInForceOn,
} from './handlers/compacts.ts';
import { createInspection, getInspection, listInspections, recordInspectionResults } from './handlers/inspections.ts';
import { flagOverdueRectifications } from './handlers/jobs.ts';
import { assignDuty, getOrganisation, listCouncils, listDuties, setOrgUnit } from './handlers/organisation.ts';
import {
  adoptSpace,
  getAdoption,
  getSpace,
  listSpaces,
  logUpkeep,
  registerSpace,
  releaseAdoption,
  requestEvidenceUpload,
} from './handlers/spaces.ts';
import { onDecisionFinal, onFacilitiesHandedOver } from './handlers/subscriptions.ts';
import {
  appealViolation,
  closeViolationRectification,
  getViolation,
  listViolations,
  recordViolation,
  ruleOnAppeal,
} from './handlers/violations.ts';

/** 建设共管 — compacts, duties, adoption of spaces, inspections, violations, red/black lists. */
export const manifest = defineService({
  name: 'compacts',
  title: { zh: '建设共管', en: 'Governance compacts' },
  table: {
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  routes: [
    // compacts (村规民约, 管护公约)
    draftCompact,
    draftAmendment,
    editDraft,
    submitDraft,
    listCompacts,
    getCompact,
    getVersion,
    versionInForceOn,
    listParkedDecisions,
    // 一约四会, 门前三包, four-level organisation
    listCouncils,
    assignDuty,
    listDuties,
    setOrgUnit,
    getOrganisation,
    // spaces and adoption (认领)
    registerSpace,
    listSpaces,
    getSpace,
    adoptSpace,
    releaseAdoption,
    getAdoption,
    logUpkeep,
    requestEvidenceUpload,
    // inspections, violations, appeals, rectification
    createInspection,
    recordInspectionResults,
    listInspections,
    getInspection,
    recordViolation,
    listViolations,
    getViolation,
    appealViolation,
    ruleOnAppeal,
    closeViolationRectification,
    // 红黑榜
    publishBoard,
    getPublicBoards,
    getBoardInFull,
  ],
  subscriptions: [onDecisionFinal, onFacilitiesHandedOver],
  jobs: [flagOverdueRectifications],
  publishes: compactsEvents,
  evidence: true,
  keepsRegister: 'everything',
});
