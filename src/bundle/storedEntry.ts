// A zip entry stored without compression (originals are kept byte for byte), for fflate's
// streaming Zip. Like fflate's ZipPassThrough, but with the faster crc32 of this project.
import type { AsyncFlateStreamHandler, ZipInputFile } from 'fflate';
import { crc32 } from './crc32';

export class StoredEntry implements ZipInputFile {
  size = 0;
  crc = 0;
  readonly compression = 0;
  ondata?: AsyncFlateStreamHandler;

  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {}

  /** Adds bytes to the entry; the zip's header for it is complete once `final` is true. */
  push(chunk: Uint8Array<ArrayBuffer>, final = false): void {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.ondata!(null, chunk, final);
  }
}
