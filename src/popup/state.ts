// What the popup shows, read from the stored records (validated by the storage module) and kept live.
// The popup never writes storage itself: it asks the background by message (src/background/).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  cardPlaces,
  guideProgress,
  leftTicked,
  settings,
  tabRecord,
  type CardPlaces,
  type GuideProgress,
  type LeftTicked,
  type Settings,
  type TabRecord,
} from '../storage/records';
import { hasUnreadable, read, watch, type StoredRecord } from '../storage/store';

export async function currentTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export interface PopupState {
  tabId: number | undefined;
  /** The tab's record; null when the tab has none (a browser page, or nothing reported yet). */
  tab: TabRecord | null;
  settings: Settings;
  /** The stored settings were damaged (now, or repaired earlier with the original set aside). */
  settingsProblem: boolean;
  progress: GuideProgress['byGuide'];
  leftTicked: LeftTicked['sites'];
  cardPlaces: CardPlaces;
  /** Unbind may read the browsing history (the optional permission is granted now). */
  historyAccess: boolean;
}

const HISTORY: chrome.permissions.Permissions = { permissions: ['history'] };
const hasHistoryAccess = () => chrome.permissions.contains(HISTORY).catch(() => false);

async function load(): Promise<PopupState> {
  const tabId = await currentTabId();
  const [tab, s, unreadable, p, l, c, access] = await Promise.all([
    tabId === undefined ? null : read(tabRecord(tabId)),
    read(settings),
    hasUnreadable(settings),
    read(guideProgress),
    read(leftTicked),
    read(cardPlaces),
    hasHistoryAccess(),
  ]);
  return {
    tabId,
    tab: tab?.value.site ? tab.value : null,
    settings: s.value,
    settingsProblem: !!s.problem || unreadable,
    progress: p.value.byGuide,
    leftTicked: l.value.sites,
    cardPlaces: c.value,
    historyAccess: access,
  };
}

/** The popup's state: null until everything is loaded (so it is never shown half loaded), then live. */
export function usePopupState(): PopupState | null {
  const [state, setState] = useState<PopupState | null>(null);
  useEffect(() => {
    let stops: (() => void)[] = [];
    void load().then((first) => {
      setState(first);
      const on = <T extends { version: number }>(rec: StoredRecord<T>, apply: (s: PopupState, v: T) => PopupState) =>
        watch(rec, (l) => setState((s) => (s ? apply(s, l.value) : s)));
      stops = [
        on(settings, (s, v) => ({ ...s, settings: v })),
        on(guideProgress, (s, v) => ({ ...s, progress: v.byGuide })),
        on(leftTicked, (s, v) => ({ ...s, leftTicked: v.sites })),
        on(cardPlaces, (s, v) => ({ ...s, cardPlaces: v })),
        ...(first.tabId === undefined ? [] : [on(tabRecord(first.tabId), (s, v) => ({ ...s, tab: v.site ? v : null }))]),
      ];
      // The permission can change while the popup is open (asked here, given back here or in the
      // browser's own settings).
      const onPermissions = () => void hasHistoryAccess().then((a) => setState((s) => (s ? { ...s, historyAccess: a } : s)));
      chrome.permissions.onAdded.addListener(onPermissions);
      chrome.permissions.onRemoved.addListener(onPermissions);
      stops.push(() => {
        chrome.permissions.onAdded.removeListener(onPermissions);
        chrome.permissions.onRemoved.removeListener(onPermissions);
      });
    });
    return () => {
      for (const stop of stops) stop();
    };
  }, []);
  return state;
}
