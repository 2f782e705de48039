// Asks the browser to keep this origin's storage through disk pressure. Without it ("best
// effort") the browser may evict IndexedDB, cases and all, to free space. Chromium answers at
// once, without a prompt, from its own heuristics (site engagement, an installed app).
export type StorageDurability = 'persistent' | 'best-effort' | 'unknown';

export async function askPersistentStorage(storage: StorageManager | undefined = navigator.storage): Promise<StorageDurability> {
  if (!storage?.persist) return 'unknown';
  try {
    return (await storage.persisted()) || (await storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unknown';
  }
}
