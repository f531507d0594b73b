import * as z from 'zod';
import { type RouteContext, newId } from '@cocreate/kernel';
import { fieldCipher } from '../cipher.ts';
import type { PersonRecord } from '../domain/model.ts';
import { accessLog } from '../repos/access-log.ts';
import { households } from '../repos/households.ts';
import { memberships } from '../repos/memberships.ts';
import { places } from '../repos/places.ts';
import { properties } from '../repos/properties.ts';
import { maskedView, personOrThrow } from './people.ts';
import { once } from '@cocreate/contracts';

/** Why unmasked data is read (PIPL: a stated purpose for every read of full personal data). */
export const Purpose = once(() =>
  z.string().trim().min(2).max(200).describe('Why the full record is needed, e.g. 低保资格核查 / verifying a subsidy claim'),
);

/** The whole record: full name, phone, ID number in clear, date of birth, sex. */
async function unmasked(p: PersonRecord) {
  const { idCipher: _c, idHash: _h, idMasked: _m, ...rest } = p;
  return { ...maskedView(p), ...rest, ...(p.idCipher ? { idNumber: await fieldCipher().decrypt(p.idCipher) } : {}) };
}

/** Writes the access-log entry (who, when, which person, why) in the same commit as the answer it goes with. */
async function logRead(p: PersonRecord, purpose: string, what: 'record' | 'export', ctx: RouteContext) {
  const stored = await places.get(ctx.table, p.household);
  accessLog.record(ctx.tx, {
    entryId: newId(),
    person: p.person,
    village: p.village,
    county: stored?.frame.county ?? p.village,
    by: ctx.actor.sub,
    ...(ctx.actor.role ? { role: ctx.actor.role } : {}),
    at: ctx.now().toISOString(),
    purpose,
    what,
  });
}

export async function fullRecord(personId: string, purpose: string, ctx: RouteContext) {
  const person = await personOrThrow(personId, ctx);
  await logRead(person, purpose, 'record', ctx);
  return unmasked(person);
}

/** 个人信息查阅复制: everything the registry holds about a person, unmasked, for a subject-access request. */
export async function exportPerson(personId: string, purpose: string, ctx: RouteContext) {
  const person = await personOrThrow(personId, ctx);
  const [record, household, owned, terms, reads] = await Promise.all([
    unmasked(person),
    households.get(ctx.table, person.household),
    properties.ownedBy(ctx.table, personId),
    memberships.ofPerson(ctx.table, personId),
    accessLog.aboutPerson(ctx.table, personId),
  ]);
  await logRead(person, purpose, 'export', ctx);
  return {
    exportedAt: ctx.now().toISOString(),
    person: record,
    household: household ?? null,
    properties: owned.map((p) => ({ path: p.path, village: p.village, terms: p.owners.filter((t) => t.person === personId) })),
    memberships: terms,
    accessLog: reads,
  };
}

export async function accessLogOf(query: { county: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  return accessLog.ofCounty(ctx.table, query.county, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
}
