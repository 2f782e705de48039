// Runs only the comparison benchmark (npm run bench:compare); the normal `vitest run` never sees it.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['bench/compareBench.ts'],
    environment: 'node',
    disableConsoleIntercept: true,
    testTimeout: 120_000,
  },
});
