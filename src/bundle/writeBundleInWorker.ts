// The renderer's side: hands the case to a worker that writes the zip (so hashing and zipping
// never block the page) and feeds the chunks it sends into the sink. Cancelling ends the worker
// at once.
import type { Manifest } from './bundleFormat';
import { ExportCancelled, type BundleInput, type BundleSink, type WriteOptions } from './writeBundle';
import type { Endpoint, FromWorker, ToWorker } from './workerProtocol';

export type WorkerLike = Endpoint & {
  terminate(): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
};

export type BundleWriter = (input: BundleInput, sink: BundleSink, options?: WriteOptions) => Promise<Manifest>;

export function writeBundleInWorker(createWorker: () => WorkerLike): BundleWriter {
  return async ({ original, ...input }, sink, options = {}) => {
    const { signal } = options;
    if (signal?.aborted) throw new ExportCancelled();
    const originals = new Map<string, Blob>();
    for (const { sha256 } of input.caseJson.images) {
      const blob = await original(sha256);
      if (blob) originals.set(sha256, blob);
    }
    const worker = createWorker();
    const send = (message: ToWorker) => worker.postMessage(message);
    return new Promise<Manifest>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', cancel);
        worker.terminate();
        outcome();
      };
      const cancel = () => finish(() => reject(new ExportCancelled()));
      signal?.addEventListener('abort', cancel, { once: true });
      // Chunks are written in order: each waits for the one before.
      let writing = Promise.resolve();
      worker.addEventListener('message', (event) => {
        const message = event.data as FromWorker;
        if (settled) return;
        if (message.type === 'chunk') {
          writing = writing
            .then(() => sink.write(message.bytes))
            .then(
              () => send({ type: 'written', bytes: message.bytes.length }),
              (error: unknown) => finish(() => reject(error)),
            );
        } else if (message.type === 'progress') options.onProgress?.(message.done, message.total);
        else if (message.type === 'done') void writing.then(() => finish(() => resolve(message.manifest)));
        else finish(() => reject(new Error(message.message)));
      });
      worker.addEventListener('error', () => finish(() => reject(new Error('The export could not start its background worker.'))));
      send({ type: 'start', input: { ...input, originals }, wholeReadBytes: options.wholeReadBytes });
    });
  };
}
