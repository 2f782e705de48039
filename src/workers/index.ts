// The app's workers: thin shells (the *.worker.ts entry points) over code in model/ and bundle/,
// started here so that the Vite build finds and bundles each entry point.
import type { WorkerLike } from '../bundle/writeBundleInWorker';

/** A worker that writes bundles (see bundle/serveBundleWriter.ts). */
export function bundleWorker(): WorkerLike {
  return new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module', name: 'bundle writer' });
}
