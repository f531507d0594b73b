import { type Item, type OnConflict, type UnitOfWork, cond } from '@cocreate/kernel';

/**
 * The registry's table. Keys are built here and nowhere else.
 *
 *   PLACE#<path> / PLACE                    a place {…, village, county}   gsi1: CHILDREN#<parent> / <path>
 *   HOUSEHOLD#<path> / HOUSEHOLD            a household                    gsi1: HOUSEHOLDS#<village> / <path>
 *   PERSON#<id> / PERSON                    a person, private fields included (ID number encrypted)
 *                                                                          gsi1: PEOPLE#<village> / <household>#<id>
 *   IDHASH#<hmac> / IDHASH                  one person per ID number {person}
 *   PROPERTY#<path> / PROPERTY              a property and its owners over time   gsi1: PROPERTIES#<village> / <path>
 *   OWNER#<person> / <property path>        where a person ever owned a share (their subject-access export)
 *   MEMBERSHIP#<id> / MEMBERSHIP            one term on a body             gsi1: BODY#<village>#<kind> / <from>#<id>
 *   SEAT#<person> / <village>#<kind>        a person's terms on one body {terms, revision}: the overlap check's
 *                                           aggregate, read consistently, and the person's memberships by key
 *   ACCESS#<county> / <at>#<entryId>        a read of unmasked data        gsi1: ACCESSED#<person> / <at>#<entryId>
 *   FIELDKEY / HASH                         the KMS-wrapped hashing key of the deployment (see cipher.ts)
 *   IMPORT#<id> / IMPORT                    a roster import: status, report, plan reference, progress
 *                                           gsi1 (while the job has work in it): IMPORTS#pending / <updatedAt>#<id>
 *   IMPORT#<id> / PLAN                      a small import's plan (sealed private fields); a large one is in S3
 *   IMPORT#<id> / CHUNK#<plan>#<n>          chunk n of a plan applied (written in the chunk's own transaction)
 *   TEMPLATE#<file> / TEMPLATE              where a blank template lies in the evidence bucket
 *
 * Every record carries `revision`; a change is written on the condition that the stored revision is the one it
 * was computed from, so a concurrent change makes it recompute, never overwrite.
 */
export const keys = {
  place: (path: string) => ({ pk: `PLACE#${path}`, sk: 'PLACE' }),
  household: (path: string) => ({ pk: `HOUSEHOLD#${path}`, sk: 'HOUSEHOLD' }),
  person: (id: string) => ({ pk: `PERSON#${id}`, sk: 'PERSON' }),
  idHash: (hash: string) => ({ pk: `IDHASH#${hash}`, sk: 'IDHASH' }),
  property: (path: string) => ({ pk: `PROPERTY#${path}`, sk: 'PROPERTY' }),
  owner: (person: string, property: string) => ({ pk: `OWNER#${person}`, sk: property }),
  membership: (id: string) => ({ pk: `MEMBERSHIP#${id}`, sk: 'MEMBERSHIP' }),
  seat: (person: string, village: string, body: string) => ({ pk: `SEAT#${person}`, sk: `${village}#${body}` }),
  access: (county: string, at: string, entryId: string) => ({ pk: `ACCESS#${county}`, sk: `${at}#${entryId}` }),
  fieldKey: { pk: 'FIELDKEY', sk: 'HASH' },
  import: (id: string) => ({ pk: `IMPORT#${id}`, sk: 'IMPORT' }),
  importPlan: (id: string) => ({ pk: `IMPORT#${id}`, sk: 'PLAN' }),
  importChunk: (id: string, plan: string, chunk: number) => ({ pk: `IMPORT#${id}`, sk: `CHUNK#${plan}#${String(chunk).padStart(6, '0')}` }),
  template: (file: string) => ({ pk: `TEMPLATE#${file}`, sk: 'TEMPLATE' }),
};

/** A change to an existing record is conditional on the revision it was computed from; a lost race is recomputed. */
const revisionWas = (revision: number) => ({ condition: cond.equals('revision', revision), onConflict: 'retry' as const });

/** Writes a record at its revision: the first one must be new (`created` otherwise), later ones follow the last. */
export function writeAtRevision(tx: UnitOfWork, item: Item, revision: number, created: OnConflict): void {
  if (revision === 1) tx.create(item, created);
  else tx.put(item, revisionWas(revision - 1));
}
