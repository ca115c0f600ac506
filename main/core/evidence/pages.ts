// The text of each page of a source's stored PDF (for taking an excerpt with its page pinpoint).
// The document's chunks are read from the vault into one buffer and handed to pdf-text.ts.
import { sourceDocuments } from '../attachments/service';
import { readChunk } from '../attachments/service';
import { BriefcaseError } from '../errors';
import type { Db } from '../vault/sqlite';
import { extractPageTexts } from './pdf-text';
import * as repo from './repository';

export async function pageTexts(db: Db, sourceId: string): Promise<{ pages: string[] }> {
  if (!repo.getSource(db, sourceId)) throw new BriefcaseError('NOT_FOUND');
  const document = sourceDocuments(db, [sourceId]).get(sourceId);
  if (!document) throw new BriefcaseError('NOT_FOUND');
  if (document.mediaType !== 'application/pdf') throw new BriefcaseError('UNSUPPORTED_FILE_TYPE');
  const chunks: Buffer[] = [];
  for (let index = 0; ; index += 1) {
    const chunk = readChunk(db, { id: document.id, index });
    chunks.push(Buffer.from(chunk.data, 'base64'));
    if (chunk.last) break;
  }
  return { pages: await extractPageTexts(new Uint8Array(Buffer.concat(chunks))) };
}
