#!/usr/bin/env node
// A minimal static file server for the offline web build (loopback only).
// Usage: node scripts/serve.mjs [dir] ; PORT=4173 by default.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import types from '../electron/contentTypes.json' with { type: 'json' };

const root = resolve(process.argv[2] ?? 'dist/web');
const port = Number(process.env.PORT ?? 4173);

// What a <meta> policy cannot say: the app may not be framed by another page.
const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY', 'Content-Security-Policy': "frame-ancestors 'none'" };

const server = createServer((req, res) => {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400, SECURITY_HEADERS).end('bad request');
    return;
  }
  const file = resolve(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403, SECURITY_HEADERS).end('forbidden');
    return;
  }
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404, SECURITY_HEADERS).end('not found');
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Evidence Annotator (web build) at http://127.0.0.1:${port}/`);
});
