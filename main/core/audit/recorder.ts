// The audit trail's one hook into the handler table: api.ts `run()` hands every validated call to
// `record()` and every failure to `failed()`. Which methods are recorded, and when the entry is
// written relative to the change, is decided in actions.ts; here is how.
import type { MethodName } from '../../../preload/contract';
import { contract } from '../../../preload/contract';
import { BriefcaseError } from '../errors';
import type { Db } from '../vault/sqlite';
import { recordedAs, type Recorded } from './actions';
import { declaredKeys, fieldPaths, idsOf } from './describe';
import { absorbFailedUnlocks, noteFailedUnlock, removeFailedUnlocks } from './failed-unlocks';
import { appendEntry, type AuditDraft } from './log';

export interface RecorderDeps {
  vault: { readonly isUnlocked: boolean; readonly db: Db; readonly path: string | null };
  /** The seat's user (actor.ts), asked for each entry so a changed profile name applies at once. */
  actor: () => string;
  /** The vault file a call made while locked was aimed at (for failed unlocks). */
  vaultPathFor: (input: Record<string, unknown>) => string;
}

export interface Recorder {
  /** Runs `work` (the handler) and records it as actions.ts says; returns what `work` returns. */
  record(method: MethodName, input: unknown, work: () => unknown): unknown;
  /** Called by every lock (api.ts lockVault) before the database closes. */
  locking(): void;
  /** A call that failed: a wrong passphrase is a failed unlock, recorded even while locked. */
  failed(method: MethodName, input: unknown, error: unknown): void;
}

const isThenable = (value: unknown): value is Promise<unknown> =>
  value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';

/** Methods whose WRONG_PASSPHRASE is a guess at the vault's passphrase (not an export file's). */
const VAULT_PASSPHRASE = /^(?:vault|backups)\./;

export function createRecorder(deps: RecorderDeps): Recorder {
  const keysByMethod = new Map<MethodName, Set<string>>();
  const keysOf = (method: MethodName) => {
    let keys = keysByMethod.get(method);
    if (!keys) keysByMethod.set(method, (keys = declaredKeys(contract[method].input)));
    return keys;
  };

  const draft = (method: MethodName, recorded: Recorded, input: unknown, output: unknown): AuditDraft => {
    const fields = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
    return {
      actor: deps.actor(),
      action: typeof recorded.action === 'function' ? recorded.action(fields) : recorded.action,
      method,
      ids: idsOf(input, output),
      fields: fieldPaths(input, keysOf(method)),
    };
  };

  /** After the change committed (or finished): in its own transaction, with failed unlocks first. */
  const appendAfter = (method: MethodName, recorded: Recorded, input: unknown, output: unknown) => {
    if (!deps.vault.isUnlocked) return;
    const db = deps.vault.db;
    const path = deps.vault.path;
    const unlock = recorded.action === 'unlock' && path !== null;
    db.transaction(() => {
      if (unlock) absorbFailedUnlocks(db, path);
      appendEntry(db, draft(method, recorded, input, output));
    })();
    if (unlock) removeFailedUnlocks(path);
  };

  /** Ends the transaction `record` began, unless the handler already ended it. */
  const end = (db: Db, verb: 'COMMIT' | 'ROLLBACK') => {
    if (!db.inTransaction) return;
    try {
      db.exec(verb);
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  };

  return {
    record(method, input, work) {
      const recorded = recordedAs(method);
      if (!recorded) return work();
      const when = recorded.when ?? 'same-transaction';

      if (when === 'by-lock') return work(); // locking() records it

      if (when === 'after-commit' || !deps.vault.isUnlocked || deps.vault.db.inTransaction) {
        const output = work();
        if (isThenable(output)) return output.then((value) => (appendAfter(method, recorded, input, value), value));
        appendAfter(method, recorded, input, output);
        return output;
      }

      const db = deps.vault.db;
      db.exec('BEGIN');
      let output: unknown;
      try {
        output = work();
      } catch (error) {
        // What a failing handler keeps is its own business (its db.transaction calls roll back
        // their part; some remove a failed upload's rows on purpose): commit, as without the trail.
        end(db, 'COMMIT');
        throw error;
      }
      if (isThenable(output)) {
        // An async handler: what it did before its first await commits now, as it would have
        // without the trail; its entry follows once it has finished.
        end(db, 'COMMIT');
        return output.then((value) => (appendAfter(method, recorded, input, value), value));
      }
      try {
        appendEntry(db, draft(method, recorded, input, output));
        end(db, 'COMMIT');
      } catch (error) {
        // No change without its entry.
        end(db, 'ROLLBACK');
        throw error;
      }
      return output;
    },

    locking() {
      if (!deps.vault.isUnlocked) return;
      try {
        appendEntry(deps.vault.db, { actor: deps.actor(), action: 'lock', method: 'vault.lock', ids: [], fields: [] });
      } catch {
        // Locking must never fail for the trail's sake: the key has to go (a damaged file, a
        // full disk). The next unlock's entry still shows the session ended.
      }
    },

    failed(method, input, error) {
      if (!(error instanceof BriefcaseError) || error.code !== 'WRONG_PASSPHRASE' || !VAULT_PASSPHRASE.test(method)) return;
      try {
        if (deps.vault.isUnlocked) {
          appendEntry(deps.vault.db, { actor: deps.actor(), action: 'failed_unlock', method, ids: [], fields: [] });
        } else {
          noteFailedUnlock(deps.vaultPathFor((input ?? {}) as Record<string, unknown>), deps.actor(), method);
        }
      } catch {
        // The person is told WRONG_PASSPHRASE either way; a folder that cannot be written to
        // must not turn that into another error.
      }
    },
  };
}
