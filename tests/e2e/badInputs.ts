// The bad inputs the end-to-end tests try (issues 1, 4 and 7), each with what it is and what the
// app must say about it. badInputs.spec.ts writes the files into a folder of its own and removes it
// afterwards, so that the 2 GiB file (sparse: it takes no disk) is never left lying around.
import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { CORRUPT_EXIF, greyJpeg, withApp1 } from '../fixtures/jpeg';
import { encodePng, pngHeaderOnly } from '../fixtures/png';

export interface BadFile {
  file: string;
  /** What the file is, for whoever reads a failure. */
  what: string;
  /** The part of the refusal that gives the reason. */
  reason: string;
  write(path: string): void;
}

const holding = (content: Uint8Array | string) => (path: string) => writeFileSync(path, content);

/** A file of `bytes` bytes that are never written: the file system stores nothing for them. */
const sparse = (bytes: number) => (path: string) => {
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
};

export const BAD_IMAGES: readonly BadFile[] = [
  { file: 'empty.png', what: 'an empty file', reason: 'the file is empty (0 bytes)', write: holding(new Uint8Array()) },
  {
    file: 'notes.jpg',
    what: 'a text file named .jpg',
    reason: 'it is not a PNG, JPEG or WebP image (it is a text file)',
    write: holding('Notes from the call: check the Rajin quay again.\n'),
  },
  { file: 'cut-short.png', what: 'a PNG cut short', reason: 'the PNG file is truncated', write: holding(encodePng(300, 200, (x) => [x % 256, 90, 120]).subarray(0, 5000)) },
  {
    file: 'decompression-bomb.png',
    what: 'a PNG of a few bytes whose header declares 60,000 × 60,000 pixels',
    reason: 'its header declares 60000 × 60000 pixels (3,600 megapixels), more than this app handles: the limit is 250 megapixels',
    write: holding(pngHeaderOnly(60_000, 60_000)),
  },
  {
    file: 'no-pixel-data.png',
    what: 'a PNG whose header is sound but whose image data is missing',
    reason: 'its image data could not be decoded',
    write: holding(pngHeaderOnly(640, 480)),
  },
  {
    file: 'drawing.png',
    what: 'an SVG drawing with a script, named .png',
    reason: 'it is not a PNG, JPEG or WebP image (it is an SVG drawing)',
    write: holding('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>document.title = "ran"</script></svg>\n'),
  },
  {
    file: 'saved-page.png',
    what: 'an HTML page named .png',
    reason: 'it is not a PNG, JPEG or WebP image (it is an HTML page)',
    write: holding('<!DOCTYPE html>\n<html><body><img src="x" onerror="document.title = \'ran\'"></body></html>\n'),
  },
  {
    file: 'exif-length-wrong.jpg',
    what: 'a JPEG whose EXIF segment declares a length running into the next segment',
    reason: 'the JPEG file is damaged (no segment starts where its APP1 (EXIF metadata) segment says it ends',
    write: holding(withApp1(greyJpeg(64, 48), CORRUPT_EXIF, 40)),
  },
  { file: 'two-gigabytes.png', what: 'a 2 GiB file', reason: 'it is 2 GiB, larger than the limit of 512 MiB', write: sparse(2 * 1024 ** 3) },
];

/** Damaged only in what the app does not need (its EXIF metadata), so it imports. */
export const CORRUPT_EXIF_JPEG = { file: 'corrupt-exif.jpg', width: 64, height: 48, write: holding(withApp1(greyJpeg(64, 48), CORRUPT_EXIF)) };

export const BAD_STATEMENTS: ReadonlyArray<{ what: string; statement: string; error: string }> = [
  { what: '100,000 characters', statement: 'x'.repeat(100_000), error: 'Statement can have at most 5,000 characters (it has 100,000).' },
  { what: 'a NUL', statement: 'Shipped on\u0000 14 October.', error: 'Statement contains a control character (U+0000), which cannot be seen; remove it.' },
  { what: 'a terminal escape', statement: 'Shipped on 14 October.\u001b[2J', error: 'Statement contains a control character (U+001B), which cannot be seen; remove it.' },
  {
    what: 'a right-to-left override',
    statement: 'More than 1000\u202e0 containers.',
    error: 'Statement contains an invisible character (U+202E) that changes the order in which text is shown; remove it.',
  },
];

export const FOREIGN_ZIPS: readonly BadFile[] = [
  {
    file: 'harbour-report.zip',
    what: 'a Word document named .zip',
    reason: 'This file is a ZIP archive but not an evidence bundle: it has no manifest.json. It looks like a Word document.',
    write: holding(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), '_rels/.rels': strToU8('<Relationships/>'), 'word/document.xml': strToU8('<w:document/>') })),
  },
  {
    file: 'tab-saver.zip',
    what: 'a browser extension, whose manifest.json is its own',
    reason: 'This file is a ZIP archive but not an evidence bundle: its manifest.json belongs to something else',
    write: holding(zipSync({ 'manifest.json': strToU8(JSON.stringify({ manifest_version: 3, name: 'Tab saver', version: '1.0' })), 'background.js': strToU8('') })),
  },
];

/** Writes the files into `dir` and gives their paths, in order. */
export function writeAll(dir: string, files: ReadonlyArray<{ file: string; write(path: string): void }>): string[] {
  return files.map(({ file, write }) => {
    const path = join(dir, file);
    write(path);
    return path;
  });
}
