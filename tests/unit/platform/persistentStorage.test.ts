import { describe, expect, it } from 'vitest';
import { askPersistentStorage } from '../../../src/platform/persistentStorage';

const manager = (persisted: boolean, granted: boolean | Error) =>
  ({
    persisted: async () => persisted,
    persist: async () => {
      if (granted instanceof Error) throw granted;
      return granted;
    },
  }) as unknown as StorageManager;

describe('asking for persistent storage', () => {
  it('says what the browser granted', async () => {
    expect(await askPersistentStorage(manager(true, false))).toBe('persistent');
    expect(await askPersistentStorage(manager(false, true))).toBe('persistent');
    expect(await askPersistentStorage(manager(false, false))).toBe('best-effort');
  });

  it('says unknown when the browser cannot say', async () => {
    expect(await askPersistentStorage({} as StorageManager)).toBe('unknown');
    expect(await askPersistentStorage(manager(false, new Error('SecurityError')))).toBe('unknown');
  });
});
