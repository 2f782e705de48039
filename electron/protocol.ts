// The app:// protocol: serves the built renderer (dist/web) and, by opaque single-use token only,
// the files the user picked in a native dialog. Big bytes are streamed here instead of riding IPC.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { APP_ORIGIN, APP_SCHEME, PICKED_PATH_PREFIX } from '../src/platform/contract';
import contentTypes from './contentTypes.json';
import { CONTENT_SECURITY_POLICY } from './csp';

export type AppRoute =
  | { kind: 'file'; path: string }
  | { kind: 'picked'; token: string }
  | { kind: 'refused'; reason: string };

// Shared with scripts/serve.mjs, the static server of the web build.
const CONTENT_TYPES: Readonly<Record<string, string>> = contentTypes;

export const contentTypeFor = (file: string): string =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// Backslash and ':' because Windows treats them as separators/drive letters/alternate data
// streams; control characters (NUL included) because no built asset has them.
const FORBIDDEN_CHARS = /[\\:\p{Cc}]/u;
// Windows opens these as devices whatever the folder, e.g. dist\web\CON.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

const refused = (reason: string): AppRoute => ({ kind: 'refused', reason });

/**
 * Lexical containment (no symlinks are followed; dist/web and the asar hold none). The separator
 * suffix keeps a sibling such as dist/web-old from passing as inside dist/web.
 */
export function isInside(root: string, file: string, paths: path.PlatformPath = path): boolean {
  const base = paths.resolve(root);
  return paths.resolve(base, file).startsWith(base + paths.sep);
}

/**
 * Maps a request URL to a file under `root`, a picked-file token, or a refusal. Works on the raw
 * URL text rather than `new URL()`, which would silently resolve `..` instead of refusing it.
 * `paths` is injectable so the Windows rules can be tested on any OS.
 */
export function routeAppUrl(url: string, root: string, paths: path.PlatformPath = path): AppRoute {
  if (!url.startsWith(`${APP_ORIGIN}/`)) return refused('not the app origin');
  const rawPath = url.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] ?? '/';

  if (rawPath.startsWith(PICKED_PATH_PREFIX)) {
    const token = rawPath.slice(PICKED_PATH_PREFIX.length);
    return TOKEN.test(token) ? { kind: 'picked', token } : refused('malformed token');
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return refused('malformed percent-escape');
  }
  if (FORBIDDEN_CHARS.test(decoded)) return refused('forbidden character');
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const segments = relative.split('/');
  // '' catches '//' (an absolute path once the leading slash is gone) and trailing slashes.
  if (segments.some((s) => s === '' || s === '.' || s === '..' || WINDOWS_DEVICE.test(s))) {
    return refused('forbidden path segment');
  }
  if (paths.isAbsolute(relative)) return refused('absolute path');

  // Unreachable after the checks above; kept so one mistake there cannot escape the root.
  const file = paths.resolve(root, ...segments);
  if (!isInside(root, file, paths)) return refused('outside the app folder');
  return { kind: 'file', path: file };
}

/**
 * Files the user picked, by random token. A token is single-use (taken on its first request) and
 * expires after `ttlMs` if never read, so the map cannot grow without bound and a leaked URL is
 * worthless once the import has read it.
 */
export class PickedFiles {
  private readonly entries = new Map<string, { path: string; expiresAt: number }>();

  constructor(
    private readonly ttlMs = 60 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  register(filePath: string): string {
    if (!path.isAbsolute(filePath)) throw new Error(`picked path must be absolute: ${filePath}`);
    this.sweep();
    const token = randomUUID();
    this.entries.set(token, { path: filePath, expiresAt: this.now() + this.ttlMs });
    return token;
  }

  take(token: string): string | null {
    this.sweep();
    const entry = this.entries.get(token);
    this.entries.delete(token);
    return entry?.path ?? null;
  }

  get size(): number {
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(token);
  }
}

export const pickedFiles = new PickedFiles();

const baseHeaders = (extra: Record<string, string>): Headers =>
  new Headers({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', ...extra });

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: baseHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }) });

async function serveFile(file: string, contentType: string, extra: Record<string, string> = {}): Promise<Response> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return plain(404, 'not found');
    size = info.size;
  } catch {
    return plain(404, 'not found');
  }
  // Streamed, never read whole: picked images can be hundreds of megabytes.
  const body = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: baseHeaders({ 'Content-Type': contentType, 'Content-Length': String(size), ...extra }),
  });
}

export function createAppHandler(root: string, picked: PickedFiles): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return plain(405, 'method not allowed');
    const route = routeAppUrl(request.url, root);
    switch (route.kind) {
      case 'refused':
        return plain(403, `refused: ${route.reason}`);
      case 'picked': {
        const file = picked.take(route.token);
        // no-store: the user's evidence files must not linger in Chromium's cache.
        return file ? serveFile(file, 'application/octet-stream', { 'Cache-Control': 'no-store' }) : plain(404, 'not found');
      }
      case 'file':
        return serveFile(route.path, contentTypeFor(route.path));
    }
  };
}

/** Call after app `ready`; the scheme itself is registered as privileged in main.ts before ready. */
export function registerAppProtocol(webRoot: string): void {
  protocol.handle(APP_SCHEME, createAppHandler(webRoot, pickedFiles));
}
