// Runs in the page's own world, before the page's scripts. It sees two things no mutation observer
// reports: a shadow root attached to an element already in the document, and a script's
// `input.checked = true` (a property, no attribute, no event). It also watches the document's
// insertions, which cost far less to read here than in the isolated world (below). For each it fires
// an empty event on the element; the isolated content script then reads the element itself
// (chrome.dom.openOrClosedShadowRoot, `checked`), so nothing is exposed to the page and a page that
// fires the events itself gains nothing.
//
// Everything it calls is taken here, before any page script runs, and called through Reflect.apply: a
// page that patches the DOM's prototypes later cannot blind it. Nothing of it is reachable from the page.
import { DATA_GRID, TICKED_SELECTOR } from '../detect/controls';
import { BATCH_EVENT, CHECKED_EVENT, HELLO_EVENT, INSERTED_EVENT, OBSERVING_EVENT, SHADOW_EVENT } from './hook-events';

const { apply } = Reflect;
const getter = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)?.get;
const isConnected = getter(Node.prototype, 'isConnected')!;
const { closest, matches, querySelector } = Element.prototype;
const { addEventListener, dispatchEvent } = EventTarget.prototype;
const Ev = Event;
const microtask = queueMicrotask;

const connected = (node: Node): boolean => apply(isConnected, node, []);
const fire = (target: EventTarget, type: string, init?: EventInit) => apply(dispatchEvent, target, [new Ev(type, init)]);
/** A row of a data grid: every box in it selects its row (see decide.ts), and a grid adds rows and
 *  ticks their boxes by the hundred, so they are left out here already. */
const inDataGrid = (el: Element): boolean => apply(closest, el, [DATA_GRID]) !== null;

(() => {
  const proto = Element.prototype;
  const original = proto.attachShadow;
  if (typeof original !== 'function') return;
  const announce = (host: Element) => fire(host, SHADOW_EVENT, { bubbles: true, composed: true });
  proto.attachShadow = function attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
    const root = apply(original, this, [init]);
    // Hosts built before insertion are announced once they are in the document.
    if (connected(this)) announce(this);
    else
      microtask(() => {
        if (connected(this)) announce(this);
      });
    return root;
  };
})();

(() => {
  const proto = HTMLInputElement.prototype;
  const desc = Object.getOwnPropertyDescriptor(proto, 'checked');
  const get = desc?.get;
  const set = desc?.set;
  const type = getter(proto, 'type');
  if (!desc || !get || !set || !type) return;
  // The setter is hot on some pages (a grid selecting every row): it only remembers the element. The
  // events go out in one microtask, which still runs before the next paint (after a timer, a fetch
  // callback or a requestAnimationFrame callback alike); not bubbling and not composed, so only capture
  // listeners hear them: the content script's, first on the window and on each shadow root.
  const S = Set;
  const { add, forEach } = S.prototype;
  const size = getter(S.prototype, 'size')!;
  let queue = new S<HTMLInputElement>();
  const announce = (el: HTMLInputElement) => {
    if (apply(get, el, []) && apply(type, el, []) === 'checkbox' && connected(el) && !inDataGrid(el)) fire(el, CHECKED_EVENT);
  };
  const flush = () => {
    const q = queue;
    queue = new S();
    apply(forEach, q, [announce]);
  };
  Object.defineProperty(proto, 'checked', {
    ...desc,
    set(this: HTMLInputElement, on: boolean) {
      apply(set, this, [on]);
      // A box ticked while out of the document is seen by the insertion observer when it is inserted
      // (rows are mostly built that way): only a box already in the document needs the event.
      if (!on || !connected(this)) return;
      if (apply(size, queue, []) === 0) microtask(flush);
      apply(add, queue, [this]);
    },
  });
})();

(() => {
  // The document's insertions. An observer in the isolated world gets a wrapper for every node a page
  // adds (a busy grid adds thousands a second); here the nodes are read as they are, and only an
  // element that is or holds a ticked control, or a custom element (its shadow root may hold one), is
  // announced. Shadow roots are still observed by the content script: they are few and small.
  const addedNodes = getter(MutationRecord.prototype, 'addedNodes');
  const length = getter(NodeList.prototype, 'length');
  const nodeType = getter(Node.prototype, 'nodeType');
  const localName = getter(Element.prototype, 'localName');
  const childCount = getter(Element.prototype, 'childElementCount');
  const readyState = getter(Document.prototype, 'readyState');
  const { item } = NodeList.prototype;
  const { includes } = String.prototype;
  const doc = document;
  const win = window;
  if (!addedNodes || !length || !nodeType || !localName || !childCount || !readyState) return;

  const holdsTicked = (el: Element): boolean =>
    apply(matches, el, [TICKED_SELECTOR]) || (apply(childCount, el, []) > 0 && apply(querySelector, el, [TICKED_SELECTOR]) !== null);
  const candidate = (el: Element): boolean => apply(includes, apply(localName, el, []), ['-']) || (holdsTicked(el) && !inDataGrid(el));

  new MutationObserver((records) => {
    let announced = false;
    for (let i = 0; i < records.length; i++) {
      const added = apply(addedNodes, records[i], []);
      for (let j = 0, n = apply(length, added, []); j < n; j++) {
        const node = apply(item, added, [j]) as Node;
        // An element still in the document (one removed again before this callback was never painted).
        if (apply(nodeType, node, []) !== 1 || !connected(node) || !candidate(node as Element)) continue;
        fire(node, INSERTED_EVENT);
        announced = true;
      }
    }
    if (announced || apply(readyState, doc, []) === 'loading') fire(doc, BATCH_EVENT);
  }).observe(doc, { childList: true, subtree: true });

  // The content script leaves the document's insertions to this observer once it knows it runs; the
  // two scripts start in either order, so both ask and tell.
  apply(addEventListener, win, [HELLO_EVENT, () => fire(win, OBSERVING_EVENT)]);
  fire(win, OBSERVING_EVENT);
})();
