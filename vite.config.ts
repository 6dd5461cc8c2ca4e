import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { dataAlias, guideMatches } from './scripts/data.ts';

// The guide script runs only on the sites the guides cover (its matches come from the guide data), in
// every frame of them.
const withGuides = {
  ...manifest,
  content_scripts: [
    ...manifest.content_scripts,
    {
      matches: guideMatches(),
      js: ['src/content/guide.ts'],
      run_at: 'document_idle' as const,
      // In frames too: a site may show its card list in a frame from another origin (Google Pay).
      all_frames: true,
    },
  ],
};

export default defineConfig({
  plugins: [
    preact(),
    // Content scripts as single classic scripts: they run at document_start, before the page's first
    // script and first paint, and need no web_accessible_resources.
    crx({
      manifest: withGuides as ManifestV3Export,
      contentScripts: { standaloneFiles: ['src/content/index.ts', 'src/content/shadow-hook.ts', 'src/content/guide.ts'] },
    }),
  ],
  resolve: { alias: dataAlias() },
  // No module-preload polyfill: it would be the only fetch() in the package (of our own files, but
  // the package should make no request at all).
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome111',
    minify: true,
    sourcemap: process.env.UNBIND_SOURCEMAP === 'hidden' ? 'hidden' : false,
    modulePreload: { polyfill: false },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
