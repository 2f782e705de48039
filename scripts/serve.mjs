#!/usr/bin/env node
// A minimal static file server for the offline web build (loopback only).
// Usage: node scripts/serve.mjs [dir] ; PORT=4173 by default.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import types from '../electron/contentTypes.json' with { type: 'json' };

const root = resolve(process.argv[2] ?? 'dist/web');
const port = Number(process.env.PORT ?? 4173);

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  const file = resolve(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Evidence Annotator (web build) at http://127.0.0.1:${port}/`);
});
