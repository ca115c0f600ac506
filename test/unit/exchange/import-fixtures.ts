// Shared by the import tests: clinics (a vault each, with keys and fictional names), partners,
// cases with attachments and evidence (scripts/demo.ts's fictional case), exports to a file, and
// a snapshot of every table's rows (to say "the vault is exactly as it was").
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile, CaseRecord } from '../../../preload/contract';
import type { ClinicIdentity, ExportResult, ImportPreview, Partner } from '../../../preload/schemas/exchange';
import { createApi, type Api } from '../../../main/core/api';
import { clinicPublic, clinicSecrets } from '../../../main/core/exchange/clinic';
import { writeContainer, type ExportEntry } from '../../../main/core/exchange/container';
import { addDemoCase, demoCaseFile } from '../../../scripts/demo';
import { apiCalls, type ApiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

export interface Clinic {
  api: Api;
  dir: string;
  ok: ApiCalls['ok'];
  failure: ApiCalls['failure'];
  identity: ClinicIdentity;
}

export async function clinic(name: string): Promise<Clinic> {
  const dir = tempDir();
  const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const { ok, failure } = apiCalls(api);
  await ok('vault.create', { passphrase: PASSPHRASE });
  const identity = await ok<ClinicIdentity>('clinic.setup', { profile: { name, address: 'Eksempelvej 1, 0000 Testby', contact: null } });
  return { api, dir, ok, failure, identity };
}

/** `a` trusts `b`'s card (with the fingerprint typed as it was read aloud). */
export async function trust(a: Clinic, b: Clinic): Promise<Partner> {
  const card = await b.ok<{ text: string }>('clinic.card', {});
  return a.ok<Partner>('partners.trust', { card: card.text, fingerprint: b.identity.fingerprint.toLowerCase() });
}

export async function partnerId(a: Clinic, b: Clinic): Promise<string> {
  const { items } = await a.ok<{ items: Partner[] }>('partners.list', {});
  const found = items.find((p) => p.fingerprint === b.identity.fingerprint && p.revokedAt === null);
  if (!found) throw new Error('not a partner');
  return found.id;
}

/** The demo case (attachments, nine evidence links) and a second case sharing one of its files. */
export async function twoCases(c: Clinic): Promise<{ first: string; second: string; sharedBytes: Buffer }> {
  const first = await addDemoCase(c.api, c.dir);
  const file = demoCaseFile() as unknown as CaseFile;
  file.details.reference = '2026-201';
  file.client.name = 'Amal Testdatter';
  file.client.contact = { phone: '+45 11 11 11 11', email: null, address: '' };
  const { id: second } = await c.ok<{ id: string }>('cases.import', { file });
  const firstRecord = await c.ok<CaseRecord>('cases.get', { id: first });
  const shared = firstRecord.file.attachments[0]!;
  const sharedBytes = await readAttachment(c, shared.id);
  await attach(c, second, 'afgørelse kopi.pdf', sharedBytes);
  await attach(c, second, 'notat.txt', Buffer.from('Notat fra samtale (fiktivt).\n', 'utf8'));
  await c.ok('evidence.link', { caseId: second, excerptId: '2c42d489-7b95-5889-8e81-105f02ca7c09', riskFactorId: null });
  return { first, second, sharedBytes };
}

export async function attach(c: Clinic, caseId: string, name: string, bytes: Buffer): Promise<string> {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  const meta = await c.ok<{ id: string }>('attachments.addFromPath', { caseId, path });
  return meta.id;
}

export async function readAttachment(c: Clinic, id: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let index = 0; ; index += 1) {
    const { data, last } = await c.ok<{ data: string; last: boolean }>('attachments.read', { id, index });
    parts.push(Buffer.from(data, 'base64'));
    if (last) return Buffer.concat(parts);
  }
}

/** Exports cases from `from` to the partner clinics `to` (or a passphrase) into a file; its path. */
export async function exportFile(
  from: Clinic,
  caseIds: string[],
  to: { partnerIds: string[] } | { passphrase: string },
  options: { includeDocuments?: boolean } = {},
): Promise<string> {
  const path = join(tempDir(), 'export.briefcase');
  const target = 'passphrase' in to ? { kind: 'passphrase', passphrase: to.passphrase } : { kind: 'partners', partnerIds: to.partnerIds, includeSelf: true };
  await from.ok<ExportResult>('exchange.exportToPath', { caseIds, to: target, includeDocuments: options.includeDocuments ?? false, path });
  return path;
}

export const preview = (c: Clinic, path: string, extra: Record<string, unknown> = {}) => c.ok<ImportPreview>('exchange.previewPath', { path, ...extra });

/** Every row of every table (BLOBs as hex), sorted: equal snapshots mean an unchanged vault. */
export function snapshot(api: Api): Record<string, string[]> {
  const db = api.vault.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all() as Record<string, unknown>[];
    out[name] = rows
      .map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)))
      .sort();
  }
  return out;
}

export function stagingRows(api: Api): { imports: number; staging: number } {
  const db = api.vault.db;
  return {
    imports: (db.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n,
    staging: (db.prepare('SELECT count(*) AS n FROM import_staging').get() as { n: number }).n,
  };
}

/** A JSON entry for writeContainer (crafted archives: what a faulty or hostile sender could sign). */
export function jsonEntry(path: string, value: unknown): ExportEntry {
  const bytes = Buffer.from(JSON.stringify(value), 'utf8');
  return {
    path,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    async *open() {
      yield bytes;
    },
  };
}

/** A signed container from `from` to `to` holding exactly `entries`. */
export async function craft(from: Clinic, to: Clinic, entries: ExportEntry[]): Promise<string> {
  const path = join(tempDir(), 'crafted.briefcase');
  await writeContainer(path, entries, { sender: clinicPublic(from.api.vault.db), secrets: clinicSecrets(from.api.vault.db), to: { recipients: [to.identity.ageRecipient] } });
  return path;
}
