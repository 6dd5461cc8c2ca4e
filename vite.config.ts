import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { dataAlias } from './scripts/data.ts';

export default defineConfig({
  plugins: [
    preact(),
    // Content scripts as single classic scripts: they run at document_start, before the page's first
    // script and first paint, and need no web_accessible_resources.
    crx({ manifest: manifest as ManifestV3Export, contentScripts: { standaloneFiles: ['src/content/index.ts', 'src/content/shadow-hook.ts'] } }),
  ],
  resolve: { alias: dataAlias() },
  build: { outDir: 'dist', emptyOutDir: true, target: 'chrome111', minify: true, sourcemap: false },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
