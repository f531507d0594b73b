import { type RouteContext, grantFor, newId, problems } from '@cocreate/kernel';
import { maskIdNumber, maskPhone } from '@cocreate/places';
import { fieldCipher } from '../cipher.ts';
import type { MembershipRecord, PersonRecord } from '../domain/model.ts';
import {
  type AddPerson,
  type ChangeHead,
  type ChangePerson,
  type MovePerson,
  type NewPerson,
  type PersonFacts,
  type PersonLeaves,
  type RegisterHousehold,
  decideAddPerson,
  decideChangeHead,
  decideChangePerson,
  decideLeave,
  decideMove,
  decideRegisterHousehold,
  publicPerson,
  settleFacts,
} from '../domain/people.ts';
import { decideRegisterPlace, frameOf } from '../domain/places.ts';
import { type RefusalCode, isRefused } from '../domain/refusals.ts';
import { households } from '../repos/households.ts';
import { memberships } from '../repos/memberships.ts';
import { idHashes, people } from '../repos/people.ts';
import { places } from '../repos/places.ts';
import { KEEPERS, emitChanges, refuse, requireManager, settled, today } from './common.ts';
import type { Departure } from '../domain/people.ts';

/** What a masked view shows of a person (supervisors, lists, anyone without a stated purpose). */
export function maskedView(p: PersonRecord) {
  return {
    ...publicPerson(p),
    ...(p.phone ? { maskedPhone: maskPhone(p.phone) } : {}),
    ...(p.idMasked ? { maskedIdNumber: p.idMasked } : {}),
  };
}

interface Entered {
  personId: string;
  facts: PersonFacts;
  /** The ID number sealed: ciphertext, keyed hash and the masked form. */
  secret?: { idCipher: string; idHash: string; idMasked: string };
}

/**
 * Settles the people of one entry and seals their ID numbers: each number must be valid and belong to nobody else
 * (in the register or twice in the entry), each person id new to the entry. The hash claims are added to the unit,
 * so a concurrent claim of the same number makes the whole entry recompute and then be refused by name.
 */
async function enter(inputs: readonly NewPerson[], pointers: readonly string[], ctx: RouteContext): Promise<Entered[]> {
  const day = today(ctx);
  const cipher = fieldCipher();
  const entered = await Promise.all(
    inputs.map(async (input, i): Promise<Entered> => {
      const { personId, ...rest } = input;
      const facts = settleFacts(rest, day);
      if (isRefused(facts)) throw refuse(facts.refused, facts.detail ?? {}, `${pointers[i]}${fieldOf(facts.refused)}`);
      const id = personId ?? `p-${newId().toLowerCase()}`;
      if (!facts.idNumber) return { personId: id, facts };
      const hash = await cipher.hash(facts.idNumber);
      const owner = await idHashes.owner(ctx.table, hash);
      if (owner && owner !== id) throw refuse('duplicate-id-number', { existingPerson: owner }, `${pointers[i]}/idNumber`);
      return {
        personId: id,
        facts,
        secret: { idCipher: await cipher.encrypt(facts.idNumber), idHash: hash, idMasked: maskIdNumber(facts.idNumber) },
      };
    }),
  );
  const ids = new Set<string>();
  const hashes = new Map<string, string>();
  for (const [i, e] of entered.entries()) {
    if (ids.has(e.personId)) throw refuse('person-exists', { person: e.personId }, `${pointers[i]}/personId`);
    ids.add(e.personId);
    if (e.secret) {
      const first = hashes.get(e.secret.idHash);
      if (first) throw refuse('duplicate-id-number', { existingPerson: first }, `${pointers[i]}/idNumber`);
      hashes.set(e.secret.idHash, e.personId);
      idHashes.claim(ctx.tx, e.secret.idHash, e.personId);
    }
  }
  return entered;
}

/** The field of a person's entry a refusal of their facts is about. */
function fieldOf(code: RefusalCode): string {
  if (code.startsWith('id-number')) return '/idNumber';
  if (code === 'sex-mismatch') return '/sex';
  return '/bornOn';
}

const sealed = (record: PersonRecord, e: Entered): PersonRecord => ({ ...record, ...(e.secret ?? {}) });

export async function registerHousehold(cmd: RegisterHousehold, ctx: RouteContext) {
  requireManager(ctx, 'household', cmd.parent);
  const path = `${cmd.parent}/${cmd.id}`;
  const [parent, existing] = await Promise.all([places.get(ctx.table, cmd.parent), places.get(ctx.table, path)]);
  if (existing) throw refuse('household-exists', { path });
  const name = cmd.name ?? { zh: `${cmd.id}户`, en: `Household ${cmd.id}` };
  const placed = settled(
    decideRegisterPlace({ parent: cmd.parent, id: cmd.id, kind: 'household', name }, parent?.place, undefined),
    '/parent',
  );
  const frame = frameOf('household', path, parent?.frame);
  const entered = await enter([cmd.head, ...cmd.members], ['/head', ...cmd.members.map((_, i) => `/members/${i}`)], ctx);
  const { state, changes } = settled(decideRegisterHousehold(placed.state, frame.village!, entered));
  places.write(ctx.tx, placed.state, frame, refuse('household-exists', { path }));
  households.write(ctx.tx, state.household, refuse('household-exists', { path }));
  for (const [i, p] of state.people.entries()) {
    people.write(ctx.tx, sealed(p, entered[i]!), refuse('person-exists', { person: p.person }));
  }
  emitChanges(ctx.tx, [...placed.changes, ...changes]);
  return { ...state.household, people: state.people.map((p, i) => maskedView(sealed(p, entered[i]!))) };
}

/** The household and its place, or 404 / a refusal when the path is not an open household. */
async function householdAt(path: string, ctx: RouteContext) {
  const [household, stored] = await Promise.all([
    ctx.once(`household:${path}`, () => households.get(ctx.table, path)),
    ctx.once(`place:${path}`, () => places.get(ctx.table, path)),
  ]);
  if (!household || !stored) throw refuse('not-a-household', { path });
  return { household, place: stored.place, frame: stored.frame };
}

export async function registerPerson(cmd: AddPerson, ctx: RouteContext) {
  const { household: path, ...input } = cmd;
  const at = await householdAt(path, ctx);
  const [entered] = await enter([input], [''], ctx);
  const { state, changes } = settled(decideAddPerson(at.household, at.place, entered!.personId, entered!.facts));
  households.write(ctx.tx, state.household, 'retry');
  people.write(ctx.tx, sealed(state.person, entered!), refuse('person-exists', { person: state.person.person }));
  emitChanges(ctx.tx, changes);
  return maskedView(sealed(state.person, entered!));
}

export async function personOrThrow(personId: string, ctx: RouteContext): Promise<PersonRecord> {
  const person = await ctx.once(`person:${personId}`, () => people.get(ctx.table, personId));
  if (!person) throw problems.notFound({ zh: '人员', en: 'The person' });
  return person;
}

export async function getPerson(personId: string, ctx: RouteContext) {
  return maskedView(await personOrThrow(personId, ctx));
}

export async function listPeople(
  query: { village: string; household?: string | undefined; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
) {
  const page = await people.ofVillage(ctx.table, query.village, {
    limit: query.limit,
    ...(query.household ? { household: query.household } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { items: page.items.map(maskedView), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

export async function getHousehold(path: string, ctx: RouteContext) {
  const household = await households.get(ctx.table, path);
  if (!household) throw problems.notFound({ zh: '户', en: 'The household' });
  const members = await people.getMany(ctx.table, household.members);
  return { ...household, people: household.members.flatMap((m) => (members.has(m) ? [maskedView(members.get(m)!)] : [])) };
}

export async function changeHead(cmd: ChangeHead, ctx: RouteContext) {
  const at = await householdAt(cmd.household, ctx);
  const { state, changes } = settled(decideChangeHead(at.household, cmd), '/head');
  households.write(ctx.tx, state, 'retry');
  emitChanges(ctx.tx, changes);
  return state;
}

export async function changePerson(personId: string, patch: ChangePerson, ctx: RouteContext) {
  const person = await personOrThrow(personId, ctx);
  const decision = decideChangePerson(person, patch, today(ctx));
  if (isRefused(decision)) throw refuse(decision.refused, decision.detail ?? {}, fieldOf(decision.refused));
  const { state, changes } = decision;
  let next = state.person;
  if (state.idChanged && state.facts.idNumber) {
    const cipher = fieldCipher();
    const hash = await cipher.hash(state.facts.idNumber);
    if (hash !== person.idHash) {
      const owner = await idHashes.owner(ctx.table, hash);
      if (owner && owner !== personId) throw refuse('duplicate-id-number', { existingPerson: owner }, '/idNumber');
      idHashes.claim(ctx.tx, hash, personId);
      if (person.idHash) idHashes.release(ctx.tx, person.idHash, personId);
    }
    next = { ...next, idCipher: await cipher.encrypt(state.facts.idNumber), idHash: hash, idMasked: maskIdNumber(state.facts.idNumber) };
  }
  people.write(ctx.tx, next, 'retry');
  emitChanges(ctx.tx, changes);
  return maskedView(next);
}

function writeDeparture(ctx: RouteContext, d: Departure, frameOfPlace: Parameters<typeof places.write>[2]): void {
  if (d.kind === 'smaller') households.write(ctx.tx, d.household, 'retry');
  else places.write(ctx.tx, d.place, frameOfPlace, 'retry');
}

function writeEnded(ctx: RouteContext, ended: readonly MembershipRecord[], seats: Awaited<ReturnType<typeof seatsOf>>): void {
  for (const m of ended) memberships.write(ctx.tx, m);
  const bySeat = new Map<string, MembershipRecord[]>();
  for (const m of ended) bySeat.set(`${m.village}#${m.body}`, [...(bySeat.get(`${m.village}#${m.body}`) ?? []), m]);
  for (const [seat, terms] of bySeat) memberships.writeSeat(ctx.tx, seats.get(seat), terms);
}

/** The seats (person × body) of the terms a change ends, read once each. */
async function seatsOf(ctx: RouteContext, terms: readonly MembershipRecord[]) {
  const bodies = [...new Map(terms.map((m) => [`${m.village}#${m.body}`, m])).values()];
  const seats = await Promise.all(bodies.map((m) => memberships.seat(ctx.table, m.person, m.village, m.body)));
  return new Map(bodies.map((m, i) => [`${m.village}#${m.body}`, seats[i]]));
}

export async function movePerson(personId: string, cmd: MovePerson, ctx: RouteContext) {
  // The route checked the caller over the person's village; a move to another village needs them over that one too.
  if (!ctx.identity || !grantFor(ctx.identity, KEEPERS, cmd.to)) throw refuse('destination-outside-jurisdiction', {}, '/to');
  const person = await personOrThrow(personId, ctx);
  const [from, to, terms] = await Promise.all([
    householdAt(person.household, ctx),
    householdAt(cmd.to, ctx),
    memberships.ofPerson(ctx.table, personId),
  ]);
  const { state, changes } = settled(decideMove(person, from, to, terms, cmd), '/to');
  const seats = await seatsOf(ctx, state.ended);
  people.write(ctx.tx, state.person, 'retry');
  writeDeparture(ctx, state.from, from.frame);
  households.write(ctx.tx, state.to, 'retry');
  writeEnded(ctx, state.ended, seats);
  emitChanges(ctx.tx, changes);
  return maskedView(state.person);
}

export async function personLeaves(personId: string, cmd: PersonLeaves, ctx: RouteContext) {
  const person = await personOrThrow(personId, ctx);
  const [from, terms] = await Promise.all([householdAt(person.household, ctx), memberships.ofPerson(ctx.table, personId)]);
  const { state, changes } = settled(decideLeave(person, from, terms, cmd));
  const seats = await seatsOf(ctx, state.ended);
  people.write(ctx.tx, state.person, 'retry');
  writeDeparture(ctx, state.from, from.frame);
  writeEnded(ctx, state.ended, seats);
  emitChanges(ctx.tx, changes);
  return maskedView(state.person);
}

/** Where a person's records sit: their village (for the route's check) from the household they belong to. */
export async function villageOfPerson(personId: string, ctx: RouteContext): Promise<string | undefined> {
  return (await ctx.once(`person:${personId}`, () => people.get(ctx.table, personId)))?.village;
}
