// What ships in dist/: the fewest permissions (history is optional, asked for from the popup), nothing
// exposed to pages, no request-making code, and content scripts that are single classic scripts (so
// they run before the page's first paint).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideMatches } from '../../scripts/data.ts';
import { DIST } from '../support/browser.mjs';

const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));

describe('the built package', () => {
  it('asks for storage only (the browsing history only when the person asks), and exposes no file to pages', () => {
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.optional_permissions).toEqual(['history']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('runs the guard at document_start in every frame, about:blank and opaque-origin frames too', () => {
    const guard = manifest.content_scripts.find((c: { js: string[] }) => c.js.includes('src/content/index.js'));
    expect(guard).toMatchObject({
      run_at: 'document_start',
      all_frames: true,
      match_about_blank: true,
      match_origin_as_fallback: true,
      matches: ['<all_urls>'],
    });
    const guide = manifest.content_scripts.find((c: { js: string[] }) => c.js.includes('src/content/guide.js'));
    // Only the sites the guides cover (their hosts, from src/data/guides).
    expect(guide.matches).toEqual(guideMatches());
    expect(guide.matches).toContain('*://*.aliexpress.com/*');
    // In frames too: Google Pay shows its card list in a frame from payments.google.com.
    expect(guide.all_frames).toBe(true);
  });

  it('content scripts are single classic scripts, with no import to load later', () => {
    for (const c of manifest.content_scripts as { js: string[] }[]) {
      for (const js of c.js) {
        const code = readFileSync(path.join(DIST, js), 'utf8');
        expect(code, js).not.toMatch(/(^|[;\s])import\s*[({"'`*]|\bimport\(/);
        expect(code.startsWith('(function'), js).toBe(true);
      }
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
