import { Zip, ZipPassThrough, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../src/bundle/crc32';
import { StoredEntry } from '../../../src/bundle/storedEntry';

const ascii = (s: string) => new TextEncoder().encode(s);

/** fflate's own CRC, read from the entry it writes. */
function fflateCrc(bytes: Uint8Array): number {
  const entry = new ZipPassThrough('x');
  new Zip(() => {}).add(entry);
  entry.push(bytes, true);
  return entry.crc >>> 0;
}

function noise(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let i = 0, x = seed; i < length; i += 1) out[i] = x = (x * 1103515245 + 12345) >>> 16;
  return out;
}

describe('crc32', () => {
  it('gives the standard check values', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it("agrees with fflate's CRC on lengths around its 16-byte stride", () => {
    for (const length of [1, 15, 16, 17, 31, 32, 33, 1000, 65_537]) {
      const bytes = noise(length, length);
      expect(crc32(bytes), `${length} bytes`).toBe(fflateCrc(bytes));
    }
  });

  it('continues across pieces as if over the whole', () => {
    const bytes = noise(10_000, 7);
    let crc = 0;
    for (const cut of [[0, 3], [3, 4000], [4000, 4017], [4017, 10_000]] as const) crc = crc32(bytes.subarray(...cut), crc);
    expect(crc).toBe(crc32(bytes));
  });
});

describe('a stored zip entry', () => {
  it('is read back byte for byte by an ordinary unzip', () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const bytes = noise(50_000, 3);
    const entry = new StoredEntry('images/a.jpg', new Date('2026-01-02T03:04:05Z'));
    zip.add(entry);
    entry.push(bytes.subarray(0, 20_000));
    entry.push(bytes.subarray(20_000), true);
    zip.end();
    const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (whole.set(c, at), at + c.length), 0);
    expect(unzipSync(whole)['images/a.jpg']).toEqual(bytes);
    // The central directory's record (signature PK\x01\x02) carries the CRC at offset 16.
    const record = whole.findIndex((_, i) => whole[i] === 0x50 && whole[i + 1] === 0x4b && whole[i + 2] === 1 && whole[i + 3] === 2);
    expect(new DataView(whole.buffer).getUint32(record + 16, true)).toBe(fflateCrc(bytes));
  });
});
