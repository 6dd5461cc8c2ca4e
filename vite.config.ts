import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { dataAlias, guideMatches } from './scripts/data.ts';
import { firefoxBuild } from './scripts/firefox-build.ts';
import { GUARD_SCRIPTS, WAKE_SCRIPT } from './src/background/guard-script-files.ts';
import { CAPTURE_SCRIPT } from './src/snapshot/capture-file.ts';

// Scripts built as standalone classic scripts and never declared in the manifest: the guard's
// (registered for every page), its second part (injected into a frame by the background) and the
// snapshot's capture (injected by the popup on request, src/snapshot/).
const unlisted = [
  ...GUARD_SCRIPTS.map((s) => ({ source: s.source, js: s.js })),
  { source: WAKE_SCRIPT.source, js: WAKE_SCRIPT.injected },
  { source: CAPTURE_SCRIPT.source, js: CAPTURE_SCRIPT.js },
];
const unlistedSources: string[] = unlisted.map((s) => s.source);

// The guide script runs only on the sites the guides cover (its matches come from the guide data), in
// every frame of them. The guard's scripts are listed here only so that crxjs builds them (as standalone
// classic scripts, with no web_accessible_resources, unlike its `?script` imports); the background
// registers them at run time (src/background/guard-scripts.ts) or injects them (src/background/wake.ts),
// and dropGuardFromManifest removes them from the package.
const forBuild = {
  ...manifest,
  content_scripts: [
    ...unlistedSources.map((source) => ({ matches: ['<all_urls>'], js: [source], run_at: 'document_start' as const })),
    {
      matches: guideMatches(),
      js: ['src/content/guide.ts'],
      run_at: 'document_idle' as const,
      // In frames too: a site may show its card list in a frame from another origin (Google Pay).
      all_frames: true,
    },
  ],
};

/** Removes the guard's scripts from the emitted manifest (after crxjs wrote it): declared there, they
 *  would run on the sites the person allowed too. */
function dropGuardFromManifest(): Plugin {
  return {
    name: 'unbind:drop-guard-from-manifest',
    apply: 'build',
    enforce: 'post',
    // After the files are written: crxjs emits the manifest last, in its own hooks.
    writeBundle(options) {
      const dir = options.dir ?? 'dist';
      const file = path.join(dir, 'manifest.json');
      const out = JSON.parse(readFileSync(file, 'utf8'));
      const built = new Set<string>(unlisted.map((s) => s.js));
      out.content_scripts = out.content_scripts.filter((c: { js: string[] }) => !c.js.some((f) => built.has(f)));
      for (const js of built) if (!existsSync(path.join(dir, js))) throw new Error(`${js} was not built`);
      writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  plugins: [
    preact(),
    // Content scripts as single classic scripts: they run at document_start, before the page's first
    // script and first paint, and need no web_accessible_resources.
    crx({
      manifest: forBuild as ManifestV3Export,
      contentScripts: { standaloneFiles: [...unlistedSources, 'src/content/guide.ts'] },
    }),
    dropGuardFromManifest(),
    // The same files again in dist-firefox/, with Firefox's manifest.
    firefoxBuild(),
  ],
  resolve: { alias: dataAlias() },
  // No module-preload polyfill: it would be the only fetch() in the package (of our own files, but
  // the package should make no request at all).
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome119',
    minify: true,
    sourcemap: process.env.UNBIND_SOURCEMAP === 'hidden' ? 'hidden' : false,
    modulePreload: { polyfill: false },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
