// The AliExpress / Alipay journey, driven as a person would: shop with Unbind guarding checkout, then
// remove the bound cards by following only what Unbind's popup and pointer say. Shared by the e2e test
// and the main job (scripts/start.mjs).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { followGuide as follow, readPopup } from './guide-journey.mjs';

export const SHOP = 'http://www.aliexpress.com';
export const WALLET = 'http://www.alipay.com';
export const MAIL = 'http://mail.fixture.test';
/** The shopper: their AliExpress sign-in, and the Alipay wallet password they set when registering (the
 *  one the fixture's seed gives registered accounts too, so a seeded wallet asks for the same). */
export const USER = { email: 'shopper@example.com', password: 'fixture-pass-1', walletPassword: 'Wallet-pass-42' };
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
  const dataPage = () => page.$eval('body', (b) => b.dataset.page ?? '');
  const type = async (selector, text) => {
    await page.click(selector, { count: 3 });
    await page.type(selector, text);
  };

  /** The signed-in account's state, as the shop's test hook reports it. From a page elsewhere (the wallet
   *  cannot fetch the shop's hook), the shopper's account is read on the mailbox host: a tab on the shop
   *  would be a page of no step to the guide, and move the person's progress. */
  const state = async () =>
    page
      .evaluate(async (shop) => (await fetch(`${shop}/__test/state`, { credentials: 'include' })).json(), SHOP)
      .catch(async () => {
        const p = await ext.browser.newPage();
        await p.goto(`${MAIL}/__test/state?user=${encodeURIComponent(USER.email)}`);
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
      await type('#password', USER.walletPassword);
      await type('#password-repeat', USER.walletPassword);
      for (const n of [1, 2, 3]) {
        await page.select(`#question-${n}`, String(n - 1));
        await type(`#answer-${n}`, `answer ${n}`);
      }
    } else if (kind === 'wallet-cards' && (await page.$('#remove-card-dialog[open] #pay-password'))) {
      // Today's wallet asks for the payment password to remove a card: the person types it.
      await type('#pay-password', USER.walletPassword);
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

  /** The AliExpress / Alipay person, for the generic follower: types what the sites ask, opens their
   *  own mailbox where Unbind cannot see, and presses the green button the popup describes. */
  const person = {
    fill: () => fillForm(),
    async act(step) {
      if (step === 'confirm') {
        await page.goto(`${MAIL}/?to=${encodeURIComponent(USER.email)}`, { waitUntil: 'load' });
        await confirmInMailbox();
        return true;
      }
      if (step === 'password' && (await page.$('#register-submit'))) {
        await clickAndWait('#register-submit');
        return true;
      }
      return false;
    },
    async check(step) {
      // Following the guide must never walk into a site's refusal (e.g. removing the default card first).
      const refusal = await page.$eval('#cards-error', (e) => e.textContent.trim()).catch(() => null);
      if (refusal) throw new Error(`step ${step}: the site refused: ${refusal}`);
    },
  };

  /** Follows the guide from the current page to the end; the steps in the order they were met. */
  const followGuide = ({ maxSteps = 40 } = {}) => follow({ ext, page, person, snap, maxSteps });

  return { snap, state, signInToShop, purchase, followGuide, readPopup, dataPage, clickAndWait, type };
}
