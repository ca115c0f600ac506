// What the platform can do for the core, injected by main/index.ts (Electron) so main/core never
// imports electron. The CLI and the test harness pass none, or a part of it.
import type { KeychainState } from '../../preload/schemas/security';

/**
 * The operating system's keychain (Electron's safeStorage, main/keychain.ts): seals a vault key
 * so that only this user on this computer can unseal it. Used for "remember on this computer".
 */
export interface Keychain {
  /** 'available' only when the OS protects the sealed bytes (never safeStorage's basic_text). */
  state(): KeychainState;
  /** Seals a secret. Throws KEYCHAIN_INSECURE / KEYCHAIN_UNAVAILABLE when state() is not 'available'. */
  seal(secret: Buffer): Buffer;
  /** Unseals what seal() made. Throws (KEYCHAIN_*) when it cannot. */
  unseal(sealed: Buffer): Buffer;
}

export interface Platform {
  /** Open a file with the system's default application. Throws (or rejects) when it cannot. */
  openPath(path: string): Promise<void>;
  /** Show a file selected in the system's file manager (Electron: shell.showItemInFolder). */
  showItemInFolder?(path: string): void;
  /** The OS keychain; absent where there is none (CLI, harness): remembering is 'unavailable'. */
  keychain?: Keychain;
}
