/** Roster import (导入): what the registry service wires to its upload, dry-run and apply steps. */
export { checkIdNumber, type IdNumberCheck } from './id-number.ts';
export {
  planImport,
  type ImportPlan,
  type ImportReport,
  type LeftCandidate,
  type PersonInClear,
  type PlannedChange,
  type PlanOptions,
  type Section,
  type SectionSummary,
} from './plan.ts';
export { LIMITS, readRoster, type ReadResult, type Roster, type RosterFile, type RosterSheet } from './read.ts';
export { type FileRefusal, type RowProblem } from './reasons.ts';
export { SHEET_KINDS, SHEETS, type SheetKind } from './sheets.ts';
export { templateCsv, templateWorkbook } from './templates.ts';
