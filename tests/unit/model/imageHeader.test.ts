import { describe, expect, it } from 'vitest';
import { checkImageBytes, checkImageSize } from '../../../src/model/imageAcceptance';
import { inspectImageBytes } from '../../../src/model/imageHeader';
import { MAX_IMAGE_BYTES } from '../../../src/model/limits';
import { CORRUPT_EXIF, greyJpeg, withApp1 } from '../../fixtures/jpeg';
import { pngHeaderOnly, testPattern } from '../../fixtures/png';

const text = (s: string) => new TextEncoder().encode(s);

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
    expect(inspectImageBytes(greyJpeg(640, 480))).toEqual({ ok: true, mediaType: 'image/jpeg', width: 640, height: 480 });
  });

  it('reads JPEG size past EXIF metadata that makes no sense, which decoding does not need', () => {
    expect(inspectImageBytes(withApp1(greyJpeg(64, 44), CORRUPT_EXIF))).toEqual({ ok: true, mediaType: 'image/jpeg', width: 64, height: 44 });
  });

  it('refuses a JPEG whose EXIF segment length is wrong, naming that segment', () => {
    const jpeg = greyJpeg(64, 44);
    expect(inspectImageBytes(withApp1(jpeg, CORRUPT_EXIF, 40))).toEqual({
      ok: false,
      reason: 'the JPEG file is damaged (no segment starts where its APP1 (EXIF metadata) segment says it ends; that length must be wrong)',
    });
    expect(inspectImageBytes(withApp1(jpeg, CORRUPT_EXIF, jpeg.length))).toEqual({ ok: false, reason: 'the JPEG file is truncated (its APP1 (EXIF metadata) segment runs past the end of the file)' });
    expect(inspectImageBytes(withApp1(jpeg, new Uint8Array(), -1))).toEqual({ ok: false, reason: 'the JPEG file is damaged (its APP1 (EXIF metadata) segment declares an impossible length (1))' });
  });

  it('reads lossless WebP size', () => {
    expect(inspectImageBytes(webpLossless(300, 200))).toEqual({ ok: true, mediaType: 'image/webp', width: 300, height: 200 });
  });

  it('finds truncated files by their missing end', () => {
    const png = testPattern(20, 20);
    expect(inspectImageBytes(png.subarray(0, png.length - 30))).toMatchObject({ ok: false, reason: expect.stringContaining('truncated') });
    expect(inspectImageBytes(greyJpeg(10, 10).subarray(0, -2))).toMatchObject({ ok: false, reason: expect.stringContaining('truncated') });
    const webp = webpLossless(10, 10);
    expect(inspectImageBytes(webp.subarray(0, webp.length - 2))).toMatchObject({ ok: false, reason: expect.stringContaining('truncated') });
  });

  it.each([
    ['PK\u0003\u0004rest-of-zip', 'ZIP archive'],
    ['%PDF-1.7\n', 'PDF'],
    ['<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'SVG'],
    ['<!DOCTYPE html><html></html>', 'HTML'],
    ['just some words in a file', 'text file'],
    ['<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In -->\n<svg version="1.1">', 'SVG'],
    ['<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd" [ <!ENTITY ns "x"> ]>\n<svg>', 'SVG'],
    ['<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script></svg:svg>', 'SVG'],
    ['\ufeff<!-- saved from url=(0022)https://example.org/ -->\n<html lang="en"><body></body></html>', 'HTML'],
    ['<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', 'HTML'],
    ['<!doctype html>\n<meta charset="utf-8"><script>fetch("/")</script>', 'HTML'],
    ['<div>a fragment is only text</div>', 'text file'],
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

  it('refuses a decompression bomb whose sides are each within the limit but whose area is not', () => {
    expect(checkImageBytes('bomb.png', pngHeaderOnly(60_000, 60_000))).toMatchObject({ ok: false, message: expect.stringContaining('60000 × 60000 pixels (3,600 megapixels)') });
  });

  it('names a disguised SVG drawing or HTML page in the refusal', () => {
    expect(checkImageBytes('map.png', text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toEqual({
      ok: false,
      message: 'map.png was not imported: it is not a PNG, JPEG or WebP image (it is an SVG drawing). Nothing was stored for it.',
    });
    expect(checkImageBytes('page.png', text('<!DOCTYPE html><title>x</title>'))).toMatchObject({ ok: false, message: expect.stringContaining('(it is an HTML page)') });
  });

  it('accepts a whole image', () => {
    expect(checkImageBytes('fine.png', testPattern(8, 8))).toEqual({ ok: true, mediaType: 'image/png', width: 8, height: 8 });
  });
});
