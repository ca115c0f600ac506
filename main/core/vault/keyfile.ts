// The key file beside the vault: `<vault>.keys.json` holds the KDF salt and parameters (never a
// key). During a passphrase change it briefly holds two parameter sets, `current` and `pending`,
// so that whichever key the database ends up under after a crash, its passphrase still opens it.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { BriefcaseError } from '../errors';
import { KdfParams } from './kdf';

export const KeyFile = z.object({
  format: z.literal('briefcase-vault-keys'),
  version: z.literal(1),
  current: KdfParams,
  pending: KdfParams.optional(),
});
export type KeyFile = z.infer<typeof KeyFile>;

export const keyFilePath = (vaultPath: string) => `${vaultPath}.keys.json`;

export function readKeyFile(vaultPath: string): KeyFile {
  const path = keyFilePath(vaultPath);
  if (!existsSync(path)) throw new BriefcaseError('NOT_A_VAULT');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new BriefcaseError('NOT_A_VAULT');
  }
  const result = KeyFile.safeParse(parsed);
  if (!result.success) throw new BriefcaseError('NOT_A_VAULT');
  return result.data;
}

/** Replace the key file atomically: write a temporary file, fsync it, rename, fsync the folder. */
export function writeKeyFile(vaultPath: string, keyFile: KeyFile): void {
  writeFileDurably(keyFilePath(vaultPath), `${JSON.stringify(KeyFile.parse(keyFile), null, 2)}\n`);
}

export function writeFileDurably(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  syncDirectory(dirname(path));
}

function syncDirectory(directory: string): void {
  // Windows cannot open a directory for fsync; NTFS makes the rename durable on its own.
  if (process.platform === 'win32') return;
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
