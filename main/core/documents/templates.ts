// Where templates come from. Shipped ones are files: templates/documents/<id>/meta.json plus da.md
// and en.md (BRIEFCASE_TEMPLATES names another templates/ folder). A clinic's own are stored in the
// vault (document_templates, migration 007) after passing every check (template-check.ts); a
// clinic may replace its own template with a new version, but never shadow a shipped id.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocumentLanguage, TemplateMeta, type TemplateSummary, type TemplateUpload } from '../../../preload/schemas/documents';
import { BriefcaseError } from '../errors';
import type { Db } from '../vault/sqlite';
import { cleanText } from './escape';
import { checkTemplateUpload, type TemplateSources } from './template-check';

export { checkTemplate, checkTemplateUpload } from './template-check';

/** The templates/ folder: BRIEFCASE_TEMPLATES, else the nearest one up from this file (source or build). */
export function templatesDir(): string {
  if (process.env.BRIEFCASE_TEMPLATES) return resolve(process.env.BRIEFCASE_TEMPLATES);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'templates', 'documents'))) return join(dir, 'templates');
    const parent = dirname(dir);
    if (parent === dir) return resolve('templates');
    dir = parent;
  }
}

const shippedRoot = (dir: string) => join(dir, 'documents');

function shippedIds(dir: string): string[] {
  const root = shippedRoot(dir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'meta.json')))
    .map((entry) => entry.name)
    .sort();
}

function readShipped(dir: string, id: string): { meta: TemplateMeta; sources: TemplateSources } {
  const folder = join(shippedRoot(dir), id);
  const meta = TemplateMeta.parse(JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8')));
  const sources: TemplateSources = {};
  for (const language of DocumentLanguage.options) {
    const path = join(folder, `${language}.md`);
    if (existsSync(path)) sources[language] = cleanText(readFileSync(path, 'utf8'));
  }
  return { meta, sources };
}

interface TemplateRow {
  id: string;
  meta: string;
  sources: string;
}

const clinicRow = (db: Db, id: string) => db.prepare('SELECT id, meta, sources FROM document_templates WHERE id = ?').get(id) as TemplateRow | undefined;

export function listTemplates(db: Db, dir = templatesDir()): TemplateSummary[] {
  const shipped = shippedIds(dir).map((id) => ({ ...readShipped(dir, id).meta, origin: 'shipped' as const }));
  const rows = db.prepare('SELECT id, meta, sources FROM document_templates ORDER BY id').all() as TemplateRow[];
  const clinic = rows.map((row) => ({ ...TemplateMeta.parse(JSON.parse(row.meta)), origin: 'clinic' as const }));
  return [...shipped, ...clinic];
}

export function loadTemplate(
  db: Db,
  id: string,
  dir = templatesDir(),
): { meta: TemplateMeta; origin: 'shipped' | 'clinic'; sources: Partial<Record<DocumentLanguage, string>> } {
  if (/^[a-z0-9][a-z0-9-]*$/.test(id) && shippedIds(dir).includes(id)) return { ...readShipped(dir, id), origin: 'shipped' };
  const row = clinicRow(db, id);
  if (!row) throw new BriefcaseError('NOT_FOUND');
  return { meta: TemplateMeta.parse(JSON.parse(row.meta)), origin: 'clinic', sources: JSON.parse(row.sources) as TemplateSources };
}

/** Checks and stores a clinic's template (replacing its earlier version); a shipped id is refused. */
export function addTemplate(db: Db, upload: TemplateUpload, now = new Date(), dir = templatesDir()): TemplateSummary {
  const { meta, sources } = checkTemplateUpload(upload);
  if (shippedIds(dir).includes(meta.id)) {
    throw new BriefcaseError('TEMPLATE_INVALID', [{ path: 'meta.json:1', message: 'validation.template.shippedId', params: { line: 1, token: meta.id } }]);
  }
  db.prepare(
    `INSERT INTO document_templates (id, version, meta, sources, added_at) VALUES (@id, @version, @meta, @sources, @added_at)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, meta = excluded.meta, sources = excluded.sources, added_at = excluded.added_at`,
  ).run({ id: meta.id, version: meta.version, meta: JSON.stringify(meta), sources: JSON.stringify(sources), added_at: now.toISOString() });
  return { ...meta, origin: 'clinic' };
}

/** Removes a clinic's template; shipped templates cannot be removed. */
export function removeTemplate(db: Db, id: string, dir = templatesDir()): void {
  if (shippedIds(dir).includes(id)) throw new BriefcaseError('FORBIDDEN');
  if (db.prepare('DELETE FROM document_templates WHERE id = ?').run(id).changes === 0) throw new BriefcaseError('NOT_FOUND');
}
