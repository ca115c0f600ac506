// The import's staging area: the decrypted entries of an import file, kept inside the vault
// (encrypted at rest like everything else, never a clear file on disk) in `import_staging`, one
// row per chunk of at most 1 MiB, under an `imports` row (migration 008 documents both tables).
//
// Everything staged is PROVISIONAL until readContainer resolves: the container library hands the
// bytes over as they are decrypted, before the last hash and the end of the file were checked.
// Nothing else reads staging rows, and a failed preview deletes them (the imports row; its chunks
// go with it by the foreign key), so a damaged file leaves no trace. Small JSON entries are also
// kept in memory for the preview's validation; apply reads everything back from here.
//
// imports.preview holds {"preview": ImportPreview, "stored": StoredPreview (apply.ts)}: the answer
// given, plus what apply needs and cannot recompute from the staged bytes without reading them all
// again: the file's SHA-256 (for the log) and each attachment's sniffed media type.
import { ATTACHMENT_CHUNK_BYTES } from '../../../preload/contract';
import { MediaTypeSniffer } from '../attachments/media-type';
import { BriefcaseError } from '../errors';
import type { Db } from '../vault/sqlite';

/** JSON entries are parsed whole; anything bigger than this is not one of ours. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

export type ImportState = 'staging' | 'previewed' | 'applied';

export interface ImportRow {
  import_id: string;
  state: ImportState;
  manifest: string | null;
  sender: string | null;
  preview: string | null;
  created_at: string;
}

export function insertImport(db: Db, importId: string, createdAt: string): void {
  db.prepare("INSERT INTO imports (import_id, state, created_at) VALUES (?, 'staging', ?)").run(importId, createdAt);
}

export function getImport(db: Db, importId: string): ImportRow | undefined {
  return db.prepare('SELECT * FROM imports WHERE import_id = ?').get(importId) as ImportRow | undefined;
}

export function markPreviewed(db: Db, importId: string, fields: { manifest: string; sender: string; preview: string }): void {
  db.prepare("UPDATE imports SET state = 'previewed', manifest = @manifest, sender = @sender, preview = @preview WHERE import_id = @import_id").run({
    import_id: importId,
    ...fields,
  });
}

/** Removes an import and (explicitly, then by the foreign key) all its staged chunks. */
export function deleteImport(db: Db, importId: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM import_staging WHERE import_id = ?').run(importId);
    db.prepare('DELETE FROM imports WHERE import_id = ?').run(importId);
  })();
}

/**
 * Removes every import this connection is not running: what a crash, a lock or an abandoned
 * preview left. Call at unlock, before anything else runs.
 */
export function removeLeftoverImports(db: Db, running: ReadonlySet<string> = new Set()): number {
  const ids = (db.prepare('SELECT import_id FROM imports').all() as { import_id: string }[]).map((row) => row.import_id);
  let removed = 0;
  for (const id of ids) {
    if (running.has(id)) continue;
    deleteImport(db, id);
    removed += 1;
  }
  return removed;
}

/** The staged entry's bytes, chunk by chunk, in order. */
export function* stagedChunks(db: Db, importId: string, path: string): Generator<Buffer> {
  const statement = db.prepare('SELECT data FROM import_staging WHERE import_id = ? AND path = ? AND seq = ?');
  for (let seq = 0; ; seq += 1) {
    const row = statement.get(importId, path, seq) as { data: Buffer } | undefined;
    if (!row) return;
    yield row.data;
  }
}

/** A staged entry whole (for the JSON entries; attachments are read with stagedChunks). */
export function stagedBytes(db: Db, importId: string, path: string): Buffer | undefined {
  const parts = [...stagedChunks(db, importId, path)];
  return parts.length === 0 ? undefined : Buffer.concat(parts);
}

export function stagedPaths(db: Db, importId: string): string[] {
  return (db.prepare('SELECT DISTINCT path FROM import_staging WHERE import_id = ? ORDER BY path').all(importId) as { path: string }[]).map(
    (row) => row.path,
  );
}

/**
 * The sink readContainer streams entries into: each entry's bytes re-cut into chunks of at most
 * 1 MiB and written as they come (each insert its own small transaction, so no transaction is
 * held open while the file is decrypted). `.json` entries are also collected in memory, and the
 * attachments' bytes are sniffed on the way (attachments/media-type.ts: the content decides the
 * stored type, never the sender's word), so apply need not read them again.
 */
export class StagingSink {
  readonly json = new Map<string, Buffer>();
  /** Per `attachments/<sha256>` entry: the sniffed media type, or null for a kind not allowed. */
  readonly sniffed = new Map<string, string | null>();

  constructor(
    private readonly db: Db,
    private readonly importId: string,
    private readonly now: string,
  ) {}

  async entry(path: string, size: number, data: AsyncIterable<Uint8Array>): Promise<void> {
    const keep = path.endsWith('.json');
    if (keep && size > MAX_JSON_BYTES) throw new BriefcaseError('EXPORT_DAMAGED');
    const sha256 = path.startsWith('attachments/') ? path.slice('attachments/'.length) : null;
    let sniffer: MediaTypeSniffer | null = sha256 === null ? null : new MediaTypeSniffer(null);
    const sniff = (step: (s: MediaTypeSniffer) => string | void): string | null => {
      try {
        return sniffer ? (step(sniffer) ?? null) : null;
      } catch {
        sniffer = null; // UNSUPPORTED_FILE_TYPE: reported by the validation, not here
        return null;
      }
    };
    const insert = this.db.prepare('INSERT INTO import_staging (import_id, path, seq, data, created_at) VALUES (?, ?, ?, ?, ?)');
    const kept: Buffer[] = [];
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let seq = 0;
    let total = 0;
    const flush = (final: boolean) => {
      while (pendingBytes >= ATTACHMENT_CHUNK_BYTES || (final && (pendingBytes > 0 || seq === 0))) {
        const joined = Buffer.concat(pending, pendingBytes);
        const chunk = joined.subarray(0, Math.min(ATTACHMENT_CHUNK_BYTES, joined.length));
        insert.run(this.importId, path, seq, chunk, this.now);
        seq += 1;
        const rest = joined.subarray(chunk.length);
        pending = rest.length > 0 ? [Buffer.from(rest)] : [];
        pendingBytes = rest.length;
        if (final && pendingBytes === 0) break;
      }
    };
    for await (const bytes of data) {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      // Copied: the container library may reuse its buffers once the iterator moves on.
      const copy = Buffer.from(buffer);
      pending.push(copy);
      pendingBytes += copy.length;
      total += copy.length;
      if (keep) {
        if (total > MAX_JSON_BYTES) throw new BriefcaseError('EXPORT_DAMAGED');
        kept.push(copy);
      }
      sniff((s) => s.push(copy));
      flush(false);
    }
    flush(true);
    if (sha256 !== null) this.sniffed.set(sha256, sniff((s) => s.finish()));
    if (keep) this.json.set(path, Buffer.concat(kept, total));
  }
}
