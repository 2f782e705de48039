// The messages between the renderer and the worker that writes a bundle. The renderer sends the
// case (originals as Blob handles, which cross without copying their bytes) and acknowledges
// every chunk once its sink has taken it; the worker sends chunks, progress and the outcome.
import type { Manifest } from './bundleFormat';
import type { BundleInput } from './writeBundle';

/** What both a Worker and a worker's global scope offer. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export type WorkerInput = Omit<BundleInput, 'original'> & { originals: ReadonlyMap<string, Blob> };

export type ToWorker = { type: 'start'; input: WorkerInput; wholeReadBytes?: number } | { type: 'written'; bytes: number };

export type FromWorker =
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; manifest: Manifest }
  | { type: 'failed'; message: string };

/** Bytes the worker may have sent ahead of the sink before it waits for acknowledgements. */
export const MAX_BYTES_IN_FLIGHT = 16 * 1024 * 1024;
