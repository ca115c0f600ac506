// Writing and reading a whole case: the `cases` row, its section documents and its deadlines.
// Used by create and import (write) and by get and export (read). Callers own the transaction.
import type { AttachmentMeta, CaseFile, CaseRecord, Section, SectionRevisions } from '../../../preload/schemas/case-file';
import { CASE_FILE_FORMAT, CASE_FILE_VERSION, SECTIONS } from '../../../preload/schemas/case-file';
import { BriefcaseError } from '../errors';
import { readDeadlines, writeDeadlines } from '../deadlines/service';
import type { Db } from '../vault/sqlite';
import * as repo from './repository';
import * as sections from './sections-repository';

/** Where a case's attachment metadata comes from (main/core/attachments); none by default. */
export type AttachmentLister = (db: Db, caseId: string) => AttachmentMeta[];
export const noAttachments: AttachmentLister = () => [];

type Parts = Pick<CaseFile, 'details' | 'client' | 'household' | 'timeline' | 'deadlines' | 'risks'>;

/** Insert a new case with every section at revision 0. Call inside a transaction. */
export function insertCase(db: Db, id: string, parts: Parts, timestamp: string): void {
  repo.insertCase(db, {
    id,
    reference: parts.details.reference,
    client_name: parts.client.name,
    client_name_original: parts.client.nameOriginal,
    status: parts.details.status,
    created_at: timestamp,
    updated_at: timestamp,
  });
  for (const section of SECTIONS) {
    const data = section === 'deadlines' ? null : JSON.stringify(parts[section]);
    sections.insertSection(db, { case_id: id, section, data, updated_at: timestamp });
  }
  writeDeadlines(db, id, parts.deadlines);
}

export function readCase(db: Db, id: string, listAttachments: AttachmentLister = noAttachments): CaseRecord {
  const row = repo.getCase(db, id);
  if (!row) throw new BriefcaseError('NOT_FOUND');
  const rows = new Map(sections.sectionsOf(db, id).map((s) => [s.section, s]));
  const json = <T>(section: Section): T => JSON.parse(rows.get(section)?.data ?? 'null') as T;
  const timeline = json<CaseFile['timeline']>('timeline');
  const attachments = listAttachments(db, id);
  // A source whose event or attachment was deleted since is dropped on read, so the case file
  // always validates; the next save of the risks section makes that permanent.
  const pools = { timeline: new Set(timeline.map((e) => e.id)), attachment: new Set(attachments.map((a) => a.id)) };
  const risks = json<CaseFile['risks']>('risks').map((risk) => ({
    ...risk,
    sources: risk.sources.filter((source) => pools[source.kind].has(source.id)),
  }));
  const revisions = Object.fromEntries(SECTIONS.map((s) => [s, rows.get(s)?.revision ?? 0])) as SectionRevisions;
  return {
    id,
    file: {
      format: CASE_FILE_FORMAT,
      version: CASE_FILE_VERSION,
      id,
      details: json('details'),
      client: json('client'),
      household: json('household'),
      timeline,
      deadlines: readDeadlines(db, id),
      risks,
      attachments,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
    revisions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function revisionsOf(db: Db, id: string): SectionRevisions {
  const rows = new Map(sections.sectionsOf(db, id).map((s) => [s.section, s.revision]));
  return Object.fromEntries(SECTIONS.map((s) => [s, rows.get(s) ?? 0])) as SectionRevisions;
}
