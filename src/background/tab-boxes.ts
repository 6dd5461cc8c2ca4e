// The guard's job in the background: what each tab's frames reported, the toolbar badge, the notice
// in the top frame, and "Keep it ticked" relayed to the frame that holds the box. A frame's guard
// listens to nothing until the background wakes it (wake.ts), which it does when it first hears from
// the frame or must speak to it. The jobs call chrome.* directly (promise based in MV3, Chrome and
// Firefox), so their unit tests need no polyfill.
import type { BoxReport, TabBox } from '../shared/messages';
import { guardOffFor } from '../shared/settings';
import { shortLabel } from '../shared/short-label';
import { settings, tabRecord, type TabRecord } from '../storage/records';
import { read } from '../storage/store';
import { remove, update } from '../storage/writer';
import { fromTab, type Handlers } from './dispatch';
import { noteCardPage } from './card-hunt';
import { noteLeftTicked } from './card-inventory';
import { wakeFrame } from './wake';

/** The tab's boxes after a report from one frame: a box reported again replaces its old entry. */
export function mergeReports(
  boxes: readonly TabBox[],
  reports: readonly BoxReport[],
  frameId: number,
): { boxes: TabBox[]; changed: TabBox[] } {
  const changed = reports.map((b): TabBox => ({ ...b, frameId }));
  const same = (a: TabBox, b: TabBox) => a.frameId === b.frameId && a.boxId === b.boxId;
  return { boxes: [...boxes.filter((b) => !changed.some((c) => same(b, c))), ...changed], changed };
}

/** The badge: how many save boxes are unticked in the tab now. */
export const badgeText = (rec: TabRecord) => {
  const count = rec.boxes.filter((b) => b.state === 'unticked').length;
  return count ? String(count) : '';
};

async function show(tabId: number, rec: TabRecord): Promise<void> {
  await chrome.action.setBadgeText({ tabId, text: badgeText(rec) });
}

/** Tabs whose top frame was woken since its page started, for the reports of the frames below it (a
 *  frame's own report says whether it is awake). Kept in memory: a restarted background wakes it once
 *  more, which changes nothing. */
const topAwake = new Set<number>();

async function wakeTop(tabId: number): Promise<void> {
  if (!topAwake.has(tabId) && (await wakeFrame(tabId, 0))) topAwake.add(tabId);
}

export const tabBoxHandlers = {
  /** The top frame started a new page: the tab's record starts over; a card page is noted. */
  page: fromTab<'page'>(async (msg, tabId, frameId) => {
    if (frameId !== 0) return;
    topAwake.delete(tabId);
    await show(tabId, await update(tabRecord(tabId), () => ({ version: 1, site: msg.site, boxes: [] })));
    if (msg.path !== undefined) await noteCardPage(msg.site, msg.path);
  }),
  boxes: fromTab<'boxes'>(async (msg, tabId, frameId) => {
    // Where the guard is off (a page opened before its site was allowed, or the switch is off), the
    // frame is only woken: it reads the settings and gives its boxes back; the report is not kept.
    const { value } = await read(settings);
    if (guardOffFor(value, msg.site)) {
      if (!msg.awake) await wakeFrame(tabId, frameId);
      return;
    }
    let changed: TabBox[] = [];
    // A label comes whole (up to 300 characters): cut here, at a word, for the popup and the notice.
    const reported = msg.boxes.map((b) => ({ ...b, label: shortLabel(b.label) }));
    const rec = await update(tabRecord(tabId), (r) => {
      const merged = mergeReports(r.boxes, reported, frameId);
      changed = merged.changed;
      return { ...r, site: r.site || msg.site, boxes: merged.boxes };
    });
    await show(tabId, rec);
    // Awake, the frame follows the settings (it stands down when its site is allowed) and can re-tick;
    // the top frame shows the notice. Each is woken once per document.
    await Promise.all([msg.awake || (frameId === 0 ? wakeTop(tabId) : wakeFrame(tabId, frameId)), frameId !== 0 && wakeTop(tabId)]);
    await chrome.tabs.sendMessage(tabId, { type: 'notice', boxes: rec.boxes }, { frameId: 0 }).catch(() => {});
    await noteLeftTicked(msg.site, changed);
  }),
  retick: fromTab<'retick'>(async (msg, tabId) => {
    await wakeFrame(tabId, msg.frameId); // it reported the box, so it is awake, unless the background restarted
    return chrome.tabs.sendMessage(tabId, { type: 'retick', boxId: msg.boxId }, { frameId: msg.frameId }).catch(() => {});
  }),
} satisfies Partial<Handlers>;

export const forgetTab = (tabId: number) => {
  topAwake.delete(tabId);
  return remove(tabRecord(tabId));
};
