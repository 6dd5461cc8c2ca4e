// Reaches into Unbind's closed shadow roots (the notice, the pointer) the way DevTools does: page
// scripts and Puppeteer's selectors cannot, which is the point of closing them.

/**
 * Elements matching `selector` inside the closed shadow root of the first `<hostTag>` on the page.
 * Each comes with its text, its box, and a click at its centre (a real mouse click).
 * @param {import('puppeteer').Page} page
 * @param {string} hostTag e.g. 'unbind-notice'
 * @param {string} selector
 */
export async function shadowElements(page, hostTag, selector) {
  const cdp = await page.createCDPSession();
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const want = hostTag.toUpperCase();
    const find = (n) => (n.nodeName === want ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(find).find(Boolean));
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) return [];
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: shadow.nodeId, selector });
    const out = [];
    for (const nodeId of nodeIds) {
      const { object } = await cdp.send('DOM.resolveNode', { nodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        returnByValue: true,
        functionDeclaration:
          'function() { const r = this.getBoundingClientRect(); return { text: this.textContent, x: r.x, y: r.y, w: r.width, h: r.height, shown: getComputedStyle(this).display !== "none" }; }',
      });
      const v = result.value;
      out.push({
        text: String(v.text ?? ''),
        box: v,
        shown: v.shown && v.w > 0,
        click: () => page.mouse.click(v.x + v.w / 2, v.y + v.h / 2),
      });
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
