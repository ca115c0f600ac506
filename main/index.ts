// App lifecycle: one instance, one window, one handler table. Thin on purpose; the work is in core/.
import { app, BrowserWindow, Menu, powerMonitor, safeStorage, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { closeDialogTexts } from './close-guard';
import { createApi } from './core/api';
import { BriefcaseError } from './core/errors';
import { readPreferences } from './core/prefs/preferences';
import { electronAddonPath } from './core/vault/native';
import { bindIpc } from './ipc';
import { createKeychain } from './keychain';
import { lockOnSystemEvents } from './system-lock';
import { createMainWindow, lockDownSession, registerAppScheme, serveRenderer } from './window';

app.setName('Briefcase');
// BRIEFCASE_HOME moves the data folder, as it does for the CLI (tests, portable installs).
if (process.env.BRIEFCASE_HOME) app.setPath('userData', process.env.BRIEFCASE_HOME);
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (which focuses its window) and never opens the vault.
  app.quit();
} else {
  void start();
}

/** A fresh page in every window: the one complete way to drop decrypted data from renderer memory. */
function reloadWindows(): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.reload();
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const root = app.getAppPath();
  const addon = electronAddonPath(root, process.versions.electron ?? '', process.platform, process.arch);

  const dataDir = app.getPath('userData');
  const api = createApi({
    dataDir,
    version: app.getVersion(),
    nativeBinding: existsSync(addon) ? addon : undefined,
    // Only the method and the error's class: messages can hold client data.
    onInternalError: (method, kind) => console.error(`[briefcase] internal error in ${method}: ${kind}`),
    // The idle clock locked on its own (the window was frozen or throttled): drop what it shows.
    onIdleLock: () => reloadWindows(),
    platform: {
      // shell.openPath resolves with an error message ('' on success); the message is dropped.
      openPath: async (path) => {
        if ((await shell.openPath(path)) !== '') throw new BriefcaseError('OPEN_FAILED');
      },
      // "Remember on this computer"; refused where safeStorage would fall back to basic_text.
      keychain: createKeychain(safeStorage),
    },
  });
  // Locked when the computer sleeps or its screen locks, whatever the idle clock says, and the
  // window reloaded so it holds nothing decrypted (system-lock.ts).
  lockOnSystemEvents(powerMonitor, () => api.lock(), reloadWindows);
  if (!existsSync(addon)) {
    console.error(`[briefcase] no Electron build of the SQLite addon at ${addon}: run "npm run native" (see README).`);
  }

  lockDownSession(devServerUrl);
  serveRenderer(join(root, 'out', 'renderer'));
  bindIpc(api, devServerUrl);
  // Role-based items only (edit shortcuts need an Edit menu on macOS); the full menu is issue 8's.
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      ...(app.isPackaged ? [] : [{ role: 'viewMenu' as const }]),
      { role: 'windowMenu' },
    ]),
  );

  const windowOptions = {
    preloadPath: join(root, 'out', 'preload', 'index.cjs'),
    devServerUrl,
    // The language the person chose (else the system's), read when the dialog is needed.
    closeDialogTexts: () => closeDialogTexts(readPreferences(dataDir).language ?? (app.getLocale().startsWith('da') ? 'da' : 'en')),
  };
  let window = createMainWindow(windowOptions);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (window.isDestroyed()) window = createMainWindow(windowOptions);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => api.close());
}
