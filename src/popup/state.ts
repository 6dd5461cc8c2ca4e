// Reads what the popup shows (the tab's record, settings, kept sites), each validated.
import browser from 'webextension-polyfill';
import { KEPT_KEY, KeptSites, parseStored, TabRecord } from '../shared/messages';
import { readSettings, SETTINGS_BACKUP_KEY, SETTINGS_KEY, type LoadedSettings, type Settings } from '../shared/settings';
import { tabKey } from '../shared/tab-record';

export async function currentTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function loadTabRecord(tabId: number): Promise<TabRecord | null> {
  const raw = (await browser.storage.session.get(tabKey(tabId)))[tabKey(tabId)];
  return parseStored(TabRecord, raw, 'popup (tab record)');
}

/** The settings, and a problem when they were unreadable (now, or repaired earlier with the
 *  original kept aside by the background). */
export async function loadSettings(): Promise<LoadedSettings> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, SETTINGS_BACKUP_KEY]);
  const loaded = readSettings(stored[SETTINGS_KEY]);
  if (!loaded.problem && stored[SETTINGS_BACKUP_KEY] !== undefined) loaded.problem = 'repaired earlier; the original is kept aside';
  return loaded;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** Sites where a save-card box was left ticked (an unreadable record reads as none). */
export async function loadKept(): Promise<KeptSites> {
  const raw = (await browser.storage.local.get(KEPT_KEY))[KEPT_KEY];
  return parseStored(KeptSites, raw, 'popup (kept sites)') ?? {};
}
