// The evidence library's sources, excerpts, tags and settings. Each write is one transaction.
// Rules here: a source cannot supersede itself or start a cycle of editions; an excerpt's source
// must exist; nothing linked to a case is deleted (IN_USE), so a brief never loses a citation.
import { randomUUID } from 'node:crypto';
import type { Labels } from '../../../preload/schemas/catalogue';
import {
  TAG_AXES,
  type EvidenceSettings,
  type Excerpt,
  type ExcerptFields,
  type Source,
  type SourceFields,
  type Tag,
  type TagAxis,
  type TagLists,
} from '../../../preload/schemas/evidence';
import { sourceDocuments } from '../attachments/service';
import { BriefcaseError } from '../errors';
import { foldForSearch } from '../text';
import type { Db } from '../vault/sqlite';
import { currencies, tagRows, toExcerpt, toExcerptRow, toLibrarySource, toSourceRow } from './convert';
import * as repo from './repository';
import { shippedTags } from './tags';

// ---------------------------------------------------------------------------------------------
// Sources

export function listSources(db: Db, input: { query?: string | undefined; limit: number; offset: number }, today = new Date()): { items: Source[]; total: number } {
  const { rows, total } = repo.listSources(db, { folded: foldForSearch(input.query?.trim() ?? ''), limit: input.limit, offset: input.offset });
  return { items: toSources(db, rows, today), total };
}

export function getSource(db: Db, id: string, today = new Date()): { source: Source; excerpts: Excerpt[] } {
  const row = repo.getSource(db, id);
  if (!row) throw new BriefcaseError('NOT_FOUND');
  return { source: toSources(db, [row], today)[0]!, excerpts: repo.excerptsOfSource(db, id).map(toExcerpt) };
}

export function saveSource(db: Db, input: { id?: string | undefined; source: SourceFields }, now = new Date()): Source {
  const id = db.transaction(() => {
    const stamp = now.toISOString();
    if (input.id === undefined) {
      const id = randomUUID();
      checkSupersededBy(db, id, input.source.supersededById);
      repo.insertSource(db, toSourceRow(id, input.source, { created_at: stamp, updated_at: stamp }));
      return id;
    }
    const existing = repo.getSource(db, input.id);
    if (!existing) throw new BriefcaseError('NOT_FOUND');
    checkSupersededBy(db, input.id, input.source.supersededById);
    repo.updateSource(db, toSourceRow(input.id, input.source, { created_at: existing.created_at, updated_at: stamp }));
    return input.id;
  })();
  return getSource(db, id, now).source;
}

/** The newer edition must exist, and following the chain from it must not come back. */
export function checkSupersededBy(db: Db, id: string, supersededById: string | null): void {
  if (supersededById === null) return;
  const issue = (message: string) => new BriefcaseError('INVALID_INPUT', [{ path: 'source.supersededById', message }]);
  if (supersededById === id) throw issue('validation.supersededCycle');
  const seen = new Set([id]);
  for (let next: string | null = supersededById; next !== null; ) {
    if (seen.has(next)) throw issue('validation.supersededCycle');
    seen.add(next);
    const row = repo.getSource(db, next);
    if (!row) throw issue('validation.unknownSource');
    next = row.superseded_by_id;
  }
}

export function deleteSource(db: Db, id: string): Record<string, never> {
  db.transaction(() => {
    if (!repo.getSource(db, id)) throw new BriefcaseError('NOT_FOUND');
    if (repo.sourceHasLinkedExcerpts(db, id)) throw new BriefcaseError('IN_USE');
    repo.deleteSource(db, id); // excerpts, their tags and the document go by cascade
  })();
  return {};
}

function toSources(db: Db, rows: repo.SourceRow[], today: Date): Source[] {
  const ids = rows.map((r) => r.id);
  const currency = currencies(db, rows, today);
  const documents = sourceDocuments(db, ids);
  const counts = repo.excerptCounts(db, ids);
  return rows.map((row) => ({
    ...toLibrarySource(row),
    document: documents.get(row.id) ?? null,
    currency: currency.get(row.id)!,
    excerptCount: counts.get(row.id) ?? 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

// ---------------------------------------------------------------------------------------------
// Excerpts

export function saveExcerpt(db: Db, input: { id?: string | undefined; excerpt: ExcerptFields }, now = new Date()): Excerpt {
  return db.transaction(() => {
    if (!repo.getSource(db, input.excerpt.sourceId)) {
      throw new BriefcaseError('INVALID_INPUT', [{ path: 'excerpt.sourceId', message: 'validation.unknownSource' }]);
    }
    const stamp = now.toISOString();
    const id = input.id ?? randomUUID();
    if (input.id === undefined) {
      repo.insertExcerpt(db, toExcerptRow(id, input.excerpt, { created_at: stamp, updated_at: stamp }));
    } else {
      const { created_at: _created, ...row } = toExcerptRow(id, input.excerpt, { created_at: stamp, updated_at: stamp });
      if (!repo.updateExcerpt(db, row)) throw new BriefcaseError('NOT_FOUND');
    }
    repo.setExcerptTags(db, id, tagRows(input.excerpt.tags));
    return toExcerpt(repo.getExcerpt(db, id)!);
  })();
}

export function deleteExcerpt(db: Db, id: string): Record<string, never> {
  db.transaction(() => {
    if (!repo.getExcerpt(db, id)) throw new BriefcaseError('NOT_FOUND');
    if (repo.excerptIsLinked(db, id)) throw new BriefcaseError('IN_USE');
    repo.deleteExcerpt(db, id);
  })();
  return {};
}

// ---------------------------------------------------------------------------------------------
// Tags and settings

export function tags(db: Db): TagLists {
  const lists: TagLists = { topic: [], place: [], profile: [] };
  for (const axis of TAG_AXES) lists[axis] = shippedTags[axis].map((tag) => ({ ...tag, origin: 'shipped' as const }));
  for (const row of repo.clinicTags(db)) {
    const axis = row.axis as TagAxis;
    if (lists[axis].some((tag) => tag.id === row.id)) continue;
    lists[axis].push({ id: row.id, labels: { da: row.label_da, en: row.label_en }, origin: 'clinic' });
  }
  return lists;
}

/** A clinic's own tag; the id is made from the English label when not given. */
export function addTag(db: Db, input: { axis: TagAxis; id?: string | undefined; labels: Labels }): Tag {
  const id = input.id ?? slug(input.labels.en);
  if (id === '') throw new BriefcaseError('INVALID_INPUT', [{ path: 'labels.en', message: 'validation.tagId' }]);
  if (tags(db)[input.axis].some((tag) => tag.id === id)) throw new BriefcaseError('INVALID_INPUT', [{ path: 'id', message: 'validation.duplicateId' }]);
  repo.insertClinicTag(db, { axis: input.axis, id, label_da: input.labels.da, label_en: input.labels.en });
  return { id, labels: input.labels, origin: 'clinic' };
}

function slug(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export function settings(db: Db): EvidenceSettings {
  return { maxAgeMonths: repo.maxAgeMonths(db) };
}

export function setSettings(db: Db, input: EvidenceSettings): EvidenceSettings {
  db.transaction(() => repo.setMaxAgeMonths(db, input.maxAgeMonths))();
  return settings(db);
}
