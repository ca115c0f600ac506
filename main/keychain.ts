// "Remember on this computer": the core's Keychain (core/platform.ts) over Electron's safeStorage.
// The safeStorage object is handed in by main/index.ts (so this file, and its test, need no
// Electron), together with the platform name.
//
// Refused, not merely warned about:
// - where safeStorage cannot encrypt at all (isEncryptionAvailable() false): 'unavailable';
// - on Linux when its backend is 'basic_text': Chromium then "encrypts" with a password written
//   in its own source code, so a copied data folder would give the key away: 'insecure'. An
//   'unknown' backend (asked before the app is ready) is treated the same way: refusing is the
//   only safe answer to not knowing.
import type { Keychain } from './core/platform';
import { BriefcaseError } from './core/errors';
import type { KeychainState } from '../preload/schemas/security';

/** The parts of Electron's safeStorage this adapter uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only in Electron. */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const INSECURE_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

export function keychainState(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeychainState {
  let available: boolean;
  try {
    available = safeStorage.isEncryptionAvailable();
  } catch {
    available = false;
  }
  if (!available) return 'unavailable';
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (INSECURE_BACKENDS.has(backend)) return 'insecure';
  }
  return 'available';
}

export function createKeychain(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Keychain {
  const assertAvailable = () => {
    const state = keychainState(safeStorage, platform);
    if (state === 'insecure') throw new BriefcaseError('KEYCHAIN_INSECURE');
    if (state === 'unavailable') throw new BriefcaseError('KEYCHAIN_UNAVAILABLE');
  };
  return {
    state: () => keychainState(safeStorage, platform),
    seal(secret) {
      // Checked on every use, not once: the backend can change between launches (a keyring
      // daemon that did not start), and a key must never be sealed by basic_text.
      assertAvailable();
      // safeStorage takes strings; base64 keeps the key's bytes exact.
      return safeStorage.encryptString(secret.toString('base64'));
    },
    unseal(sealed) {
      assertAvailable();
      try {
        return Buffer.from(safeStorage.decryptString(sealed), 'base64');
      } catch {
        // Another user's or another computer's keychain (a copied data folder): nothing to use.
        throw new BriefcaseError('NOTHING_REMEMBERED');
      }
    },
  };
}
