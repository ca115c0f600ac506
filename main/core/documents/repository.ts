// SQL for the documents generated for a case (migration 007: case_documents and their chunks).
// Rules live in service.ts. A version is written whole in one transaction, so there is no
// pending state here (unlike attachments, whose bytes arrive over many calls).
import type { Db } from '../vault/sqlite';

export interface DocumentRow {
  id: string;
  case_id: string;
  template_id: string;
  template_version: string;
  language: 'da' | 'en';
  format: 'docx' | 'pdf' | 'bundle';
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  created_at: string;
}

export function caseExists(db: Db, caseId: string): boolean {
  return db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) !== undefined;
}

/** The case's reference (for the file name), or undefined when there is no such case. */
export function caseReference(db: Db, caseId: string): string | undefined {
  const row = db.prepare('SELECT reference FROM cases WHERE id = ?').get(caseId) as { reference: string } | undefined;
  return row?.reference;
}

export function insertDocument(db: Db, row: DocumentRow): void {
  db.prepare(
    `INSERT INTO case_documents (id, case_id, template_id, template_version, language, format, name, media_type, size, sha256, created_at)
     VALUES (@id, @case_id, @template_id, @template_version, @language, @format, @name, @media_type, @size, @sha256, @created_at)`,
  ).run(row);
}

export function insertChunk(db: Db, documentId: string, seq: number, data: Uint8Array): void {
  db.prepare('INSERT INTO case_document_chunks (document_id, seq, data) VALUES (?, ?, ?)').run(documentId, seq, data);
}

export function getDocument(db: Db, id: string): DocumentRow | undefined {
  return db.prepare('SELECT * FROM case_documents WHERE id = ?').get(id) as DocumentRow | undefined;
}

/** A case's versions, newest first (the id breaks ties between two made in the same millisecond). */
export function listDocuments(db: Db, caseId: string): DocumentRow[] {
  return db.prepare('SELECT * FROM case_documents WHERE case_id = ? ORDER BY created_at DESC, rowid DESC').all(caseId) as DocumentRow[];
}

export function chunkCount(db: Db, id: string): number {
  return (db.prepare('SELECT count(*) AS n FROM case_document_chunks WHERE document_id = ?').get(id) as { n: number }).n;
}

/** One chunk's bytes, or undefined past the end. */
export function chunk(db: Db, id: string, seq: number): Buffer | undefined {
  const row = db.prepare('SELECT data FROM case_document_chunks WHERE document_id = ? AND seq = ?').get(id, seq) as { data: Buffer } | undefined;
  return row?.data;
}

/** Removes the row and its chunks (explicitly; the foreign key would cascade too). */
export function deleteDocument(db: Db, id: string): boolean {
  db.prepare('DELETE FROM case_document_chunks WHERE document_id = ?').run(id);
  return db.prepare('DELETE FROM case_documents WHERE id = ?').run(id).changes === 1;
}
