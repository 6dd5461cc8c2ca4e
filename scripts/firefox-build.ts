// The Firefox package, made by the same `vite build`: dist/ copied to dist-firefox/, with Firefox's
// manifest (scripts/lib/firefox-manifest.mjs). The code is the same; it finds its way per browser by
// feature (e.g. closed shadow roots), never by user agent.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { FIREFOX_DIST, firefoxManifest } from './lib/firefox-manifest.mjs';

/** After the build is written (closeBundle: after every plugin's writeBundle, the manifest edits
 *  included), copies the output to dist-firefox/ and rewrites its manifest. */
export function firefoxBuild(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  return {
    name: 'unbind:firefox-build',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const target = path.resolve(root, FIREFOX_DIST);
      rmSync(target, { recursive: true, force: true });
      cpSync(outDir, target, { recursive: true });
      const file = path.join(target, 'manifest.json');
      writeFileSync(file, `${JSON.stringify(firefoxManifest(JSON.parse(readFileSync(file, 'utf8'))), null, 2)}\n`);
    },
  };
}
