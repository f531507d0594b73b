import type { ServiceManifest } from '@cocreate/kernel';
import { manifest as deliberation } from '@cocreate/deliberation';
import { manifest as projects } from '@cocreate/projects';
import { manifest as compacts } from '@cocreate/compacts';
import { manifest as evaluation } from '@cocreate/evaluation';
import { manifest as rewards } from '@cocreate/rewards';
import { manifest as feeds } from '@cocreate/feeds';
import { manifest as registry } from '@cocreate/registry';
import { manifest as programme } from '@cocreate/programme';
import { demoProvinceFixtures } from '@cocreate/registry/fixtures/demo-province';
import { importRosters } from '@cocreate/registry/import-client';

/**
 * Every service of the suite. The CDK app, the local stack, the OpenAPI document and the event catalog all derive
 * from this one list.
 */
export const manifests: readonly ServiceManifest[] = [deliberation, projects, compacts, evaluation, rewards, feeds, registry, programme];

/**
 * The demo province as a province's operator would load it: its roster files imported through the registry's HTTP
 * API (scope by scope, dry run then apply). Returns how many `RegisterImported` parts the imports published, so a
 * local stack can wait until every service's copy of the register has them (`startLocalStack({ seedRegister })`).
 */
export async function seedDemoProvince(target: { baseUrl: string; token: (scope: string) => Promise<string> }): Promise<number> {
  const results = await importRosters(demoProvinceFixtures(), { ...target, runJob: true });
  return results.reduce((n, r) => n + (r.progress?.parts ?? 0), 0);
}
