// Service worker: wires the browser's events to the background's jobs (one file each): the guard's
// tab boxes and badge, guide progress, the inventory of where cards are, the list a person works
// through (card-hunt), and settings.
import browser from 'webextension-polyfill';
import { lookThroughHistory } from './card-hunt';
import { dispatch } from './dispatch';
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

browser.runtime.onStartup.addListener(() => void repairLocal());
browser.runtime.onInstalled.addListener(() => void repairLocal());
// Anyone may have written a damaged value (an older version, a tester's hand, another extension's bug).
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local') void repairLocal(Object.keys(changes));
});
