// The app shell and its one piece of state: which screen is showing. Every lock (the Lock button,
// the idle lock, one the core made on suspend or screen lock) ends in a page reload (idleLock.ts),
// so no decrypted data outlives it in renderer memory.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, VaultStatus } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { CasePage } from '../cases/CasePage';
import { CasesScreen } from '../cases/CasesScreen';
import { DeadlinesScreen } from '../deadlines/DeadlinesScreen';
import { EvidenceScreen } from '../evidence/EvidenceScreen';
import { ClinicScreen } from '../exchange/ClinicScreen';
import { SecurityScreen } from '../security/SecurityScreen';
import { flushAll, installFlushRequestHandler, installPageExitFlush } from '../autosave/registry';
import { forgetEvidenceSettings } from '../evidence/useEvidenceSettings';
import { forgetTags } from '../evidence/useTags';
import { forgetReference } from '../reference/useReference';
import { i18n, initialLanguage } from '../i18n';
import { DemoBanner } from '../vault/DemoBanner';
import { VaultScreen } from '../vault/VaultScreen';
import { ErrorAlert } from './ErrorAlert';
import { reloadAfterLock, takeLockNotice, watchSession, type LockNotice } from './idleLock';
import { Header } from './Header';
import { saveCopyOfOpenItem, useMenuCommands, type ListRequest } from './menuCommands';
import { UnsavedDialog } from './UnsavedDialog';

export type View = { name: 'list' } | { name: 'deadlines' } | { name: 'evidence' } | { name: 'clinic' } | { name: 'security' } | { name: 'case'; id: string };

type Screen =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'locked'; status: VaultStatus; notice?: LockNotice | null }
  | { kind: 'unlocked'; view: View };

const LOADING: Screen = { kind: 'loading' };

/** Why the last page locked (read once per page load: React may run effects twice). */
const lockNotice = takeLockNotice();

const screenFor = (status: VaultStatus): Screen =>
  status.state === 'unlocked' ? { kind: 'unlocked', view: { name: 'list' } } : { kind: 'locked', status };

/**
 * The saved language (else the browser's), then the vault's state. Uses the i18n instance itself:
 * react-i18next hands out a new wrapper object on every language change.
 */
async function startingScreen(): Promise<Screen> {
  try {
    const prefs = await api.prefs.get();
    await i18n.changeLanguage(initialLanguage(prefs.language, navigator.language));
    const screen = screenFor(await api.vault.status());
    return screen.kind === 'locked' ? { ...screen, notice: lockNotice } : screen;
  } catch (error) {
    return { kind: 'failed', error: toApiError(error) };
  }
}

async function lockedScreen(): Promise<Screen> {
  // Cached lists belong to the vault that was open: another vault may be unlocked next.
  forgetReference();
  forgetTags();
  forgetEvidenceSettings();
  try {
    await api.vault.lock();
    // Locked: start the page afresh so nothing decrypted stays in memory (see idleLock.ts).
    reloadAfterLock(null);
    return LOADING;
  } catch (error) {
    return { kind: 'failed', error: toApiError(error) };
  }
}

/** The renderer's own idle lock: pending edits are saved if they can be, then the vault locks whatever. */
async function lockForIdle(minutes: number): Promise<void> {
  // Edits that cannot be saved (invalid, in conflict) are lost: an unattended open vault is the
  // greater harm, and the core's timer would lock it a moment later anyway.
  await flushAll();
  try {
    await api.vault.lock();
  } finally {
    reloadAfterLock({ reason: 'idle', minutes });
  }
}

/** The core locked the vault (idle, suspend, screen lock) or a call found it locked. */
const lockedByCore = (notice: LockNotice) => reloadAfterLock(notice);
const foundLocked = () => lockedByCore({ reason: 'locked' });

async function changeLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  try {
    await api.prefs.setLanguage({ language });
  } catch {
    // The switch still applies to this session; only remembering it failed.
  }
}

export function App() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>(LOADING);

  useEffect(() => {
    let current = true;
    void startingScreen().then((next) => current && setScreen(next));
    return () => {
      current = false;
    };
  }, []);

  /** Start over (after a failure, or when a call found the vault locked, e.g. the core restarted). */
  const reload = useCallback(() => {
    setScreen(LOADING);
    void startingScreen().then(setScreen);
  }, []);

  /** Lock: pending edits are saved, then the screen (and every case in memory) goes, then the vault. */
  const [unsaved, setUnsaved] = useState(0);
  const lockNow = useCallback(() => {
    setUnsaved(0);
    setScreen(LOADING);
    void lockedScreen().then(setScreen);
  }, []);
  const lock = useCallback(async () => {
    const left = await flushAll();
    if (left > 0) setUnsaved(left);
    else lockNow();
  }, [lockNow]);

  useEffect(() => installPageExitFlush(), []);
  // Closing the window: main asks, everything pending is saved, main hears whether all of it was.
  useEffect(() => installFlushRequestHandler(), []);

  const showStatus = useCallback((status: VaultStatus) => setScreen(screenFor(status)), []);
  // While unlocked: report activity, lock just before the idle deadline, notice the core's locks.
  const unlocked = screen.kind === 'unlocked';
  useEffect(() => (unlocked ? watchSession({ lockForIdle, onLockedByCore: lockedByCore }) : undefined), [unlocked]);
  const navigate = useCallback((view: View) => setScreen({ kind: 'unlocked', view }), []);
  // An import adds cases behind the list's back: a new key makes it ask again.
  const [listRound, setListRound] = useState(0);

  // The application menu (menuCommands.ts). While locked there is nothing for them to act on.
  const [listRequest, setListRequest] = useState<ListRequest | null>(null);
  const [menuNotice, setMenuNotice] = useState<{ text: string } | { error: ApiError } | null>(null);
  const toList = (action: ListRequest['action']) => {
    setListRequest({ action, n: Date.now() });
    navigate({ name: 'list' });
  };
  useMenuCommands({
    newCase: () => unlocked && toList('newCase'),
    find: () => unlocked && toList('find'),
    lock: () => unlocked && void lock(),
    preferences: () => unlocked && navigate({ name: 'security' }),
    saveCopy: () => {
      if (!unlocked) return;
      const started = saveCopyOfOpenItem((error) => setMenuNotice({ error: toApiError(error) }));
      setMenuNotice(started ? null : { text: t('menu.nothingToSave') });
    },
  });

  return (
    <div className="app">
      {/* Mounted once per unlock, so it stays through every view; it shows only in the demo vault. */}
      {screen.kind === 'unlocked' && <DemoBanner onLeave={() => void lock()} />}
      <Header
        onLanguage={(language) => void changeLanguage(language)}
        onLock={screen.kind === 'unlocked' ? () => void lock() : undefined}
        view={screen.kind === 'unlocked' ? screen.view : undefined}
        onNavigate={navigate}
      />
      {unlocked && menuNotice && (
        <div className="menu-notice" role="status">
          {'text' in menuNotice ? <p>{menuNotice.text}</p> : <ErrorAlert error={menuNotice.error} />}
          <button type="button" className="button button--quiet" onClick={() => setMenuNotice(null)}>
            {t('common.close')}
          </button>
        </div>
      )}
      {unsaved > 0 && <UnsavedDialog count={unsaved} onStay={() => setUnsaved(0)} onLock={lockNow} />}
      <main id="main" className="app-main" tabIndex={-1}>
        {screen.kind === 'loading' && (
          <p className="loading" aria-live="polite">
            {t('app.loading')}
          </p>
        )}
        {screen.kind === 'failed' && (
          <section className="panel panel--narrow stack">
            <h1>{t('app.startFailed')}</h1>
            <ErrorAlert error={screen.error} />
            <button type="button" className="button button--primary" onClick={reload}>
              {t('app.retry')}
            </button>
          </section>
        )}
        {screen.kind === 'locked' && <VaultScreen status={screen.status} notice={screen.notice ?? null} onOpened={showStatus} />}
        {screen.kind === 'unlocked' && screen.view.name === 'list' && (
          <CasesScreen
            key={listRound}
            onOpenCase={(id) => navigate({ name: 'case', id })}
            onImported={() => setListRound((n) => n + 1)}
            onVaultLocked={foundLocked}
            request={listRequest}
            onRequestDone={() => setListRequest(null)}
          />
        )}
        {screen.kind === 'unlocked' && screen.view.name === 'case' && (
          <CasePage
            key={screen.view.id}
            id={screen.view.id}
            onBack={() => navigate({ name: 'list' })}
            onOpenCase={(id) => navigate({ name: 'case', id })}
            onVaultLocked={foundLocked}
          />
        )}
        {screen.kind === 'unlocked' && screen.view.name === 'deadlines' && (
          <DeadlinesScreen onOpenCase={(id) => navigate({ name: 'case', id })} onVaultLocked={foundLocked} />
        )}
        {screen.kind === 'unlocked' && screen.view.name === 'evidence' && <EvidenceScreen onVaultLocked={foundLocked} />}
        {screen.kind === 'unlocked' && screen.view.name === 'clinic' && <ClinicScreen onVaultLocked={foundLocked} />}
        {screen.kind === 'unlocked' && screen.view.name === 'security' && (
          <SecurityScreen onVaultLocked={foundLocked} onOpenCase={(id) => navigate({ name: 'case', id })} onRestored={reload} />
        )}
      </main>
    </div>
  );
}
