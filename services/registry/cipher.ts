import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';

/**
 * Field-level protection of people's data (PIPL): ID numbers are stored encrypted, and found again by a keyed hash
 * so a duplicate is caught without decrypting anything.
 */
export interface FieldCipher {
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
  /** HMAC-SHA-256 of the value under the registry's hashing key, hex. Equal values give equal hashes. */
  hash(value: string): Promise<string>;
}

const IV_BYTES = 12;

function seal(key: Buffer, plain: string, aad: string): { iv: Buffer; tag: Buffer; data: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return { iv, tag: c.getAuthTag(), data };
}

function open(key: Buffer, iv: Buffer, tag: Buffer, data: Buffer, aad: string): string {
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(tag);
  return Buffer.concat([d.update(data), d.final()]).toString('utf8');
}

const b64 = (b: Buffer | Uint8Array) => Buffer.from(b).toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

/**
 * DEVELOPMENT ONLY: the fixed key of the embedded local stack and the tests, so data kept with `--data-dir` can be
 * read again after a restart. It is public (it is in the source); nothing encrypted with it is protected.
 */
export const DEVELOPMENT_FIELD_KEY = Buffer.from('cocreate-registry-local-dev-key!', 'utf8');

/**
 * AES-256-GCM with one key held in memory, for the local stack: `v1.local.<iv>.<tag>.<data>`. The hashing key is
 * derived from the same key (HMAC of a fixed label), so one variable configures both.
 */
export class LocalFieldCipher implements FieldCipher {
  private readonly hashKey: Buffer;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('a field key is 32 bytes (AES-256)');
    this.hashKey = createHmac('sha256', key).update('cocreate.registry.id-hash').digest();
  }

  /** The key from `COCREATE_FIELD_KEY` (32 bytes, base64), else the development key. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): LocalFieldCipher {
    const configured = env[fieldCipherEnv.localKey];
    return new LocalFieldCipher(configured ? Buffer.from(configured, 'base64') : DEVELOPMENT_FIELD_KEY);
  }

  async encrypt(plain: string): Promise<string> {
    const { iv, tag, data } = seal(this.key, plain, 'v1.local');
    return `v1.local.${b64(iv)}.${b64(tag)}.${b64(data)}`;
  }

  async decrypt(sealed: string): Promise<string> {
    const [v, kind, iv, tag, data] = sealed.split('.');
    if (v !== 'v1' || kind !== 'local' || !iv || !tag || data === undefined) throw new Error('not a local field ciphertext');
    return open(this.key, unb64(iv), unb64(tag), unb64(data), 'v1.local');
  }

  async hash(value: string): Promise<string> {
    return createHmac('sha256', this.hashKey).update(value, 'utf8').digest('hex');
  }
}

/** Where the KMS cipher keeps its hashing key: a data key of the same KMS key, stored wrapped, created once. */
export interface WrappedKeyStore {
  get(): Promise<string | undefined>;
  /** Stores `wrapped` unless a key is already stored; returns the one that is stored afterwards. */
  putIfAbsent(wrapped: string): Promise<string>;
}

const ENCRYPTION_CONTEXT = { service: 'cocreate.registry', purpose: 'field-encryption' };
const HASH_CONTEXT = { service: 'cocreate.registry', purpose: 'id-hash' };

/**
 * Envelope encryption under an AWS KMS key: one data key per container (GenerateDataKey once, then local
 * AES-256-GCM), its KMS-wrapped copy stored with every value: `v1.kms.<wrapped key>.<iv>.<tag>.<data>`. Decrypting
 * asks KMS once per wrapped key a container meets. The hashing key is a data key too, generated once for the whole
 * deployment and kept wrapped in the registry's table; each container unwraps it on first use. The plain keys never
 * leave memory.
 */
export class KmsFieldCipher implements FieldCipher {
  private dataKey?: Promise<{ plain: Buffer; wrapped: string }>;
  private readonly unwrapped = new Map<string, Promise<Buffer>>();
  private hashKey?: Promise<Buffer>;

  constructor(
    private readonly kms: Pick<KMSClient, 'send'>,
    private readonly keyId: string,
    private readonly hashKeyStore: WrappedKeyStore,
  ) {}

  private async generate(context: Record<string, string>): Promise<{ plain: Buffer; wrapped: string }> {
    const out = await this.kms.send(new GenerateDataKeyCommand({ KeyId: this.keyId, KeySpec: 'AES_256', EncryptionContext: context }));
    if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS returned no data key');
    return { plain: Buffer.from(out.Plaintext), wrapped: b64(out.CiphertextBlob) };
  }

  private unwrap(wrapped: string, context: Record<string, string>): Promise<Buffer> {
    let key = this.unwrapped.get(wrapped);
    if (!key) {
      key = this.kms
        .send(new DecryptCommand({ CiphertextBlob: unb64(wrapped), KeyId: this.keyId, EncryptionContext: context }))
        .then((out) => {
          if (!out.Plaintext) throw new Error('KMS returned no plaintext');
          return Buffer.from(out.Plaintext);
        });
      key.catch(() => this.unwrapped.delete(wrapped));
      this.unwrapped.set(wrapped, key);
    }
    return key;
  }

  async encrypt(plain: string): Promise<string> {
    this.dataKey ??= this.generate(ENCRYPTION_CONTEXT);
    this.dataKey.catch(() => (this.dataKey = undefined));
    const { plain: key, wrapped } = await this.dataKey;
    const { iv, tag, data } = seal(key, plain, 'v1.kms');
    return `v1.kms.${wrapped}.${b64(iv)}.${b64(tag)}.${b64(data)}`;
  }

  async decrypt(sealed: string): Promise<string> {
    const [v, kind, wrapped, iv, tag, data] = sealed.split('.');
    if (v !== 'v1' || kind !== 'kms' || !wrapped || !iv || !tag || data === undefined) throw new Error('not a KMS field ciphertext');
    const key = await this.unwrap(wrapped, ENCRYPTION_CONTEXT);
    return open(key, unb64(iv), unb64(tag), unb64(data), 'v1.kms');
  }

  async hash(value: string): Promise<string> {
    this.hashKey ??= (async () => {
      const stored = (await this.hashKeyStore.get()) ?? (await this.hashKeyStore.putIfAbsent((await this.generate(HASH_CONTEXT)).wrapped));
      return this.unwrap(stored, HASH_CONTEXT);
    })();
    this.hashKey.catch(() => (this.hashKey = undefined));
    return createHmac('sha256', await this.hashKey)
      .update(value, 'utf8')
      .digest('hex');
  }
}

/**
 * The local cipher's key variable. (The KMS key's, `COCREATE_FIELD_KMS_KEY`, is the kernel's `runtimeEnv.fieldKmsKey`:
 * the service stack sets it for a manifest with `fieldEncryption`.)
 */
export const fieldCipherEnv = { localKey: 'COCREATE_FIELD_KEY' } as const;

let configured: FieldCipher | undefined;

/** Sets the cipher of this process (the Lambda entry points set the KMS one). */
export function useFieldCipher(cipher: FieldCipher): void {
  configured = cipher;
}

/**
 * The cipher handlers use. Unless an entry point configured one (lambda.ts always does, with KMS), this is the local
 * cipher: the embedded stack and the tests, which never run lambda.ts.
 */
export function fieldCipher(): FieldCipher {
  return (configured ??= LocalFieldCipher.fromEnv());
}
