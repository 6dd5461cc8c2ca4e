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
