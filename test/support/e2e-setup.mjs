// Vitest's global set-up for the e2e run: one folder for every browser profile the run makes, removed
// when the run ends. A test worker's shared browser (env.ts) is stopped only as its worker exits, too
// late to remove its own profile.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'unbind-e2e-'));
  process.env.UNBIND_PROFILES = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
