// Tabs kept open and reused by a file that visits many pages: a new tab costs Chromium several times
// what a navigation in an open tab costs (measured: ~1.9 CPU s against ~0.4 for a same-site page load,
// its renderer and window included). Each visit is still a new document, so the guard starts afresh.

/**
 * @param {import('puppeteer').Browser} browser
 * @returns {{ use: <T>(fn: (page: import('puppeteer').Page) => Promise<T>) => Promise<T> }}
 */
export function tabPool(browser) {
  /** @type {import('puppeteer').Page[]} */
  const idle = [];
  return {
    /** Runs `fn` with an idle tab (a new one when none is idle). A tab whose test failed is closed, not
     *  reused: whatever it was left doing cannot reach the next test. */
    async use(fn) {
      const reused = idle.pop();
      const page = reused ?? (await browser.newPage());
      // A new tab opens in front, and only the front tab gets animation frames (the guard's paint check).
      if (reused) await page.bringToFront();
      let ok = false;
      try {
        const out = await fn(page);
        ok = true;
        return out;
      } finally {
        if (ok) idle.push(page);
        else await page.close().catch(() => {});
      }
    },
  };
}
