// The AliExpress / Alipay shopper: their sign-in and wallet password, their test cards, how they shop
// (with Unbind guarding checkout), and what they do on the removal guide's steps that Unbind never does:
// type what the sites ask, open their own mailbox, press the green button the popup describes.
import { hands, refusalAt, twinHooks } from '../journey.mjs';

export const ID = 'aliexpress';
export const SHOP = 'http://www.aliexpress.com';
export const WALLET = 'http://www.alipay.com';
export const MAIL = 'http://mail.fixture.test';
/** Their AliExpress sign-in, and the Alipay wallet password they set when registering (the one the
 *  fixture's seed gives registered accounts too, so a seeded wallet asks for the same). */
export const USER = { email: 'shopper@example.com', password: 'fixture-pass-1', walletPassword: 'Wallet-pass-42' };
/** Test cards (public test numbers that pass the Luhn check). */
export const CARDS = [
  { holder: 'IVAN PETROV', number: '4242 4242 4242 4242', expiry: '12/30', cvv: '123' },
  { holder: 'IVAN PETROV', number: '5555 5555 5555 4444', expiry: '08/29', cvv: '456' },
  { holder: 'IVAN PETROV', number: '4000 0566 5566 5556', expiry: '03/31', cvv: '789' },
];

export const { seedUrl, stateUrl } = twinHooks(SHOP, USER.email);

/**
 * @param {import('puppeteer').Page} page
 * @param {{ snap?: (name: string) => Promise<void> }} [o]
 * @returns {import('../guide-journey.mjs').Person}
 */
export function personFor(page, { snap = async () => {} } = {}) {
  const { type, clickAndWait, dataPage } = hands(page);
  return {
    /** Types what the sites ask on this step's page: Unbind tells them what, never fills it. */
    async fill() {
      const kind = await dataPage();
      if (kind === 'login') {
        await type('#fm-login-id', USER.email);
        await type('#fm-login-password', USER.password);
      } else if (kind === 'wallet-register-email') {
        await type('#reg-email', USER.email);
        const chars = await page.$eval('#captcha', (c) => c.getAttribute('aria-label')?.split(':').pop()?.trim() ?? '');
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
    },
    async act(step) {
      if (step === 'confirm') {
        // Their own mailbox, which Unbind does not see: the e-mail, then its link.
        await page.goto(`${MAIL}/?to=${encodeURIComponent(USER.email)}`, { waitUntil: 'load' });
        await clickAndWait('#mail-list .mail-link');
        await snap('mailbox');
        await clickAndWait('#confirm-link');
        return true;
      }
      if (step === 'password' && (await page.$('#register-submit'))) {
        await clickAndWait('#register-submit');
        return true;
      }
      return false;
    },
    check: refusalAt(page, '#cards-error'), // e.g. removing the default card first
  };
}

/**
 * Signs in to the shop from its home page (if not signed in already).
 * @param {ReturnType<typeof import('../journey.mjs').createJourney>} journey
 */
export async function signInToShop({ page, type, clickAndWait }) {
  await page.goto(`${SHOP}/`, { waitUntil: 'load' });
  if (await page.$('#account-menu')) return;
  await clickAndWait('#header-sign-in');
  await type('#fm-login-id', USER.email);
  await type('#fm-login-password', USER.password);
  await clickAndWait('#sign-in-submit');
}

/**
 * Buys one item paying with a new card: whether Unbind had unticked the save box, and whether it was
 * ticked when they paid (`tickAgain`: the person ticks it again, their own choice).
 * @param {ReturnType<typeof import('../journey.mjs').createJourney>} journey
 * @param {{ card: typeof CARDS[number], tickAgain: boolean, label: string }} o
 */
export async function purchase({ page, type, clickAndWait, dataPage, snap }, { card, tickAgain, label }) {
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
  const isTicked = () => page.$eval('#save-card', (b) => /** @type {HTMLInputElement} */ (b).checked);
  const untickedByUnbind = !(await isTicked());
  await snap(`${label}-payment`);
  if (tickAgain) await page.click('#save-card');
  const saveTicked = await isTicked();
  await clickAndWait('#pay-order');
  const code = await page.$eval('#sms-code-text', (e) => e.textContent?.trim() ?? '');
  await type('#sms-code', code);
  await clickAndWait('#confirm-payment');
  if ((await dataPage()) !== 'shop-success') throw new Error(`payment did not complete: ${await dataPage()}`);
  await snap(`${label}-paid`);
  return { untickedByUnbind, saveTicked };
}
