// Import and export of the whole library. An import runs in one transaction: every source is
// matched against the vault (DOI, URL, or title + publisher + date, normalised: keys.ts) and
// either added or merged into the match, filling only the fields the match has empty; excerpts
// (own format) are merged when the same passage (source, text, pinpoint) is already there. Any
// failure rolls the whole file back.
import { randomUUID } from 'node:crypto';
import {
  EVIDENCE_FILE_FORMAT,
  EVIDENCE_FILE_VERSION,
  type EvidenceLibraryFile,
  type ImportFormat,
  type ImportResult,
  type SourceFields,
} from '../../../preload/schemas/evidence';
import type { Db } from '../vault/sqlite';
import { tagRows, toExcerpt, toExcerptRow, toLibrarySource, toSourceRow } from './convert';
import { parseLibrary, type ParsedLibrary } from './import';
import { doiKey, sameEdition, titlePrefix, urlKey } from './keys';
import * as repo from './repository';

export function importLibrary(db: Db, input: { content: string; format?: ImportFormat }, now = new Date()): ImportResult {
  return importParsed(db, parseLibrary(input.content, input.format ?? 'auto'), now);
}

export function importParsed(db: Db, parsed: ParsedLibrary, now = new Date()): ImportResult {
  const stamp = now.toISOString();
  const times = { created_at: stamp, updated_at: stamp };
  return db.transaction(() => {
    const result: ImportResult = { format: parsed.format, sources: { added: 0, merged: 0 }, excerpts: { added: 0, merged: 0 }, items: [] };
    const idOf = new Map<string, string>(); // file id → vault id
    for (const { fileId, fields } of parsed.sources) {
      const keys = { doi_key: doiKey(fields.doi), url_key: urlKey(fields.url), title_prefix: titlePrefix(fields.title, fields.publisher), date: fields.date };
      const match = (fileId !== null && repo.getSource(db, fileId) ? fileId : undefined) ?? repo.findDuplicateSource(db, keys, sameEdition);
      let id: string;
      if (match) {
        id = match;
        const existing = repo.getSource(db, match)!;
        const merged = fillEmpty(toLibrarySource(existing), { ...fields, supersededById: null });
        repo.updateSource(db, toSourceRow(match, merged, { created_at: existing.created_at, updated_at: stamp }));
        result.sources.merged += 1;
      } else {
        id = fileId ?? randomUUID();
        repo.insertSource(db, toSourceRow(id, { ...fields, supersededById: null }, times));
        result.sources.added += 1;
      }
      if (fileId !== null) idOf.set(fileId, id);
      const row = repo.getSource(db, id)!;
      result.items.push({ id, title: row.title, publisher: row.publisher, outcome: match ? 'merged' : 'added' });
    }
    // Editions, once every source has its vault id; a link the vault already has is kept.
    for (const { fileId, fields } of parsed.sources) {
      if (fileId === null || fields.supersededById === null) continue;
      const id = idOf.get(fileId)!;
      const newer = idOf.get(fields.supersededById);
      const row = repo.getSource(db, id)!;
      if (newer && newer !== id && row.superseded_by_id === null && !reaches(db, newer, id)) {
        repo.updateSource(db, { ...row, superseded_by_id: newer });
      }
    }
    for (const excerpt of parsed.excerpts) {
      const fields = { ...excerpt, sourceId: idOf.get(excerpt.sourceId) ?? excerpt.sourceId };
      let row = toExcerptRow(excerpt.id, fields, times);
      // The same id with other words, pinpoint or source (a quote corrected in another clinic's
      // vault, or ours corrected since) is not silently dropped or overwritten: both are kept, the
      // incoming one under a new id. Same id and same passage: the tags are merged.
      const sameId = repo.getExcerpt(db, excerpt.id);
      if (sameId && !samePassage(sameId, row)) row = { ...row, id: randomUUID() };
      const existing = sameId && row.id === excerpt.id ? excerpt.id : repo.findDuplicateExcerpt(db, row);
      if (existing) {
        const old = toExcerpt(repo.getExcerpt(db, existing)!);
        const tags = {
          topic: union(old.tags.topic, fields.tags.topic),
          place: union(old.tags.place, fields.tags.place),
          profile: union(old.tags.profile, fields.tags.profile),
        };
        const { id: _id, ...oldFields } = old;
        const mergedFields = { ...oldFields, language: old.language ?? fields.language, tags };
        const { created_at: _c, ...update } = toExcerptRow(existing, mergedFields, times);
        repo.updateExcerpt(db, update);
        repo.setExcerptTags(db, existing, tagRows(tags));
        result.excerpts.merged += 1;
      } else {
        repo.insertExcerpt(db, row);
        repo.setExcerptTags(db, row.id, tagRows(fields.tags));
        result.excerpts.added += 1;
      }
    }
    return result;
  })();
}

/** The vault's values, with each empty one (null, '', []) taken from the incoming record. */
function fillEmpty(existing: SourceFields & { id: string }, incoming: SourceFields): SourceFields {
  const { id: _id, ...fields } = existing;
  const out: Record<string, unknown> = { ...fields };
  for (const [key, value] of Object.entries(incoming)) {
    const current = out[key];
    const empty = current === null || current === '' || (Array.isArray(current) && current.length === 0);
    if (empty) out[key] = value;
  }
  return out as SourceFields;
}

type Passage = Pick<repo.ExcerptRow, 'source_id' | 'text' | 'page' | 'paragraph' | 'section'>;

function samePassage(a: Passage, b: Passage): boolean {
  return a.source_id === b.source_id && a.text === b.text && a.page === b.page && a.paragraph === b.paragraph && a.section === b.section;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** True when following "superseded by" from `from` arrives at `target` (a link would close a cycle). */
function reaches(db: Db, from: string, target: string): boolean {
  const seen = new Set<string>();
  for (let next: string | null = from; next !== null && !seen.has(next); next = repo.getSource(db, next)?.superseded_by_id ?? null) {
    if (next === target) return true;
    seen.add(next);
  }
  return false;
}

export function exportLibrary(db: Db): EvidenceLibraryFile {
  return {
    format: EVIDENCE_FILE_FORMAT,
    version: EVIDENCE_FILE_VERSION,
    sources: repo.allSources(db).map(toLibrarySource),
    excerpts: repo.allExcerpts(db).map(toExcerpt),
  };
}
