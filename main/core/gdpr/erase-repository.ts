// SQL for erasing one case and everything that hangs off it (every table of migrations 001–010
// that can hold a client's data). Rules (confirmation, one transaction, the scrub afterwards) are
// in erase.ts. Each delete is written out rather than left to ON DELETE CASCADE, so that the list
// of tables is in one place to read and a foreign key changed later cannot silently leave rows.
import type { Db } from '../vault/sqlite';

export function caseReference(db: Db, caseId: string): string | undefined {
  const row = db.prepare('SELECT reference FROM cases WHERE id = ?').get(caseId) as { reference: string } | undefined;
  return row?.reference;
}

/** Deletes the case's rows, child tables first. Returns how many rows went, per table (ids only). */
export function deleteCaseRows(db: Db, caseId: string): Record<string, number> {
  const run = (sql: string, ...params: string[]) => db.prepare(sql).run(...params).changes;
  return {
    // 007: generated documents (brief, letters, bundles, access reports) and their bytes.
    case_document_chunks: run('DELETE FROM case_document_chunks WHERE document_id IN (SELECT id FROM case_documents WHERE case_id = ?)', caseId),
    case_documents: run('DELETE FROM case_documents WHERE case_id = ?', caseId),
    // 003/005: the case's files (a source's stored document has source_id, not case_id: library data).
    attachment_chunks: run('DELETE FROM attachment_chunks WHERE attachment_id IN (SELECT id FROM attachments WHERE case_id = ?)', caseId),
    attachments: run('DELETE FROM attachments WHERE case_id = ?', caseId),
    // 005: excerpts selected for the case (the excerpts themselves are the library's).
    case_evidence: run('DELETE FROM case_evidence WHERE case_id = ?', caseId),
    // 008: the case file last exchanged with another clinic (a whole copy of the case JSON).
    exchange_bases: run('DELETE FROM exchange_bases WHERE case_id = ?', caseId),
    // 008: imports previewed or staged whose manifest or preview names the case (the exchange keeps
    // case ids), with their decrypted entries. They are provisional and would go at the next unlock.
    import_staging: run(
      `DELETE FROM import_staging WHERE import_id IN (SELECT import_id FROM imports WHERE instr(coalesce(manifest, '') || coalesce(preview, ''), ?) > 0)`,
      caseId,
    ),
    imports: run(`DELETE FROM imports WHERE instr(coalesce(manifest, '') || coalesce(preview, ''), ?) > 0`, caseId),
    // 001/002: deadlines and the sections (details, client, household, timeline, risks).
    deadlines: run('DELETE FROM deadlines WHERE case_id = ?', caseId),
    case_sections: run('DELETE FROM case_sections WHERE case_id = ?', caseId),
    // 001/002/004: the row with the client's name in both scripts and the folded search text.
    cases: run('DELETE FROM cases WHERE id = ?', caseId),
  };
}

/**
 * Household members of other cases linked to the erased case lose the link (the id would point
 * nowhere, and the next save of that household would be refused as an unknown case). The section's
 * revision moves on, so an editor holding the old household gets an edit conflict, not a silent
 * overwrite that brings the dead link back.
 */
export function unlinkFromHouseholds(db: Db, caseId: string, at: string): number {
  return db
    .prepare(
      `UPDATE case_sections
         SET data = (SELECT json_group_array(
                       CASE WHEN json_extract(m.value, '$.linkedCaseId') = @caseId
                            THEN json_set(m.value, '$.linkedCaseId', json('null'))
                            ELSE json(m.value) END)
                     FROM json_each(case_sections.data) AS m),
             revision = revision + 1,
             updated_at = @at
       WHERE section = 'household' AND case_id <> @caseId
         AND EXISTS (SELECT 1 FROM json_each(case_sections.data) AS m WHERE json_extract(m.value, '$.linkedCaseId') = @caseId)`,
    )
    .run({ caseId, at }).changes;
}

/** Every FTS5 table in the schema (today only the evidence library's excerpt_search). */
export function fts5Tables(db: Db): string[] {
  const rows = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'`)
    .all() as { name: string }[];
  return rows.map((row) => row.name);
}
