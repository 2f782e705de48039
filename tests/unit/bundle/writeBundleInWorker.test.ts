// The worker protocol, with the worker run in this thread behind a pair of in-memory endpoints.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { MAX_BYTES_IN_FLIGHT, type Endpoint } from '../../../src/bundle/workerProtocol';
import { serveBundleWriter } from '../../../src/bundle/serveBundleWriter';
import { writeBundleInWorker, type WorkerLike } from '../../../src/bundle/writeBundleInWorker';
import { ExportCancelled, writeBundle, type BundleInput } from '../../../src/bundle/writeBundle';
import { emptySource, type CaseRecord, type ImageRecord } from '../../../src/model/records';

const MB = 1024 * 1024;
const caseRecord: CaseRecord = { id: 'case-1', name: 'Rajin', description: '', labels: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

/** Images of pseudo-random bytes (the writer stores originals without looking inside). */
function caseOf(sizes: number[], corrupt = false): BundleInput {
  const originals = new Map<string, Uint8Array<ArrayBuffer>>();
  const images: ImageRecord[] = sizes.map((size, i) => {
    const bytes = new Uint8Array(size);
    for (let at = 0, x = i + 1; at < size; at += 1) bytes[at] = x = (x * 1103515245 + 12345) >>> 16;
    const sha = bytesToHex(sha256(bytes));
    if (corrupt) bytes[0] = bytes[0]! ^ 1;
    originals.set(sha, bytes);
    return {
      id: `img-${i}`, caseId: 'case-1', fileName: `port-${i}.jpg`, mediaType: 'image/jpeg', byteLength: size, width: 10, height: 10, sha256: sha,
      source: emptySource(), releasedAt: '', capturedAt: '', gsdMeters: null, notes: '', addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'ana',
    };
  });
  return {
    caseJson: { case: caseRecord, images, annotations: [], claims: [], links: [], reviews: [] },
    audit: [],
    // In parts of 1 MiB, which is how the stream of a Blob in Node yields them.
    original: async (sha) => {
      const bytes = originals.get(sha)!;
      const parts = Array.from({ length: Math.ceil(bytes.length / MB) }, (_, i) => bytes.subarray(i * MB, (i + 1) * MB));
      return new Blob(parts);
    },
    exportedBy: 'ana',
    app: { name: 'Evidence Annotator', version: 'test' },
    createdAt: '2026-01-02T03:04:05.000Z',
  };
}

/** A worker served in this thread; messages cross asynchronously, as they do between threads. */
function inThreadWorker() {
  const toWorker = new EventTarget();
  const toPage = new EventTarget();
  const traffic = { sent: 0, acknowledged: 0, mostAhead: 0, terminated: false };
  const deliver = (target: EventTarget, data: unknown) => setTimeout(() => target.dispatchEvent(Object.assign(new Event('message'), { data })));
  const scope: Endpoint = {
    postMessage(message) {
      if (traffic.terminated) return;
      const m = message as { type: string; bytes?: Uint8Array };
      if (m.type === 'chunk') {
        traffic.sent += m.bytes!.length;
        traffic.mostAhead = Math.max(traffic.mostAhead, traffic.sent - traffic.acknowledged);
      }
      deliver(toPage, message);
    },
    addEventListener: (type, listener) => toWorker.addEventListener(type, listener as EventListener),
  };
  serveBundleWriter(scope);
  const worker: WorkerLike = {
    postMessage(message) {
      const m = message as { type: string; bytes?: number };
      if (m.type === 'written') traffic.acknowledged += m.bytes!;
      if (!traffic.terminated) deliver(toWorker, message);
    },
    addEventListener: (type: string, listener: (event: never) => void) => toPage.addEventListener(type, listener as EventListener),
    terminate: () => void (traffic.terminated = true),
  };
  return { worker, traffic };
}

function collectingSink(delayMs = 0) {
  const chunks: Uint8Array[] = [];
  return {
    chunks,
    bytes: async () => new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer()),
    write: async (chunk: Uint8Array) => {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      chunks.push(chunk);
    },
  };
}

// Tens of megabytes cross the in-memory endpoints: allow for a busy machine.
describe('writing a bundle in a worker', { timeout: 30_000 }, () => {
  it('produces the same bytes as writing it in place, and ends the worker', async () => {
    const input = caseOf([300_000, 5_000]);
    const inPlace = collectingSink();
    await writeBundle(input, inPlace);
    const { worker, traffic } = inThreadWorker();
    const viaWorker = collectingSink();
    const progress: number[] = [];
    const manifest = await writeBundleInWorker(() => worker)(input, viaWorker, { onProgress: (done) => progress.push(done) });
    expect(await viaWorker.bytes()).toEqual(await inPlace.bytes());
    expect(manifest.files.map((f) => f.path)).toContain(`images/${input.caseJson.images[0]!.sha256}.jpg`);
    expect(progress.at(-1)).toBeGreaterThan(300_000);
    expect(traffic.terminated).toBe(true);
  });

  it('never runs more than its allowance ahead of a slow sink', async () => {
    const { worker, traffic } = inThreadWorker();
    const sink = collectingSink(5);
    // Streamed, so the original arrives in pieces.
    await writeBundleInWorker(() => worker)(caseOf([40 * MB]), sink, { wholeReadBytes: 0 });
    expect(sink.chunks.reduce((n, c) => n + c.length, 0)).toBeGreaterThan(40 * MB);
    // The allowance plus the one piece that crossed it.
    expect(traffic.mostAhead).toBeLessThanOrEqual(MAX_BYTES_IN_FLIGHT + MB);
    expect(traffic.mostAhead).toBeGreaterThan(MB);
  });

  it('stops the worker at once when cancelled', async () => {
    const { worker, traffic } = inThreadWorker();
    const controller = new AbortController();
    const sink = { write: async () => controller.abort() };
    await expect(writeBundleInWorker(() => worker)(caseOf([10 * MB]), sink, { signal: controller.signal })).rejects.toBeInstanceOf(ExportCancelled);
    expect(traffic.terminated).toBe(true);
  });

  it("passes on the worker's refusal of an original that no longer matches its hash", async () => {
    const { worker } = inThreadWorker();
    await expect(writeBundleInWorker(() => worker)(caseOf([1000], true), collectingSink())).rejects.toThrow('The stored original of port-0.jpg no longer matches its recorded SHA-256');
  });

  it("fails with the sink's error when the sink cannot take a chunk", async () => {
    const { worker, traffic } = inThreadWorker();
    const sink = { write: async () => Promise.reject(new Error('The disk is full.')) };
    await expect(writeBundleInWorker(() => worker)(caseOf([1000]), sink)).rejects.toThrow('The disk is full.');
    expect(traffic.terminated).toBe(true);
  });
});
