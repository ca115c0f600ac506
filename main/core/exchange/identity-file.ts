// The clinic's age identity as a file, so that a person can open an export made to their clinic
// with age itself (`age -d -i FILE export.briefcase`, docs/exchange.md) — the promise that the
// format does not lock a clinic into Briefcase. The file holds a private key: it is written only
// by the CLI or the app's own save dialog (a main-only method, never the renderer), readable by
// its owner only (0600), and never over an existing file.
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { asFileError } from '../files/file-error';
import type { Db } from '../vault/sqlite';
import { clinicPublic, clinicSecrets } from './clinic';

/**
 * age's identity-file layout: comment lines, then the identity. Only the X25519 identity: the
 * hybrid post-quantum one needs age 1.3+, and an older age refuses a file with a line it does not
 * know, so a second file would be needed for it (not offered yet).
 */
export async function writeIdentityFile(db: Db, path: string, now = new Date()): Promise<void> {
  const pub = clinicPublic(db);
  const secrets = clinicSecrets(db);
  const text = [
    `# Briefcase clinic identity: ${pub.profile.name.replace(/[\r\n]/g, ' ')}`,
    `# created: ${now.toISOString()}`,
    `# public key: ${pub.ageRecipient}`,
    '# PRIVATE: whoever holds this file can read every export made to this clinic.',
    secrets.ageIdentity,
    '',
  ].join('\n');
  let handle;
  try {
    handle = await open(resolve(path), 'wx', 0o600);
  } catch (error) {
    throw asFileError(error);
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    throw asFileError(error);
  } finally {
    await handle.close();
  }
}
