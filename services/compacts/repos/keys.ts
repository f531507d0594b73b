import { type Condition, cond } from '@cocreate/kernel';

/**
 * The compacts table's layout. Keys are built here and nowhere else; the repositories of this folder use them.
 *
 *   COMPACT#<id> / HEAD                       compact header          gsi1 VILLAGE#<v>#COMPACTS / <createdAt>#<id>
 *   COMPACT#<id> / V#<000001>                 one version (draft, submitted, adopted)
 *   VILLAGE#<v> / MAINTENANCE-COMPACT         which compact is the village's 管护公约 (one per village)
 *   PARKED#<compactId> / V#<000001>           a final decision that arrived before its draft   gsi1 VILLAGE#<v>#PARKED / <parkedAt>
 *   DUTY#<household> / DUTY                   门前三包 of a household  gsi1 VILLAGE#<v>#DUTIES / <household>
 *   ORG#<place> / LEVEL#<level>               a unit of the four-level organisation   gsi1 ORG-UNDER#<township> / <place>#<level>
 *   SPACE#<id> / SPACE                        a registered space with its adopter counter   gsi1 VILLAGE#<v>#SPACES / <registeredAt>#<id>
 *   SPACE#<id> / HOLDER#<kind>#<id>           an adopter currently holding a slot (deleted on release)
 *   ADOPTION#<id> / ADOPTION                  an adoption             gsi1 SPACE#<spaceId>#ADOPTIONS / <adoptedAt>#<id>
 *   ADOPTION#<id> / UPKEEP-DAY#<date>         at most one upkeep log per adoption and day
 *   UPKEEP#<id> / UPKEEP                      an upkeep log           gsi1 VILLAGE#<v>#UPKEEP / <loggedOn>#<id>
 *                                                                     gsi2 ADOPTION#<adoptionId>#UPKEEP / <loggedAt>#<id>
 *   INSPECTION#<id> / INSPECTION              an inspection           gsi1 VILLAGE#<v>#INSPECTIONS / <date>#<id>
 *   VIOLATION#<id> / VIOLATION                a violation             gsi1 VILLAGE#<v>#VIOLATIONS / <occurredOn>#<id>
 *                                              while its rectification is open: gsi2 RECTIFICATIONS#OPEN / <deadline>#<id>
 *   BOARD#<v> / PERIOD#<period>               a published red/black list (one per village and period)
 *   AUDIT#<setting>#<scope>[#<kind>] / <changedAt>#<id>   one audited change of an org unit (scope the place, kind
 *                                              the level) or a household's duty: before, after, who, when, why
 */
const pad = (n: number) => String(n).padStart(6, '0');

export const keys = {
  compact: (compactId: string) => ({ pk: `COMPACT#${compactId}`, sk: 'HEAD' }),
  version: (compactId: string, version: number) => ({ pk: `COMPACT#${compactId}`, sk: `V#${pad(version)}` }),
  villageCompacts: (village: string) => `VILLAGE#${village}#COMPACTS`,
  maintenanceCompact: (village: string) => ({ pk: `VILLAGE#${village}`, sk: 'MAINTENANCE-COMPACT' }),
  parked: (compactId: string, version: number) => ({ pk: `PARKED#${compactId}`, sk: `V#${pad(version)}` }),
  villageParked: (village: string) => `VILLAGE#${village}#PARKED`,
  duty: (household: string) => ({ pk: `DUTY#${household}`, sk: 'DUTY' }),
  villageDuties: (village: string) => `VILLAGE#${village}#DUTIES`,
  orgUnit: (place: string, level: string) => ({ pk: `ORG#${place}`, sk: `LEVEL#${level}` }),
  orgUnder: (township: string) => `ORG-UNDER#${township}`,
  space: (spaceId: string) => ({ pk: `SPACE#${spaceId}`, sk: 'SPACE' }),
  holder: (spaceId: string, holderKey: string) => ({ pk: `SPACE#${spaceId}`, sk: `HOLDER#${holderKey}` }),
  villageSpaces: (village: string) => `VILLAGE#${village}#SPACES`,
  adoption: (adoptionId: string) => ({ pk: `ADOPTION#${adoptionId}`, sk: 'ADOPTION' }),
  spaceAdoptions: (spaceId: string) => `SPACE#${spaceId}#ADOPTIONS`,
  upkeepDay: (adoptionId: string, date: string) => ({ pk: `ADOPTION#${adoptionId}`, sk: `UPKEEP-DAY#${date}` }),
  upkeep: (upkeepId: string) => ({ pk: `UPKEEP#${upkeepId}`, sk: 'UPKEEP' }),
  villageUpkeep: (village: string) => `VILLAGE#${village}#UPKEEP`,
  adoptionUpkeep: (adoptionId: string) => `ADOPTION#${adoptionId}#UPKEEP`,
  inspection: (inspectionId: string) => ({ pk: `INSPECTION#${inspectionId}`, sk: 'INSPECTION' }),
  villageInspections: (village: string) => `VILLAGE#${village}#INSPECTIONS`,
  violation: (violationId: string) => ({ pk: `VIOLATION#${violationId}`, sk: 'VIOLATION' }),
  villageViolations: (village: string) => `VILLAGE#${village}#VIOLATIONS`,
  openRectifications: 'RECTIFICATIONS#OPEN',
  board: (village: string, period: string) => ({ pk: `BOARD#${village}`, sk: `PERIOD#${period}` }),
  villageBoards: (village: string) => `BOARD#${village}`,
  audit: (setting: string, scope: string, kind?: string) => `AUDIT#${setting}#${scope}${kind ? `#${kind}` : ''}`,
};

/** Optimistic concurrency on records with a `revision`: the stored one is the one the change was computed from. */
export const revisionIs = (revision: number): Condition => cond.equals('revision', revision);

/** Dates in a GSI sort key `<date>#<id>`: every key of dates from..to inclusive. */
export const dateRange = (from: string, to: string): { between: [string, string] } => ({ between: [`${from}#`, `${to}#~`] });
