import { registryEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';
import { applyImportsJob, importRoutes } from './handlers/imports.ts';
import { membershipRoutes } from './handlers/memberships.ts';
import { peopleRoutes } from './handlers/people.ts';
import { placeRoutes } from './handlers/places.ts';
import { privacyRoutes } from './handlers/privacy.ts';
import { propertyRoutes } from './handlers/properties.ts';

/** 村情台账 — the register of places, households, people, owners and bodies; every change an event. */
export const manifest = defineService({
  name: 'registry',
  title: { zh: '村情台账', en: 'Register of places and people' },
  table: {
    indexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
  },
  routes: [...placeRoutes, ...peopleRoutes, ...propertyRoutes, ...membershipRoutes, ...privacyRoutes, ...importRoutes],
  subscriptions: [],
  jobs: [applyImportsJob],
  publishes: registryEvents,
  // Roster uploads, large import plans and the blank templates live under registry/ in the evidence bucket.
  evidence: true,
  // ID numbers are encrypted at field level under the service's own KMS key (see cipher.ts).
  fieldEncryption: true,
});
