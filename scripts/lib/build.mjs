// Builds the extension into dist/ (the same `vite build` that `npm run build` runs), for the main job
// and the benchmark.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** @param {Record<string, string>} [env] extra environment for the build (the bench asks for source maps) */
export function buildExtension(env = {}) {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`the build failed (vite build exited ${r.status ?? r.signal}; see above)`);
}
