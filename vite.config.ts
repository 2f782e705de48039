import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { contentSecurityPolicy as csp } from './electron/csp.ts';
import pkg from './package.json' with { type: 'json' };

/** Puts the app's one CSP into index.html for the web build (Electron also sends it as a header). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) =>
        ctx.server
          ? html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '') // the dev server injects inline scripts
          : html.replace('%APP_CSP%', csp('meta')),
    },
  };
}

// The renderer: one static, offline build that runs inside Electron (app://) and from any
// static file server. Relative base so it works under any path.
export default defineConfig({
  base: './',
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Inline nothing: the CSP forbids data: scripts and we want plain files a reviewer can read.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
});
