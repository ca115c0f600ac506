// Puts the demo into a freshly created, unlocked vault: the marker, the starter library, the demo
// case, its two letters as attachments, the links from excerpts to the case and its risk factors,
// and an invented clinic with its keys, so "Export…" works in the demo as it does in a clinic.
// Calls the services directly (it runs inside one api call, vault.openDemo); they validate as the
// matching contract methods do.
import { createHash } from 'node:crypto';
import { ATTACHMENT_CHUNK_BYTES } from '../../../preload/contract';
import { ClinicProfile } from '../../../preload/schemas/exchange';
import { appendChunk, beginUpload, commitUpload } from '../attachments/service';
import { importCase } from '../cases/exchange';
import { link } from '../evidence/links';
import { setup as setUpClinic } from '../exchange/clinic';
import { loadStarter } from '../evidence/starter';
import type { Db } from '../vault/sqlite';
import { DEMO_LINKS, demoCaseFile } from './case';
import { demoAttachments } from './letters';
import { markAsDemo } from './marker';

/** Invented, like everything in the demo. */
const DEMO_CLINIC = ClinicProfile.parse({
  name: 'Demo Clinic (fictional)',
  address: 'Eksempelvej 2\n0000 Testby',
  contact: 'demo@example.org',
});

/** Returns the demo case's id. */
export async function fillDemoVault(db: Db): Promise<string> {
  markAsDemo(db);
  loadStarter(db);
  const { id: caseId } = importCase(db, demoCaseFile());
  for (const file of await demoAttachments()) {
    // From memory, chunk by chunk as the renderer uploads: no file on disk, not even an invented one.
    const bytes = Buffer.from(file.bytes);
    const { uploadId } = beginUpload(db, { caseId, name: file.name, documentDate: file.date, size: bytes.length });
    for (let index = 0, at = 0; at < bytes.length; index += 1, at += ATTACHMENT_CHUNK_BYTES) {
      appendChunk(db, { uploadId, index, data: bytes.subarray(at, at + ATTACHMENT_CHUNK_BYTES).toString('base64') });
    }
    commitUpload(db, { uploadId, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  for (const entry of DEMO_LINKS) link(db, { caseId, ...entry });
  await setUpClinic(db, DEMO_CLINIC);
  return caseId;
}
