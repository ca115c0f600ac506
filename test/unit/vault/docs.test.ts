// docs/vault.md names the SQLite version the addon bundles: keep it true.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { sqliteVersion } from '../../../main/core/vault/sqlite';

it('docs/vault.md records the bundled SQLite and addon versions', () => {
  const doc = readFileSync('docs/vault.md', 'utf8');
  const db = new Database(':memory:');
  expect(doc).toContain(`**SQLite ${sqliteVersion(db)}**`);
  db.close();
  const addon = JSON.parse(readFileSync('node_modules/better-sqlite3-multiple-ciphers/package.json', 'utf8')) as { version: string };
  expect(doc).toContain(`better-sqlite3-multiple-ciphers ${addon.version}`);
});
