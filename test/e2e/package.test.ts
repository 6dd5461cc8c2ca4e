// What ships in dist/: the fewest permissions (history is optional, asked for from the popup), nothing
// exposed to pages, no request-making code, and content scripts that are single classic scripts (so
// they run before the page's first paint).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideMatches } from '../../scripts/data.ts';
import { WAKE_SCRIPT } from '../../src/background/guard-script-files';
import { GUARD_SCRIPTS, registrationsFor } from '../../src/background/guard-scripts';
import { DIST } from '../support/browser.mjs';
import { chromeManifestProblems, devFileProblems, unexplainedPermissions } from '../support/package-checks';

const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));

describe('the built package', () => {
  it('asks for storage and scripting on every site (the browsing history only when the person asks), and exposes no file to pages', () => {
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    expect(manifest.optional_permissions).toEqual(['history']);
    // The guard's scripts are registered at run time, so allowed sites can be left out: that needs
    // host access, which declared content scripts used to carry.
    expect(manifest.host_permissions).toEqual(['<all_urls>']);
    expect(manifest.optional_host_permissions).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it("is a Chrome MV3 package: its service worker, no Firefox key, no source map or test file, only the README's permissions", () => {
    const all = files(DIST).map((f) => path.relative(DIST, f).split(path.sep).join('/'));
    expect(chromeManifestProblems(manifest, all)).toEqual([]);
    expect(devFileProblems(Object.fromEntries(all.map((f) => [f, readFileSync(path.join(DIST, f))])))).toEqual([]);
    expect(unexplainedPermissions(manifest)).toEqual([]);
  });

  it('declares no guard script (the background registers them, allowed sites left out), only the guide script', () => {
    const declared = (manifest.content_scripts as { js: string[] }[]).flatMap((c) => c.js);
    expect(declared).toEqual(['src/content/guide.js']);
    for (const s of GUARD_SCRIPTS) expect(existsSync(path.join(DIST, s.js)), s.js).toBe(true);
    expect(registrationsFor(['www.Shop.example', 'bad host/x'])).toEqual(
      GUARD_SCRIPTS.map((s) =>
        expect.objectContaining({
          js: [s.js],
          matches: ['<all_urls>'],
          excludeMatches: ['*://*.shop.example/*'],
          runAt: 'document_start',
          allFrames: true,
          matchOriginAsFallback: true,
          world: s.world,
        }),
      ),
    );
    const guide = manifest.content_scripts.find((c: { js: string[] }) => c.js.includes('src/content/guide.js'));
    // Only the sites the guides cover (their hosts, from src/data/guides).
    expect(guide.matches).toEqual(guideMatches());
    expect(guide.matches).toContain('*://*.aliexpress.com/*');
    // In frames too: Google Pay shows its card list in a frame from payments.google.com.
    expect(guide.all_frames).toBe(true);
  });

  it('content scripts are single classic scripts, with no import to load later', () => {
    const all = [
      ...(manifest.content_scripts as { js: string[] }[]).flatMap((c) => c.js),
      ...GUARD_SCRIPTS.map((s) => s.js),
      WAKE_SCRIPT.injected, // injected by the background into a frame that has something to say
    ];
    for (const js of all) {
      const code = readFileSync(path.join(DIST, js), 'utf8');
      expect(code, js).not.toMatch(/(^|[;\s])import\s*[({"'`*]|\bimport\(/);
      expect(code.startsWith('(function'), js).toBe(true);
    }
  });

  it('contains no code that makes network requests', () => {
    const scripts = files(DIST).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const f of scripts) {
      expect(readFileSync(f, 'utf8'), path.relative(DIST, f)).not.toMatch(
        /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts/,
      );
    }
  });
});
