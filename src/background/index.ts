// Service worker: keeps what each tab's frames reported, shows the count on the toolbar badge, tells
// the top frame what to put in its notice, and relays "Keep it ticked" to the frame that holds the box.
import browser from 'webextension-polyfill';
import { KEPT_KEY, KeptSites, parseMessage, parseStored, TabRecord, ToBackground, type TabBox } from '../shared/messages';
import { readSettings, SETTINGS_BACKUP_KEY, SETTINGS_KEY } from '../shared/settings';
import { tabKey } from '../shared/tab-record';
import guides from 'virtual:unbind-guides';
import { advance } from '../guide/engine';
import { loadProgress, progressOf, saveProgress } from '../guide/progress';

const records = new Map<number, TabRecord>();
/** One chain per tab: reports from several frames must not overwrite each other. */
const chains = new Map<number, Promise<void>>();

function serial(tabId: number, job: () => Promise<void>): Promise<void> {
  const next = (chains.get(tabId) ?? Promise.resolve()).then(job).catch((err) => console.error('[Unbind]', err));
  chains.set(tabId, next);
  return next;
}

async function load(tabId: number): Promise<TabRecord | undefined> {
  if (!records.has(tabId)) {
    const stored = (await browser.storage.session.get(tabKey(tabId)))[tabKey(tabId)];
    const rec = parseStored(TabRecord, stored, 'background (stored tab)');
    if (rec) records.set(tabId, rec);
  }
  return records.get(tabId);
}

async function save(tabId: number, rec: TabRecord): Promise<void> {
  records.set(tabId, rec);
  await browser.storage.session.set({ [tabKey(tabId)]: rec });
  const count = rec.boxes.filter((b) => b.state === 'unticked').length;
  await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
}

/** Guide progress and kept sites are shared storage records: their updates go one at a time. */
let storeChain: Promise<void> = Promise.resolve();
function inTurn(job: () => Promise<void>): Promise<void> {
  storeChain = storeChain.then(job).catch((err) => console.error('[Unbind]', err));
  return storeChain;
}

function updateGuide(id: string, change: (all: Awaited<ReturnType<typeof loadProgress>>) => void): Promise<void> {
  return inTurn(async () => {
    if (!guides.some((g) => g.id === id)) return;
    const all = await loadProgress();
    change(all);
    await saveProgress(all);
  });
}

function updateKept(change: (kept: KeptSites) => void): Promise<void> {
  return inTurn(async () => {
    const raw = (await browser.storage.local.get(KEPT_KEY))[KEPT_KEY];
    const kept = parseStored(KeptSites, raw, 'background (kept sites)') ?? {};
    change(kept);
    await browser.storage.local.set({ [KEPT_KEY]: kept });
  });
}

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
  const msg = parseMessage(ToBackground, raw, 'background');
  if (!msg || sender.id !== browser.runtime.id) return;
  if (msg.type === 'guide-restart') return updateGuide(msg.guide, (all) => { delete all[msg.guide]; });
  if (msg.type === 'kept-forget') return updateKept((kept) => { delete kept[msg.site]; });
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? 0;
  if (tabId === undefined) return;

  if (msg.type === 'guide') {
    void updateGuide(msg.guide, (all) => { all[msg.guide] = advance(progressOf(all, msg.guide), msg.reading, msg.scheme, Date.now()); });
    return;
  }

  if (msg.type === 'page') {
    if (frameId === 0) void serial(tabId, () => save(tabId, { site: msg.site, boxes: [] }));
  } else if (msg.type === 'boxes') {
    void serial(tabId, async () => {
      const rec = (await load(tabId)) ?? { site: msg.site, boxes: [] };
      const changed = msg.boxes.map((b): TabBox => ({ ...b, frameId }));
      const same = (a: TabBox, b: TabBox) => a.frameId === b.frameId && a.boxId === b.boxId;
      const boxes = [...rec.boxes.filter((b) => !changed.some((c) => same(b, c))), ...changed];
      await save(tabId, { ...rec, boxes });
      await browser.tabs.sendMessage(tabId, { type: 'notice', boxes }, { frameId: 0 }).catch(() => {});
      // Left ticked by the person (their own tick, or "Keep it ticked"): the site may keep the card.
      const left = changed.find((b) => b.ticked && (b.state === 'user' || b.state === 'kept'));
      if (left && msg.site) await updateKept((kept) => { kept[msg.site] = { at: Date.now(), label: left.label }; });
    });
  } else if (msg.type === 'keep') {
    void browser.tabs.sendMessage(tabId, { type: 'retick', boxId: msg.boxId }, { frameId: msg.frameId }).catch(() => {});
  }
});

browser.tabs.onRemoved.addListener((tabId) => {
  records.delete(tabId);
  chains.delete(tabId);
  void browser.storage.session.remove(tabKey(tabId));
});

/** A corrupt settings value is repaired field by field, and the original kept aside for the user. */
async function checkSettings(): Promise<void> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const { settings, problem } = readSettings(stored);
  if (!problem) return;
  console.warn(`[Unbind] ${problem}`);
  await browser.storage.local.set({ [SETTINGS_BACKUP_KEY]: stored, [SETTINGS_KEY]: settings });
}
browser.runtime.onStartup.addListener(() => void checkSettings());
browser.runtime.onInstalled.addListener(() => void checkSettings());
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_KEY in changes) void checkSettings();
});
