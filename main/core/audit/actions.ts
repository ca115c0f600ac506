// Which contract methods the audit trail records, as which action, and which it leaves out and
// why. Every method of preload/contract.ts must be in exactly one of the two tables (a unit test
// fails otherwise), so a method added later cannot be forgotten: its author has to decide.
import type { AuditAction } from '../../../preload/schemas/security';
import type { MethodName } from '../../../preload/contract';

export interface Recorded {
  /** The action, or a choice made from the (validated) input: a save with an id is an update. */
  action: AuditAction | ((input: Record<string, unknown>) => AuditAction);
  /**
   * When the entry is written:
   * - 'same-transaction' (default): the handler runs inside a transaction with its entry, so the
   *   change and its entry commit together (an async handler's entry follows once it finishes);
   * - 'by-lock': written by the one lock function (api.ts lockVault) while the database is still
   *   open, so a lock by the idle clock, suspend or shutdown is recorded as the Lock button's is;
   * - 'after-commit': methods that manage the file itself (open, rekey, backup, erase) and cannot
   *   run inside a transaction (VACUUM, checkpoints, closing); the entry follows the change.
   */
  when?: 'same-transaction' | 'by-lock' | 'after-commit';
}

const saveAction = (input: Record<string, unknown>): AuditAction => (input.id === undefined ? 'create' : 'update');

export const RECORDED: Partial<Record<MethodName, Recorded>> = {
  'settings.update': { action: 'update' },

  'vault.create': { action: 'create', when: 'after-commit' },
  'vault.unlock': { action: 'unlock', when: 'after-commit' },
  'vault.unlockRemembered': { action: 'unlock', when: 'after-commit' },
  'vault.lock': { action: 'lock', when: 'by-lock' },
  // Recorded in the demo vault's own trail, as any opening is.
  'vault.openDemo': { action: 'unlock', when: 'after-commit' },
  'vault.rekey': { action: 'rekey', when: 'after-commit' },

  'cases.create': { action: 'create' },
  'cases.update': { action: 'update' },
  'cases.import': { action: 'import' },
  'cases.export': { action: 'export' },
  'cases.erase': { action: 'erase', when: 'after-commit' },
  'cases.accessReport': { action: 'generate', when: 'after-commit' },

  'risks.addFactor': { action: 'create' },

  // An upload is recorded once, when it is committed (begin/append/abort are its staging).
  'attachments.commit': { action: 'create' },
  'attachments.addFromPath': { action: 'create' },
  'attachments.delete': { action: 'delete' },
  // A decrypted copy leaves the vault: recorded as an export, whether saved or opened.
  'attachments.saveCopy': { action: 'export' },
  'attachments.open': { action: 'export' },

  'evidence.saveSource': { action: saveAction },
  'evidence.deleteSource': { action: 'delete' },
  'evidence.saveExcerpt': { action: saveAction },
  'evidence.deleteExcerpt': { action: 'delete' },
  'evidence.addTag': { action: 'create' },
  'evidence.setSettings': { action: 'update' },
  'evidence.import': { action: 'import' },
  'evidence.export': { action: 'export' },
  'evidence.loadStarter': { action: 'import' },
  'evidence.link': { action: 'create' },
  'evidence.unlink': { action: 'delete' },

  'documents.addTemplate': { action: 'create' },
  'documents.removeTemplate': { action: 'delete' },
  'documents.generate': { action: 'generate' },
  'documents.open': { action: 'export' },
  'documents.saveCopy': { action: 'export' },
  'documents.delete': { action: 'delete' },

  'clinic.setup': { action: 'update' },
  // The clinic's secret key leaves the vault.
  'clinic.exportIdentity': { action: 'export' },
  'partners.trust': { action: 'create' },
  'partners.revoke': { action: 'delete' },

  'exchange.export': { action: 'export' },
  'exchange.exportToPath': { action: 'export' },
  'exchange.apply': { action: 'import' },

  'audit.export': { action: 'export' },

  'backups.create': { action: 'backup', when: 'after-commit' },
  'backups.restore': { action: 'restore', when: 'after-commit' },
};

/** Methods not recorded, each with the reason. */
export const NOT_RECORDED: Partial<Record<MethodName, 'read' | 'seat' | 'staging'>> = {
  // Reads: they change nothing.
  'app.info': 'read',
  'prefs.get': 'read',
  'settings.get': 'read',
  'vault.status': 'read',
  'vault.check': 'read',
  'cases.list': 'read',
  'cases.get': 'read',
  // A read. (cases.get, above, also keeps the vault's "Recently opened" list: no case data changes.)
  'cases.recent': 'read',
  'cases.retention': 'read',
  'reference.get': 'read',
  'deadlines.dashboard': 'read',
  'attachments.read': 'read',
  'evidence.listSources': 'read',
  'evidence.getSource': 'read',
  'evidence.search': 'read',
  'evidence.tags': 'read',
  'evidence.settings': 'read',
  'evidence.pageTexts': 'read',
  'evidence.caseLinks': 'read',
  'evidence.suggest': 'read',
  'documents.templates': 'read',
  'documents.check': 'read',
  'documents.list': 'read',
  'documents.read': 'read',
  'clinic.get': 'read',
  'clinic.card': 'read',
  'partners.list': 'read',
  'partners.preview': 'read',
  'exchange.readExport': 'read',
  'exchange.progress': 'read',
  'exchange.log': 'read',
  'audit.list': 'read',
  'audit.verify': 'read',
  'backups.list': 'read',
  'backups.check': 'read',
  // The seat, not the vault: preferences and the OS keychain of this computer.
  'prefs.setLanguage': 'seat',
  'prefs.setUserName': 'seat',
  'session.activity': 'seat',
  'vault.forget': 'seat',
  // Staging before the recorded step (an upload before its commit, an import before its apply,
  // an export file before its download), or stopping such staging.
  'attachments.begin': 'staging',
  'attachments.append': 'staging',
  'attachments.abort': 'staging',
  'exchange.discardExport': 'staging',
  'exchange.uploadBegin': 'staging',
  'exchange.uploadAppend': 'staging',
  'exchange.preview': 'staging',
  'exchange.previewPath': 'staging',
  'exchange.discardImport': 'staging',
  'exchange.cancel': 'staging',
};

export function recordedAs(method: string): Recorded | null {
  return Object.hasOwn(RECORDED, method) ? RECORDED[method as MethodName]! : null;
}
