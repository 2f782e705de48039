// The worker's side: writes the bundle with writeBundle and sends it to the renderer chunk by
// chunk, never more than MAX_BYTES_IN_FLIGHT (plus the chunk that crosses it) ahead of what the
// renderer's sink has taken.
import { writeBundle, type BundleSink } from './writeBundle';
import { MAX_BYTES_IN_FLIGHT, type Endpoint, type FromWorker, type ToWorker } from './workerProtocol';
import { messageOf } from '../model/errorMessage';

export function serveBundleWriter(endpoint: Endpoint): void {
  const send = (message: FromWorker, transfer: Transferable[] = []) => endpoint.postMessage(message, transfer);
  let inFlight = 0;
  let resume: (() => void) | null = null;

  const sink: BundleSink = {
    async write(chunk) {
      // The writer hands chunks over, so a chunk that fills its buffer (an original read whole)
      // moves to the page without a copy; a view into a larger buffer is copied out.
      const bytes = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : chunk.slice();
      inFlight += bytes.length;
      send({ type: 'chunk', bytes }, [bytes.buffer]);
      while (inFlight > MAX_BYTES_IN_FLIGHT) await new Promise<void>((r) => (resume = r));
    },
  };

  endpoint.addEventListener('message', (event) => {
    const message = event.data as ToWorker;
    if (message.type === 'written') {
      inFlight -= message.bytes;
      resume?.();
      resume = null;
      return;
    }
    const { originals, ...rest } = message.input;
    writeBundle({ ...rest, original: async (sha) => originals.get(sha) }, sink, {
      wholeReadBytes: message.wholeReadBytes,
      onProgress: (done, total) => send({ type: 'progress', done, total }),
    }).then(
      (manifest) => send({ type: 'done', manifest }),
      (error: unknown) => send({ type: 'failed', message: messageOf(error) }),
    );
  });
}
