// What ships in dist-firefox/: the very files of dist/, with Firefox's manifest (background scripts in
// place of the service worker, a fixed add-on id, no Chromium-only key). No browser needed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_DIST, firefoxManifest, GECKO_ID } from '../../scripts/lib/firefox-manifest.mjs';
import { DIST, ROOT } from '../support/browser.mjs';
import { firefoxManifestProblems } from '../support/package-checks';

const FF = path.join(ROOT, FIREFOX_DIST);
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)).map((f) => path.join(d.name, f)) : [d.name]))
    .sort();
const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

describe('the built Firefox package', () => {
  it('holds the same files as dist/, byte for byte, but for the manifest', () => {
    expect(files(FF)).toEqual(files(DIST));
    for (const f of files(DIST).filter((f) => f !== 'manifest.json'))
      expect(readFileSync(path.join(FF, f)).equals(readFileSync(path.join(DIST, f))), f).toBe(true);
  });

  it("has Firefox's manifest: background scripts, a fixed id, no data collected, no Chromium-only key", () => {
    const chromium = manifestOf(DIST);
    const firefox = manifestOf(FF);
    expect(firefox).toEqual(firefoxManifest(chromium));
    expect(firefox.background).toEqual({ scripts: [chromium.background.service_worker], type: 'module' });
    expect(firefox.browser_specific_settings.gecko).toEqual({
      id: GECKO_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(firefox.browser_specific_settings.gecko_android).toEqual({ strict_min_version: '142.0' });
    expect(firefoxManifestProblems(firefox, files(FF))).toEqual([]);
    // The same permissions as the Chromium package.
    for (const key of ['permissions', 'optional_permissions', 'host_permissions', 'content_scripts'])
      expect(firefox[key], key).toEqual(chromium[key]);
  });

  it('refuses a manifest with no background worker to turn into scripts', () => {
    expect(() => firefoxManifest({ manifest_version: 3 })).toThrow(/no background.service_worker/);
  });
});
