// The guard's content scripts are registered by the background (chrome.scripting), not declared in the
// manifest, so that the sites the person allowed are left out by the browser itself: there, neither
// script ever runs, and no box is touched even for the moment before the settings could be read.
// Registrations persist across restarts; they are brought in step with the allow list on install,
// on start-up and whenever the settings change; with the guard switched off, none is registered.
// Works the same in Chrome (119+) and Firefox (128+).
import { siteOf } from '../shared/hosts';
import { settings } from '../storage/records';
import { read } from '../storage/store';
import { GUARD_SCRIPTS } from './guard-script-files';

export { GUARD_SCRIPTS };

/** A host name a match pattern can carry (letters, digits, dots, dashes; IPv4 too). */
const PATTERN_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;

/** Match patterns that leave out each allowed site and its subdomains (`*.` matches the site itself
 *  too), the way guardOffFor() reads the list. An entry that cannot be a host is skipped: one bad
 *  pattern would make the browser refuse the whole registration. */
export function excludeMatchesFor(allowList: readonly string[]): string[] {
  const sites = new Set(allowList.map(siteOf).filter((s) => s.length <= 253 && PATTERN_HOST.test(s)));
  return [...sites].sort().map((s) => `*://*.${s}/*`);
}

export function registrationsFor(allowList: readonly string[]): chrome.scripting.RegisteredContentScript[] {
  const excludeMatches = excludeMatchesFor(allowList);
  return GUARD_SCRIPTS.map((s) => ({
    id: s.id,
    js: [s.js],
    matches: ['<all_urls>'],
    excludeMatches,
    runAt: 'document_start',
    allFrames: true,
    // Also about:blank, srcdoc, data: and blob: frames, judged by the origin that made them.
    matchOriginAsFallback: true,
    world: s.world as chrome.scripting.ExecutionWorld,
    persistAcrossSessions: true,
  }));
}

async function sync(): Promise<void> {
  const { value } = await read(settings);
  const wanted = registrationsFor(value.allowList);
  const ids = wanted.map((w) => w.id);
  const have = await chrome.scripting.getRegisteredContentScripts({ ids });
  // The guard switched off everywhere: no script at all, so no page sees a box unticked and given back.
  if (!value.guardEnabled) {
    if (have.length) await chrome.scripting.unregisterContentScripts({ ids: have.map((h) => h.id) });
    return;
  }
  if (have.length === wanted.length) {
    await chrome.scripting.updateContentScripts(wanted);
    return;
  }
  if (have.length) await chrome.scripting.unregisterContentScripts({ ids: have.map((h) => h.id) });
  await chrome.scripting.registerContentScripts(wanted);
}

let queue: Promise<void> = Promise.resolve();

/** Registers the guard's scripts, or updates them to the current allow list; one call at a time, so
 *  quick changes end with the last list. */
export function syncGuardScripts(): Promise<void> {
  queue = queue.then(sync).catch((err) => console.error('[Unbind] content scripts not registered', err));
  return queue;
}
