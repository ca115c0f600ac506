// Test support for the erasure tests: a fictional client, "Amal Testdatter", put into a vault (or a
// plain SQLite database with the same schema) through the same service functions the app uses,
// with her name in the case JSON, in search, in an attachment's bytes and in a generated document;
// and a second fictional client, "Samir Fiktiv", whose case must survive her erasure untouched.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCase } from '../../../main/core/cases/exchange';
import { addFromPath } from '../../../main/core/attachments/service';
import { generate } from '../../../main/core/documents/service';
import * as repo from '../../../main/core/documents/repository';
import { link } from '../../../main/core/evidence/links';
import { loadStarter } from '../../../main/core/evidence/starter';
import type { Db } from '../../../main/core/vault/sqlite';
import { DEMO_LINKS, demoCaseFile } from '../../../scripts/demo';

export const ERASED_NAME = 'Amal Testdatter';
export const ERASED_REFERENCE = '2026-701';
export const KEPT_NAME = 'Samir Fiktiv';
export const KEPT_REFERENCE = '2026-702';

/** The forms the name can take in a SQLite file: UTF-8, UTF-16 (either byte order), folded for search. */
export function nameNeedles(name: string): Buffer[] {
  const utf16le = Buffer.from(name, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  const folded = Buffer.from(name.toLowerCase(), 'utf8');
  return [Buffer.from(name, 'utf8'), utf16le, utf16be, folded];
}

/** The needles found in `bytes` (as their index in the list). */
export function found(bytes: Buffer, needles: Buffer[]): number[] {
  return needles.flatMap((needle, index) => (bytes.includes(needle) ? [index] : []));
}

export interface AmalCase {
  caseId: string;
  /** Slices of every stored blob (attachment, generated documents): no stored byte run may survive. */
  blobMarkers: Buffer[];
  /** The id of the excerpt linked to the case (library data, which must survive). */
  excerptIds: string[];
}

/**
 * The demo case with Amal Testdatter as the client (she is the spouse in the demo household too),
 * a text attachment naming her padded with `extraAttachmentBytes` of random bytes (the 50 MB
 * measurement), the demo's evidence links, and a generated brief (PDF) and cover letter (DOCX).
 */
export async function addAmalCase(db: Db, scratch: string, options: { extraAttachmentBytes?: number; generate?: boolean } = {}): Promise<AmalCase> {
  const file = demoCaseFile();
  file.details.reference = ERASED_REFERENCE;
  file.client.name = ERASED_NAME;
  const { id: caseId } = importCase(db, file);

  const statement = join(scratch, 'statement.txt');
  const text = Buffer.from(`Statement of ${ERASED_NAME}, fictional client.\n`.repeat(20), 'utf8');
  writeFileSync(statement, Buffer.concat([text, randomText(options.extraAttachmentBytes ?? 0), text]));
  await addFromPath(db, { caseId, path: statement, documentDate: '2026-01-12', description: `Interview with ${ERASED_NAME}` });
  const markers: Buffer[] = [readFileSync(statement).subarray(-200)];
  rmSync(statement);

  for (const l of DEMO_LINKS) link(db, { caseId, ...l });
  if (options.generate ?? true) {
    for (const [templateId, format] of [['brief', 'pdf'], ['cover-letter', 'docx']] as const) {
      const version = await generate(db, { caseId, templateId, language: 'en', format, acknowledgeStale: true });
      // The middle of the document's bytes: compressed text, so the name itself is not in it in clear.
      const bytes = repo.chunk(db, version.id, 0)!;
      markers.push(bytes.subarray(Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64));
    }
  }
  return { caseId, blobMarkers: markers, excerptIds: DEMO_LINKS.map((l) => l.excerptId) };
}

/** A small second case that must come through an erasure unchanged. */
export function addKeptCase(db: Db, linkTo?: string): string {
  const file = demoCaseFile();
  file.details.reference = KEPT_REFERENCE;
  file.client.name = KEPT_NAME;
  file.household = (file.household ?? []).slice(1, 2).map((member) => ({ ...member, linkedCaseId: linkTo ?? null }));
  file.timeline = [];
  file.risks = [];
  return importCase(db, file).id;
}

export function loadLibrary(db: Db): void {
  loadStarter(db);
}

/** `bytes` of random base64 text (an attachment must sniff as a supported type: plain text). */
export function randomText(bytes: number): Buffer {
  return Buffer.from(randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64')).subarray(0, bytes);
}
