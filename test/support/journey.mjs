// One person's journey on one site: a new tab with no cookies and Unbind's storage empty, the site's
// person (test/support/people/<id>.mjs: what they type and do, which Unbind never does), the site's
// test hooks (seed an account, read its state), and the removal guide followed only by what Unbind's
// popup and pointer say (guide-journey.mjs). Shared by the guide specs (through env.ts's useJourney)
// and the main job (scripts/start.mjs), which also saves a screenshot of every step.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { inWorker } from './browser.mjs';
import { followGuide, popupNow, readPopup } from './guide-journey.mjs';
import { openPopup } from './popup.mjs';
import { askTwin } from './twin.mjs';

/**
 * What a person's hands do on a page: type into a field, press and wait for the next page, see what
 * the page is and what shows. Unbind does none of these.
 * @param {import('puppeteer').Page} page
 */
export function hands(page) {
  return {
    /** Replaces a field's text with `text`, key by key. */
    async type(/** @type {string} */ selector, /** @type {string} */ text) {
      await page.click(selector, { count: 3 });
      await page.type(selector, text);
    },
    /** Clicks and waits for the page that follows (a form post or a link). */
    clickAndWait: (/** @type {string} */ selector) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]),
    /** Which page of its flow the twin says this is (`<body data-page>`). */
    dataPage: () => page.$eval('body', (b) => b.dataset.page ?? ''),
    /** Whether the element is there and drawn (a fixed-position one has no offsetParent but a box). */
    shown: (/** @type {string} */ selector) =>
      page.$eval(selector, (e) => !!(/** @type {HTMLElement} */ (e).offsetParent) || e.getClientRects().length > 0).catch(() => false),
  };
}

/**
 * A `check` for followGuide: throws when the page, or one of its frames, shows the site's refusal
 * (following the guide must never lead there).
 * @param {import('puppeteer').Page} page
 * @param {string} selector where the site says it refused
 * @param {string} site who refused, for the message
 */
export const refusalAt =
  (page, selector, site = 'the site') =>
  async (/** @type {string} */ step) => {
    // In any frame: a site may show its list, and so its refusal, in a frame.
    for (const frame of page.frames()) {
      const refusal = await frame.$eval(selector, (e) => e.textContent?.trim()).catch(() => null);
      if (refusal) throw new Error(`step ${step}: ${site} refused: ${refusal}`);
    }
  };

/**
 * A `fill` for followGuide, by the twin's page: on each kind of page, the fields the person types and
 * what (a value, or a function for what they read elsewhere, e.g. the code on their phone). True if it
 * typed.
 * @param {import('puppeteer').Page} page
 * @param {Record<string, Record<string, string | (() => Promise<string>)>>} fields
 */
export function typeByPage(page, fields) {
  const { type, dataPage } = hands(page);
  return async () => {
    const onPage = fields[await dataPage()];
    if (!onPage) return false;
    for (const [selector, value] of Object.entries(onPage)) await type(selector, typeof value === 'function' ? await value() : value);
    return true;
  };
}

/**
 * A twin's test hooks for one person (every twin has them: fixtures/sites/<name>/PAGES.md): where to seed
 * their account and then open `next` on `origin` (the twin's home by default, or another of its hosts),
 * and where its state is told.
 * @param {string} home the twin's origin, e.g. https://www.paypal.com
 * @param {string} email the person's account
 */
export function twinHooks(home, email) {
  const user = encodeURIComponent(email);
  return {
    seedUrl: (/** @type {string} */ query, next = '/', origin = home) =>
      `${origin}/__test/seed?user=${user}&${query}&next=${encodeURIComponent(next)}`,
    stateUrl: `${home}/__test/state?user=${user}`,
  };
}

/**
 * The code a twin says it texted for this browser's sign-in (`textMessage` in its state, asked from the
 * page: the message belongs to the browser's session): what the person's phone shows.
 * @param {import('puppeteer').Page} page
 * @param {string} email
 * @returns {Promise<string>}
 */
export const textedCode = (page, email) =>
  page.evaluate(async (u) => (await (await fetch(`/__test/state?user=${encodeURIComponent(u)}`)).json()).textMessage.code, email);

/**
 * A new tab as a new person has it: no cookies, Unbind's storage empty. (Not a new browser context:
 * those are incognito-like, where extensions do not run.)
 * @param {{ browser: import('puppeteer').Browser, worker: () => Promise<import('puppeteer').WebWorker> }} ext
 */
export async function freshPage(ext) {
  const page = await ext.browser.newPage();
  await ext.browser.deleteCookie(...(await ext.browser.cookies()));
  await inWorker(ext, () => chrome.storage.local.clear());
  return page;
}

/**
 * @typedef {{
 *   ID: string,
 *   seedUrl: (...args: any[]) => string,
 *   stateUrl: string,
 *   personFor: (page: import('puppeteer').Page, o?: { snap?: (name: string) => Promise<void> }) => import('./guide-journey.mjs').Person,
 * }} Site
 * A site's person module (test/support/people/<id>.mjs): the guide's id, where the twin seeds an
 * account (and which page it opens after), where it tells the account's state, and the person.
 */

/**
 * @param {{ ext: { browser: import('puppeteer').Browser, extensionId: string, worker: () => Promise<any> },
 *           page: import('puppeteer').Page, site: Site, port: number, shots?: string }} o
 *   `port`: the fixture server's; `shots`: a folder for a numbered screenshot of every step.
 */
export function createJourney({ ext, page, site, port, shots }) {
  let shot = 0;
  if (shots) mkdirSync(shots, { recursive: true });

  /** Saves a numbered screenshot (of the page, or of the popup) when a folder was given. */
  const snap = async (/** @type {string} */ name, p = page) => {
    if (!shots) return;
    const file = path.join(shots, `${String(++shot).padStart(2, '0')}-${name}.png`);
    if (p !== page) {
      // The popup: as tall as its content, as a person sees it when it opens.
      const height = await p.evaluate(() => document.documentElement.scrollHeight);
      await p.setViewport({ width: 360, height: Math.min(height, 900) });
    }
    await p.screenshot({ path: file });
  };
  /** This site's person, on this tab. */
  const person = () => site.personFor(page, { snap });

  return {
    page,
    snap,
    ...hands(page),
    /** Seeds the twin's account (the site's seedUrl arguments) and opens the page it leads to. */
    seed: (/** @type {any[]} */ ...args) => page.goto(site.seedUrl(...args), { waitUntil: 'load' }),
    /** The account as the twin's test hook reports it. */
    state: () => askTwin(port, site.stateUrl),
    /** Opens Unbind's popup for this tab, as clicking its icon does. */
    popup: () => openPopup(ext, page),
    /** What the popup shows for this tab now (guide-journey.mjs's readPopup). */
    popupNow: () => popupNow(ext, page),
    /** The step the popup says the person is on now. */
    stepNow: async () => (await popupNow(ext, page)).current,
    readPopup,
    person,
    /**
     * Follows the guide from the current page to the end, with this site's person (or the one given);
     * the steps in the order they were met, then 'finished'. `watch` runs after each click, once the
     * person has checked the page (e.g. to note which card a page shows).
     * @param {{ person?: import('./guide-journey.mjs').Person, watch?: () => Promise<void>, maxSteps?: number }} [o]
     */
    follow({ person: who = person(), watch, maxSteps = 40 } = {}) {
      const check = async (/** @type {string} */ step) => {
        await who.check?.(step);
        await watch?.();
      };
      return followGuide({ ext, page, person: { ...who, check }, snap, maxSteps });
    },
  };
}
