// Runs in the page's own world, before the page's scripts. It sees two things no mutation observer
// reports: a shadow root attached to an element already in the document, and a script's
// `input.checked = true` (a property, no attribute, no event). For each it fires an empty event on the
// element; the isolated content script then reads the element itself (chrome.dom.openOrClosedShadowRoot,
// `checked`), so nothing is exposed to the page and a page that fires the events itself gains nothing.
import { CHECKED_EVENT, SHADOW_EVENT } from './shadow-event';

(() => {
  const proto = Element.prototype;
  const original = proto.attachShadow;
  if (typeof original !== 'function') return;
  const announce = (host: Element) => host.dispatchEvent(new Event(SHADOW_EVENT, { bubbles: true, composed: true }));
  proto.attachShadow = function attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
    const root = original.call(this, init);
    // Hosts built before insertion are announced once they are in the document.
    if (this.isConnected) announce(this);
    else
      queueMicrotask(() => {
        if (this.isConnected) announce(this);
      });
    return root;
  };
})();

(() => {
  const proto = HTMLInputElement.prototype;
  const desc = Object.getOwnPropertyDescriptor(proto, 'checked');
  const set = desc?.set;
  if (!desc || !set) return;
  // The setter is hot on some pages (a grid selecting every row): it only remembers the element. The
  // events go out in one microtask, which still runs before the next paint (after a timer, a fetch
  // callback or a requestAnimationFrame callback alike); not bubbling and not composed, so only the
  // capture listeners the content script keeps on each document and shadow root hear them.
  let queue = new Set<HTMLInputElement>();
  const flush = () => {
    const q = queue;
    queue = new Set();
    for (const el of q) if (el.checked && el.type === 'checkbox' && el.isConnected) el.dispatchEvent(new Event(CHECKED_EVENT));
  };
  Object.defineProperty(proto, 'checked', {
    ...desc,
    set(this: HTMLInputElement, on: boolean) {
      set.call(this, on);
      // A box ticked while out of the document is seen by the guard's mutation observer when it is
      // inserted (rows are mostly built that way): only a box already in the document needs the event.
      if (!on || !this.isConnected) return;
      if (queue.size === 0) queueMicrotask(flush);
      queue.add(this);
    },
  });
})();
