// App lifecycle: one instance, one window, one handler table. Thin on purpose; the work is in core/.
import { app, BrowserWindow, Menu, powerMonitor, safeStorage, screen, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { closeDialogTexts } from './close-guard';
import { createApi } from './core/api';
import { BriefcaseError } from './core/errors';
import { readPreferences, updatePreferences } from './core/prefs/preferences';
import { electronAddonPath } from './core/vault/native';
import { MENU_CHANNEL, MenuMessage, type Language, type MenuCommand } from '../preload/contract';
import { bindIpc } from './ipc';
import { createKeychain } from './keychain';
import { buildMenuTemplate } from './menu';
import { lockOnSystemEvents } from './system-lock';
import { createMainWindow, lockDownSession, registerAppScheme, serveRenderer } from './window';
import { boundsToSave, initialBounds } from './window-state';

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
  const createdApi = createApi({
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
      showItemInFolder: (path) => shell.showItemInFolder(path),
      // "Remember on this computer"; refused where safeStorage would fall back to basic_text.
      keychain: createKeychain(safeStorage),
    },
  });
  // The menu speaks the app's language: rebuilt when the person switches it.
  const api: typeof createdApi = {
    get vault() {
      return createdApi.vault;
    },
    call: async (method: string, input: unknown) => {
      const envelope = await createdApi.call(method, input);
      if (method === 'prefs.setLanguage' && envelope.ok) setMenu();
      return envelope;
    },
    close: () => createdApi.close(),
    lock: () => createdApi.lock(),
  };
  // Locked when the computer sleeps or its screen locks, whatever the idle clock says, and the
  // window reloaded so it holds nothing decrypted (system-lock.ts).
  lockOnSystemEvents(powerMonitor, () => api.lock(), reloadWindows);
  if (!existsSync(addon)) {
    console.error(`[briefcase] no Electron build of the SQLite addon at ${addon}: run "npm run native" (see README).`);
  }

  lockDownSession(devServerUrl);
  serveRenderer(join(root, 'out', 'renderer'));
  bindIpc(api, devServerUrl);
  // The language the person chose (else the system's).
  const language = (): Language => readPreferences(dataDir).language ?? (app.getLocale().startsWith('da') ? 'da' : 'en');
  // Menu commands go to the focused window's page (menu.ts; the renderer's menuCommands.ts acts).
  const sendMenuCommand = (command: MenuCommand) => {
    const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    if (target && !target.isDestroyed()) target.webContents.send(MENU_CHANNEL, MenuMessage.parse({ command }));
  };
  function setMenu(): void {
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, language(), { developer: !app.isPackaged }, sendMenuCommand)));
  }
  setMenu();

  const windowOptions = {
    preloadPath: join(root, 'out', 'preload', 'index.cjs'),
    devServerUrl,
    // Read when the dialog is needed, so a language switched since start counts.
    closeDialogTexts: () => closeDialogTexts(language()),
    // Where it was last time, if that is still on a display (window-state.ts).
    bounds: () => initialBounds(readPreferences(dataDir).window, screen.getAllDisplays().map((display) => display.workArea)),
    saveBounds: (bounds: { x: number; y: number; width: number; height: number }, maximized: boolean) => {
      try {
        updatePreferences(dataDir, { window: boundsToSave(bounds, maximized) });
      } catch {
        // A read-only data folder costs the window its place, never the close.
      }
    },
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
