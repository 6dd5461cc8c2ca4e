// Which engine a Puppeteer browser is: Firefox is driven over WebDriver BiDi, with no DevTools protocol,
// so the few helpers that reach past the page (closed shadow roots, the popup) take another way there.

/** @type {WeakSet<import('puppeteer').Browser>} */
const firefoxes = new WeakSet();

/** @param {import('puppeteer').Browser} browser */
export const markFirefox = (browser) => void firefoxes.add(browser);

/** @param {import('puppeteer').Browser | import('puppeteer').Page} of */
export const isFirefox = (of) =>
  firefoxes.has('browser' in of && typeof of.browser === 'function' ? of.browser() : /** @type {any} */ (of));

/** The engine the e2e run is for: BROWSER=firefox, or Chromium. */
export const BROWSER = process.env.BROWSER === 'firefox' ? 'firefox' : 'chromium';
