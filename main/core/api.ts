// The one handler table. Electron's IPC (main/ipc.ts), the command line (main/cli.ts) and the
// end-to-end test harness (test/harness) all call `call()`, so all three run the same validation
// and the same code. Handlers hold no rules: they hand validated input to a service.
import { contract, type Envelope, type MethodName, type MethodOutput } from '../../preload/contract';
import type { z } from 'zod';
import * as attachments from './attachments/service';
import { openAttachment, openCopy, removeOpenedCopies, type Platform } from './attachments/open';
import * as cases from './cases/service';
import { exportCase, importCase } from './cases/exchange';
import { listRecent, recordOpened } from './cases/recent';
import { updateSection } from './cases/update';
import * as deadlines from './deadlines/service';
import * as documents from './documents/service';
import { addTemplate, listTemplates, removeTemplate } from './documents/templates';
import * as evidence from './evidence/service';
import { exportLibrary, importLibrary } from './evidence/library';
import * as evidenceLinks from './evidence/links';
import { pageTexts } from './evidence/pages';
import { search as searchEvidence } from './evidence/search';
import { loadStarter } from './evidence/starter';
import { clinicCard, getIdentity, setup as setupClinic } from './exchange/clinic';
import { writeIdentityFile } from './exchange/identity-file';
import { exportTo } from './exchange/export';
import { ProcessFolder } from './exchange/exports-folder';
import { applyImport, appendUpload, beginUpload, discardImport, previewImport, removeLeftoverImports } from './exchange/import';
import { Jobs } from './exchange/jobs';
import { listLog } from './exchange/log';
import { listPartners, previewCard, revokePartner, trustCard } from './exchange/partners';
import * as reference from './reference/service';
import { seatUser } from './audit/actor';
import { exportLog } from './audit/export';
import { listEntries, verifyChain } from './audit/log';
import { createRecorder } from './audit/recorder';
import { BriefcaseError, issuesFromZod, toApiError } from './errors';
import { defaultVaultPath } from './paths';
import { readPreferences, updatePreferences } from './prefs/preferences';
import { getSettings, updateSettings } from './settings/service';
import { makeAccessReport } from './gdpr/access-report';
import { eraseCase } from './gdpr/erase';
import { listRetention } from './gdpr/retention';
import { backUp } from './backup/create';
import { checkBackup } from './backup/check';
import { backupPath, listBackups } from './backup/folder';
import { restoreBackup } from './backup/restore';
import { DailyBackups } from './backup/schedule';
import { isDemoVault } from './demo/marker';
import { openDemoVault } from './demo/open-demo';
import { IdleLock } from './session/idle-lock';
import { Vault, type VaultOptions } from './vault/vault';
import { forgetKey, isRemembered, keychainState, recallKey, rememberKey, requireKeychain } from './vault/remembered';
import { sqliteVersion } from './vault/sqlite';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ApiContext extends VaultOptions {
  /** Folder for preferences and the default vault (Electron's userData, or BRIEFCASE_HOME). */
  dataDir: string;
  version: string;
  /** Called with the method name and error class of an unexpected failure. Never given the message. */
  onInternalError?: (method: string, kind: string) => void;
  /**
   * What the platform can do for the core (Electron: shell.openPath). Injected, never imported,
   * so main/core stays Electron-free; the CLI and the test harness pass none.
   */
  platform?: Platform;
  /** Length of a minute for the idle lock (60 000); only the e2e harness shortens it, for tests. */
  idleMinuteMs?: number;
  /** Delay of the first daily-backup check after unlock (backup/schedule.ts); tests shorten it. */
  firstBackupCheckMs?: number;
  /** Told after the idle clock locked the vault on its own (the app reloads its window: main/system-lock.ts). */
  onIdleLock?: () => void;
}

type Handlers = {
  [M in MethodName]: (input: z.output<(typeof contract)[M]['input']>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export interface Api {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Lock the vault and release the file; for shutdown. */
  close(): void;
  /** Lock as the Lock button does, from outside a call (suspend, screen lock): after the call in progress. */
  lock(): Promise<void>;
  readonly vault: Vault;
}

/**
 * Methods answered at once, outside the serialised queue: they only read or flip the job registry
 * (main/core/exchange/jobs.ts), never the vault, so they cannot interleave with a job's database
 * work, and a progress bar or a Cancel button must not wait for the export it is about.
 */
const UNQUEUED: ReadonlySet<string> = new Set<MethodName>(['exchange.progress', 'exchange.cancel', 'session.activity']);

/** Calls the renderer makes on its own (polls): they are not the person at work, so the idle clock runs on. */
const BACKGROUND: ReadonlySet<string> = new Set<MethodName>(['vault.status', 'exchange.progress', 'session.activity']);

export function createApi(context: ApiContext): Api {
  const vault = new Vault(context);
  const jobs = new Jobs();
  // Files in flight, per process (exports-folder.ts): exports awaiting download, import uploads.
  const exportsFolder = new ProcessFolder(context.dataDir);
  const uploadsFolder = new ProcessFolder(context.dataDir, 'uploads');
  /** Everything decrypted or in flight on disk that a lock or shutdown removes. */
  const removeFilesInFlight = () => {
    removeOpenedCopies(context.dataDir);
    exportsFolder.removeOwn();
    uploadsFolder.removeOwn();
  };
  /** At unlock and create: also what an earlier process (a crash) left. */
  const removeLeftovers = () => {
    removeFilesInFlight();
    exportsFolder.removeLeftovers();
    uploadsFolder.removeLeftovers();
  };
  // The daily backup (backup/schedule.ts): checked at unlock, then hourly until the vault is locked.
  const dailyBackups = new DailyBackups(vault, (kind) => context.onInternalError?.('backups.daily', kind), context.firstBackupCheckMs);
  // The audit trail (audit/recorder.ts): `run()` hands it every call; lockVault every lock.
  const recorder = createRecorder({
    vault,
    actor: () => seatUser(context.dataDir),
    vaultPathFor: ({ path }) => vaultPath(typeof path === 'string' ? path : undefined),
  });
  /** The open vault's file (backups live beside it); VAULT_LOCKED when none is open. */
  const openVaultPath = (): string => {
    if (!vault.path) throw new BriefcaseError('VAULT_LOCKED');
    return vault.path;
  };

  // The idle lock (session/idle-lock.ts): armed while a vault is open, restarted by every call
  // that is not a background poll; on expiry it locks through the queue, as suspend does.
  const idle = new IdleLock({ minuteMs: context.idleMinuteMs, onExpiry: () => void lockSoon().then(notifyIdleLock, notifyIdleLock) });
  const notifyIdleLock = () => context.onIdleLock?.();
  /** Every lock (the Lock button, the idle clock, suspend, screen lock, shutdown) is this one. */
  const lockVault = () => {
    recorder.locking();
    idle.disarm();
    dailyBackups.stop();
    jobs.cancelAll();
    try {
      vault.lock();
    } finally {
      removeFilesInFlight();
    }
  };
  /** After every call: armed for the open vault's idle time (a reopened vault afresh), disarmed while locked. */
  const syncIdle = () => {
    if (!vault.isUnlocked) return idle.disarm();
    const db = vault.db;
    if (idle.isArmedFor(db)) return;
    let minutes = 10;
    try {
      minutes = getSettings(db).idleMinutes;
    } catch {
      // An unreadable setting must not leave an open vault without a lock: the default applies.
    }
    idle.arm(minutes, db);
  };
  /** What vault.unlock and vault.unlockRemembered do once the database is open. */
  const afterUnlock = (target: string) => {
    // Uploads a crash (or a lock mid-upload) left pending are removed before anything else runs,
    // and so are imports previewed but never applied (their staged entries).
    attachments.removeLeftoverUploads(vault.db);
    removeLeftoverImports(vault.db);
    // Decrypted copies, exports and uploads a crash left behind (attachments/open.ts,
    // exchange/exports-folder.ts).
    removeLeftovers();
    remember(target);
    dailyBackups.start();
  };

  const vaultPath = (path?: string) =>
    resolve(path ?? readPreferences(context.dataDir).lastVaultPath ?? defaultVaultPath(context.dataDir));

  const status = (): MethodOutput<'vault.status'> => {
    const keychain = keychainState(context.platform?.keychain);
    if (vault.isUnlocked && vault.path) {
      const path = vault.path;
      const demo = isDemoVault(vault.db);
      return { state: 'unlocked', path, exists: true, schemaVersion: vault.schemaVersion, keychain, remembered: isRemembered(context.dataDir, path), demo };
    }
    const path = vaultPath();
    return { state: 'locked', path, exists: existsSync(path), keychain, remembered: isRemembered(context.dataDir, path), demo: false };
  };

  const remember = (path: string) => {
    if (readPreferences(context.dataDir).lastVaultPath !== path) updatePreferences(context.dataDir, { lastVaultPath: path });
  };

  const handlers: Handlers = {
    'app.info': () => ({ version: context.version, sqliteVersion: sqliteVersion(vault.db) }),

    'prefs.get': () => readPreferences(context.dataDir),
    'prefs.setLanguage': ({ language }) => updatePreferences(context.dataDir, { language }),
    'prefs.setUserName': ({ userName }) => updatePreferences(context.dataDir, { userName }),

    'settings.get': () => getSettings(vault.db),
    'settings.update': (change) => {
      const next = updateSettings(vault.db, change);
      idle.arm(next.idleMinutes, vault.db); // a new idle time counts from now
      return next;
    },

    // Locking (session/idle-lock.ts, vault/remembered.ts)
    'session.activity': () => {
      idle.touch();
      return { lockInMs: vault.isUnlocked ? idle.lockInMs() : null };
    },
    'vault.unlockRemembered': ({ path }) => {
      const target = vaultPath(path);
      const { key, salt } = recallKey(context.dataDir, target, context.platform?.keychain);
      try {
        vault.unlockWithKey(target, key, salt);
      } catch (error) {
        // A stale key (the passphrase changed, another file at that path) will never open it.
        if (error instanceof BriefcaseError && error.code === 'NOTHING_REMEMBERED') forgetKey(context.dataDir, target);
        throw error;
      }
      afterUnlock(target);
      return status();
    },
    'vault.forget': ({ path }) => {
      forgetKey(context.dataDir, vaultPath(path));
      return status();
    },
    // The audit trail (main/core/audit): newest first, the chain's check, the log as a file.
    'audit.list': (page) => listEntries(vault.db, page),
    'audit.verify': () => verifyChain(vault.db),
    'audit.export': ({ format }) => exportLog(vault.db, format),
    // Backups (main/core/backup): beside the vault, encrypted with its key; restore after a check.
    'backups.list': () => ({ items: listBackups(openVaultPath()) }),
    'backups.create': () => backUp(vault.db, openVaultPath(), 'manual'),
    'backups.check': ({ id, passphrase }) => checkBackup(backupPath(openVaultPath(), id), passphrase, context),
    'backups.restore': async ({ id, passphrase }) => {
      const target = openVaultPath();
      await restoreBackup(vault, id, passphrase, { nativeBinding: context.nativeBinding, lock: lockVault });
      afterUnlock(target);
      return status();
    },
    // GDPR (main/core/gdpr): erasure with confirmation, the retention list, the access report.
    'cases.erase': (input) => {
      eraseCase(vault.db, input);
      // Decrypted copies opened in a viewer (attachments/open.ts) may be of the erased case; they
      // are convenience copies, so all go now rather than at the next lock.
      removeOpenedCopies(context.dataDir);
      return {};
    },
    'cases.retention': () => listRetention(vault.db),
    'cases.accessReport': (input) => makeAccessReport(vault.db, input),

    'vault.status': status,
    'vault.create': async ({ path, passphrase }) => {
      const target = vaultPath(path);
      await vault.create(target, passphrase);
      removeLeftovers();
      remember(target);
      dailyBackups.start(false);
      return status();
    },
    'vault.unlock': async ({ path, passphrase, remember: rememberHere }) => {
      const target = vaultPath(path);
      // Asked first: a refused "remember" leaves the vault locked and nothing stored.
      if (rememberHere) requireKeychain(context.platform?.keychain);
      await vault.unlock(target, passphrase);
      afterUnlock(target);
      if (rememberHere) {
        const { key, salt } = vault.keyToRemember();
        try {
          rememberKey(context.dataDir, target, context.platform?.keychain, key, salt);
        } catch (error) {
          lockVault(); // all or nothing: the person asked for both
          throw error;
        } finally {
          key.fill(0);
        }
      }
      return status();
    },
    'vault.lock': () => {
      lockVault();
      return status();
    },
    'vault.openDemo': async () => {
      await openDemoVault(vault, context.dataDir);
      // afterUnlock() without remember(): the preference keeps naming the real vault, so locking
      // the demo leads back to it. No daily backups either: the demo holds nothing to lose.
      attachments.removeLeftoverUploads(vault.db);
      removeLeftoverImports(vault.db);
      removeLeftovers();
      return status();
    },
    'vault.check': () => vault.check(),
    'vault.rekey': async ({ passphrase, newPassphrase }) => {
      await vault.rekey(passphrase, newPassphrase);
      // A passphrase is changed when it may be known to someone: a key remembered under the old
      // one is forgotten too (it would no longer open the vault anyway); the person can tick
      // "remember" again at the next unlock.
      if (vault.path) forgetKey(context.dataDir, vault.path);
      return status();
    },

    'cases.list': (input) => cases.listCases(vault.db, input),
    'cases.create': (input) => cases.createCase(vault.db, input),
    'cases.get': ({ id }) => {
      const record = cases.getCase(vault.db, id, attachments.listAttachments);
      // Recorded only once the case was found: a wrong id leaves "Recently opened" as it was.
      recordOpened(vault.db, id);
      return record;
    },
    'cases.recent': ({ limit }) => listRecent(vault.db, limit),
    'cases.update': (input) => updateSection(vault.db, input, { listAttachments: attachments.listAttachments }),
    'cases.import': ({ file }) => importCase(vault.db, file),
    'cases.export': ({ id }) => exportCase(vault.db, id, attachments.listAttachments),

    'reference.get': () => reference.getReference(vault.db),
    'risks.addFactor': (input) => reference.addFactor(vault.db, input),

    'deadlines.dashboard': (input) => deadlines.dashboard(vault.db, input),

    'attachments.begin': (input) => attachments.beginUpload(vault.db, input),
    'attachments.append': (input) => attachments.appendChunk(vault.db, input),
    'attachments.commit': (input) => attachments.commitUpload(vault.db, input),
    'attachments.abort': (input) => attachments.abortUpload(vault.db, input),
    'attachments.addFromPath': (input) => attachments.addFromPath(vault.db, input),
    'attachments.read': (input) => attachments.readChunk(vault.db, input),
    'attachments.saveCopy': (input) => attachments.saveCopy(vault.db, input),
    'attachments.open': (input) => openAttachment(vault.db, input, { dataDir: context.dataDir, platform: context.platform }),
    'attachments.delete': (input) => attachments.deleteAttachment(vault.db, input),

    'evidence.listSources': (input) => evidence.listSources(vault.db, input),
    'evidence.getSource': ({ id }) => evidence.getSource(vault.db, id),
    'evidence.saveSource': (input) => evidence.saveSource(vault.db, input),
    'evidence.deleteSource': ({ id }) => evidence.deleteSource(vault.db, id),
    'evidence.saveExcerpt': (input) => evidence.saveExcerpt(vault.db, input),
    'evidence.deleteExcerpt': ({ id }) => evidence.deleteExcerpt(vault.db, id),
    'evidence.search': (input) => searchEvidence(vault.db, input),
    'evidence.tags': () => evidence.tags(vault.db),
    'evidence.addTag': (input) => evidence.addTag(vault.db, input),
    'evidence.settings': () => evidence.settings(vault.db),
    'evidence.setSettings': (input) => evidence.setSettings(vault.db, input),
    'evidence.import': (input) => importLibrary(vault.db, input),
    'evidence.export': () => exportLibrary(vault.db),
    'evidence.loadStarter': () => loadStarter(vault.db),
    'evidence.pageTexts': ({ sourceId }) => pageTexts(vault.db, sourceId),
    'evidence.caseLinks': ({ caseId }) => evidenceLinks.listLinks(vault.db, caseId),
    'evidence.link': (input) => evidenceLinks.link(vault.db, input),
    'evidence.unlink': (input) => evidenceLinks.unlink(vault.db, input),
    'evidence.suggest': (input) => evidenceLinks.suggest(vault.db, input),

    'documents.templates': async () => ({ items: await listTemplates(vault.db) }),
    'documents.addTemplate': (input) => addTemplate(vault.db, input),
    'documents.removeTemplate': async ({ id }) => {
      await removeTemplate(vault.db, id);
      return {};
    },
    'documents.check': (input) => documents.check(vault.db, input),
    'documents.generate': (input) => documents.generate(vault.db, input),
    'documents.list': ({ caseId }) => documents.list(vault.db, caseId),
    'documents.read': (input) => documents.read(vault.db, input),
    'documents.open': ({ id }) => {
      // As attachments.open: without a platform nothing is decrypted to disk.
      if (!context.platform) throw new BriefcaseError('NOT_SUPPORTED');
      const version = documents.getVersion(vault.db, id);
      return openCopy(version, (path) => documents.saveCopy(vault.db, { id, path }), { dataDir: context.dataDir, platform: context.platform });
    },
    'documents.saveCopy': (input) => documents.saveCopy(vault.db, input),
    'documents.delete': (input) => documents.remove(vault.db, input),

    'clinic.get': () => ({ identity: getIdentity(vault.db) }),
    'clinic.setup': ({ profile }) => setupClinic(vault.db, profile),
    'clinic.card': () => clinicCard(vault.db),
    'clinic.exportIdentity': async ({ path }) => {
      await writeIdentityFile(vault.db, path);
      return {};
    },
    'partners.list': () => ({ items: listPartners(vault.db) }),
    'partners.preview': ({ card }) => previewCard(vault.db, card),
    'partners.trust': (input) => trustCard(vault.db, input),
    'partners.revoke': ({ id }) => revokePartner(vault.db, id),
    'exchange.export': ({ jobId, ...request }) => {
      const exportId = randomUUID();
      const path = exportsFolder.pathFor(exportId);
      // The private transit copy the window downloads (exports-folder.ts): not fsynced, see container.ts.
      return jobs.run(jobId, async (signal, onProgress) => ({ exportId, ...(await exportTo(vault.db, request, path, { signal, onProgress, durable: false })) }));
    },
    'exchange.readExport': ({ exportId, index }) => exportsFolder.read(exportId, index),
    'exchange.discardExport': ({ exportId }) => {
      exportsFolder.discard(exportId);
      return {};
    },
    'exchange.exportToPath': ({ jobId, path, ...request }) =>
      jobs.run(jobId, async (signal, onProgress) => ({ exportId: randomUUID(), ...(await exportTo(vault.db, request, resolve(path), { signal, onProgress })) })),
    'exchange.uploadBegin': (input) => beginUpload(vault.db, input, { dir: uploadsFolder.ensure() }),
    'exchange.uploadAppend': (input) => appendUpload(vault.db, input),
    'exchange.preview': (input) => previewImport(vault.db, input, jobs),
    'exchange.previewPath': (input) => previewImport(vault.db, input, jobs),
    'exchange.apply': (input) => applyImport(vault.db, input),
    'exchange.discardImport': ({ importId }) => discardImport(vault.db, importId),
    'exchange.progress': ({ jobId }) => jobs.progress(jobId),
    'exchange.cancel': ({ jobId }) => {
      jobs.cancel(jobId);
      return {};
    },
    'exchange.log': () => listLog(vault.db),
  };

  // One call at a time: handlers that await (key derivation) must not interleave with others.
  let queue: Promise<unknown> = Promise.resolve();

  /** A lock from outside a call (idle clock, suspend, screen lock): jobs stop now, the lock waits its turn. */
  function lockSoon(): Promise<void> {
    jobs.cancelAll();
    const done = queue.then(() => lockVault());
    queue = done.catch(() => undefined);
    return done;
  }

  async function run(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (!Object.hasOwn(contract, method)) {
      return { ok: false, error: new BriefcaseError('UNKNOWN_METHOD').toApiError() };
    }
    const name = method as MethodName;
    const spec = contract[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: new BriefcaseError('INVALID_INPUT', issuesFromZod(parsed.error)).toApiError() };
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      const value = spec.output.parse(await recorder.record(name, parsed.data, () => handler(parsed.data)));
      return { ok: true, value };
    } catch (caught) {
      recorder.failed(name, parsed.data, caught);
      // A page that fails its HMAC or a cut-short file shows up on read, in whatever call reads it.
      const code = (caught as { code?: unknown }).code;
      const error = code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' ? new BriefcaseError('VAULT_DAMAGED') : caught;
      if (!(error instanceof BriefcaseError)) {
        context.onInternalError?.(method, error instanceof Error ? error.constructor.name : typeof error);
      }
      return { ok: false, error: toApiError(error) };
    }
  }

  return {
    vault,
    call(method, input) {
      const active = !BACKGROUND.has(method);
      if (UNQUEUED.has(method)) {
        if (active) idle.touch();
        return run(method, input);
      }
      const result = queue.then(async () => {
        if (active) idle.touch();
        try {
          return await run(method, input);
        } finally {
          // A long call (a document, an import) is time at work, not away: counted from its end.
          if (active) idle.touch();
          syncIdle();
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
    close() {
      lockVault();
    },
    lock: lockSoon,
  };
}
