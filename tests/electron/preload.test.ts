import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    exposeInMainWorld: vi.fn(),
    invoke: vi.fn(),
    on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(fn);
    }),
    removeListener: vi.fn((channel: string, fn: (...args: unknown[]) => void) => listeners.get(channel)?.delete(fn)),
  };
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: mocks.exposeInMainWorld },
  ipcRenderer: { invoke: mocks.invoke, on: mocks.on, removeListener: mocks.removeListener },
}));

import type { EvidenceBridge } from '../../src/platform/contract';

/** What main's webContents.send would deliver: an event object plus the payload. */
const emit = (channel: string, ...payload: unknown[]) => {
  const event = { sender: { secret: 'ipcRenderer' }, ports: [] };
  for (const fn of mocks.listeners.get(channel) ?? []) fn(event, ...payload);
};

let bridge: EvidenceBridge;
beforeAll(async () => {
  await import('../../electron/preload');
  expect(mocks.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, value] = mocks.exposeInMainWorld.mock.calls[0]!;
  expect(key).toBe('evidence');
  bridge = value as EvidenceBridge;
});
beforeEach(() => {
  mocks.listeners.clear();
});

describe('preload bridge', () => {
  it('exposes exactly the bridge methods, and no ipcRenderer', () => {
    expect(Object.keys(bridge).sort()).toEqual(['onMenuCommand', 'pickImages', 'readMarker', 'saveAbort', 'saveBegin', 'saveChunk', 'saveFinish', 'writeMarker']);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
  });

  it('pickImages invokes its channel with no arguments and returns main’s result', async () => {
    const result = { ok: true, value: [{ name: 'a.png', size: 3, url: 'app://evidence/@picked/x' }] };
    mocks.invoke.mockResolvedValueOnce(result);
    await expect(bridge.pickImages()).resolves.toBe(result);
    expect(mocks.invoke).toHaveBeenCalledExactlyOnceWith('dialog:pick-images');
  });

  it('the save methods invoke their channels with exactly their arguments', async () => {
    mocks.invoke.mockClear();
    mocks.invoke.mockResolvedValue({ ok: true, value: null });
    const bytes = new Uint8Array([1, 2]);
    const extra = 'smuggled' as never;
    await expect(bridge.saveBegin('case.zip')).resolves.toEqual({ ok: true, value: null });
    await bridge.saveChunk('t', bytes);
    await (bridge.saveFinish as (...a: unknown[]) => unknown)('t', extra);
    await bridge.saveAbort('t');
    expect(mocks.invoke.mock.calls).toEqual([
      ['save:begin', 'case.zip'],
      ['save:chunk', 't', bytes],
      ['save:finish', 't'],
      ['save:abort', 't'],
    ]);
    mocks.invoke.mockReset();
  });

  it('the marker methods invoke their channels with exactly their arguments', async () => {
    mocks.invoke.mockClear();
    mocks.invoke.mockResolvedValue({ ok: true, value: null });
    await (bridge.readMarker as (...a: unknown[]) => unknown)('smuggled');
    await (bridge.writeMarker as (...a: unknown[]) => unknown)('{"databaseId":"d1"}', 'smuggled');
    expect(mocks.invoke.mock.calls).toEqual([['marker:read'], ['marker:write', '{"databaseId":"d1"}']]);
    mocks.invoke.mockReset();
  });

  it('passes known menu commands on without the IPC event', () => {
    const listener = vi.fn();
    bridge.onMenuCommand(listener);
    emit('menu:command', 'zoom-in');
    expect(listener).toHaveBeenCalledExactlyOnceWith('zoom-in');
  });

  it('ignores unknown or malformed menu commands', () => {
    const listener = vi.fn();
    bridge.onMenuCommand(listener);
    emit('menu:command', 'format-disk');
    emit('menu:command', { command: 'undo' });
    emit('menu:command');
    emit('menu:command', 'constructor');
    expect(listener).not.toHaveBeenCalled();
  });

  it('unsubscribe removes exactly that listener', () => {
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = bridge.onMenuCommand(first);
    bridge.onMenuCommand(second);
    unsubscribeFirst();
    emit('menu:command', 'undo');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith('undo');
    expect(mocks.listeners.get('menu:command')?.size).toBe(1);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge.onMenuCommand('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });
});
