// The import crash test's material: export files from another clinic (two fresh cases each, with
// a client section and an attachment), and the check that after a kill an import is in the vault
// wholly, exactly as sent, or not at all.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Api } from '../../../main/core/api';
import type { CaseFile } from '../../../preload/contract';
import { apiCalls, readAllChunks } from '../api-calls';
import { exportFile, type Clinic } from '../exchange/import-fixtures';
import { attachmentText } from './protocol';

export interface ExportMade {
  path: string;
  /** Each case as the sender has it: what the receiver must hold after the import. */
  cases: Map<string, Sent>;
}

interface Sent {
  client: CaseFile['client'];
  details: CaseFile['details'];
  attachments: { id: string; name: string; sha256: string; size: number }[];
}

/**
 * Two new cases at `source`, exported to the partner clinic `partnerId` (its key, not a passphrase:
 * a passphrase costs a deliberately slow scrypt, and the kills should land in the import's work).
 */
export async function makeExport(source: Clinic, partnerId: string, n: number): Promise<ExportMade> {
  const ids: string[] = [];
  for (const clientName of [`Amal Testdatter ${n}`, `Samir Fiktiv ${n}`]) {
    const { id } = await source.ok<{ id: string }>('cases.create', { clientName });
    await source.ok('cases.update', { id, revision: 0, update: { section: 'client', value: { name: clientName, nameOriginal: 'أمل', contact: { phone: null, email: null, address: `Eksempelvej ${n}, 0000 Testby` } } } });
    const bytes = attachmentText(`${clientName}`, 200_000);
    const { uploadId } = await source.ok<{ uploadId: string }>('attachments.begin', { caseId: id, name: `samtale-${n}.txt`, mediaType: 'text/plain', size: bytes.length });
    await source.ok('attachments.append', { uploadId, index: 0, data: bytes.toString('base64') });
    await source.ok('attachments.commit', { uploadId, sha256: createHash('sha256').update(bytes).digest('hex') });
    ids.push(id);
  }
  const path = await exportFile(source, ids, { partnerIds: [partnerId] });
  const cases = new Map<string, Sent>();
  for (const id of ids) cases.set(id, sent(await source.ok<CaseFile>('cases.export', { id })));
  return { path, cases };
}

const sent = (file: CaseFile): Sent => ({
  client: file.client,
  details: file.details,
  attachments: file.attachments.map(({ id, name, sha256, size }) => ({ id, name, sha256, size })),
});

/** 'applied' when every case of the export is in the vault as sent (bytes read back), 'absent' when none is. */
export async function importState(api: Api, made: ExportMade): Promise<'applied' | 'absent'> {
  const { ok } = apiCalls(api);
  const found: string[] = [];
  for (const [id, expected] of made.cases) {
    const envelope = await api.call('cases.export', { id });
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('NOT_FOUND');
      continue;
    }
    found.push(id);
    expect(sent(envelope.value as CaseFile), `case ${id} as it was sent`).toEqual(expected);
    for (const attachment of expected.attachments) {
      const bytes = await readAllChunks(ok, 'attachments.read', attachment.id);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(attachment.sha256);
    }
  }
  expect([0, made.cases.size], `cases of one import found: ${found.length} of ${made.cases.size}`).toContain(found.length);
  return found.length === 0 ? 'absent' : 'applied';
}
