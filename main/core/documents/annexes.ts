// The annexes of a document, in order: the case's own files (by the document's date, undated last),
// then the stored documents of the sources the document cites (in order of first citation). Only
// files the bundle can hold become annexes (PDF, PNG, JPEG); the others are reported in the
// pre-flight as not usable, with number 0, so the lawyer can convert them and add them again.
import type { Preflight } from '../../../preload/schemas/documents';
import { partialDateRange } from '../../../preload/schemas/dates';
import type { CaseBundle, ContextAnnex } from './context';

export interface Annex {
  number: number;
  name: string;
  kind: 'attachment' | 'source';
  attachmentId: string;
  mediaType: string;
}

const USABLE = new Set(['application/pdf', 'image/png', 'image/jpeg']);
export const usableAnnex = (mediaType: string) => USABLE.has(mediaType);

export interface AnnexPlan {
  annexes: Annex[];
  /** The annexes as the template lists them (with their dates). */
  listed: ContextAnnex[];
  preflight: Preflight['annexes'];
  /** Annex number of each cited source's document. */
  bySource: Map<string, number>;
}

export function planAnnexes(bundle: CaseBundle, citedSourceIds: readonly string[]): AnnexPlan {
  const plan: AnnexPlan = { annexes: [], listed: [], preflight: [], bySource: new Map() };
  const key = (date: string | null) => (date ? partialDateRange(date).first : '9999');
  const files = [...bundle.file.attachments].sort((a, b) => key(a.documentDate).localeCompare(key(b.documentDate)) || a.addedAt.localeCompare(b.addedAt));
  for (const file of files) {
    const name = file.description ?? file.name;
    const usable = usableAnnex(file.mediaType);
    const number = usable ? plan.annexes.length + 1 : 0;
    plan.preflight.push({ number, name, kind: 'attachment', pages: null, usable });
    if (!usable) continue;
    plan.annexes.push({ number, name, kind: 'attachment', attachmentId: file.id, mediaType: file.mediaType });
    plan.listed.push({ number, name, date: file.documentDate, kind: 'attachment' });
  }
  for (const sourceId of citedSourceIds) {
    const document = bundle.sourceDocuments.get(sourceId);
    const source = bundle.links.find((l) => l.source.id === sourceId)?.source;
    if (!document || !source || plan.bySource.has(sourceId)) continue;
    const name = `${source.publisher}: ${source.title}`;
    const usable = usableAnnex(document.mediaType);
    const number = usable ? plan.annexes.length + 1 : 0;
    plan.preflight.push({ number, name, kind: 'source', pages: null, usable });
    if (!usable) continue;
    plan.bySource.set(sourceId, number);
    plan.annexes.push({ number, name, kind: 'source', attachmentId: document.id, mediaType: document.mediaType });
    plan.listed.push({ number, name, date: source.date, kind: 'source' });
  }
  return plan;
}
