import { beforeAll, describe, expect, it } from 'vitest';
import { api, busEvents, callers, eventually, household, idNumber, newPerson, registerTree, tree } from './support.ts';
import { accessLogRoute, exportPersonRoute, fullRecordRoute } from '../handlers/privacy.ts';
import { bodyMembersRoute, startMembershipRoute } from '../handlers/memberships.ts';
import {
  changeHeadRoute,
  changePersonRoute,
  getHouseholdRoute,
  getPersonRoute,
  listPeopleRoute,
  movePersonRoute,
  personLeavesRoute,
  registerHouseholdRoute,
  registerPersonRoute,
} from '../handlers/people.ts';
import { getPlaceRoute } from '../handlers/places.ts';

beforeAll(registerTree);

const g1 = `${tree.village}/g1`;
const g2 = `${tree.village}/g2`;

describe('households and people', () => {
  it('registers a household with its head and members: masked views, events without full names or ID numbers', async () => {
    const head = newPerson('张三明', { personId: 'p-yucun-zhang' });
    const res = await api.call(
      registerHouseholdRoute,
      { body: { parent: g1, id: 'h01', head, members: [newPerson('李秀英'), { fullName: '张小宝', bornOn: '2015-08-01' }] } },
      { as: callers.cadre },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ path: `${g1}/h01`, village: tree.village, head: 'p-yucun-zhang', revision: 1 });
    expect(res.body.members).toHaveLength(3);
    expect(res.body.members[1]).toMatch(/^p-[0-9a-z]{26}$/);
    expect(res.body.people[0]).toMatchObject({
      person: 'p-yucun-zhang',
      maskedName: '张*明',
      maskedPhone: '138****5678',
      maskedIdNumber: `${head.idNumber.slice(0, 6)}********${head.idNumber.slice(-4)}`,
      votingAgeFrom: '1998-06-15',
      resident: true,
      partyMember: false,
    });
    expect(JSON.stringify(res.body)).not.toContain('张三明');
    expect(JSON.stringify(res.body)).not.toContain(head.idNumber);
    const events = await eventually('PersonRegistered', (d) => d.person === 'p-yucun-zhang');
    expect(events[0].meta.place).toBe(`${g1}/h01`);
    expect(await eventually('HouseholdChanged', (d) => d.path === `${g1}/h01`)).toHaveLength(1);
    expect(await eventually('PlaceRegistered', (d) => d.path === `${g1}/h01` && d.kind === 'household')).toHaveLength(1);
    const all = JSON.stringify(await busEvents('PersonRegistered'));
    expect(all).not.toContain('张三明');
    expect(all).not.toContain(head.idNumber);
    expect(all).not.toContain('13812345678');
  });

  it('shows masked people to readers (the supervision committee included), not to another village', async () => {
    const list = await api.call(listPeopleRoute, { query: { village: tree.village } }, { as: callers.supervisor });
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: any) => p.maskedName)).toEqual(expect.arrayContaining(['张*明', '李*英', '张*宝']));
    const first = await api.call(listPeopleRoute, { query: { village: tree.village, limit: 2 } }, { as: callers.supervisor });
    expect(first.body.items).toHaveLength(2);
    const rest = await api.call(
      listPeopleRoute,
      { query: { village: tree.village, limit: 2, cursor: first.body.cursor } },
      {
        as: callers.supervisor,
      },
    );
    expect([...first.body.items, ...rest.body.items].map((p: any) => p.person).sort()).toEqual(
      list.body.items.map((p: any) => p.person).sort(),
    );
    const one = await api.call(getPersonRoute, { params: { personId: 'p-yucun-zhang' } }, { as: callers.supervisor });
    expect(one.body).toMatchObject({ maskedName: '张*明', household: `${g1}/h01` });
    expect(one.body).not.toHaveProperty('fullName');
    const hh = await api.call(getHouseholdRoute, { query: { path: `${g1}/h01` } }, { as: callers.township });
    expect(hh.body.people).toHaveLength(3);
    expect((await api.call(getPersonRoute, { params: { personId: 'p-yucun-zhang' } }, { as: callers.otherCadre })).status).toBe(403);
    expect((await api.call(getPersonRoute, { params: { personId: 'p-nobody' } }, { as: callers.cadre })).status).toBe(404);
  });

  it('refuses a second person with the same ID number — 409 naming the existing person, nothing written', async () => {
    const first = newPerson('赵大海');
    const registered = await api.call(
      registerPersonRoute,
      { body: { household: `${g1}/h01`, personId: 'p-yucun-zhao', ...first } },
      { as: callers.cadre },
    );
    expect(registered.status).toBe(201);
    const dup = await api.call(
      registerHouseholdRoute,
      {
        body: {
          parent: g2,
          id: 'h05',
          head: newPerson('钱二'),
          members: [{ ...newPerson('赵海'), idNumber: first.idNumber.toLowerCase() }],
        },
      },
      { as: callers.cadre },
    );
    expect(dup).toMatchObject({ status: 409, body: { code: 'duplicate-id-number', existingPerson: 'p-yucun-zhao' } });
    // Nothing of the refused household was written: no place, no household, no head.
    expect((await api.call(getPlaceRoute, { query: { path: `${g2}/h05` } }, { as: callers.cadre })).status).toBe(404);
    const sameRequest = await api.call(
      registerHouseholdRoute,
      { body: { parent: g2, id: 'h06', head: newPerson('孙一', { idNumber: first.idNumber }), members: [] } },
      { as: callers.cadre },
    );
    expect(sameRequest).toMatchObject({ status: 409, body: { code: 'duplicate-id-number', existingPerson: 'p-yucun-zhao' } });
    const twiceInOne = await api.call(
      registerHouseholdRoute,
      {
        body: {
          parent: g2,
          id: 'h07',
          head: newPerson('孙二', { idNumber: idNumber('1970-01-01', '555') }),
          members: [{ fullName: '孙三', idNumber: idNumber('1970-01-01', '555') }],
        },
      },
      { as: callers.cadre },
    );
    expect(twiceInOne).toMatchObject({ status: 409, body: { code: 'duplicate-id-number' } });
    const idTaken = await api.call(
      registerPersonRoute,
      { body: { household: `${g1}/h01`, personId: 'p-yucun-zhao', fullName: '赵小海' } },
      { as: callers.cadre },
    );
    expect(idTaken).toMatchObject({ status: 409, body: { code: 'person-exists' } });
    const existing = await api.call(
      registerHouseholdRoute,
      { body: { parent: g1, id: 'h01', head: newPerson('周一') } },
      { as: callers.cadre },
    );
    expect(existing).toMatchObject({ status: 409, body: { code: 'household-exists' } });
    // A later change reaches the bus; the refused ones never did.
    await household(g2, 'h08', callers.cadre, [], '吴八');
    await eventually('HouseholdChanged', (d) => d.path === `${g2}/h08`);
    expect(await busEvents('PlaceRegistered', (d) => [`${g2}/h05`, `${g2}/h06`, `${g2}/h07`].includes(d.path))).toEqual([]);
    expect((await busEvents('PersonRegistered', (d) => d.person === 'p-yucun-zhao')).length).toBe(1);
  });

  it('under concurrent writes: one of two entries with the same ID number wins, and no member added at once is lost', async () => {
    const shared = idNumber('1975-09-09', '321');
    const racing = await Promise.all(
      ['h11', 'h12'].map((id) =>
        api.call(
          registerHouseholdRoute,
          { body: { parent: g2, id, head: newPerson('同号人', { idNumber: shared }) } },
          { as: callers.cadre },
        ),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = racing.find((r) => r.status === 201)!.body.head;
    expect(racing.find((r) => r.status === 409)!.body).toMatchObject({ code: 'duplicate-id-number', existingPerson: winner });
    const home = await household(g2, 'h13', callers.cadre, [], '多子女');
    const births = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        api.call(
          registerPersonRoute,
          { body: { household: home.path, fullName: `孩子${i}`, bornOn: '2020-01-0' + i } },
          { as: callers.cadre },
        ),
      ),
    );
    expect(births.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const after = await api.call(getHouseholdRoute, { query: { path: home.path } }, { as: callers.cadre });
    expect(after.body.members).toHaveLength(6);
    expect(after.body.revision).toBe(6);
  });

  it('answers bad input with 4xx problem+json naming the field, never a 500', async () => {
    const id = idNumber('1986-05-04');
    const badCheck = await api.call(
      registerPersonRoute,
      { body: { household: `${g1}/h01`, fullName: '错号', idNumber: `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}` } },
      { as: callers.cadre },
    );
    expect(badCheck).toMatchObject({ status: 422, body: { code: 'id-number-check-digit', errors: [{ pointer: '/idNumber' }] } });
    expect(badCheck.headers.get('content-type')).toMatch(/problem\+json/);
    const mismatch = await api.call(
      registerPersonRoute,
      { body: { household: `${g1}/h01`, fullName: '错日', idNumber: id, bornOn: '1986-05-05' } },
      { as: callers.cadre },
    );
    expect(mismatch).toMatchObject({ status: 422, body: { code: 'birth-date-mismatch', errors: [{ pointer: '/bornOn' }] } });
    const inHousehold = await api.call(
      registerHouseholdRoute,
      { body: { parent: g2, id: 'h10', head: newPerson('错号户', { idNumber: '420102860504123' }) } },
      { as: callers.cadre },
    );
    expect(inHousehold).toMatchObject({ status: 422, body: { code: 'id-number-old-15', errors: [{ pointer: '/head/idNumber' }] } });
    const notHousehold = await api.call(registerPersonRoute, { body: { household: g1, fullName: '无户' } }, { as: callers.cadre });
    expect(notHousehold).toMatchObject({ status: 422, body: { code: 'not-a-household' } });
    // raw: invalid input on purpose
    const malformed = await api.post(
      '/registry/people',
      { household: `${g1}/h01`, fullName: '', phone: 'call me', resident: 'yes', personId: 'P_1' },
      { as: callers.cadre },
    );
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors!.map((e: any) => e.pointer).sort()).toEqual(['/fullName', '/personId', '/phone', '/resident']);
    const patchNothing = await api.call(changePersonRoute, { params: { personId: 'p-yucun-zhao' }, body: {} }, { as: callers.cadre });
    expect(patchNothing.status).toBe(422);
  });

  it('refuses a cadre of another village — 403, nothing written', async () => {
    const res = await api.call(
      registerPersonRoute,
      { body: { household: `${g1}/h01`, personId: 'p-intruder', fullName: '外村人' } },
      { as: callers.otherCadre },
    );
    expect(res.status).toBe(403);
    const change = await api.call(
      changePersonRoute,
      { params: { personId: 'p-yucun-zhao' }, body: { partyMember: true } },
      { as: callers.otherCadre },
    );
    expect(change.status).toBe(403);
    const byOps = await api.call(registerHouseholdRoute, { body: { parent: g2, id: 'h09', head: newPerson('运维') } }, { as: callers.ops });
    expect(byOps.status).toBe(403);
    expect((await api.call(getPersonRoute, { params: { personId: 'p-intruder' } }, { as: callers.cadre })).status).toBe(404);
    expect((await api.call(getPersonRoute, { params: { personId: 'p-yucun-zhao' } }, { as: callers.cadre })).body).toMatchObject({
      partyMember: false,
      revision: 1,
    });
  });

  it('changes a person (PersonChanged, next revision) and re-keys a corrected ID number', async () => {
    const changed = await api.call(
      changePersonRoute,
      { params: { personId: 'p-yucun-zhao' }, body: { partyMember: true, phone: '13900001111' } },
      { as: callers.cadre },
    );
    expect(changed).toMatchObject({ status: 200, body: { partyMember: true, maskedPhone: '139****1111', revision: 2 } });
    const corrected = idNumber('1981-02-03', '777');
    const recoded = await api.call(
      changePersonRoute,
      { params: { personId: 'p-yucun-zhao' }, body: { idNumber: corrected, expectedRevision: 2 } },
      { as: callers.cadre },
    );
    expect(recoded).toMatchObject({ status: 200, body: { votingAgeFrom: '1999-02-03', revision: 3 } });
    // The old number is free again; the new one is taken.
    const old = (
      await api.call(exportPersonRoute, { params: { personId: 'p-yucun-zhao' }, query: { purpose: '核对' } }, { as: callers.cadre })
    ).body.person.idNumber;
    expect(old).toBe(corrected);
    const reuse = await api.call(
      registerPersonRoute,
      { body: { household: `${g1}/h01`, fullName: '新人', idNumber: corrected } },
      { as: callers.cadre },
    );
    expect(reuse).toMatchObject({ status: 409, body: { code: 'duplicate-id-number', existingPerson: 'p-yucun-zhao' } });
    const stale = await api.call(
      changePersonRoute,
      { params: { personId: 'p-yucun-zhao' }, body: { resident: false, expectedRevision: 2 } },
      { as: callers.cadre },
    );
    expect(stale).toMatchObject({ status: 409, body: { code: 'stale-revision', currentRevision: 3 } });
    expect(await eventually('PersonChanged', (d) => d.person === 'p-yucun-zhao' && d.revision === 3)).toHaveLength(1);
  });

  it('moves a person to another household: PersonMoved, HouseholdChanged for both; the head changes first', async () => {
    const target = await household(g2, 'h02', callers.cadre, [], '钱多多');
    const moved = await api.call(
      movePersonRoute,
      { params: { personId: 'p-yucun-zhao' }, body: { to: target.path, on: '2027-03-01' } },
      { as: callers.cadre },
    );
    expect(moved).toMatchObject({ status: 200, body: { household: target.path, village: tree.village } });
    const ev = await eventually('PersonMoved', (d) => d.person === 'p-yucun-zhao');
    expect(ev[0].data).toMatchObject({ fromHousehold: `${g1}/h01`, household: target.path });
    await eventually('HouseholdChanged', (d) => d.path === target.path && d.members.includes('p-yucun-zhao'));
    await eventually('HouseholdChanged', (d) => d.path === `${g1}/h01` && !d.members.includes('p-yucun-zhao') && d.members.length === 3);
    const headMoves = await api.call(
      movePersonRoute,
      { params: { personId: 'p-yucun-zhang' }, body: { to: target.path, on: '2027-03-01' } },
      { as: callers.cadre },
    );
    expect(headMoves).toMatchObject({ status: 409, body: { code: 'head-must-change-first' } });
    const members = (await api.call(getHouseholdRoute, { query: { path: `${g1}/h01` } }, { as: callers.cadre })).body.members as string[];
    const newHead = members.find((m) => m !== 'p-yucun-zhang')!;
    const notMember = await api.call(changeHeadRoute, { body: { household: `${g1}/h01`, head: 'p-yucun-zhao' } }, { as: callers.cadre });
    expect(notMember).toMatchObject({ status: 422, body: { code: 'head-not-a-member' } });
    const head = await api.call(changeHeadRoute, { body: { household: `${g1}/h01`, head: newHead } }, { as: callers.cadre });
    expect(head).toMatchObject({ status: 200, body: { head: newHead } });
    expect(
      (
        await api.call(
          movePersonRoute,
          { params: { personId: 'p-yucun-zhang' }, body: { to: target.path, on: '2027-03-02' } },
          { as: callers.cadre },
        )
      ).status,
    ).toBe(200);
    const same = await api.call(
      movePersonRoute,
      { params: { personId: 'p-yucun-zhang' }, body: { to: target.path, on: '2027-03-03' } },
      { as: callers.cadre },
    );
    expect(same).toMatchObject({ status: 422, body: { code: 'same-household' } });
  });

  it('refuses a move into a village outside the caller’s jurisdiction', async () => {
    const far = await household(`${tree.otherVillage}/g1`, 'h01', callers.township, [], '孙远');
    const res = await api.call(
      movePersonRoute,
      { params: { personId: 'p-yucun-zhao' }, body: { to: far.path, on: '2027-04-01' } },
      { as: callers.cadre },
    );
    expect(res).toMatchObject({ status: 403, body: { reason: 'destination-outside-jurisdiction' } });
  });

  it('a person who dies leaves their household and every body that day (PersonLeft, MembershipEnded with reason left)', async () => {
    const seat = await api.call(
      startMembershipRoute,
      { body: { village: tree.village, body: 'supervision-committee', person: 'p-yucun-zhao', title: '委员', from: '2026-01-01' } },
      { as: callers.cadre },
    );
    expect(seat.status).toBe(201);
    const left = await api.call(
      personLeavesRoute,
      { params: { personId: 'p-yucun-zhao' }, body: { on: '2027-05-01', reason: 'died' } },
      { as: callers.cadre },
    );
    expect(left).toMatchObject({ status: 200, body: { left: { on: '2027-05-01', reason: 'died' }, revision: 5 } });
    const ended = await eventually('MembershipEnded', (d) => d.person === 'p-yucun-zhao');
    expect(ended[0].data).toMatchObject({ membershipId: seat.body.membershipId, until: '2027-05-01', reason: 'left' });
    expect(await eventually('PersonLeft', (d) => d.person === 'p-yucun-zhao')).toHaveLength(1);
    const members = await api.call(
      bodyMembersRoute,
      { query: { village: tree.village, body: 'supervision-committee', on: '2027-05-01' } },
      { as: callers.cadre },
    );
    expect(members.body.members).toEqual([]);
    const again = await api.call(
      personLeavesRoute,
      { params: { personId: 'p-yucun-zhao' }, body: { on: '2027-06-01', reason: 'died' } },
      { as: callers.cadre },
    );
    expect(again).toMatchObject({ status: 409, body: { code: 'person-left' } });
    const nowOwner = await api.call(
      startMembershipRoute,
      { body: { village: tree.village, body: 'party-branch', person: 'p-yucun-zhao', from: '2027-06-01' } },
      { as: callers.cadre },
    );
    expect(nowOwner).toMatchObject({ status: 409, body: { code: 'person-left' } });
  });
});

describe('unmasked reads (PIPL): a purpose, a log the county sees, a subject-access export', () => {
  it('shows the full record only with a purpose, and logs who, when, which person and why', async () => {
    const noPurpose = await api.call(fullRecordRoute, { params: { personId: 'p-yucun-zhang' } }, { as: callers.cadre });
    expect(noPurpose.status).toBe(400);
    const bySupervisor = await api.call(
      fullRecordRoute,
      { params: { personId: 'p-yucun-zhang' }, query: { purpose: '核查' } },
      { as: callers.supervisor },
    );
    expect(bySupervisor.status).toBe(403);
    const full = await api.call(
      fullRecordRoute,
      { params: { personId: 'p-yucun-zhang' }, query: { purpose: '低保资格核查' } },
      { as: callers.cadre },
    );
    expect(full).toMatchObject({
      status: 200,
      body: { fullName: '张三明', phone: '13812345678', bornOn: '1980-06-15', sex: 'male', maskedName: '张*明' },
    });
    expect(full.body.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(full.body).not.toHaveProperty('idCipher');
    const log = await api.call(accessLogRoute, { query: { county: tree.county } }, { as: callers.county });
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({
      person: 'p-yucun-zhang',
      by: 'cadre-yucun',
      role: 'cadre',
      purpose: '低保资格核查',
      what: 'record',
      county: tree.county,
    });
    expect((await api.call(accessLogRoute, { query: { county: tree.county } }, { as: callers.otherCounty })).status).toBe(403);
    expect((await api.call(accessLogRoute, { query: { county: tree.county } }, { as: callers.cadre })).status).toBe(403);
    const elsewhere = await api.call(accessLogRoute, { query: { county: tree.otherCounty } }, { as: callers.otherCounty });
    expect(elsewhere.body.items).toEqual([]);
  });

  it('exports everything held about a person, unmasked, and logs the export', async () => {
    const res = await api.call(
      exportPersonRoute,
      { params: { personId: 'p-yucun-zhang' }, query: { purpose: '本人申请查阅（个人信息保护法第四十五条）' } },
      {
        as: callers.township,
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.person).toMatchObject({ person: 'p-yucun-zhang', fullName: '张三明' });
    expect(res.body.household!.members).toContain('p-yucun-zhang');
    expect(res.body.accessLog.map((e: any) => e.purpose)).toContain('低保资格核查');
    const log = await api.call(accessLogRoute, { query: { county: tree.county } }, { as: callers.county });
    expect(log.body.items[0]).toMatchObject({ person: 'p-yucun-zhang', what: 'export', by: 'township-thp' });
  });
});
