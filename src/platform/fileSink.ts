// Where an exported file's bytes go, chunk by chunk. Nothing appears under the final name until
// close(); abort() leaves no partial file behind.
import { MAX_SAVE_CHUNK_BYTES, type EvidenceBridge } from './contract';
import { saveBlob } from './fileChooser';

export interface FileSink {
  /** The name the file will have (the user may have chosen it). */
  name: string;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** Bytes gathered in the page before they are handed to the browser's blob store. */
const DOWNLOAD_BATCH_BYTES = 16 * 1024 * 1024;

/**
 * The web build: an ordinary browser download once the last byte is in. Chunks are moved into
 * Blobs batch by batch, so the bundle builds up in the browser's blob store (which spills to
 * disk), not in the page's heap.
 */
export function downloadSink(name: string, mediaType: string): FileSink {
  let stored: Blob[] = [];
  let batch: Uint8Array<ArrayBuffer>[] = [];
  let batchBytes = 0;
  const seal = () => {
    if (batch.length) stored.push(new Blob(batch));
    batch = [];
    batchBytes = 0;
  };
  return {
    name,
    async write(chunk) {
      batch.push(chunk as Uint8Array<ArrayBuffer>);
      batchBytes += chunk.length;
      if (batchBytes >= DOWNLOAD_BATCH_BYTES) seal();
    },
    async close() {
      seal();
      saveBlob(name, new Blob(stored, { type: mediaType }));
    },
    async abort() {
      stored = [];
      batch = [];
    },
  };
}

/**
 * Electron: a native save dialog, then the bytes stream to main in bounded messages, into a
 * temporary file that main renames into place on close. Null when the user cancels the dialog.
 */
export async function electronSink(bridge: EvidenceBridge, suggestedName: string): Promise<FileSink | null> {
  const begun = await bridge.saveBegin(suggestedName);
  if (!begun.ok) throw new Error(`The file could not be created: ${begun.error}.`);
  if (!begun.value) return null;
  const { token, fileName } = begun.value;
  const check = (r: { ok: true } | { ok: false; error: string }) => {
    if (!r.ok) throw new Error(`The file could not be written: ${r.error}.`);
  };
  return {
    name: fileName,
    async write(chunk) {
      for (let at = 0; at < chunk.length; at += MAX_SAVE_CHUNK_BYTES) check(await bridge.saveChunk(token, chunk.subarray(at, at + MAX_SAVE_CHUNK_BYTES)));
    },
    close: async () => check(await bridge.saveFinish(token)),
    abort: async () => void (await bridge.saveAbort(token)),
  };
}
