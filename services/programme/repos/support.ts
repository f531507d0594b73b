import { type Table, type UnitOfWork, pageOf, readRecord } from '@cocreate/kernel';
import type { Team, Visit } from '../domain/support.ts';
import { keys, writeAtRevision } from './keys.ts';

const page = (limit: number, cursor?: string) => ({ limit, ...(cursor ? { cursor } : {}) });

export const teams = {
  of: (table: Table, village: string, limit: number, cursor?: string) =>
    pageOf<Team>(table, { index: 'gsi1', pk: keys.teams(village), ...page(limit, cursor) }),

  create(tx: UnitOfWork, team: Team): void {
    tx.create({ ...keys.team(team.teamId), gsi1pk: keys.teams(team.village), gsi1sk: `${team.formedOn}#${team.teamId}`, ...team }, 'retry');
  },
};

export const visits = {
  get: (table: Table, id: string) => readRecord<Visit>(table, keys.visit(id)),

  of: (table: Table, place: string, limit: number, cursor?: string) =>
    pageOf<Visit>(table, { index: 'gsi1', pk: keys.visits(place), forward: false, ...page(limit, cursor) }),

  write(tx: UnitOfWork, visit: Visit): void {
    writeAtRevision(
      tx,
      { ...keys.visit(visit.visitId), gsi1pk: keys.visits(visit.place), gsi1sk: `${visit.visitedOn}#${visit.visitId}`, ...visit },
      visit.revision,
      'retry',
    );
  },
};
