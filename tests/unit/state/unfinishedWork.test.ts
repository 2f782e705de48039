import { describe, expect, it } from 'vitest';
import { UnfinishedWork } from '../../../src/state/unfinishedWork';

describe('unfinished work', () => {
  it('counts what runs until each settles, whether it succeeds or fails', async () => {
    const work = new UnfinishedWork();
    let finishImport!: () => void;
    let failExport!: (e: Error) => void;
    const importing = work.during(() => new Promise<void>((r) => (finishImport = r)));
    const exporting = work.during(() => new Promise<void>((_, reject) => (failExport = reject)));
    expect(work.count).toBe(2);
    finishImport();
    await importing;
    expect(work.count).toBe(1);
    failExport(new Error('disk full'));
    await expect(exporting).rejects.toThrow('disk full');
    expect(work.count).toBe(0);
  });
});
