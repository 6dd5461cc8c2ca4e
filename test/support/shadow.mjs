// Reaches into Unbind's closed shadow roots (the notice, the pointer) the way DevTools does: page
// scripts and Puppeteer's selectors cannot, which is the point of closing them. The pointer may be in
// a frame (a site that shows its card list in a frame from another origin), so frames are searched too.
// Firefox has no DevTools protocol: there shadow-bidi.mjs takes WebDriver BiDi's way.
import { isFirefox } from './engine.mjs';
import { READ_ELEMENT, shadowElement, shadowElementsBidi } from './shadow-bidi.mjs';

/** The shadow roots of every `<hostTag>` in the document and the documents of its frames, in order. */
function shadowRootsOf(root, hostTag) {
  const want = hostTag.toUpperCase();
  const found = [];
  const walk = (n) => {
    if (n.nodeName === want && n.shadowRoots?.[0]) found.push(n.shadowRoots[0]);
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? []), ...(n.contentDocument ? [n.contentDocument] : [])]) walk(c);
  };
  walk(root);
  return found;
}

/** Where the element is in the top page's viewport (a frame's own coordinates would miss it), or null. */
async function viewportBox(cdp, nodeId) {
  const { quads } = await cdp.send('DOM.getContentQuads', { nodeId }).catch(() => ({ quads: [] }));
  const q = quads[0];
  if (!q) return null;
  const xs = [q[0], q[2], q[4], q[6]];
  const ys = [q[1], q[3], q[5], q[7]];
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/**
 * Elements matching `selector` inside the closed shadow roots of every `<hostTag>` on the page and in
 * its frames (frames in the page's process: same-site ones; a cross-site frame in another process is
 * not reached), each host's in turn (`host`: its index). Each comes with its text, its box in the top
 * page's viewport, and a click at its centre (a real mouse click, which lands in the frame).
 * @param {import('puppeteer').Page} page
 * @param {string} hostTag e.g. 'unbind-notice'
 * @param {string} selector
 */
export async function shadowElements(page, hostTag, selector) {
  if (isFirefox(page)) return shadowElementsBidi(page, hostTag, selector);
  const cdp = await page.createCDPSession();
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const out = [];
    for (const [host, shadow] of shadowRootsOf(root, hostTag).entries()) {
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: shadow.nodeId, selector });
      for (const nodeId of nodeIds) {
        const { object } = await cdp.send('DOM.resolveNode', { nodeId });
        const { result } = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          returnByValue: true,
          functionDeclaration: READ_ELEMENT,
        });
        const v = result.value;
        const box = (v.shown && (await viewportBox(cdp, nodeId))) || { x: v.x, y: v.y, w: v.w, h: v.h };
        out.push(shadowElement(page, host, v, box));
      }
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
