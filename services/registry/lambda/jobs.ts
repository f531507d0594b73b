import { createJobHandler } from '@cocreate/kernel/jobs';
import { s3Evidence } from '@cocreate/kernel/lambda/evidence';
import { functionRuntime } from '@cocreate/kernel/lambda/runtime';
import { manifest } from '../manifest.ts';
import { useKmsFieldCipher } from './field-cipher.ts';

// Applying an import reads the roster files from the evidence bucket and seals the ID numbers it writes.
const runtime = await functionRuntime(manifest, { evidence: s3Evidence });
useKmsFieldCipher(runtime);

export const handler = createJobHandler(runtime);
