// Bundles the Electron main process and preload into dist/electron/{main,preload}.cjs.
// Each is its own build with code splitting off: a sandboxed preload can require only 'electron'
// (no relative files), so a chunk shared between the two would break it.
import { builtinModules } from 'node:module';
import { defineConfig, type EnvironmentOptions } from 'vite';

const external = ['electron', /^node:/, ...builtinModules];

function nodeBundle(entry: string, fileName: string): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: true, external: ['electron'] },
    build: {
      ssr: entry,
      outDir: 'dist/electron',
      emptyOutDir: false, // dist/ also holds the renderer (dist/web), and the two builds share dist/electron
      target: 'node22', // Electron 39 ships Node 22
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      rollupOptions: {
        external,
        output: { format: 'cjs', entryFileNames: fileName, codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  // Nothing under public/ or index.html belongs to these builds.
  publicDir: false,
  environments: {
    main: nodeBundle('electron/main.ts', 'main.cjs'),
    preload: nodeBundle('electron/preload.ts', 'preload.cjs'),
  },
  builder: {
    // Only these two; the default 'client' environment is the renderer, built by vite.config.ts.
    async buildApp(builder) {
      const { main, preload } = builder.environments;
      if (!main || !preload) throw new Error('electron.vite.config.ts: main/preload environments missing');
      await builder.build(main);
      await builder.build(preload);
    },
  },
});
