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

/** The web build: an ordinary browser download once the last byte is in. */
export function downloadSink(name: string, mediaType: string): FileSink {
  // Blob parts live in the browser's blob store, not in the page's heap.
  let parts: Uint8Array<ArrayBuffer>[] = [];
  return {
    name,
    write: async (chunk) => void parts.push(chunk as Uint8Array<ArrayBuffer>),
    close: async () => saveBlob(name, new Blob(parts, { type: mediaType })),
    abort: async () => {
      parts = [];
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
