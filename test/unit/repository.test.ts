// The repository holds sources only: what an install or a build makes is made again by a clean clone.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// No trailing slash: a node_modules symlink (a worktree sharing another's packages) counts too.
const GENERATED = ['node_modules', 'dist', 'out'];

describe('the repository', () => {
  it('tracks nothing that an install or a build makes', () => {
    const tracked = execFileSync('git', ['ls-files', '-z', '--', ...GENERATED], { encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
    expect(tracked.slice(0, 5), `${tracked.length} generated files are tracked`).toEqual([]);
    const ignored = execFileSync('git', ['ls-files', '-z', '-ci', '--exclude-standard'], { encoding: 'utf8' }).split('\0').filter(Boolean);
    expect(ignored.slice(0, 5), `${ignored.length} tracked files are ignored by .gitignore`).toEqual([]);
    for (const dir of GENERATED) expect(readFileSync('.gitignore', 'utf8')).toContain(dir);
  });

  it('never lets npm ci download a browser', () => {
    const config = createRequire(import.meta.url)('../../.puppeteerrc.cjs') as { skipDownload?: boolean };
    expect(config.skipDownload).toBe(true);
    // The same in package.json, where tools that look for the setting there find it too.
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { puppeteer?: { skipDownload?: boolean } };
    expect(pkg.puppeteer?.skipDownload).toBe(true);
  });
});
