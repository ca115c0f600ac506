// The key file beside the vault: `<vault>.keys.json` holds the KDF salt and parameters (never a
// key). During a passphrase change it briefly holds two parameter sets, `current` and `pending`,
// so that whichever key the database ends up under after a crash, its passphrase still opens it.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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

/**
 * Removes `<key file>.tmp-<pid>` files that a process killed mid-write left (writeFileDurably).
 * They hold only key-derivation parameters, but would pile up; one whose process still runs is
 * being written now and is left alone.
 */
export function removeKeyFileLeftovers(vaultPath: string): void {
  const target = keyFilePath(vaultPath);
  const prefix = `${basename(target)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.slice(prefix.length));
    if (!name.startsWith(prefix) || !Number.isInteger(pid) || pid <= 0 || isRunning(pid)) continue;
    rmSync(join(dirname(target), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as { code?: string }).code === 'EPERM';
  }
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
