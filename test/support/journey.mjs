// The AliExpress / Alipay journey, driven as a person would: shop with Unbind guarding checkout, then
// remove the bound cards by following only what Unbind's popup and pointer say. Shared by the e2e test
// and the main job (scripts/start.mjs).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openPopup } from './popup.mjs';
import { shadowElements } from './shadow.mjs';
import { sleep } from './sleep.mjs';

export const SHOP = 'http://www.aliexpress.com';
export const WALLET = 'http://www.alipay.com';
export const USER = { email: 'shopper@example.com', password: 'fixture-pass-1' };
/** Test cards (public test numbers that pass the Luhn check). */
export const CARDS = [
  { holder: 'IVAN PETROV', number: '4242 4242 4242 4242', expiry: '12/30', cvv: '123' },
  { holder: 'IVAN PETROV', number: '5555 5555 5555 4444', expiry: '08/29', cvv: '456' },
  { holder: 'IVAN PETROV', number: '4000 0566 5566 5556', expiry: '03/31', cvv: '789' },
];

/**
 * @param {{ ext: { browser: import('puppeteer').Browser, extensionId: string, worker: () => Promise<any> },
 *           page: import('puppeteer').Page, shots?: string, log?: (line: string) => void }} opts
 */
export function createJourney({ ext, page, shots, log = () => {} }) {
  let shot = 0;
  if (shots) mkdirSync(shots, { recursive: true });

  /** Saves a numbered screenshot (of the page, or of the popup) when a folder was given. */
  const snap = async (name, p = page) => {
    if (!shots) return;
    const file = path.join(shots, `${String(++shot).padStart(2, '0')}-${name}.png`);
    if (p !== page) {
      // The popup: as tall as its content, as a person sees it when it opens.
      const height = await p.evaluate(() => document.documentElement.scrollHeight);
      await p.setViewport({ width: 360, height: Math.min(height, 900) });
    }
    await p.screenshot({ path: file });
  };

  /** Clicks and waits for the page that follows (a form post or a link). */
  const clickAndWait = async (selector) => {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  };
  /** After a click that may or may not load a page (a dialog opens in place): wait until it is done. */
  const settle = async () => {
    await sleep(300);
    await page.waitForFunction(() => document.readyState === 'complete', { timeout: 10000 });
    await sleep(150);
  };
  const dataPage = () => page.$eval('body', (b) => b.dataset.page ?? '');
  const type = async (selector, text) => {
    await page.click(selector, { count: 3 });
    await page.type(selector, text);
  };

  /** The signed-in account's state, as the shop's test hook reports it. */
  const state = async () =>
    page
      .evaluate(async (shop) => (await fetch(`${shop}/__test/state`, { credentials: 'include' })).json(), SHOP)
      .catch(async () => {
        const p = await ext.browser.newPage();
        await p.goto(`${SHOP}/__test/state`);
        const s = JSON.parse(await p.$eval('body', (b) => b.textContent));
        await p.close();
        return s;
      });

  async function signInToShop() {
    await page.goto(`${SHOP}/`, { waitUntil: 'load' });
    if (await page.$('#account-menu')) return;
    await clickAndWait('#header-sign-in');
    await type('#fm-login-id', USER.email);
    await type('#fm-login-password', USER.password);
    await clickAndWait('#sign-in-submit');
  }

  /**
   * Buys one item paying with a new card. Returns whether Unbind had unticked the save box.
   * @param {{ card: typeof CARDS[number], tickAgain: boolean, label: string }} o
   */
  async function purchase({ card, tickAgain, label }) {
    await page.goto(`${SHOP}/item/1005006123456789.html`, { waitUntil: 'load' });
    await clickAndWait('#add-to-cart');
    await clickAndWait('#checkout-button');
    await clickAndWait('#place-order');
    if ((await dataPage()) !== 'shop-payment') throw new Error(`expected the payment step, got ${await dataPage()}`);
    await page.click('#pay-method-new');
    await type('#card-holder', card.holder);
    await type('#card-number', card.number);
    await type('#card-expiry', card.expiry);
    await type('#card-cvv', card.cvv);
    const untickedByUnbind = !(await page.$eval('#save-card', (b) => b.checked));
    await snap(`${label}-payment`);
    if (tickAgain) await page.click('#save-card'); // the person's own choice
    const saveTicked = await page.$eval('#save-card', (b) => b.checked);
    await clickAndWait('#pay-order');
    const code = await page.$eval('#sms-code-text', (e) => e.textContent.trim());
    await type('#sms-code', code);
    await clickAndWait('#confirm-payment');
    if ((await dataPage()) !== 'shop-success') throw new Error(`payment did not complete: ${await dataPage()}`);
    await snap(`${label}-paid`);
    log(`purchase (${label}): Unbind unticked the save box: ${untickedByUnbind}; paid with the box ${saveTicked ? 'ticked' : 'unticked'}`);
    return { untickedByUnbind, saveTicked };
  }

  /** Reads the guide in the real popup: the current step, whether it is finished. */
  async function readPopup(popup) {
    return popup.evaluate(() => ({
      guide: document.querySelector('[data-testid=guide]')?.getAttribute('data-guide') ?? null,
      current: document.querySelector('[data-testid=guide-current]')?.getAttribute('data-step') ?? null,
      finished: !!document.querySelector('[data-testid=guide-finished]'),
      steps: [...document.querySelectorAll('ol.steps li')].map((li) => `${li.getAttribute('data-step')}:${li.getAttribute('data-status')}`),
    }));
  }

  /** What a person types on the steps that ask for it: Unbind tells them what, never fills it.
   *  Returns whether anything was typed. */
  async function fillForm() {
    const kind = await dataPage();
    if (kind === 'login') {
      await type('#fm-login-id', USER.email);
      await type('#fm-login-password', USER.password);
    } else if (kind === 'wallet-register-email') {
      await type('#reg-email', USER.email);
      const chars = await page.$eval('#captcha', (c) => c.getAttribute('aria-label').split(':').pop().trim());
      await type('#captcha-input', chars);
    } else if (kind === 'wallet-register-details') {
      await type('#password', 'Wallet-pass-42');
      await type('#password-repeat', 'Wallet-pass-42');
      for (const n of [1, 2, 3]) {
        await page.select(`#question-${n}`, String(n - 1));
        await type(`#answer-${n}`, `answer ${n}`);
      }
    } else {
      return false;
    }
    return true;
  }

  /** The person's own mailbox, which Unbind does not see: open the e-mail and its link. */
  async function confirmInMailbox() {
    await clickAndWait('#mail-list .mail-link');
    await snap('mailbox');
    await clickAndWait('#confirm-link');
  }

  /**
   * Follows the guide from the current page to the end, reading the popup's current step and clicking
   * what Unbind points at. Returns the steps in the order they were met.
   */
  async function followGuide({ maxSteps = 40 } = {}) {
    const met = [];
    for (let i = 0; i < maxSteps; i++) {
      let popup = await openPopup(ext, page);
      const g = await readPopup(popup);
      if (!g.guide) throw new Error('the popup offers no guide on this site');
      if (g.finished) {
        met.push('finished');
        await snap('popup-finished', popup);
        await popup.close();
        return met;
      }
      met.push(g.current);
      await snap(`popup-${g.current}`, popup);
      // Typing on the page closes the popup, as it would for a person: open it again after.
      await popup.close();
      if (await fillForm()) await snap(`filled-${g.current}`);
      popup = await openPopup(ext, page);
      await popup.click('[data-testid=guide-point]');
      await sleep(300);
      if (await popup.$('[data-testid=guide-no-target]')) {
        // Nothing to point at here: the step offers its page instead.
        if (!(await popup.$('[data-testid=guide-open]'))) throw new Error(`step ${g.current}: nothing to point at and no page to open`);
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), popup.click('[data-testid=guide-open]')]);
        await popup.close().catch(() => {});
        continue;
      }
      await popup.close();
      const [ring] = await shadowElements(page, 'unbind-pointer', '.ring');
      if (!ring?.shown) throw new Error(`step ${g.current}: the pointer is not shown`);
      await snap(`pointer-${g.current}`);
      const { x, y, w, h } = ring.box;
      await page.mouse.move(x + w / 2, y + h / 2); // hover first: some controls show on hover only
      await sleep(150);
      await page.mouse.click(x + w / 2, y + h / 2);
      await settle();
      // Following the guide must never walk into a site's refusal (e.g. removing the default card first).
      const refusal = await page.$eval('#cards-error', (e) => e.textContent.trim()).catch(() => null);
      if (refusal) throw new Error(`step ${g.current}: the site refused: ${refusal}`);
      if ((await dataPage()) === 'mail-inbox') await confirmInMailbox();
    }
    throw new Error(`the guide did not finish within ${maxSteps} steps: ${met.join(' → ')}`);
  }

  return { snap, state, signInToShop, purchase, followGuide, readPopup, dataPage, clickAndWait, type };
}
