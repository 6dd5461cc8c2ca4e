// Opens Unbind's real toolbar popup for the active tab, as a person clicking the icon would.
import { isFirefox } from './engine.mjs';
import { openPopupFirefox } from './firefox.mjs';
import { sleep } from './sleep.mjs';

/**
 * @param {{ browser: import('puppeteer').Browser, extensionId: string, worker: () => Promise<import('puppeteer').WebWorker> }} ext
 * @param {import('puppeteer').Page} page the tab the popup is for
 * @returns {Promise<import('puppeteer').Page>}
 */
export async function openPopup(ext, page) {
  if (isFirefox(ext.browser)) return openPopupFirefox(ext, page);
  await page.bringToFront();
  const prefix = `chrome-extension://${ext.extensionId}/src/popup/`;
  const isPopup = (t) => t.url().startsWith(prefix) && t.type() === 'page';
  const before = new Set(ext.browser.targets().filter(isPopup));
  for (let attempt = 0; ; attempt++) {
    try {
      await (await ext.worker()).evaluate(() => chrome.action.openPopup());
      break;
    } catch (err) {
      // The worker may still be starting, or a previous popup still closing.
      if (attempt >= 10) throw err;
      await sleep(200);
    }
  }
  const target = await ext.browser.waitForTarget((t) => isPopup(t) && !before.has(t), { timeout: 10000 });
  const popup = await target.asPage();
  await popup.waitForSelector('main[data-ready]'); // state loaded
  return popup;
}

/**
 * How a guide journey looks at the popup, step after step (guide-journey.mjs's followGuide): `open`
 * before each look, `done` after it, `close` when the journey is over. In Chromium, the real toolbar
 * popup each time, closed after each look as typing on the page closes it. In Firefox, where the popup
 * is its page in a background tab (firefox.mjs), one tab reloaded for each look: with a new tab for
 * every step, Firefox's AliExpress journey took 67 s alone on 2 cores (55 CPU-seconds); so, 40 s (45).
 * @param {{ browser: import('puppeteer').Browser, extensionId: string, worker: () => Promise<any> }} ext
 * @param {import('puppeteer').Page} page
 */
export function popupLooks(ext, page) {
  if (!isFirefox(ext.browser))
    return {
      open: () => openPopup(ext, page),
      done: (/** @type {import('puppeteer').Page} */ p) => p.close().catch(() => {}),
      close: async () => {},
    };
  /** @type {import('puppeteer').Page | null} */
  let tab = null;
  return {
    async open() {
      if (!tab) {
        tab = await openPopupFirefox(ext, page);
        return tab;
      }
      // Marked first, so that the old document is never taken for the new one; reloaded once the call
      // has returned (a call that navigates its own page never gets its answer).
      await tab.evaluate(() => {
        document.documentElement.dataset.stale = '';
        setTimeout(() => location.reload());
      });
      for (let i = 0; i < 400; i++) {
        const ready = await tab
          .evaluate(() => !document.documentElement.hasAttribute('data-stale') && !!document.querySelector('main[data-ready]'))
          .catch(() => false); // between the two documents
        if (ready) return tab;
        await sleep(25);
      }
      throw new Error('the popup page did not load again');
    },
    done: async () => {}, // stays open for the next look
    close: async () => {
      await tab?.close().catch(() => {});
    },
  };
}
