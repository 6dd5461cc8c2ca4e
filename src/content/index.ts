// Content script entry, in every frame at document_start: the guard, and nothing a frame without a
// ticked box does not need. It watches, decides and unticks before paint (guard/) and sends what
// changed to the background. What only matters once a frame has something to say (the settings, the
// background's messages, the notice) is in wake.ts, which the background injects into a frame when it
// first hears from it. Browser glue only; nothing here throws into the page. It calls chrome.*
// directly (webextension-polyfill would add 3 KB gzipped to every frame) and carries no zod: the
// background parses every report it receives.
import { isOn } from '../detect/controls';
import { lexicon } from '../detect/tables';
import { siteOf } from '../shared/hosts';
import { toBackground } from '../shared/send';
import { Guard, type Box } from './guard';
import { type GuardHandle, publishHandle } from './handle';
import { shadowRootOf } from './shadow-root';
import { HELLO_EVENT, OBSERVING_EVENT } from './hook-events';

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

const logError = (err: unknown) => console.error('[Unbind]', err);

function start(): void {
  const site = topSite();
  // Reports go out in one message per batch of changes (a microtask, not a timer: timers wait behind
  // the page's own tasks), however many boxes a page adds at once. The background
  // decides whether the guard is on for this site (it reads the settings): if not, it wakes this
  // frame, which then stands the guard down, and nothing more is reported.
  let off = false;
  const queued = new Set<Box>();
  const flush = () => {
    if (off || queued.size === 0) return;
    const boxes = [...queued].map((b) => ({ boxId: b.id, label: b.label, state: b.state, ticked: isOn(b.el, b.kind) }));
    queued.clear();
    void toBackground({ type: 'boxes', site, boxes, awake: handle.awake === true });
  };
  const report = (box: Box) => {
    if (off) return;
    if (queued.size === 0) queueMicrotask(flush);
    queued.add(box);
  };

  const guard = new Guard(lexicon, { report, shadowRootOf, error: logError });
  guard.watch(document);
  document.addEventListener('DOMContentLoaded', () => guard.rescan(), { once: true });
  // The main-world hook watches the document's insertions too (see page-hook.ts), once it says it runs.
  window.addEventListener(OBSERVING_EVENT, () => guard.leaveInsertionsToPage(), { capture: true, once: true });
  window.dispatchEvent(new Event(HELLO_EVENT));

  const handle: GuardHandle = {
    site,
    isTop,
    retick: (boxId) => guard.retick(boxId),
    stateOf: (el) => guard.stateOf(el),
    setOff(next) {
      if (next === off) return;
      off = next;
      if (off) {
        queued.clear();
        guard.standDown(); // the boxes given back are not reported: the site is left alone now
      } else guard.resume();
    },
  };
  publishHandle(handle);

  // The path (no query, no fragment) only lets the background tell a directory site's card page.
  if (isTop) void toBackground({ type: 'page', site, path: location.pathname.slice(0, 2048) });
}

try {
  start();
} catch (err) {
  logError(err);
}
