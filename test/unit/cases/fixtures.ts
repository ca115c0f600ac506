// Shared for the case tests: a fresh vault and the documented example case file (fictional).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Vault } from '../../../main/core/vault/vault';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

export async function openVault(): Promise<Vault> {
  const vault = new Vault({ kdfCost: FAST_KDF });
  await vault.create(join(tempDir(), 'v.vault'), PASSPHRASE);
  return vault;
}

/** docs/examples/case.example.json, parsed fresh each time so tests may change it. */
export function exampleFile(): Record<string, unknown> & { details: Record<string, unknown>; risks: Record<string, unknown>[] } {
  return JSON.parse(readFileSync('docs/examples/case.example.json', 'utf8')) as ReturnType<typeof exampleFile>;
}

/** A case file without what the vault generates: its id and timestamps. */
export function withoutGenerated(file: object): object {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...rest } = file as Record<string, unknown>;
  return rest;
}
