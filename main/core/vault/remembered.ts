// "Remember on this computer": the vault's derived key, sealed by the OS keychain (Keychain in
// core/platform.ts, Electron's safeStorage in the app), so the vault opens without the passphrase
// on this computer only. Off unless the person ticks it at unlock.
//
// Where: <dataDir>/remembered/<sha256 of the vault's absolute path>.json (folder 0700, file 0600),
// never beside the vault: a vault copied to a USB stick or a backup must not carry its own key.
// What: only the keychain's ciphertext of the key, and the salt of the key-file parameters the key
// belongs to (not secret: the key file beside the vault holds it). The raw key is never written.
// The salt tells a stale record (the passphrase changed, another vault now at that path) from a
// usable one without trying the key on the database.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { BriefcaseError } from '../errors';
import type { Keychain } from '../platform';
import type { KeychainState } from '../../../preload/schemas/security';
import { writeFileDurably } from './keyfile';

export const REMEMBERED_FOLDER = 'remembered';

const RememberedRecord = z.object({
  format: z.literal('briefcase-remembered-key'),
  version: z.literal(1),
  salt: z.string().min(1),
  /** The keychain's ciphertext of the key, base64. */
  sealed: z.base64(),
});

export const rememberedDir = (dataDir: string) => join(dataDir, REMEMBERED_FOLDER);

export function rememberedFile(dataDir: string, vaultPath: string): string {
  const name = createHash('sha256').update(resolve(vaultPath)).digest('hex');
  return join(rememberedDir(dataDir), `${name}.json`);
}

export function keychainState(keychain: Keychain | undefined): KeychainState {
  return keychain ? keychain.state() : 'unavailable';
}

/** The keychain when it can be trusted with a key; KEYCHAIN_INSECURE / KEYCHAIN_UNAVAILABLE otherwise. */
export function requireKeychain(keychain: Keychain | undefined): Keychain {
  const state = keychainState(keychain);
  if (state === 'insecure') throw new BriefcaseError('KEYCHAIN_INSECURE');
  if (!keychain || state !== 'available') throw new BriefcaseError('KEYCHAIN_UNAVAILABLE');
  return keychain;
}

/** Seals `key` with the keychain and stores the ciphertext; nothing is written when sealing fails. */
export function rememberKey(dataDir: string, vaultPath: string, keychain: Keychain | undefined, key: Buffer, salt: string): void {
  const sealed = requireKeychain(keychain).seal(key);
  const folder = rememberedDir(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  const record: z.infer<typeof RememberedRecord> = { format: 'briefcase-remembered-key', version: 1, salt, sealed: sealed.toString('base64') };
  // writeFileDurably creates the file 0600 and renames it into place.
  writeFileDurably(rememberedFile(dataDir, vaultPath), `${JSON.stringify(record)}\n`);
}

/** The remembered key and the salt it belongs to; NOTHING_REMEMBERED when there is none (or it is unreadable). */
export function recallKey(dataDir: string, vaultPath: string, keychain: Keychain | undefined): { key: Buffer; salt: string } {
  const usable = requireKeychain(keychain);
  const file = rememberedFile(dataDir, vaultPath);
  let record: z.infer<typeof RememberedRecord>;
  try {
    record = RememberedRecord.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new BriefcaseError('NOTHING_REMEMBERED');
  }
  return { key: usable.unseal(Buffer.from(record.sealed, 'base64')), salt: record.salt };
}

export function isRemembered(dataDir: string, vaultPath: string): boolean {
  return existsSync(rememberedFile(dataDir, vaultPath));
}

/** Removes the remembered key of the vault at `vaultPath`. Idempotent. */
export function forgetKey(dataDir: string, vaultPath: string): void {
  rmSync(rememberedFile(dataDir, vaultPath), { force: true });
}
