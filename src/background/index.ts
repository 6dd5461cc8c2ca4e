// Service worker: wires the browser's events to the background's jobs (one file each): the guard's
// tab boxes and badge, guide progress, the inventory of where cards are, the list a person works
// through (card-hunt), and settings.
import browser from 'webextension-polyfill';
import { lookThroughHistory } from './card-hunt';
import { dispatch } from './dispatch';
import { syncGuardScripts } from './guard-scripts';
import { handlers } from './handlers';
import { repairLocal } from './settings';
import { forgetTab } from './tab-boxes';

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) =>
  dispatch(handlers, raw, sender, browser.runtime.id),
);

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

// The person let Unbind read the browsing history (asked from the popup): look through it now. The
// popup may have closed when the browser showed its prompt, so the background does the looking.
chrome.permissions.onAdded.addListener((p) => {
  if (p.permissions?.includes('history')) void lookThroughHistory();
});

browser.runtime.onStartup.addListener(() => void repairLocal().then(syncGuardScripts));
browser.runtime.onInstalled.addListener(() => void repairLocal().then(syncGuardScripts));
// Anyone may have written a damaged value (an older version, a tester's hand, another extension's bug).
// The guard's scripts follow the allow list (and the repaired value, if it was damaged).
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  void repairLocal(Object.keys(changes));
  if ('settings' in changes) void syncGuardScripts();
});
