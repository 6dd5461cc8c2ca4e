// shadow.mjs's shadowElements for a browser driven over WebDriver BiDi (Firefox), which has no DevTools
// protocol: BiDi's own way into closed shadow roots. browsingContext.locateNodes, asked to serialise
// shadow trees, hands out the closed root's node id; a second locateNodes searches from it, and
// script.callFunction reads each element found. Frames are searched too (each is a browsing context),
// with their boxes moved into the top page's viewport by where their frame element is.

/** Puppeteer's BiDi session (internal: Puppeteer has no public way to send a raw BiDi command). */
const sessionOf = (page) => page.mainFrame().browsingContext.userContext.browser.session;

/** Where a frame's content starts in the top page's viewport. */
async function frameOrigin(frame) {
  let x = 0;
  let y = 0;
  for (let f = frame; f.parentFrame(); f = f.parentFrame()) {
    const el = await f.frameElement().catch(() => null);
    if (!el) return null;
    const o = await el.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const cs = getComputedStyle(e);
      return { x: r.left + e.clientLeft + Number.parseFloat(cs.paddingLeft), y: r.top + e.clientTop + Number.parseFloat(cs.paddingTop) };
    });
    await el.dispose();
    x += o.x;
    y += o.y;
  }
  return { x, y };
}

/** Reads an element (`this`): its text, its box in its own frame, whether it is displayed. Both ways in
 *  (DevTools and BiDi) call it. */
export const READ_ELEMENT =
  'function () { const r = this.getBoundingClientRect(); return { text: this.textContent, x: r.x, y: r.y, w: r.width, h: r.height, shown: getComputedStyle(this).display !== "none" }; }';

/**
 * One element found in a shadow root, as shadowElements returns it: `v` what READ_ELEMENT read, `box`
 * its box in the top page's viewport.
 * @param {import('puppeteer').Page} page
 * @param {number} host
 * @param {{ text: unknown, shown: boolean }} v
 * @param {{ x: number, y: number, w: number, h: number }} box
 */
export const shadowElement = (page, host, v, box) => ({
  host,
  text: String(v.text ?? ''),
  box: { ...box, shown: v.shown },
  shown: v.shown && box.w > 0,
  click: () => page.mouse.click(box.x + box.w / 2, box.y + box.h / 2),
});

/**
 * The same answer as shadow.mjs's shadowElements (same arguments), over BiDi.
 * @param {import('puppeteer').Page} page
 * @param {string} hostTag
 * @param {string} selector
 */
export async function shadowElementsBidi(page, hostTag, selector) {
  const session = sessionOf(page);
  const out = [];
  let host = 0;
  for (const frame of page.frames()) {
    const context = /** @type {any} */ (frame)._id;
    const hosts = await session
      .send('browsingContext.locateNodes', {
        context,
        locator: { type: 'css', value: hostTag },
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
      })
      .catch(() => null); // a frame detached meanwhile
    for (const node of hosts?.result.nodes ?? []) {
      const root = node.value?.shadowRoot?.sharedId;
      if (!root) continue;
      const origin = await frameOrigin(frame);
      const found = await session.send('browsingContext.locateNodes', {
        context,
        locator: { type: 'css', value: selector },
        startNodes: [{ sharedId: root }],
      });
      for (const el of found.result.nodes) {
        const r = await session.send('script.callFunction', {
          functionDeclaration: `function () { return JSON.stringify((${READ_ELEMENT}).call(this)); }`,
          target: { context },
          this: { sharedId: el.sharedId },
          awaitPromise: false,
        });
        const v = JSON.parse(r.result.result.value);
        const box = { x: v.x + (origin?.x ?? 0), y: v.y + (origin?.y ?? 0), w: v.w, h: v.h };
        out.push(shadowElement(page, host, v, box));
      }
      host++;
    }
  }
  return out;
}
