import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonRegistered, PlaceRegistered, RegisterImported } from '@cocreate/contracts';
import { LocalApi, eventually, publishEvent } from '@cocreate/local/testing';
import { newId } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { Receiver, clockNow, registerAgency, runDeliver, stack, subscribe } from './support.ts';

const api = new LocalApi(stack().url);

/**
 * The register's events about households, people, owners and memberships carry what the suite's services need about
 * residents (masked names, party membership, voting age); they stay inside the suite. An agency subscribed to every
 * event of the registry gets its place events and nothing about people, live or from the log.
 */
describe('the register’s events about people on the agencies’ feeds', () => {
  const receiver = new Receiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  it('delivers the registry’s place events and neither a person’s event nor an import part', async () => {
    const agency = await registerAgency(api, demo.hongan, 'hongan-register');
    await subscribe(api, agency, { pattern: { source: ['cocreate.registry'] }, delivery: { mode: 'webhook', url: receiver.url } });
    const village = demo.majiaqiao;
    const occurredAt = (await clockNow(api)).toISOString();
    const person = { ...PersonRegistered.example, person: 'p-privacy-01', village, household: `${village}/g1/h-privacy` };
    const personEvent = await publishEvent(stack().eventbridge, PersonRegistered, person, { place: village, occurredAt });
    const importPart = await publishEvent(
      stack().eventbridge,
      RegisterImported,
      { importId: newId(), scope: village, part: 1, parts: 1, changes: [{ type: 'PersonRegistered', state: person }] },
      { place: village, occurredAt },
    );
    const place = { path: `${village}/g-privacy`, kind: 'group' as const, name: { zh: '隐私组', en: 'Privacy group' }, revision: 1 };
    const placeEvent = await publishEvent(stack().eventbridge, PlaceRegistered, place, { place: place.path, occurredAt });

    await eventually(
      async () => {
        await runDeliver(api);
        return receiver.forEvent(placeEvent).length === 1;
      },
      60_000,
      'the place event delivered',
    );
    // Published before the place event, the person's and the import's would have arrived by now if they were sent.
    await fetch(`${stack().url}/_local/bus/idle`);
    await runDeliver(api);
    expect(receiver.forEvent(personEvent)).toHaveLength(0);
    expect(receiver.forEvent(importPart)).toHaveLength(0);
  });
});
