import { describe, expect, it } from 'vitest';
import { describeIntegrity, verifyIntegrity } from '../../../src/state/verifyIntegrity';
import { importImages, type ImportFile } from '../../../src/state/importImages';
import { createCase } from '../../../src/state/documentCommands';
import { deriveFromHeader } from '../../fixtures/deriveImages';
import { testPattern } from '../../fixtures/png';
import { commandContext } from '../db/helpers';

const file = (name: string, seed: number): ImportFile => {
  const bytes = testPattern(40, 30, seed);
  return { name, size: bytes.length, read: async () => new Blob([bytes as Uint8Array<ArrayBuffer>]) };
};

async function twoImages() {
  const ctx = commandContext();
  const c = await createCase(ctx, 'Rajin');
  await importImages(ctx, c.id, [file('quay.png', 1), file('pier.png', 2)], deriveFromHeader);
  return ctx;
}

describe('verifyIntegrity', () => {
  it('hashes every original again and checks the audit chain', async () => {
    const ctx = await twoImages();
    const progress: string[] = [];
    const report = await verifyIntegrity(ctx.db, (done, total) => progress.push(`${done}/${total}`));
    expect(report).toEqual({ originals: 2, auditRecords: 3, problems: [] });
    expect(progress).toEqual(['1/2', '2/2']);
    expect(describeIntegrity(report)).toBe("Integrity verified: all 2 stored originals match their SHA-256, and the audit log's 3 records verify.");
  });

  it('names the file and case of an original altered or missing, and an altered audit record', async () => {
    const ctx = await twoImages();
    const images = await ctx.db.images.toArray();
    const [quay, pier] = ['quay.png', 'pier.png'].map((name) => images.find((i) => i.fileName === name)!);
    await ctx.db.blobs.put({ sha256: quay!.sha256, bytes: new Blob(['not the original']) });
    await ctx.db.blobs.delete(pier!.sha256);
    const first = (await ctx.db.audit.orderBy('seq').first())!;
    await ctx.db.audit.update(first.seq!, { author: 'mallory' });
    const report = await verifyIntegrity(ctx.db);
    expect(report.problems).toHaveLength(3);
    expect(report.problems[0]).toBe('pier.png (case "Rajin"): its original is missing from storage.');
    expect(report.problems[1]).toMatch(/^quay\.png \(case "Rajin"\): the stored original no longer matches the SHA-256 recorded at import/);
    expect(report.problems[2]).toMatch(/^The audit log does not verify: record \d+ was altered/);
    expect(describeIntegrity(report)).toMatch(/^Integrity check found 3 problems: pier\.png/);
  });
});
