import { describe, expect, it } from 'vitest';
import { checkImageBytes, checkImageSize } from '../../../src/model/imageAcceptance';
import { inspectImageBytes } from '../../../src/model/imageHeader';
import { MAX_IMAGE_BYTES } from '../../../src/model/limits';
import { pngHeaderOnly, testPattern } from '../../fixtures/png';

const text = (s: string) => new TextEncoder().encode(s);

/** A minimal baseline JPEG structure: SOI, APP0, SOF0 (size), SOS, data, EOI. */
function jpeg(width: number, height: number, withEnd = true): Uint8Array {
  const sof = [0xff, 0xc0, 0, 11, 8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0];
  const sos = [0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0];
  const data = [0x12, 0xff, 0x00, 0x34];
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, ...sof, ...sos, ...data, ...(withEnd ? [0xff, 0xd9] : [])]);
}

function webpLossless(width: number, height: number): Uint8Array {
  const bits = (width - 1) | ((height - 1) << 14);
  const payload = [0x2f, bits & 255, (bits >>> 8) & 255, (bits >>> 16) & 255, (bits >>> 24) & 255, 0, 0, 0];
  const chunkLen = payload.length;
  const riffLen = 4 + 8 + chunkLen;
  const le = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];
  return new Uint8Array([...text('RIFF'), ...le(riffLen), ...text('WEBP'), ...text('VP8L'), ...le(chunkLen), ...payload]);
}

describe('reading image headers', () => {
  it('reads PNG size', () => {
    expect(inspectImageBytes(testPattern(37, 21))).toEqual({ ok: true, mediaType: 'image/png', width: 37, height: 21 });
  });

  it('reads JPEG size from the frame header', () => {
    expect(inspectImageBytes(jpeg(640, 480))).toEqual({ ok: true, mediaType: 'image/jpeg', width: 640, height: 480 });
  });

  it('reads lossless WebP size', () => {
    expect(inspectImageBytes(webpLossless(300, 200))).toEqual({ ok: true, mediaType: 'image/webp', width: 300, height: 200 });
  });

  it('finds truncated files by their missing end', () => {
    const png = testPattern(20, 20);
    expect(inspectImageBytes(png.subarray(0, png.length - 30))).toMatchObject({ ok: false, reason: expect.stringContaining('truncated') });
    expect(inspectImageBytes(jpeg(10, 10, false))).toMatchObject({ ok: false, reason: expect.stringContaining('truncated') });
    const webp = webpLossless(10, 10);
    expect(inspectImageBytes(webp.subarray(0, webp.length - 2))).toMatchObject({ ok: false, reason: expect.stringContaining('truncated') });
  });

  it.each([
    ['PK\u0003\u0004rest-of-zip', 'ZIP archive'],
    ['%PDF-1.7\n', 'PDF'],
    ['<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'SVG'],
    ['<!DOCTYPE html><html></html>', 'HTML'],
    ['just some words in a file', 'text file'],
  ])('names what a disguised file really is (%s)', (content, what) => {
    expect(inspectImageBytes(text(content))).toMatchObject({ ok: false, reason: expect.stringContaining(what) });
  });
});

describe('accepting image files', () => {
  it('refuses empty and oversized files by size alone', () => {
    expect(checkImageSize('a.png', 0)).toMatchObject({ ok: false, message: 'a.png was not imported: the file is empty (0 bytes). Nothing was stored for it.' });
    expect(checkImageSize('big.jpg', 2 * 1024 ** 3)).toMatchObject({ ok: false, message: expect.stringContaining('2 GiB, larger than the limit of 512 MiB') });
    expect(checkImageSize('ok.png', MAX_IMAGE_BYTES)).toBeNull();
  });

  it('refuses a header declaring more pixels than the limit, and states the limit', () => {
    const r = checkImageBytes('bomb.png', pngHeaderOnly(100_000, 100_000));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('100000 × 100000 pixels (10,000 megapixels)');
      expect(r.message).toContain('the limit is 250 megapixels');
    }
  });

  it('accepts a whole image', () => {
    expect(checkImageBytes('fine.png', testPattern(8, 8))).toEqual({ ok: true, mediaType: 'image/png', width: 8, height: 8 });
  });
});
