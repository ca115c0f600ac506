// Telling the demo vault apart (migration 012, table vault_kind). The marker is read from inside
// the encrypted database, never guessed from the file's name or folder, so a copied or renamed
// demo still shows its banner and no real vault can be mistaken for the demo.
import type { Db } from '../vault/sqlite';

export function isDemoVault(db: Db): boolean {
  const row = db.prepare('SELECT demo FROM vault_kind WHERE id = 1').get() as { demo: number } | undefined;
  return row?.demo === 1;
}

/** Only openDemo calls this, on the vault it has just created in the demo folder. */
export function markAsDemo(db: Db): void {
  db.prepare('UPDATE vault_kind SET demo = 1 WHERE id = 1').run();
}
