import { KMSClient } from '@aws-sdk/client-kms';
import { createEventHandler, createHttpHandler, createJobHandler, createOutboxRelay, runtimeEnv, runtimeFromEnv } from '@cocreate/kernel';
import { KmsFieldCipher, useFieldCipher } from './cipher.ts';
import { manifest } from './manifest.ts';
import { wrappedHashKeyStore } from './repos/field-key.ts';

// Built once per Lambda container, outside the handlers.
const runtime = await runtimeFromEnv(manifest);

// In AWS the ID numbers are sealed under the KMS key the service stack creates for this service alone; there is
// no fallback to a local key here.
const kmsKey = process.env[runtimeEnv.fieldKmsKey];
if (!kmsKey) throw new Error(`environment variable ${runtimeEnv.fieldKmsKey} is not set`);
useFieldCipher(new KmsFieldCipher(new KMSClient({}), kmsKey, wrappedHashKeyStore(runtime.doc, runtime.table.name)));

export const http = createHttpHandler(runtime);
export const events = createEventHandler(runtime);
export const relay = createOutboxRelay(runtime);
export const jobs = createJobHandler(runtime);
