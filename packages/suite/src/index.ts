import type { ServiceManifest } from '@cocreate/kernel';
import { manifest as deliberation } from '@cocreate/deliberation';
import { manifest as projects } from '@cocreate/projects';
import { manifest as compacts } from '@cocreate/compacts';
import { manifest as evaluation } from '@cocreate/evaluation';
import { manifest as rewards } from '@cocreate/rewards';
import { manifest as feeds } from '@cocreate/feeds';
import { manifest as registry } from '@cocreate/registry';

/**
 * Every service of the suite. The CDK app, the local stack, the OpenAPI document and the event catalog all derive
 * from this one list.
 */
export const manifests: readonly ServiceManifest[] = [deliberation, projects, compacts, evaluation, rewards, feeds, registry];
