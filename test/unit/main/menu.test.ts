// The application menu (main/menu.ts) without Electron: the usual accelerators on each platform,
// the built-in roles for quit/about/edit, labels from the language's catalogue, and each of
// Briefcase's own items sending its command to the renderer.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import da from '../../../renderer/src/i18n/da.json' with { type: 'json' };
import en from '../../../renderer/src/i18n/en.json' with { type: 'json' };
import { buildMenuTemplate } from '../../../main/menu';
import { MENU_COMMANDS, type Language, type MenuCommand } from '../../../preload/contract';

const PLATFORMS = ['darwin', 'win32', 'linux'] as const;

/** Every item of the template, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, language: Language = 'en', developer = false) {
  const send = vi.fn<(command: MenuCommand) => void>();
  const template = buildMenuTemplate(platform, language, { developer }, send);
  return { template, items: flatten(template), send };
}

const byId = (items: MenuItemConstructorOptions[], id: string) => items.filter((item) => item.id === id);
const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

describe('application menu', () => {
  it.each(PLATFORMS)('gives the usual accelerators on %s', (platform) => {
    const { items } = build(platform);
    const accelerator = (id: string) => byId(items, id).map((item) => item.accelerator);
    expect(accelerator('newCase')).toEqual(['CmdOrCtrl+N']);
    expect(accelerator('find')).toEqual(['CmdOrCtrl+F']);
    expect(accelerator('saveCopy')).toEqual(['CmdOrCtrl+Shift+S']);
    expect(accelerator('lock')).toEqual(['CmdOrCtrl+L']);
    expect(accelerator('preferences')).toEqual([platform === 'darwin' ? 'CmdOrCtrl+,' : 'Ctrl+,']);
    // Quit is Electron's role (Cmd+Q on macOS, Alt+F4 on Windows, Ctrl+Q on Linux), exactly once.
    expect(roles(items).filter((role) => role === 'quit')).toHaveLength(1);
    expect(roles(items)).toEqual(expect.arrayContaining(['about', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('keeps no two items on the same accelerator', () => {
    for (const platform of PLATFORMS) {
      const keys = build(platform).items.map((item) => item.accelerator).filter(Boolean);
      expect(new Set(keys).size, platform).toBe(keys.length);
    }
  });

  it('puts about, preferences and quit in the app menu on macOS, in File and Help elsewhere', () => {
    const mac = build('darwin').template;
    expect(mac[0]!.label).toBe('Briefcase');
    expect(roles(flatten(mac[0]!.submenu as MenuItemConstructorOptions[]))).toEqual(expect.arrayContaining(['about', 'quit', 'services', 'hide']));
    expect(byId(flatten(mac[0]!.submenu as MenuItemConstructorOptions[]), 'preferences')).toHaveLength(1);

    const linux = build('linux').template;
    expect(linux.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    const file = flatten(linux[0]!.submenu as MenuItemConstructorOptions[]);
    expect(file.map((item) => item.id ?? item.role ?? item.type)).toEqual([
      'newCase', 'separator', 'saveCopy', 'separator', 'lock', 'separator', 'preferences', 'separator', 'quit',
    ]);
    expect(roles(flatten(linux[4]!.submenu as MenuItemConstructorOptions[]))).toEqual(['about']);
  });

  it.each(['en', 'da'] as const)('labels every item from the %s catalogue', (language) => {
    const catalogue = (language === 'da' ? da : en).menu;
    for (const platform of PLATFORMS) {
      const { template, items } = build(platform, language, true);
      for (const command of MENU_COMMANDS) {
        expect(byId(items, command).map((item) => item.label)).toEqual([catalogue[command]]);
      }
      const labels = new Set(Object.values(catalogue));
      for (const item of items) {
        if (item.type === 'separator' || item.label === 'Briefcase') continue;
        expect(labels.has(item.label!.replace(/^&/, '')), `${platform}: ${item.role ?? item.id}`).toBe(true);
      }
      expect(template.length).toBeGreaterThanOrEqual(5);
    }
    expect(build('win32', 'da').template[0]!.label).toBe('&Filer');
  });

  it('sends each command to the renderer when its item is chosen', () => {
    const { items, send } = build('linux');
    for (const command of MENU_COMMANDS) {
      const [item] = byId(items, command);
      (item!.click as () => void)();
      expect(send).toHaveBeenLastCalledWith(command);
    }
    expect(send).toHaveBeenCalledTimes(MENU_COMMANDS.length);
  });

  it('offers reload and developer tools only while developing', () => {
    expect(roles(build('linux', 'en', false).items)).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    expect(roles(build('linux', 'en', false).items)).not.toContain('reload');
    expect(roles(build('linux', 'en', false).items)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
    expect(roles(build('linux', 'en', true).items)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has every menu key in both catalogues', () => {
    expect(Object.keys(da.menu).sort()).toEqual(Object.keys(en.menu).sort());
  });
});
