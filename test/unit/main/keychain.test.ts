// The safeStorage adapter (main/keychain.ts) with a fake safeStorage object: remembering is refused
// where Electron would fall back to its plaintext basic_text backend on Linux, or cannot encrypt.
import { describe, expect, it } from 'vitest';
import { createKeychain, type SafeStorageLike } from '../../../main/keychain';

function fakeSafeStorage(options: { available: boolean; backend?: string }): SafeStorageLike & { encrypted: number } {
  const fake = {
    encrypted: 0,
    isEncryptionAvailable: () => options.available,
    encryptString(plainText: string) {
      fake.encrypted += 1;
      return Buffer.from(`enc:${Buffer.from(plainText).toString('hex')}`);
    },
    decryptString(encrypted: Buffer) {
      const text = encrypted.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'hex').toString();
    },
    ...(options.backend !== undefined ? { getSelectedStorageBackend: () => options.backend! } : {}),
  };
  return fake;
}

const KEY = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');

describe('keychain adapter over safeStorage', () => {
  it("refuses Linux's basic_text backend (and an unknown one) as insecure, and never encrypts with it", () => {
    for (const backend of ['basic_text', 'unknown']) {
      const safeStorage = fakeSafeStorage({ available: true, backend });
      const keychain = createKeychain(safeStorage, 'linux');
      expect(keychain.state()).toBe('insecure');
      expect(() => keychain.seal(KEY)).toThrow(expect.objectContaining({ code: 'KEYCHAIN_INSECURE' }));
      expect(safeStorage.encrypted).toBe(0);
    }
  });

  it('is unavailable when safeStorage cannot encrypt', () => {
    const safeStorage = fakeSafeStorage({ available: false, backend: 'gnome_libsecret' });
    const keychain = createKeychain(safeStorage, 'linux');
    expect(keychain.state()).toBe('unavailable');
    expect(() => keychain.seal(KEY)).toThrow(expect.objectContaining({ code: 'KEYCHAIN_UNAVAILABLE' }));
    expect(safeStorage.encrypted).toBe(0);
  });

  it('seals and unseals with a real keyring on Linux, and on macOS and Windows (no backend question there)', () => {
    for (const [platform, backend] of [['linux', 'gnome_libsecret'], ['linux', 'kwallet5'], ['darwin', undefined], ['win32', undefined]] as const) {
      const keychain = createKeychain(fakeSafeStorage({ available: true, ...(backend ? { backend } : {}) }), platform);
      expect(keychain.state()).toBe('available');
      const sealed = keychain.seal(KEY);
      expect(sealed.includes(KEY)).toBe(false);
      expect(keychain.unseal(sealed).equals(KEY)).toBe(true);
    }
  });

  it("answers NOTHING_REMEMBERED for bytes this keychain cannot unseal (another user's or computer's)", () => {
    const keychain = createKeychain(fakeSafeStorage({ available: true }), 'darwin');
    expect(() => keychain.unseal(Buffer.from('not ours'))).toThrow(expect.objectContaining({ code: 'NOTHING_REMEMBERED' }));
  });
});
