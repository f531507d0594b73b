import { createHttpHandler } from '@cocreate/kernel/http';
import { createVerifier } from '@cocreate/kernel/identity';
import { s3Evidence } from '@cocreate/kernel/lambda/evidence';
import { functionRuntime, verifierConfigFrom } from '@cocreate/kernel/lambda/runtime';
import { manifest } from '../manifest.ts';
import { useKmsFieldCipher } from './field-cipher.ts';

// As `httpFunction`, with the field cipher set on the function's own runtime (people's ID numbers).
const runtime = await functionRuntime(manifest, { evidence: s3Evidence, verifier: createVerifier(verifierConfigFrom(process.env)) });
useKmsFieldCipher(runtime);

export const handler = createHttpHandler(runtime);
