import { describe, expect, it } from 'vitest';
import { imageBytes, previewBytes, thumbnailBytes } from '../../../src/db/images';
import { createCase } from '../../../src/state/documentCommands';
import { importImages, sha256Hex, type ImportFile } from '../../../src/state/importImages';
import { deriveFromHeader } from '../../fixtures/deriveImages';
import { pngHeaderOnly, testPattern } from '../../fixtures/png';
import { commandContext } from '../db/helpers';

const file = (name: string, bytes: Uint8Array, size = bytes.length): ImportFile => ({
  name,
  size,
  read: async () => new Blob([bytes as Uint8Array<ArrayBuffer>]),
});
const text = (blob: Blob | undefined) => blob?.text();

describe('importing images', () => {
  it('stores originals byte for byte with their SHA-256, and reports each bad file while the rest go on', async () => {
    const ctx = commandContext();
    const c = await createCase(ctx, 'case');
    const good = testPattern(64, 32, 1);
    const truncated = testPattern(64, 32, 2).subarray(0, 300);
    const outcomes = await importImages(
      ctx,
      c.id,
      [
        file('empty.png', new Uint8Array()),
        file('notes.jpg', new TextEncoder().encode('these are my notes, not a picture')),
        file('good.png', good),
        file('cut.png', truncated),
        file('bomb.png', pngHeaderOnly(50_000, 50_000)),
        file('again.png', good),
      ],
      deriveFromHeader,
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['refused', 'refused', 'imported', 'refused', 'refused', 'duplicate']);
    const messages = outcomes.flatMap((o) => (o.kind === 'refused' ? [o.message] : []));
    expect(messages[0]).toBe('empty.png was not imported: the file is empty (0 bytes). Nothing was stored for it.');
    expect(messages[1]).toContain('notes.jpg was not imported: it is not a PNG, JPEG or WebP image (it is a text file)');
    expect(messages[2]).toContain('cut.png was not imported: the PNG file is truncated');
    expect(messages[3]).toContain('the limit is 250 megapixels');

    const images = await ctx.db.images.toArray();
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ fileName: 'good.png', width: 64, height: 32, byteLength: good.length, sha256: await sha256Hex(good.slice()), addedBy: 'ana' });
    const stored = await imageBytes(ctx.db, images[0]!.sha256);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(good);
    expect(await ctx.db.blobs.count()).toBe(1);
    expect(await ctx.db.thumbnails.count()).toBe(1);
  });

  it('stores a preview beside a large image and none beside one small enough to draw directly', async () => {
    const ctx = commandContext();
    const c = await createCase(ctx, 'case');
    const large = testPattern(3000, 20, 1);
    const small = testPattern(2048, 20, 2);
    const outcomes = await importImages(ctx, c.id, [file('large.png', large), file('small.png', small), file('cut.png', large.subarray(0, 5000))], deriveFromHeader);
    expect(outcomes.map((o) => o.kind)).toEqual(['imported', 'imported', 'refused']);
    const [largeSha, smallSha] = [await sha256Hex(large.slice()), await sha256Hex(small.slice())];
    expect(await text(await previewBytes(ctx.db, largeSha))).toBe('preview 2048×14');
    expect(await text(await thumbnailBytes(ctx.db, largeSha))).toBe('thumbnail 256×2');
    expect(await previewBytes(ctx.db, smallSha)).toBeUndefined();
    expect(await text(await thumbnailBytes(ctx.db, smallSha))).toBe('thumbnail 256×3');
    // The refused file, the same large pattern cut short, stored nothing of its own.
    expect(await ctx.db.previews.count()).toBe(1);
    expect(await ctx.db.thumbnails.count()).toBe(2);
  });

  it('refuses a file the decoder cannot read, storing nothing', async () => {
    const ctx = commandContext();
    const c = await createCase(ctx, 'case');
    const [outcome] = await importImages(ctx, c.id, [file('odd.png', testPattern(3000, 4))], async () => {
      throw new Error('decode failed');
    });
    expect(outcome).toMatchObject({ kind: 'refused', message: expect.stringContaining('could not be decoded') });
    expect(await ctx.db.blobs.count()).toBe(0);
    expect(await ctx.db.thumbnails.count()).toBe(0);
    expect(await ctx.db.previews.count()).toBe(0);
    expect(await ctx.db.audit.count()).toBe(1); // only the case's creation
  });

  it('refuses an oversized file without reading it', async () => {
    const ctx = commandContext();
    const c = await createCase(ctx, 'case');
    let read = false;
    const huge: ImportFile = { name: 'huge.jpg', size: 2 * 1024 ** 3, read: async () => ((read = true), new Blob()) };
    const [outcome] = await importImages(ctx, c.id, [huge], deriveFromHeader);
    expect(outcome).toMatchObject({ kind: 'refused', message: expect.stringContaining('larger than the limit') });
    expect(read).toBe(false);
  });
});
