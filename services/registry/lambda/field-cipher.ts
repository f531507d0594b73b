import { KMSClient } from '@aws-sdk/client-kms';
import { runtimeEnv } from '@cocreate/kernel/names';
import type { ServiceRuntime } from '@cocreate/kernel/runtime';
import { KmsFieldCipher, useFieldCipher } from '../cipher.ts';
import { wrappedHashKeyStore } from '../repos/field-key.ts';

/**
 * In AWS the ID numbers are sealed under the KMS key the service stack creates for this service alone; there is no
 * fallback to a local key here. Every function that reads or writes people's records sets it before its first call.
 */
export function useKmsFieldCipher(runtime: ServiceRuntime): void {
  const kmsKey = process.env[runtimeEnv.fieldKmsKey];
  if (!kmsKey) throw new Error(`environment variable ${runtimeEnv.fieldKmsKey} is not set`);
  useFieldCipher(new KmsFieldCipher(new KMSClient({}), kmsKey, wrappedHashKeyStore(runtime.doc, runtime.table.name)));
}
