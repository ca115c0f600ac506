// The application menu as a pure function of platform, language and state, so every label and
// accelerator is unit-tested without Electron (main/index.ts hands the result to
// Menu.buildFromTemplate and rebuilds it when the language changes).
//
// Built-in roles where Electron has them (quit, about, the edit commands, window): they bring the
// platform's own behaviour (Cmd+Q vs Alt+F4, services on macOS). Briefcase's own commands are sent
// to the renderer as MENU_CHANNEL messages; the renderer decides what they mean on the screen it
// shows (and ignores them while the vault is locked).
import type { MenuItemConstructorOptions } from 'electron';
import da from '../renderer/src/i18n/da.json' with { type: 'json' };
import en from '../renderer/src/i18n/en.json' with { type: 'json' };
import type { Language, MenuCommand } from '../preload/contract';

export interface MenuState {
  /** Reload and developer tools in a View menu: for unpackaged (development) runs only. */
  developer: boolean;
}

/** The accelerators of Briefcase's own commands on `platform` (process.platform). */
export function accelerators(platform: NodeJS.Platform): Record<MenuCommand, string> {
  return {
    newCase: 'CmdOrCtrl+N',
    find: 'CmdOrCtrl+F',
    saveCopy: 'CmdOrCtrl+Shift+S',
    lock: 'CmdOrCtrl+L',
    // Cmd+, is the macOS convention; on Linux and Windows Ctrl+, is the common choice (VS Code, Slack).
    preferences: platform === 'darwin' ? 'CmdOrCtrl+,' : 'Ctrl+,',
  };
}

export type MenuLabels = (typeof en)['menu'];

export function menuLabels(language: Language): MenuLabels {
  return (language === 'da' ? da : en).menu;
}

export function buildMenuTemplate(
  platform: NodeJS.Platform,
  language: Language,
  state: MenuState,
  send: (command: MenuCommand) => void,
): MenuItemConstructorOptions[] {
  const label = menuLabels(language);
  const keys = accelerators(platform);
  const mac = platform === 'darwin';
  // Alt+letter opens a top-level menu on Linux and Windows; macOS has no mnemonics.
  const top = (text: string) => (mac ? text : `&${text}`);
  const command = (name: MenuCommand): MenuItemConstructorOptions => ({
    id: name,
    label: label[name],
    accelerator: keys[name],
    click: () => send(name),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Briefcase',
    submenu: [
      { role: 'about', label: label.about },
      separator,
      command('preferences'),
      separator,
      { role: 'services', label: label.services },
      separator,
      { role: 'hide', label: label.hide },
      { role: 'hideOthers', label: label.hideOthers },
      { role: 'unhide', label: label.showAll },
      separator,
      { role: 'quit', label: label.quit },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: top(label.file),
    submenu: [
      command('newCase'),
      separator,
      command('saveCopy'),
      separator,
      command('lock'),
      // On macOS preferences and quit live in the app menu.
      ...(mac ? [] : [separator, command('preferences'), separator, { role: 'quit', label: label.quit } as const]),
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: top(label.edit),
    submenu: [
      { role: 'undo', label: label.undo },
      { role: 'redo', label: label.redo },
      separator,
      { role: 'cut', label: label.cut },
      { role: 'copy', label: label.copy },
      { role: 'paste', label: label.paste },
      { role: 'selectAll', label: label.selectAll },
      separator,
      command('find'),
    ],
  };
  // Text size and full screen help everyone; reload and developer tools only while developing.
  const viewMenu: MenuItemConstructorOptions = {
    label: top(label.view),
    submenu: [
      ...(state.developer
        ? [{ role: 'reload', label: label.reload } as const, { role: 'toggleDevTools', label: label.devTools } as const, separator]
        : []),
      { role: 'resetZoom', label: label.resetZoom },
      { role: 'zoomIn', label: label.zoomIn },
      { role: 'zoomOut', label: label.zoomOut },
      separator,
      { role: 'togglefullscreen', label: label.fullScreen },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: top(label.window),
    role: 'windowMenu',
    submenu: [
      { role: 'minimize', label: label.minimize },
      { role: 'zoom', label: label.zoom },
      ...(mac ? [separator, { role: 'front', label: label.front } as const] : [{ role: 'close', label: label.close } as const]),
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    label: top(label.help),
    role: 'help',
    submenu: [{ role: 'about', label: label.about }],
  };

  return [
    ...(mac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    windowMenu,
    // The about box is in the app menu on macOS.
    ...(mac ? [] : [helpMenu]),
  ];
}

