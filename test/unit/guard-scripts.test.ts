// The guard's content-script registrations: match patterns from the allow list, and their sync with
// chrome.scripting (an in-memory stand-in that refuses bad patterns the way the browser does).
import { beforeEach, describe, expect, it } from 'vitest';
import { excludeMatchesFor, GUARD_SCRIPTS, syncGuardScripts } from '../../src/background/guard-scripts';
import { installFakeChrome } from '../support/fake-chrome';

describe('excludeMatchesFor', () => {
  it('one pattern per allowed site, its subdomains included; www and case folded, duplicates dropped', () => {
    expect(excludeMatchesFor(['shop.example', 'www.Shop.example', '127.0.0.1', 'xn--bcher-kva.example'])).toEqual([
      '*://*.127.0.0.1/*',
      '*://*.shop.example/*',
      '*://*.xn--bcher-kva.example/*',
    ]);
  });

  it('skips what cannot be a host (one bad pattern would make the browser refuse them all)', () => {
    expect(excludeMatchesFor(['', 'a b', 'evil/*', '*.x.com', 'x.com:80', '..', 'ok.com'])).toEqual(['*://*.ok.com/*']);
  });
});

describe('syncGuardScripts', () => {
  let registered: Map<string, chrome.scripting.RegisteredContentScript>;
  beforeEach(() => {
    installFakeChrome();
    registered = new Map();
    const check = (list: chrome.scripting.RegisteredContentScript[]) => {
      for (const s of list)
        for (const p of s.excludeMatches ?? []) if (!/^\*:\/\/\*\.[a-z0-9.-]+\/\*$/.test(p)) throw new Error(`bad pattern ${p}`);
    };
    Object.assign(globalThis.chrome, {
      scripting: {
        getRegisteredContentScripts: async (f?: { ids?: string[] }) =>
          [...registered.values()].filter((s) => !f?.ids || f.ids.includes(s.id)),
        registerContentScripts: async (list: chrome.scripting.RegisteredContentScript[]) => {
          check(list);
          for (const s of list) {
            if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
            registered.set(s.id, s);
          }
        },
        updateContentScripts: async (list: chrome.scripting.RegisteredContentScript[]) => {
          check(list);
          for (const s of list) registered.set(s.id, { ...registered.get(s.id)!, ...s });
        },
        unregisterContentScripts: async (f: { ids: string[] }) => {
          for (const id of f.ids) registered.delete(id);
        },
      },
    });
  });

  it('registers both scripts, then follows the allow list; the last of quick changes wins', async () => {
    await syncGuardScripts();
    expect([...registered.keys()]).toEqual(GUARD_SCRIPTS.map((s) => s.id));
    expect(registered.get('unbind-hook')).toMatchObject({ world: 'MAIN', runAt: 'document_start', allFrames: true, excludeMatches: [] });
    await chrome.storage.local.set({ settings: { version: 1, guardEnabled: true, allowList: ['a.com'] } });
    void syncGuardScripts();
    await chrome.storage.local.set({ settings: { version: 1, guardEnabled: true, allowList: ['a.com', 'b.com'] } });
    await syncGuardScripts();
    for (const s of registered.values()) expect(s.excludeMatches).toEqual(['*://*.a.com/*', '*://*.b.com/*']);
  });

  it('registers nothing while the guard is switched off, and both again when it is back on', async () => {
    await syncGuardScripts();
    await chrome.storage.local.set({ settings: { version: 1, guardEnabled: false, allowList: ['a.com'] } });
    await syncGuardScripts();
    expect(registered.size).toBe(0);
    await chrome.storage.local.set({ settings: { version: 1, guardEnabled: true, allowList: ['a.com'] } });
    await syncGuardScripts();
    expect([...registered.keys()]).toEqual(GUARD_SCRIPTS.map((s) => s.id));
    for (const s of registered.values()) expect(s.excludeMatches).toEqual(['*://*.a.com/*']);
  });

  it('replaces a stray half registration, and survives a damaged allow list', async () => {
    registered.set('unbind-guard', { id: 'unbind-guard', js: ['old.js'], matches: ['<all_urls>'] });
    await chrome.storage.local.set({ settings: { version: 1, guardEnabled: true, allowList: ['ok.com', 'bad host'] } });
    await syncGuardScripts();
    expect(registered.size).toBe(2);
    expect(registered.get('unbind-guard')).toMatchObject({ js: ['src/content/index.js'], excludeMatches: ['*://*.ok.com/*'] });
  });
});
