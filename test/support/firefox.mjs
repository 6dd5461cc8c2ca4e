// Launches Debian's Firefox ESR with the built Firefox package (dist-firefox/) installed as a temporary
// add-on (what about:debugging's "Load Temporary Add-on" does), driven over WebDriver BiDi. The
// counterpart of browser.mjs's launch(), returning the same shape: `worker()` is an extension tab, where
// the chrome.* calls the tests make of the background (storage, tabs, badge, scripting) run the same.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer';
import { FIREFOX_DIST, GECKO_ID } from '../../scripts/lib/firefox-manifest.mjs';
import { guardScriptsReady, profilesDir, ROOT } from './browser.mjs';
import { markFirefox } from './engine.mjs';
import { sleep } from './sleep.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIST_FIREFOX = path.join(ROOT, FIREFOX_DIST);

/**
 * Firefox's way to Chromium's --host-resolver-rules: a proxy auto-config script that sends the mapped
 * hosts to their target (the fixture server, which answers proxy-style requests for them as they are)
 * and everything else direct.
 * @param {string} hostRules Chromium's form, `MAP host 127.0.0.1:port, ...`
 */
export function pacFor(hostRules) {
  /** @type {Record<string, string>} */
  const map = {};
  for (const [, host, target] of hostRules.matchAll(/MAP\s+([^\s,]+)\s+([^\s,]+)/g))
    map[/** @type {string} */ (host)] = /** @type {string} */ (target);
  return `var MAP = ${JSON.stringify(map)};
function FindProxyForURL(url, host) { return MAP.hasOwnProperty(host) ? 'PROXY ' + MAP[host] : 'DIRECT'; }`;
}

/**
 * Loads a moz-extension:// page in `page` and waits until it is parsed. Puppeteer's goto() never settles
 * there (no BiDi navigation events for extension pages), so the page is asked instead.
 * @param {import('puppeteer').Page} page
 * @param {string} url
 */
export async function gotoExtensionPage(page, url) {
  page.goto(url).catch(() => {});
  for (let attempt = 0; attempt < 150; attempt++) {
    const here = await page.evaluate(() => (document.readyState !== 'loading' ? location.href : '')).catch(() => '');
    if (here === url) return;
    await sleep(100);
  }
  throw new Error(`${url} did not load`);
}

/**
 * @param {{ extension?: boolean, headless?: boolean, hostRules?: string, lang?: string, prefs?: Record<string, unknown> }} [opts]
 * @returns {Promise<{ browser: import('puppeteer').Browser, extensionId: string | null, worker: () => Promise<import('puppeteer').Page>, close: () => Promise<void> }>}
 */
export async function launchFirefox({ extension = true, headless = true, hostRules = '', lang = 'en-US', prefs = {} } = {}) {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr, or set FIREFOX_PATH`);
  if (extension && !existsSync(path.join(DIST_FIREFOX, 'manifest.json')))
    throw new Error(`${FIREFOX_DIST}/ has no build: run \`npm run build\` first`);
  const userDataDir = mkdtempSync(path.join(profilesDir(), 'unbind-firefox-'));
  // Firefox gives a temporary add-on a random internal UUID (its moz-extension:// host); this pref, set
  // before the install, fixes it, so the tests know the extension's pages' addresses.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless,
    userDataDir,
    defaultViewport: { width: 1100, height: 850 },
    timeout: 150_000, // to its first answer: over a minute when the machine is busy
    // The https twins answer with the test-only certificate (fixtures/tls/), as in Chromium.
    acceptInsecureCerts: true,
    // Without it, WebDriver BiDi may not reach moz-extension:// pages ("not allowed in this context").
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // The tests open the real popup the way browser.mjs does in Chromium, without a click on the icon.
      'extensions.openPopupWithoutUserGesture.enabled': true,
      'intl.accept_languages': lang,
      'intl.locale.requested': lang,
      ...(hostRules
        ? { 'network.proxy.type': 2, 'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(pacFor(hostRules))}` }
        : {}),
      // As Chromium's --force-prefers-reduced-motion: headless, no pulsing ring repainted at every frame.
      ...(headless ? { 'ui.prefersReducedMotion': 1 } : {}),
      // The fixture walk keeps four tabs busy at once and only one is in front: Firefox holds a
      // background tab's timers to one a second, so a box a page adds by timer (after 400 ms, or two
      // timers) came after the walk had read the page. Chromium's headless tabs are not throttled so.
      'dom.min_background_timeout_value': 4,
      'dom.min_background_timeout_value_without_budget_throttling': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
      ...prefs,
    },
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
  });
  markFirefox(browser);
  const close = async () => {
    await browser.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  if (!extension) return { browser, extensionId: null, worker: () => Promise.reject(new Error('no extension')), close };
  try {
    await browser.installExtension(DIST_FIREFOX);
  } catch (err) {
    await close();
    throw err;
  }
  // No background target over BiDi: an extension tab in the background stands in for the worker. Its
  // chrome.* are the extension's own (the same storage, tabs, action, scripting).
  /** @type {Promise<import('puppeteer').Page> | null} */
  let tab = null;
  const worker = () => {
    tab ??= (async () => {
      const page = await browser.newPage({ background: true });
      await gotoExtensionPage(page, `moz-extension://${uuid}/manifest.json`);
      return page;
    })();
    return tab;
  };
  const ext = { browser, extensionId: uuid, worker, close };
  await guardScriptsReady(ext);
  return ext;
}

/**
 * Unbind's popup for the tab `page`, in Firefox. Firefox's action popup is no WebDriver BiDi browsing
 * context (Puppeteer cannot click or read in it), so its page is opened in a tab in the background,
 * behind `page`: the popup asks for the active tab of its window, which stays `page`. The same
 * document and code as the toolbar popup; what differs is only its frame (a tab, which stays open when
 * the page is typed into, until the caller closes it).
 * @param {{ browser: import('puppeteer').Browser, extensionId: string }} ext
 * @param {import('puppeteer').Page} page
 * @returns {Promise<import('puppeteer').Page>}
 */
export async function openPopupFirefox(ext, page) {
  await page.bringToFront();
  const popup = await ext.browser.newPage({ background: true });
  await popup.setViewport({ width: 360, height: 600 });
  await gotoExtensionPage(popup, `moz-extension://${ext.extensionId}/src/popup/index.html`);
  await popup.waitForSelector('main[data-ready]'); // state loaded
  return popup;
}
