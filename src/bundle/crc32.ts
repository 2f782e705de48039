// CRC-32 (the ZIP and gzip checksum, polynomial 0xEDB88320) computed sixteen bytes at a time
// from sixteen lookup tables ("slicing by 16"): about twice as fast as the byte-at-a-time loop,
// which matters when every original of a bundle passes through it.

const TABLES = (() => {
  const t = new Int32Array(16 * 256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n += 1) for (let s = 1; s < 16; s += 1) t[s * 256 + n] = (t[(s - 1) * 256 + n]! >>> 8) ^ t[t[(s - 1) * 256 + n]! & 255]!;
  return t;
})();

/** The CRC-32 of `bytes`, continuing from `previous` (the CRC of the bytes before them). */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const t = TABLES;
  const d = bytes;
  let c = ~previous;
  let i = 0;
  for (const end = d.length - 16; i <= end; i += 16) {
    c ^= d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24);
    c =
      t[3840 + (c & 255)]! ^ t[3584 + ((c >>> 8) & 255)]! ^ t[3328 + ((c >>> 16) & 255)]! ^ t[3072 + (c >>> 24)]! ^
      t[2816 + d[i + 4]!]! ^ t[2560 + d[i + 5]!]! ^ t[2304 + d[i + 6]!]! ^ t[2048 + d[i + 7]!]! ^
      t[1792 + d[i + 8]!]! ^ t[1536 + d[i + 9]!]! ^ t[1280 + d[i + 10]!]! ^ t[1024 + d[i + 11]!]! ^
      t[768 + d[i + 12]!]! ^ t[512 + d[i + 13]!]! ^ t[256 + d[i + 14]!]! ^ t[d[i + 15]!]!;
  }
  for (; i < d.length; i += 1) c = t[(c ^ d[i]!) & 255]! ^ (c >>> 8);
  return ~c >>> 0;
}
