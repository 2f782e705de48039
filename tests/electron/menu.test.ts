import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { IPC, MENU_COMMANDS, type MenuCommand } from '../../src/platform/contract';
import { buildMenuTemplate, menuCommandSender } from '../../electron/menu';

type Item = MenuItemConstructorOptions;

function build(options: { packaged?: boolean; mac?: boolean } = {}) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ packaged: options.packaged ?? true, mac: options.mac ?? false, send: (c) => sent.push(c) });
  return { template, sent };
}

const submenu = (template: Item[], label: string): Item[] => {
  const top = template.find((m) => m.label === label || (label === 'Help' && m.role === 'help'));
  if (!top || !Array.isArray(top.submenu)) throw new Error(`no ${label} menu`);
  return top.submenu as Item[];
};
const item = (items: Item[], label: string): Item => {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no ${label} item`);
  return found;
};
const click = (i: Item) => (i.click as unknown as () => void)();

describe('menu template', () => {
  it('has File, Edit, View and Help in that order', () => {
    const { template } = build();
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
  });

  it('File: New case, Import images…, then Quit', () => {
    const file = submenu(build().template, 'File');
    expect(item(file, 'New case').accelerator).toBe('CmdOrCtrl+Shift+N');
    expect(item(file, 'Import images…').accelerator).toBe('CmdOrCtrl+O');
    expect(file.map((i) => i.type ?? i.role ?? i.label)).toEqual(['New case', 'Import images…', 'separator', 'quit']);
  });

  it('Edit: shows Undo/Redo/Delete shortcuts without intercepting the keys, and keeps text-field editing roles', () => {
    const edit = submenu(build().template, 'Edit');
    expect(item(edit, 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(item(edit, 'Redo')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false });
    expect(item(edit, 'Delete')).toMatchObject({ accelerator: 'Delete', registerAccelerator: false });
    const roles = edit.filter((i) => i.role).map((i) => [i.role, i.registerAccelerator]);
    expect(roles).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', false],
      ['selectAll', false],
    ]);
  });

  it('View: zoom commands, and developer tools only when not packaged', () => {
    const packaged = submenu(build({ packaged: true }).template, 'View');
    expect(item(packaged, 'Zoom in').accelerator).toBe('CmdOrCtrl+=');
    expect(item(packaged, 'Zoom out').accelerator).toBe('CmdOrCtrl+-');
    expect(item(packaged, 'Fit').accelerator).toBe('CmdOrCtrl+0');
    expect(packaged.some((i) => i.role === 'toggleDevTools')).toBe(false);
    const dev = submenu(build({ packaged: false }).template, 'View');
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('Help: About', () => {
    expect(submenu(build().template, 'Help').map((i) => i.role)).toEqual(['about']);
  });

  it('on macOS adds the application menu and leaves Quit to it', () => {
    const { template } = build({ mac: true });
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(submenu(template, 'File').some((i) => i.role === 'quit')).toBe(false);
  });

  it('each command item sends its own command', () => {
    const { template, sent } = build();
    const labels: [string, string, MenuCommand][] = [
      ['File', 'New case', 'new-case'],
      ['File', 'Import images…', 'import-images'],
      ['Edit', 'Undo', 'undo'],
      ['Edit', 'Redo', 'redo'],
      ['Edit', 'Delete', 'delete'],
      ['View', 'Zoom in', 'zoom-in'],
      ['View', 'Zoom out', 'zoom-out'],
      ['View', 'Fit', 'zoom-fit'],
    ];
    for (const [menu, label] of labels) click(item(submenu(template, menu), label));
    expect(sent).toEqual(labels.map(([, , command]) => command));
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });
});

describe('menuCommandSender', () => {
  it('sends the command to the window on the menu channel', () => {
    const send = vi.fn();
    const win = { isDestroyed: () => false, webContents: { send } } as unknown as BrowserWindow;
    menuCommandSender(() => win)('zoom-in');
    expect(send).toHaveBeenCalledWith(IPC.menuCommand, 'zoom-in');
    expect(IPC.menuCommand).toBe('menu:command');
  });

  it('does nothing without a live window', () => {
    const send = vi.fn();
    menuCommandSender(() => null)('undo');
    menuCommandSender(() => ({ isDestroyed: () => true, webContents: { send } }) as unknown as BrowserWindow)('undo');
    expect(send).not.toHaveBeenCalled();
  });

  it('wires menu clicks through to webContents.send', () => {
    const send = vi.fn();
    const win = { isDestroyed: () => false, webContents: { send } } as unknown as BrowserWindow;
    const template = buildMenuTemplate({ packaged: true, mac: false, send: menuCommandSender(() => win) });
    click(item(submenu(template, 'File'), 'Import images…'));
    expect(send).toHaveBeenCalledExactlyOnceWith('menu:command', 'import-images');
  });
});
