// SQL for case_sections (migration 002): one JSON document and one revision per section of a case.
// The 'deadlines' row holds only the revision; the deadlines themselves are rows (deadlines/).
import type { Section } from '../../../preload/schemas/case-file';
import type { Db } from '../vault/sqlite';

export interface SectionRow {
  section: Section;
  revision: number;
  data: string | null;
  updated_at: string;
}

export function insertSection(db: Db, row: { case_id: string; section: Section; data: string | null; updated_at: string }): void {
  db.prepare(
    'INSERT INTO case_sections (case_id, section, revision, data, updated_at) VALUES (@case_id, @section, 0, @data, @updated_at)',
  ).run(row);
}

export function sectionsOf(db: Db, caseId: string): SectionRow[] {
  return db.prepare('SELECT section, revision, data, updated_at FROM case_sections WHERE case_id = ?').all(caseId) as SectionRow[];
}

export function revisionOf(db: Db, caseId: string, section: Section): number | undefined {
  const row = db.prepare('SELECT revision FROM case_sections WHERE case_id = ? AND section = ?').get(caseId, section) as
    | { revision: number }
    | undefined;
  return row?.revision;
}

export function dataOf(db: Db, caseId: string, section: Section): string | null | undefined {
  const row = db.prepare('SELECT data FROM case_sections WHERE case_id = ? AND section = ?').get(caseId, section) as
    | { data: string | null }
    | undefined;
  return row?.data;
}

/**
 * Write a section if its revision is still `expected`; returns false (and writes nothing) when
 * someone else saved it first. The revision check and the write are one statement.
 */
export function writeSection(
  db: Db,
  row: { case_id: string; section: Section; expected: number; data: string | null; updated_at: string },
): boolean {
  const result = db
    .prepare(
      `UPDATE case_sections SET data = @data, revision = revision + 1, updated_at = @updated_at
       WHERE case_id = @case_id AND section = @section AND revision = @expected`,
    )
    .run(row);
  return result.changes === 1;
}
