import { describe, expect, it } from 'vitest';
import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { DEVELOPMENT_FIELD_KEY, KmsFieldCipher, LocalFieldCipher, type WrappedKeyStore } from '../cipher.ts';

const ID = '420102198605041234';

describe('the local field cipher (AES-256-GCM; the development key is for the local stack only)', () => {
  const cipher = new LocalFieldCipher(DEVELOPMENT_FIELD_KEY);

  it('seals and opens; two seals of one value differ; a tampered value does not open', async () => {
    const a = await cipher.encrypt(ID);
    const b = await cipher.encrypt(ID);
    expect(a).not.toBe(b);
    expect(a).not.toContain(ID);
    expect(await cipher.decrypt(a)).toBe(ID);
    const parts = a.split('.');
    parts[4] = Buffer.from('x'.repeat(18)).toString('base64url');
    await expect(cipher.decrypt(parts.join('.'))).rejects.toThrow();
  });

  it('hashes with a key: equal numbers hash equal, another key hashes differently', async () => {
    expect(await cipher.hash(ID)).toBe(await cipher.hash(ID));
    expect(await cipher.hash(ID)).toMatch(/^[0-9a-f]{64}$/);
    const other = new LocalFieldCipher(Buffer.alloc(32, 7));
    expect(await other.hash(ID)).not.toBe(await cipher.hash(ID));
    expect(() => new LocalFieldCipher(Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('reads its key from COCREATE_FIELD_KEY', async () => {
    const key = Buffer.alloc(32, 3);
    const fromEnv = LocalFieldCipher.fromEnv({ COCREATE_FIELD_KEY: key.toString('base64') });
    expect(await fromEnv.hash(ID)).toBe(await new LocalFieldCipher(key).hash(ID));
  });
});

/** A stand-in for KMS: "wraps" a data key by XOR with a master, and counts the calls. */
function fakeKms() {
  const master = Buffer.alloc(32, 0x5a);
  const xor = (b: Uint8Array) => Buffer.from(b.map((x, i) => x ^ master[i % 32]!));
  const calls = { generate: 0, decrypt: 0 };
  let n = 0;
  return {
    calls,
    send: async (command: unknown) => {
      if (command instanceof GenerateDataKeyCommand) {
        calls.generate++;
        const plain = Buffer.alloc(32, ++n);
        return { Plaintext: plain, CiphertextBlob: xor(plain) };
      }
      if (command instanceof DecryptCommand) {
        calls.decrypt++;
        return { Plaintext: xor(command.input.CiphertextBlob!) };
      }
      throw new Error('unexpected command');
    },
  };
}

function memoryStore(): WrappedKeyStore & { stored?: string } {
  const store: WrappedKeyStore & { stored?: string } = {
    get: async () => store.stored,
    putIfAbsent: async (w) => (store.stored ??= w),
  };
  return store;
}

describe('the KMS field cipher (envelope encryption)', () => {
  it('asks KMS for one data key per container, whatever it seals; another container unwraps it once', async () => {
    const kms = fakeKms();
    const store = memoryStore();
    const a = new KmsFieldCipher(kms as never, 'arn:aws-cn:kms:cn-north-1:111122223333:key/k', store);
    const sealed = await Promise.all([a.encrypt(ID), a.encrypt('110101199003077777')]);
    expect(kms.calls.generate).toBe(1);
    expect(sealed[0]).toMatch(/^v1\.kms\./);
    const b = new KmsFieldCipher(kms as never, 'arn:aws-cn:kms:cn-north-1:111122223333:key/k', store);
    expect(await b.decrypt(sealed[0])).toBe(ID);
    expect(await b.decrypt(sealed[1])).toBe('110101199003077777');
    expect(kms.calls.decrypt).toBe(1);
  });

  it('keeps one hashing key for the deployment: generated once, stored wrapped, the same hash in every container', async () => {
    const kms = fakeKms();
    const store = memoryStore();
    const a = new KmsFieldCipher(kms as never, 'k', store);
    const b = new KmsFieldCipher(kms as never, 'k', store);
    const hashA = await a.hash(ID);
    expect(store.stored).toBeDefined();
    expect(await b.hash(ID)).toBe(hashA);
    expect(kms.calls.generate).toBe(1);
    expect(await a.hash('110101199003077777')).not.toBe(hashA);
  });
});
