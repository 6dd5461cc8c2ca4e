// `npm run package` once, then its three zips opened as a store would: each manifest valid for its
// browser, the version of package.json, no source maps or tests, only the permissions the README's table
// explains; the sources archive holds what git tracks and the build steps. It rebuilds dist/ and
// dist-firefox/ (a clean build): do not run it beside the e2e tests, which load dist/.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_DIST } from '../../scripts/lib/firefox-manifest.mjs';
import { filesUnder, PACKAGES_DIR, packageNames, readZip } from '../../scripts/lib/package.mjs';
import {
  chromeManifestProblems,
  devFileProblems,
  firefoxManifestProblems,
  readmePermissions,
  unexplainedPermissions,
} from '../support/package-checks';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const names = packageNames(version);
type Zip = Record<string, Uint8Array>;
const zips: Record<keyof typeof names, Zip> = { chrome: {}, firefox: {}, sources: {} };
/** One file of a zip, which must be there. */
const entry = (zip: Zip, name: string): Buffer => {
  const data = zip[name];
  if (!data) throw new Error(`${name} is not in the zip`);
  return Buffer.from(data);
};
const manifestOf = (zip: Zip) => JSON.parse(entry(zip, 'manifest.json').toString('utf8'));

beforeAll(() => {
  const run = spawnSync(process.execPath, ['scripts/package.mjs'], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(run.stdout).toMatch(/web-ext lint: 0 errors/);
  for (const key of Object.keys(names) as (keyof typeof names)[]) zips[key] = readZip(path.join(ROOT, PACKAGES_DIR, names[key]));
}, 300_000);

/** What both store zips must be: the version of package.json, a manifest valid for its browser, nothing
 *  of development, only the permissions the README explains. */
function expectStoreZip(zip: Zip, manifestProblems: typeof chromeManifestProblems) {
  const manifest = manifestOf(zip);
  expect(manifest.version).toBe(version);
  expect(manifestProblems(manifest, Object.keys(zip))).toEqual([]);
  expect(devFileProblems(zip)).toEqual([]);
  expect(unexplainedPermissions(manifest)).toEqual([]);
  return manifest;
}

describe('npm run package', () => {
  it('writes the Chrome Web Store zip: MV3 with its service worker, no Firefox key, the version of package.json', () => {
    const manifest = expectStoreZip(zips.chrome, chromeManifestProblems);
    expect(manifest.permissions).toContain('storage');
  });

  it("writes the Firefox zip: background scripts, gecko id, minimum version, data declared; Chrome's files", () => {
    const zip = zips.firefox;
    expectStoreZip(zip, firefoxManifestProblems);
    // The same files as the Chrome zip, byte for byte, but for the manifest.
    expect(Object.keys(zip).sort()).toEqual(Object.keys(zips.chrome).sort());
    for (const name of Object.keys(zip).filter((n) => n !== 'manifest.json'))
      expect(entry(zip, name).equals(entry(zips.chrome, name)), name).toBe(true);
  });

  it("equals what a reviewer's `npm run build` makes (BUILD.md), whatever NODE_ENV the caller had", () => {
    // vitest runs this file with NODE_ENV=test; the reviewer's shell has none.
    const { NODE_ENV: _, ...env } = process.env;
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', env });
    expect(build.status, build.stderr).toBe(0);
    const built = filesUnder(path.join(ROOT, FIREFOX_DIST));
    expect(built).toEqual(Object.keys(zips.firefox).sort());
    for (const name of built) expect(readFileSync(path.join(ROOT, FIREFOX_DIST, name)).equals(entry(zips.firefox, name)), name).toBe(true);
  }, 120_000);

  it('writes the sources: the tracked files (no node_modules, dist, out) and BUILD.md with the steps', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    expect(Object.keys(zips.sources).sort()).toEqual([...tracked, 'BUILD.md'].sort());
    expect(Object.keys(zips.sources).filter((n) => /^(node_modules|dist|dist-firefox|out)\//.test(n))).toEqual([]);
    expect(entry(zips.sources, 'package.json').toString()).toBe(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const steps = entry(zips.sources, 'BUILD.md').toString();
    for (const step of ['npm ci', 'npm run build', 'dist-firefox/', process.version]) expect(steps).toContain(step);
  });
});

describe('the package checks', () => {
  it("read the README's permission table", () => {
    expect([...readmePermissions()]).toEqual(expect.arrayContaining(['storage', 'scripting', 'history', '<all_urls>']));
    const readme = '| Permission | Why |\n| --- | --- |\n| `storage` | settings |\n\nAfter: `tabs`\n';
    expect([...readmePermissions(readme)]).toEqual(['storage']);
    expect(unexplainedPermissions({ permissions: ['storage', 'tabs'], host_permissions: ['<all_urls>'] }, readme)).toEqual([
      'tabs',
      '<all_urls>',
    ]);
    expect(() => readmePermissions('no table')).toThrow(/no "\| Permission \|" table/);
  });

  it('catch a wrong manifest, a source map and a test file', () => {
    expect(chromeManifestProblems({ manifest_version: 2, background: { scripts: ['a.js'] } }, [])).toEqual([
      'manifest_version 2',
      'no background.service_worker',
      'background.scripts (Firefox only)',
    ]);
    expect(
      chromeManifestProblems({ manifest_version: 3, background: { service_worker: 'w.js' }, browser_specific_settings: {} }, []),
    ).toEqual(['service worker w.js not in the package', 'browser_specific_settings (Firefox only)']);
    expect(firefoxManifestProblems({ manifest_version: 3, background: { service_worker: 'w.js' } }, ['w.js'])).toEqual([
      'no background.scripts',
      'background.service_worker (disabled in Firefox)',
      'gecko id undefined',
      'strict_min_version undefined',
      'no data_collection_permissions.required',
    ]);
    const js = (s: string) => Buffer.from(s);
    expect(
      devFileProblems({ 'a.js.map': js('{}'), 'b.js': js('x()\n//# sourceMappingURL=b.js.map'), 'test/x.js': js(''), 'c.test.ts': js('') }),
    ).toEqual(['source map a.js.map', 'b.js points to a source map', 'test file test/x.js', 'test file c.test.ts']);
  });
});
