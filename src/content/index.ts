// Content script entry, in every frame at document_start. Browser glue only: the decisions are in
// src/detect, the watching in guard/. Nothing here throws into the page. It calls chrome.* directly
// (promise-based in MV3) rather than through webextension-polyfill, which would add 3 KB gzipped to
// every frame of every page; the popup and background use the polyfill.
import { isOn } from '../detect/controls';
import { lexicon } from '../detect/tables';
import { siteOf } from '../shared/hosts';
import { parseMessage, toBackground, ToContent } from '../shared/messages';
import { guardOffFor } from '../shared/settings';
import { settings as settingsRecord, type Settings } from '../storage/records';
import { read, watch } from '../storage/store';
import { Guard, type Box } from './guard';
import { Notice } from './notice';
import { SHADOW_EVENT } from './shadow-event';

const isTop = window === window.top;

/** The site the shopper sees in the address bar, also from inside a frame of another origin. Firefox
 *  before 141 has no location.ancestorOrigins: there the referrer (the parent page, at least its origin
 *  under the default referrer policy) stands in; right for a frame in the top page, the usual case. */
function topSite(): string {
  const ancestors = location.ancestorOrigins;
  const origin = isTop ? location.origin : ancestors?.length ? ancestors[ancestors.length - 1]! : referrerOrigin() || location.origin;
  try {
    return siteOf(new URL(origin).hostname);
  } catch {
    return '';
  }
}

function referrerOrigin(): string {
  try {
    return document.referrer ? new URL(document.referrer).origin : '';
  } catch {
    return '';
  }
}

/** An element's shadow root, closed ones too: Chrome gives content scripts chrome.dom for it, Firefox
 *  the property openOrClosedShadowRoot on elements (it has no chrome.dom). */
function shadowRootOf(el: Element): ShadowRoot | null {
  return (
    el.shadowRoot ??
    chrome.dom?.openOrClosedShadowRoot?.(el as HTMLElement) ??
    (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ??
    null
  );
}

const logError = (err: unknown) => console.error('[Unbind]', err);

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
    void toBackground({ type: 'boxes', site, boxes });
  };
  const report = (box: Box) => {
    queued.add(box);
    if (settings && !flushing) {
      flushing = true;
      setTimeout(flush, 0);
    }
  };

  // A frame with no ticked box should cost the page almost nothing, and most frames (ads, widgets,
  // embeds) never have one: a frame below the top reads the settings, watches them and listens to the
  // background only once the guard first looks at a ticked box (it asks for the word tables then).
  // The top frame does so at once: the notice for a box in any frame of the tab is shown there.
  let awake = false;
  const wake = () => {
    if (awake) return;
    awake = true;
    read(settingsRecord).then(
      (l) => apply(l.value),
      (err) => {
        logError(err);
        apply(settingsRecord.initial());
      },
    );
    watch(settingsRecord, (l) => apply(l.value));
    chrome.runtime.onMessage.addListener(onMessage);
  };
  const guard = new Guard(
    () => {
      wake();
      return lexicon();
    },
    { report, shadowRootOf, error: logError },
  );
  guard.watch(document);
  document.addEventListener('DOMContentLoaded', () => guard.rescan(), { once: true });
  window.addEventListener(
    SHADOW_EVENT,
    (e) => {
      const root = e.target instanceof Element ? shadowRootOf(e.target) : null;
      if (root) guard.watch(root);
    },
    true,
  );

  // The path (no query, no fragment) only lets the background tell a directory site's card page.
  if (isTop) void toBackground({ type: 'page', site, path: location.pathname.slice(0, 2048) });

  const apply = (next: Settings) => {
    const off = guardOffFor(next, site);
    const wasOff = settings ? guardOffFor(settings, site) : false;
    if (off && !wasOff) guard.standDown(); // reported only if settings were already known
    settings = next;
    if (off) {
      queued.clear();
      return;
    }
    if (wasOff) guard.resume();
    flush();
  };
  const notice = isTop
    ? new Notice({
        retick: (box) => void toBackground({ type: 'retick', frameId: box.frameId, boxId: box.boxId }),
        allowSite: () => void toBackground({ type: 'allow-site', site, allowed: true }),
      })
    : null;

  function onMessage(raw: unknown): undefined {
    const msg = parseMessage(ToContent, raw, 'content script');
    if (!msg) return;
    try {
      if (msg.type === 'retick') guard.retick(msg.boxId);
      else if (msg.type === 'notice') notice?.show(msg.boxes);
    } catch (err) {
      logError(err);
    }
  }
  if (isTop) wake();
}

try {
  start();
} catch (err) {
  logError(err);
}
