import type { Key } from '@cocreate/kernel';
import type { Component } from '../domain/participation.ts';

/**
 * The evaluation table's layout. Keys are built here and nowhere else.
 *
 *   SCHEME#<id>        / HEAD                      latest version of a scheme; gsi1 SCHEMES#<place> / <savedAt>#<id>
 *   SCHEME#<id>        / V#<000001>                one immutable version (what reviews record)
 *   BINDING#<place>    / <purpose>#<stage|any>     the scheme a purpose uses at a place and below
 *   PROJECT#<pid>      / PROJECT                   what evaluation knows of a project (may start as a placeholder)
 *   PROJECT#<pid>      / STAGE#<stage>#<kind>      guard: a stage's review of a kind opens once
 *   REVIEW#<rid>       / REVIEW                    a review; gsi1 REVIEWS#<village> / <openedAt>#<rid>;
 *                                                  gsi2 (while open) OPEN-REVIEWS / <closesAt>#<rid>
 *   REVIEW#<rid>       / ELIGIBLE                  who may answer (households compacted, or member ids)
 *   REVIEW#<rid>       / RESP#<responseId>         a response (reviewer visible to the supervision committee only)
 *   REVIEW#<rid>       / BY#<household|person>     one response per household (satisfaction) or person (quality)
 *   RECT#<id>          / RECT                      a rectification item; gsi1 RECTS#<village> / <openedAt>#<id>
 *   COMP#<id>          / COMP                      a competition or rating; gsi1 COMPS#<place> / <createdAt>#<id>
 *   COMP#<id>          / NOM#<kind:id>             a nomination
 *   COMP#<id>          / SCORE#<kind:id>#<juror>   one juror's score of one nominee
 *   VREVIEW#<village>  / Y#<year>                  the village review chain; gsi1 VREVIEWS#<county>#<year> / <village>
 *   PAIRS#<township>   / Y#<year>                  the township's mutual-review pairs
 *   PART#<village>     / Y#<year>                  participation counters: the ONE item the assessment reads
 *   PART#<village>     / F#<component>#<key>       a counted fact (so a fact counts once whatever its event id)
 *   RESULT#<village>   / Y#<year>                  assessment result; gsi1 RESULTS#<county>#<year> / <village>
 *   TIER#<village>     / TIER                      current tier; gsi1 TIERS#<county> / <village>
 *   RUN#<runId>        / RUN                       an assessment run; gsi1 RUNS#<county> / <createdAt>#<runId>;
 *                                                  gsi2 (while active) ACTIVE-RUNS / <createdAt>#<runId>
 *   RUNGUARD#<county>  / Y#<year>                  one active run per county and year
 *   AUDIT#<setting>#<scope> / <changedAt>#<id>     one audited change of a setting (before, after, who, when, why)
 */
const year = (y: number) => `Y#${y}`;

export const keys = {
  audit: (setting: string, scope: string) => `AUDIT#${setting}#${scope}`,
  schemeHead: (id: string): Key => ({ pk: `SCHEME#${id}`, sk: 'HEAD' }),
  schemeVersion: (id: string, v: number): Key => ({ pk: `SCHEME#${id}`, sk: `V#${String(v).padStart(6, '0')}` }),
  schemesAt: (place: string) => `SCHEMES#${place}`,
  binding: (place: string, purpose: string, stage: string | undefined): Key => ({
    pk: `BINDING#${place}`,
    sk: `${purpose}#${stage ?? 'any'}`,
  }),
  project: (pid: string): Key => ({ pk: `PROJECT#${pid}`, sk: 'PROJECT' }),
  projectStage: (pid: string, stage: string, kind: string): Key => ({ pk: `PROJECT#${pid}`, sk: `STAGE#${stage}#${kind}` }),
  review: (rid: string): Key => ({ pk: `REVIEW#${rid}`, sk: 'REVIEW' }),
  reviewEligible: (rid: string): Key => ({ pk: `REVIEW#${rid}`, sk: 'ELIGIBLE' }),
  response: (rid: string, responseId: string): Key => ({ pk: `REVIEW#${rid}`, sk: `RESP#${responseId}` }),
  responder: (rid: string, who: string): Key => ({ pk: `REVIEW#${rid}`, sk: `BY#${who}` }),
  reviewsOf: (village: string) => `REVIEWS#${village}`,
  openReviews: 'OPEN-REVIEWS',
  rectification: (id: string): Key => ({ pk: `RECT#${id}`, sk: 'RECT' }),
  rectificationsOf: (village: string) => `RECTS#${village}`,
  competition: (id: string): Key => ({ pk: `COMP#${id}`, sk: 'COMP' }),
  competitionsAt: (place: string) => `COMPS#${place}`,
  nomination: (id: string, nominee: string): Key => ({ pk: `COMP#${id}`, sk: `NOM#${nominee}` }),
  juryScore: (id: string, nominee: string, juror: string): Key => ({ pk: `COMP#${id}`, sk: `SCORE#${nominee}#${juror}` }),
  villageReview: (village: string, y: number): Key => ({ pk: `VREVIEW#${village}`, sk: year(y) }),
  villageReviewsOf: (county: string, y: number) => `VREVIEWS#${county}#${y}`,
  pairs: (township: string, y: number): Key => ({ pk: `PAIRS#${township}`, sk: year(y) }),
  counters: (village: string, y: number): Key => ({ pk: `PART#${village}`, sk: year(y) }),
  fact: (village: string, component: Component, key: string): Key => ({ pk: `PART#${village}`, sk: `F#${component}#${key}` }),
  result: (village: string, y: number): Key => ({ pk: `RESULT#${village}`, sk: year(y) }),
  resultsOf: (county: string, y: number) => `RESULTS#${county}#${y}`,
  tier: (village: string): Key => ({ pk: `TIER#${village}`, sk: 'TIER' }),
  tiersOf: (county: string) => `TIERS#${county}`,
  run: (runId: string): Key => ({ pk: `RUN#${runId}`, sk: 'RUN' }),
  runsOf: (county: string) => `RUNS#${county}`,
  activeRuns: 'ACTIVE-RUNS',
  runGuard: (county: string, y: number): Key => ({ pk: `RUNGUARD#${county}`, sk: year(y) }),
};
