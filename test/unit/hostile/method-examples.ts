// One valid input per contract method, for mutating (hostile-values.ts mutatedFrom). Ids point at
// rows the test vault holds where reading them is harmless; every method that deletes, overwrites
// or writes to a path gets an id that does not exist, so a mutation that stays valid is refused
// with NOT_FOUND before anything is touched. Fictional people only.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { MethodName } from '../../../preload/contract';
import { PASSPHRASE } from '../helpers';

export interface Fixture {
  caseId: string;
  sourceId: string;
  excerptId: string;
  attachmentId: string;
  pendingUploadId: string;
  /** A folder inside the test's temporary directory for anything a path method may write. */
  scratch: string;
}

const META = { id: 'clinic-note', title: { da: 'Notat', en: 'Note' }, kind: 'other', version: '1.0.0', languages: ['da', 'en'], requires: [] };

export const CSL_SAMPLE = JSON.stringify([{ id: 'r1', type: 'report', publisher: 'Fictional Panel', title: 'Fictional country report', issued: { 'date-parts': [[2024, 5]] } }]);

export function validExamples(f: Fixture, caseFile: unknown): Partial<Record<MethodName, unknown>> {
  const unknownId = randomUUID();
  const fingerprint = '0000 0000 0000 0000 0000 0000 0000 0000';
  return {
    'app.info': {},
    'prefs.get': {},
    'prefs.setLanguage': { language: 'en' },
    'prefs.setUserName': { userName: 'Paula Prøve' },
    'settings.get': {},
    'settings.update': { idleMinutes: 15, keepDaily: 7, keepWeekly: 4, retentionYears: 5 },
    'session.activity': {},
    'vault.status': {},
    'vault.create': { passphrase: 'another long passphrase' },
    'vault.unlock': { passphrase: PASSPHRASE, remember: false },
    'vault.unlockRemembered': {},
    'vault.forget': {},
    'vault.lock': {},
    'vault.openDemo': {},
    'vault.check': {},
    // A wrong current passphrase: no mutation can turn it into the right one.
    'vault.rekey': { passphrase: 'not the passphrase', newPassphrase: 'a new long passphrase' },
    'cases.list': { query: 'Testdatter', limit: 10, offset: 0 },
    'cases.create': { clientName: 'Samir Fiktiv' },
    'cases.get': { id: f.caseId },
    'cases.recent': { limit: 5 },
    'cases.update': { id: f.caseId, revision: 0, update: { section: 'deadlines', value: [] } },
    'cases.import': { file: caseFile },
    'cases.export': { id: f.caseId },
    'reference.get': {},
    'risks.addFactor': { labels: { da: 'Fiktiv faktor', en: 'Fictional factor' }, fields: [{ id: 'known', type: 'boolean', labels: { da: 'Kendt', en: 'Known' } }] },
    'deadlines.dashboard': { today: '2026-11-23', days: 14 },
    'attachments.begin': { caseId: f.caseId, name: 'notat.txt', mediaType: 'text/plain', size: 5, documentDate: '2026-01', description: 'Fiktivt notat' },
    'attachments.append': { uploadId: f.pendingUploadId, index: 0, data: Buffer.from('hello').toString('base64') },
    'attachments.commit': { uploadId: unknownId, sha256: '0'.repeat(64) },
    'attachments.abort': { uploadId: unknownId },
    'attachments.addFromPath': { caseId: f.caseId, path: join(f.scratch, 'missing.txt') },
    'attachments.read': { id: f.attachmentId, index: 0 },
    'attachments.saveCopy': { id: unknownId, path: join(f.scratch, 'copy.txt') },
    'attachments.open': { id: f.attachmentId },
    'attachments.delete': { id: unknownId },
    'evidence.listSources': { query: 'Fictional', limit: 10, offset: 0 },
    'evidence.getSource': { id: f.sourceId },
    'evidence.saveSource': { source: { publisher: 'Fictional Panel', title: 'Another fictional report', date: '2025-02', kind: 'coi_report', countries: ['SY'] } },
    'evidence.deleteSource': { id: unknownId },
    'evidence.saveExcerpt': { excerpt: { sourceId: f.sourceId, text: 'A fictional passage.', pinpoint: { page: '2', paragraph: null, section: null }, tags: { topic: ['returnees'] } } },
    'evidence.deleteExcerpt': { id: unknownId },
    'evidence.search': { query: 'fictional', topic: [], limit: 10 },
    'evidence.tags': {},
    'evidence.addTag': { axis: 'topic', labels: { da: 'Fiktivt emne', en: 'Fictional topic' } },
    'evidence.settings': {},
    'evidence.setSettings': { maxAgeMonths: 24 },
    'evidence.import': { content: CSL_SAMPLE, format: 'csl-json' },
    'evidence.export': {},
    'evidence.loadStarter': {},
    'evidence.pageTexts': { sourceId: f.sourceId },
    'evidence.caseLinks': { caseId: f.caseId },
    'evidence.link': { caseId: f.caseId, excerptId: f.excerptId, riskFactorId: null },
    'evidence.unlink': { caseId: f.caseId, excerptId: unknownId, riskFactorId: null },
    'evidence.suggest': { caseId: f.caseId, limit: 5 },
    'documents.templates': {},
    'documents.addTemplate': {
      files: [
        { name: 'clinic-note/meta.json', text: JSON.stringify(META) },
        { name: 'clinic-note/da.md', text: '# Notat\n\nFor {{ client.name }}.\n' },
        { name: 'clinic-note/en.md', text: '# Note\n\nFor {{ client.name }}.\n' },
      ],
    },
    'documents.removeTemplate': { id: 'no-such-template' },
    'documents.check': { caseId: f.caseId, templateId: 'brief', language: 'da' },
    'documents.generate': { caseId: f.caseId, templateId: 'cover-letter', language: 'en', format: 'docx', acknowledgeStale: true },
    'documents.list': { caseId: f.caseId },
    'documents.read': { id: unknownId, index: 0 },
    'documents.open': { id: unknownId },
    'documents.saveCopy': { id: unknownId, path: join(f.scratch, 'doc.pdf') },
    'documents.delete': { id: unknownId },
    'clinic.get': {},
    'clinic.setup': { profile: { name: 'Fiktiv Retshjælp', address: 'Eksempelvej 1\n0000 Testby', contact: null } },
    'clinic.card': {},
    'clinic.exportIdentity': { path: join(f.scratch, 'identity.txt') },
    'partners.list': {},
    'partners.preview': { card: '{"format":"briefcase-card"}' },
    'partners.trust': { card: '{"format":"briefcase-card"}', fingerprint },
    'partners.revoke': { id: unknownId },
    'exchange.export': { caseIds: [f.caseId], to: { kind: 'partners', partnerIds: [unknownId], includeSelf: true } },
    'exchange.readExport': { exportId: unknownId, index: 0 },
    'exchange.discardExport': { exportId: unknownId },
    'exchange.exportToPath': { caseIds: [f.caseId], to: { kind: 'partners', partnerIds: [unknownId], includeSelf: true }, path: join(f.scratch, 'out.briefcase') },
    'exchange.uploadBegin': { size: 100 },
    'exchange.uploadAppend': { uploadId: unknownId, index: 0, data: 'aGk=' },
    'exchange.preview': { uploadId: unknownId },
    'exchange.previewPath': { path: join(f.scratch, 'missing.briefcase') },
    'exchange.apply': { importId: unknownId, trustSender: false, resolutions: [] },
    'exchange.discardImport': { importId: unknownId },
    'exchange.progress': { jobId: unknownId },
    'exchange.cancel': { jobId: unknownId },
    'exchange.log': {},
    'audit.list': { limit: 10, offset: 0 },
    'audit.verify': {},
    'audit.export': { format: 'json' },
    'backups.list': {},
    'backups.create': {},
    'backups.check': { id: 'no-such-backup.bcvault', passphrase: PASSPHRASE },
    'backups.restore': { id: 'no-such-backup.bcvault', passphrase: PASSPHRASE },
    'cases.erase': { caseId: unknownId, confirmReference: 'EX-2026-001' },
    'cases.retention': {},
    'cases.accessReport': { caseId: f.caseId, language: 'en' },
  };
}
