import type { ServiceManifest } from '@cocreate/kernel';
import { manifest as deliberation } from '@cocreate/deliberation';
import { manifest as projects } from '@cocreate/projects';

/**
 * Every service of the suite. The CDK app, the local stack, the OpenAPI document and the event catalog all derive
 * from this one list.
 */
export const manifests: readonly ServiceManifest[] = [deliberation, projects];
