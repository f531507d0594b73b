import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { REGISTER_CHANGES_PER_EVENT, RegisterImported, type RegisterChange } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { type PlaceData, maskName } from '@cocreate/places';
import { demoSeed } from '@cocreate/places/seed';

/** The day the demo register's memberships and ownerships begin. */
export const DEMO_TERMS_FROM = '2026-01-01';

/** The demo province as register changes, every thing at revision 1, parents before children. */
export function demoRegisterChanges(data: PlaceData = demoSeed): RegisterChange[] {
  const changes: RegisterChange[] = [];
  for (const p of data.places) changes.push({ type: 'PlaceRegistered', state: { path: p.path, kind: p.kind, name: p.name, revision: 1 } });
  for (const p of data.people) {
    changes.push({
      type: 'PersonRegistered',
      state: {
        person: p.id,
        maskedName: maskName(p.name),
        household: p.household,
        village: p.village,
        partyMember: p.roles.includes('party-member'),
        resident: true,
        revision: 1,
      },
    });
  }
  for (const h of data.households) {
    changes.push({ type: 'HouseholdChanged', state: { path: h.path, village: h.village, head: h.head, members: h.members, revision: 1 } });
    if (h.owners.length) {
      changes.push({
        type: 'OwnershipChanged',
        state: { path: h.path, village: h.village, owners: h.owners.map((o) => ({ ...o, from: DEMO_TERMS_FROM })), revision: 1 },
      });
    }
  }
  for (const b of data.bodies) {
    for (const person of b.members) {
      changes.push({
        type: 'MembershipStarted',
        state: { membershipId: newId(), village: b.village, body: b.kind, person, from: DEMO_TERMS_FROM, revision: 1 },
      });
    }
  }
  return changes;
}

/**
 * Publishes register changes as the registry does after an import: `RegisterImported` parts of at most 100 changes.
 * Every service's copy of the register is filled from them.
 */
export async function publishRegisterImport(
  eventBridge: EventBridgeClient,
  busName: string,
  scope: string,
  changes: RegisterChange[],
  now: Date,
): Promise<number> {
  const importId = newId();
  const parts = Math.ceil(changes.length / REGISTER_CHANGES_PER_EVENT);
  const entries = Array.from({ length: parts }, (_, i) => {
    const data = RegisterImported.data.parse({
      importId,
      scope,
      part: i + 1,
      parts,
      changes: changes.slice(i * REGISTER_CHANGES_PER_EVENT, (i + 1) * REGISTER_CHANGES_PER_EVENT),
    });
    const id = newId();
    const meta = {
      id,
      type: RegisterImported.type,
      version: RegisterImported.version,
      source: RegisterImported.source,
      occurredAt: now.toISOString(),
      place: scope,
      actor: { sub: 'cocreate.local' },
      correlationId: `import-${importId}`,
      causationId: null,
    };
    return {
      EventBusName: busName,
      Source: RegisterImported.source,
      DetailType: RegisterImported.type,
      Detail: JSON.stringify({ meta, data }),
      Time: now,
    };
  });
  for (let i = 0; i < entries.length; i += 10) {
    const out = await eventBridge.send(new PutEventsCommand({ Entries: entries.slice(i, i + 10) }));
    if (out.FailedEntryCount) throw new Error(`publishing the demo register failed: ${JSON.stringify(out.Entries)}`);
  }
  return parts;
}
