import { createEventHandler } from '@cocreate/kernel/consumer';
import { functionRuntime } from '@cocreate/kernel/lambda/runtime';
import { manifest } from '../manifest.ts';
import { useKmsFieldCipher } from './field-cipher.ts';

// The register subscribes to nothing today (no events function is deployed); a future subscription that touches
// people's records finds the cipher set.
const runtime = await functionRuntime(manifest);
useKmsFieldCipher(runtime);

export const handler = createEventHandler(runtime);
