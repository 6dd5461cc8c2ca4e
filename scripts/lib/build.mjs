// Builds the extension into dist/ (the same `vite build` that `npm run build` runs).
import { spawnSync } from 'node:child_process';
import { ROOT } from '../../test/support/browser.mjs';

export function buildExtension() {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed (see above)');
}
