// Content script entry, in every frame at document_start. Browser glue only: the decisions are in
// src/detect, the watching in guard/. Nothing here throws into the page. It calls chrome.* directly
// (promise-based in MV3) rather than through webextension-polyfill, which would add 3 KB gzipped to
// every frame of every page; the popup and background use the polyfill.
import { isOn } from '../detect/controls';
import { lexicon } from '../detect/tables';
import { parseMessage, ToContent, type ToBackground } from '../shared/messages';
import { guardOffFor, readSettings, SETTINGS_KEY, siteOf, type Settings } from '../shared/settings';
import { Guard, type Box } from './guard';
import { Notice } from './notice';
import { SHADOW_EVENT } from './shadow-event';

const isTop = window === window.top;

/** The site the shopper sees in the address bar, also from inside a frame of another origin. */
function topSite(): string {
  const ancestors = location.ancestorOrigins;
  const origin = !isTop && ancestors?.length ? ancestors[ancestors.length - 1]! : location.origin;
  try { return siteOf(new URL(origin).hostname); } catch { return ''; }
}

function shadowRootOf(el: Element): ShadowRoot | null {
  return el.shadowRoot ?? chrome.dom?.openOrClosedShadowRoot?.(el as HTMLElement) ?? null;
}

const logError = (err: unknown) => console.error('[Unbind]', err);

function send(msg: ToBackground): void {
  chrome.runtime.sendMessage(msg).catch(() => { /* the worker is waking up or the extension reloaded */ });
}

function start(): void {
  const site = topSite();
  // Reports wait until the settings are known (on an allowed site nothing is reported at all), and go
  // out in one message per task, however many boxes a page adds at once.
  let settings: Settings | null = null;
  const queued = new Set<Box>();
  let flushing = false;
  const flush = () => {
    flushing = false;
    if (!settings || queued.size === 0) return;
    const boxes = [...queued].map((b) => ({ boxId: b.id, label: b.label, state: b.state, ticked: isOn(b.el, b.kind) }));
    queued.clear();
    send({ type: 'boxes', site, boxes });
  };
  const report = (box: Box) => {
    queued.add(box);
    if (settings && !flushing) { flushing = true; setTimeout(flush, 0); }
  };

  const guard = new Guard(lexicon, { report, shadowRootOf, error: logError });
  guard.watch(document);
  document.addEventListener('DOMContentLoaded', () => guard.rescan(), { once: true });
  window.addEventListener(SHADOW_EVENT, (e) => {
    const root = e.target instanceof Element ? shadowRootOf(e.target) : null;
    if (root) guard.watch(root);
  }, true);

  if (isTop) send({ type: 'page', site });

  const apply = (raw: unknown) => {
    const next = readSettings(raw).settings;
    const off = guardOffFor(next, site);
    const wasOff = settings ? guardOffFor(settings, site) : false;
    if (off && !wasOff) guard.standDown(); // reported only if settings were already known
    settings = next;
    if (off) { queued.clear(); return; }
    if (wasOff) guard.resume();
    flush();
  };
  chrome.storage.local.get(SETTINGS_KEY).then((s) => apply(s[SETTINGS_KEY]), (err) => { logError(err); apply(undefined); });
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SETTINGS_KEY]) apply(changes[SETTINGS_KEY].newValue);
  });

  const notice = isTop ? new Notice({
    keep: (box) => send({ type: 'keep', frameId: box.frameId, boxId: box.boxId }),
    allowSite: () => void allowSite(site),
  }) : null;

  chrome.runtime.onMessage.addListener((raw: unknown) => {
    const msg = parseMessage(ToContent, raw, 'content script');
    if (!msg) return;
    try {
      if (msg.type === 'retick') guard.keep(msg.boxId);
      else if (msg.type === 'notice') notice?.show(msg.boxes);
    } catch (err) { logError(err); }
  });
}

async function allowSite(site: string): Promise<void> {
  const stored = await chrome.storage.local.get(SETTINGS_KEY);
  const { settings } = readSettings(stored[SETTINGS_KEY]);
  if (settings.allowList.includes(site)) return;
  await chrome.storage.local.set({ [SETTINGS_KEY]: { ...settings, allowList: [...settings.allowList, site] } });
}

try { start(); } catch (err) { logError(err); }
