// Runs in the page's own world, before the page's scripts: the only place that can see a shadow root
// being attached to an element already in the document (no mutation observer reports that). It tells
// the isolated content script which host got one; the content script then reads the root itself
// (chrome.dom.openOrClosedShadowRoot), so nothing about the root is exposed to the page.
import { SHADOW_EVENT } from './shadow-event';

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
