// SQL for the evidence library (migration 005). Rules live in the services (service.ts,
// library.ts, links.ts); these functions take the database first and return plain rows. The FTS
// index is kept in step by triggers, so nothing here writes to it.
import type { Db } from '../vault/sqlite';

export interface SourceRow {
  id: string;
  publisher: string;
  title: string;
  date: string | null;
  date_first: string | null;
  date_last: string | null;
  document_number: string | null;
  doi: string | null;
  url: string | null;
  language: string | null;
  kind: string;
  countries: string;
  regions: string;
  method_notes: string;
  superseded_by_id: string | null;
  doi_key: string | null;
  url_key: string | null;
  title_key: string;
  created_at: string;
  updated_at: string;
}

export interface ExcerptRow {
  seq: number;
  id: string;
  source_id: string;
  text: string;
  page: string | null;
  paragraph: string | null;
  section: string | null;
  language: string | null;
  tags: string;
  created_at: string;
  updated_at: string;
}

const SOURCE_COLUMNS = `id, publisher, title, date, date_first, date_last, document_number, doi, url, language, kind,
  countries, regions, method_notes, superseded_by_id, doi_key, url_key, title_key, created_at, updated_at`;
const SOURCE_VALUES = SOURCE_COLUMNS.replace(/(\w+)/g, '@$1');

// ---------------------------------------------------------------------------------------------
// Sources

export function insertSource(db: Db, row: SourceRow): void {
  db.prepare(`INSERT INTO sources (${SOURCE_COLUMNS}) VALUES (${SOURCE_VALUES})`).run(row);
}

/** Replaces every column but id and created_at. */
export function updateSource(db: Db, row: SourceRow): boolean {
  const sets = SOURCE_COLUMNS.split(',')
    .map((c) => c.trim())
    .filter((c) => c !== 'id' && c !== 'created_at')
    .map((c) => `${c} = @${c}`)
    .join(', ');
  return db.prepare(`UPDATE sources SET ${sets} WHERE id = @id`).run(row).changes === 1;
}

export function getSource(db: Db, id: string): SourceRow | undefined {
  return db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined;
}

export function sourcesByIds(db: Db, ids: readonly string[]): SourceRow[] {
  if (ids.length === 0) return [];
  return db.prepare('SELECT * FROM sources WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as SourceRow[];
}

/** Sources whose title or publisher contains the folded query, newest first. */
export function listSources(db: Db, input: { folded: string; limit: number; offset: number }): { rows: SourceRow[]; total: number } {
  const where = "WHERE instr(bc_fold(title || ' ' || publisher || ' ' || coalesce(document_number, '')), @folded) > 0";
  const params = { folded: input.folded, limit: input.limit, offset: input.offset };
  const rows = db
    .prepare(`SELECT * FROM sources ${where} ORDER BY date_first DESC NULLS LAST, title, id LIMIT @limit OFFSET @offset`)
    .all(params) as SourceRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM sources ${where}`).get({ folded: input.folded }) as { n: number }).n;
  return { rows, total };
}

/** Every source, in the order they were added (for export). */
export function allSources(db: Db): SourceRow[] {
  return db.prepare('SELECT * FROM sources ORDER BY rowid').all() as SourceRow[];
}

export function deleteSource(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes === 1;
}

/**
 * The first source that is a duplicate by DOI, then URL, then title + publisher with a date that
 * can name the same edition (keys.ts sameEdition): the title keys sharing the prefix are a range
 * of the title index.
 */
export function findDuplicateSource(
  db: Db,
  keys: { doi_key: string | null; url_key: string | null; title_prefix: string; date: string | null },
  sameEdition: (a: string | null, b: string | null) => boolean,
): string | undefined {
  const byKey = (column: 'doi_key' | 'url_key', value: string | null) =>
    value === null
      ? undefined
      : (db.prepare(`SELECT id FROM sources WHERE ${column} = ? ORDER BY rowid LIMIT 1`).get(value) as { id: string } | undefined)?.id;
  const byTitle = () =>
    (
      db
        .prepare('SELECT id, date FROM sources WHERE title_key >= ? AND title_key < ? ORDER BY rowid')
        .all(keys.title_prefix, `${keys.title_prefix}\uffff`) as { id: string; date: string | null }[]
    ).find((row) => sameEdition(row.date, keys.date))?.id;
  return byKey('doi_key', keys.doi_key) ?? byKey('url_key', keys.url_key) ?? byTitle();
}

export function excerptCounts(db: Db, sourceIds: readonly string[]): Map<string, number> {
  if (sourceIds.length === 0) return new Map();
  const rows = db
    .prepare('SELECT source_id, count(*) AS n FROM excerpts WHERE source_id IN (SELECT value FROM json_each(?)) GROUP BY source_id')
    .all(JSON.stringify(sourceIds)) as { source_id: string; n: number }[];
  return new Map(rows.map((row) => [row.source_id, row.n]));
}

export function sourceHasLinkedExcerpts(db: Db, sourceId: string): boolean {
  return (
    db.prepare('SELECT 1 FROM case_evidence ce JOIN excerpts e ON e.id = ce.excerpt_id WHERE e.source_id = ? LIMIT 1').get(sourceId) !==
    undefined
  );
}

// ---------------------------------------------------------------------------------------------
// Excerpts

export function insertExcerpt(db: Db, row: Omit<ExcerptRow, 'seq'>): void {
  db.prepare(
    `INSERT INTO excerpts (id, source_id, text, page, paragraph, section, language, tags, created_at, updated_at)
     VALUES (@id, @source_id, @text, @page, @paragraph, @section, @language, @tags, @created_at, @updated_at)`,
  ).run(row);
}

export function updateExcerpt(db: Db, row: Omit<ExcerptRow, 'seq' | 'created_at'>): boolean {
  return (
    db
      .prepare(
        `UPDATE excerpts SET source_id = @source_id, text = @text, page = @page, paragraph = @paragraph, section = @section,
           language = @language, tags = @tags, updated_at = @updated_at WHERE id = @id`,
      )
      .run(row).changes === 1
  );
}

/** The tag index rows of one excerpt, replaced whole. */
export function setExcerptTags(db: Db, excerptId: string, tags: { axis: string; tag: string }[]): void {
  db.prepare('DELETE FROM excerpt_tags WHERE excerpt_id = ?').run(excerptId);
  const insert = db.prepare('INSERT OR IGNORE INTO excerpt_tags (excerpt_id, axis, tag) VALUES (?, ?, ?)');
  for (const { axis, tag } of tags) insert.run(excerptId, axis, tag);
}

export function getExcerpt(db: Db, id: string): ExcerptRow | undefined {
  return db.prepare('SELECT * FROM excerpts WHERE id = ?').get(id) as ExcerptRow | undefined;
}

export function excerptsByIds(db: Db, ids: readonly string[]): ExcerptRow[] {
  if (ids.length === 0) return [];
  return db.prepare('SELECT * FROM excerpts WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as ExcerptRow[];
}

export function excerptsOfSource(db: Db, sourceId: string): ExcerptRow[] {
  return db.prepare('SELECT * FROM excerpts WHERE source_id = ? ORDER BY seq').all(sourceId) as ExcerptRow[];
}

export function allExcerpts(db: Db): ExcerptRow[] {
  return db.prepare('SELECT * FROM excerpts ORDER BY seq').all() as ExcerptRow[];
}

/** The same passage already in the library: same source, text and pinpoint. */
export function findDuplicateExcerpt(db: Db, row: Pick<ExcerptRow, 'source_id' | 'text' | 'page' | 'paragraph' | 'section'>): string | undefined {
  return (
    db
      .prepare(
        `SELECT id FROM excerpts WHERE source_id = @source_id AND text = @text
           AND page IS @page AND paragraph IS @paragraph AND section IS @section LIMIT 1`,
      )
      .get(row) as { id: string } | undefined
  )?.id;
}

export function deleteExcerpt(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM excerpts WHERE id = ?').run(id).changes === 1;
}

export function excerptIsLinked(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM case_evidence WHERE excerpt_id = ? LIMIT 1').get(id) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Tags and settings

export interface ClinicTagRow {
  axis: string;
  id: string;
  label_da: string;
  label_en: string;
}

// A stable order only: the screens sort the clinic's own tags by their label in the UI's language
// (renderer/src/evidence/useTags.ts, docs/i18n.md); SQLite's collation knows no language.
export function clinicTags(db: Db): ClinicTagRow[] {
  return db.prepare('SELECT * FROM evidence_tags ORDER BY axis, label_en, id').all() as ClinicTagRow[];
}

export function insertClinicTag(db: Db, row: ClinicTagRow): boolean {
  return db.prepare('INSERT OR IGNORE INTO evidence_tags (axis, id, label_da, label_en) VALUES (@axis, @id, @label_da, @label_en)').run(row).changes === 1;
}

export function maxAgeMonths(db: Db): number {
  return (db.prepare('SELECT max_age_months AS m FROM evidence_settings WHERE id = 1').get() as { m: number }).m;
}

export function setMaxAgeMonths(db: Db, months: number): void {
  db.prepare('UPDATE evidence_settings SET max_age_months = ? WHERE id = 1').run(months);
}

// ---------------------------------------------------------------------------------------------
// Case links

export interface LinkRow {
  excerpt_id: string;
  risk_factor_id: string;
  added_at: string;
}

export function caseExists(db: Db, caseId: string): boolean {
  return db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) !== undefined;
}

export function links(db: Db, caseId: string): LinkRow[] {
  return db
    .prepare('SELECT excerpt_id, risk_factor_id, added_at FROM case_evidence WHERE case_id = ? ORDER BY risk_factor_id, added_at, excerpt_id')
    .all(caseId) as LinkRow[];
}

export function insertLink(db: Db, row: { case_id: string; excerpt_id: string; risk_factor_id: string; added_at: string }): void {
  db.prepare(
    'INSERT OR IGNORE INTO case_evidence (case_id, excerpt_id, risk_factor_id, added_at) VALUES (@case_id, @excerpt_id, @risk_factor_id, @added_at)',
  ).run(row);
}

export function deleteLink(db: Db, row: { case_id: string; excerpt_id: string; risk_factor_id: string }): boolean {
  return (
    db.prepare('DELETE FROM case_evidence WHERE case_id = @case_id AND excerpt_id = @excerpt_id AND risk_factor_id = @risk_factor_id').run(row)
      .changes === 1
  );
}

/** Excerpts carrying any of the given tags, with how many of them they carry per axis. */
/** Every (excerpt, tag) pair among `tags`: small rows from the tag index, all of them, so ranking sees every candidate. */
export function excerptsWithTags(db: Db, tags: { axis: string; tag: string }[]): { excerpt_id: string; axis: string; tag: string }[] {
  if (tags.length === 0) return [];
  return db
    .prepare(
      `SELECT t.excerpt_id, t.axis, t.tag FROM excerpt_tags t
       JOIN json_each(?) j ON t.axis = json_extract(j.value, '$.axis') AND t.tag = json_extract(j.value, '$.tag')
       ORDER BY t.excerpt_id`,
    )
    .all(JSON.stringify(tags)) as { excerpt_id: string; axis: string; tag: string }[];
}
