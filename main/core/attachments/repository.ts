// SQL for attachments (migration 003). Rules live in service.ts.
//
// Every read for display or export filters on state = 'complete': a pending row (an upload in
// progress, or what a crash left) is never visible.
import type { Db } from '../vault/sqlite';

export interface AttachmentRow {
  id: string;
  /** The case the file belongs to, or null when it is an evidence source's document. */
  case_id: string | null;
  source_id: string | null;
  name: string;
  media_type: string;
  size: number;
  sha256: string | null;
  document_date: string | null;
  description: string | null;
  added_at: string;
  state: 'pending' | 'complete';
}

export function caseExists(db: Db, caseId: string): boolean {
  return db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) !== undefined;
}

export function sourceExists(db: Db, sourceId: string): boolean {
  return db.prepare('SELECT 1 FROM sources WHERE id = ?').get(sourceId) !== undefined;
}

/** The complete document(s) of a source other than `exceptId`: replaced when a new one completes. */
export function sourceDocumentIds(db: Db, sourceId: string, exceptId: string): string[] {
  return (
    db.prepare("SELECT id FROM attachments WHERE source_id = ? AND state = 'complete' AND id <> ?").all(sourceId, exceptId) as { id: string }[]
  ).map((row) => row.id);
}

/** The stored document of each source that has one. */
export function sourceDocuments(db: Db, sourceIds: readonly string[]): AttachmentRow[] {
  if (sourceIds.length === 0) return [];
  return db
    .prepare("SELECT * FROM attachments WHERE state = 'complete' AND source_id IN (SELECT value FROM json_each(?))")
    .all(JSON.stringify(sourceIds)) as AttachmentRow[];
}

export function insertPending(
  db: Db,
  row: Omit<AttachmentRow, 'sha256' | 'state'>,
): void {
  db.prepare(
    `INSERT INTO attachments (id, case_id, source_id, name, media_type, size, sha256, document_date, description, added_at, state)
     VALUES (@id, @case_id, @source_id, @name, @media_type, @size, NULL, @document_date, @description, @added_at, 'pending')`,
  ).run(row);
}

export function isPending(db: Db, id: string): boolean {
  return db.prepare("SELECT 1 FROM attachments WHERE id = ? AND state = 'pending'").get(id) !== undefined;
}

export function insertChunk(db: Db, attachmentId: string, seq: number, data: Buffer): void {
  db.prepare('INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)').run(attachmentId, seq, data);
}

/** The flip that makes an attachment visible. Returns false when the pending row is gone. */
export function markComplete(db: Db, id: string, fields: { media_type: string; sha256: string; size: number; added_at: string }): boolean {
  const result = db
    .prepare(
      `UPDATE attachments SET state = 'complete', media_type = @media_type, sha256 = @sha256, size = @size, added_at = @added_at
       WHERE id = @id AND state = 'pending'`,
    )
    .run({ id, ...fields });
  return result.changes === 1;
}

/** Removes the row and its chunks (explicitly, then the row; the foreign key would cascade too). */
export function deleteAttachment(db: Db, id: string): boolean {
  db.prepare('DELETE FROM attachment_chunks WHERE attachment_id = ?').run(id);
  return db.prepare('DELETE FROM attachments WHERE id = ?').run(id).changes === 1;
}

export function pendingIds(db: Db): string[] {
  return (db.prepare("SELECT id FROM attachments WHERE state = 'pending'").all() as { id: string }[]).map((row) => row.id);
}

export function getComplete(db: Db, id: string): AttachmentRow | undefined {
  return db.prepare("SELECT * FROM attachments WHERE id = ? AND state = 'complete'").get(id) as AttachmentRow | undefined;
}

export function listComplete(db: Db, caseId: string): AttachmentRow[] {
  return db
    .prepare("SELECT * FROM attachments WHERE case_id = ? AND state = 'complete' ORDER BY added_at, name, id")
    .all(caseId) as AttachmentRow[];
}

export function chunkCount(db: Db, id: string): number {
  return (db.prepare('SELECT count(*) AS n FROM attachment_chunks WHERE attachment_id = ?').get(id) as { n: number }).n;
}

/** One chunk's bytes, or undefined past the end. */
export function chunk(db: Db, id: string, seq: number): Buffer | undefined {
  const row = db.prepare('SELECT data FROM attachment_chunks WHERE attachment_id = ? AND seq = ?').get(id, seq) as
    | { data: Buffer }
    | undefined;
  return row?.data;
}
