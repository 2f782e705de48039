// Builds the naive react-konva baseline page of `npm run bench` (bench/baseline) into
// dist/bench-baseline; bench/bench.mjs runs it through Vite's build API.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./baseline', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/bench-baseline', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 1500,
  },
});
