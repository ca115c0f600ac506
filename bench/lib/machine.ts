// What the numbers were measured on. SQLite's version comes from the addon the app uses.
import { createRequire } from 'node:module';
import { cpus, release, totalmem, platform, arch } from 'node:os';
import { openPlain, sqliteVersion } from '../../main/core/vault/sqlite';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  sqlite: string;
  cipher: string;
  addon: string;
  date: string;
}

export function describeMachine(): Machine {
  const list = cpus();
  const db = openPlain(':memory:');
  let sqlite: string;
  let cipher: string;
  try {
    sqlite = sqliteVersion(db);
    cipher = (db.prepare('SELECT sqlite3mc_version() AS v').get() as { v: string }).v;
  } finally {
    db.close();
  }
  const require = createRequire(import.meta.url);
  const addon = (require('better-sqlite3-multiple-ciphers/package.json') as { version: string }).version;
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    sqlite,
    cipher,
    addon: `better-sqlite3-multiple-ciphers ${addon}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}
