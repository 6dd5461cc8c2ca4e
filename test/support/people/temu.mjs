// The Temu person: types what Temu asks (the code from their own mailbox) and presses the button the
// popup names where Unbind rings nothing (Temu's button labels are not known from a source).
import { hands, refusalAt, twinHooks, typeByPage } from '../journey.mjs';

export const ID = 'temu';
export const TEMU = 'http://www.temu.com';
export const USER = { email: 'shopper@example.com', password: 'temu-pass-1' };

export const { seedUrl, stateUrl } = twinHooks(TEMU, USER.email);

/** The code in the person's own mailbox (the twin shows it in a fixture box Unbind does not use). */
export const codeSent = (/** @type {import('puppeteer').Page} */ page) => page.$eval('#mail-code-text', (e) => e.textContent ?? '');

/** The button that sends each sign-in page's form. */
const SUBMIT = {
  'temu-login': '#continue-button',
  'temu-login-password': '#sign-in-button',
  'temu-login-verification': '#verification-submit',
};

/** @param {import('puppeteer').Page} page */
export function personFor(page) {
  const { clickAndWait, dataPage } = hands(page);
  return {
    fill: typeByPage(page, {
      'temu-login': { '#user-account': USER.email },
      'temu-login-password': { '#pwdInputInLoginDialog': USER.password },
      'temu-login-verification': { '#verification-code': () => codeSent(page) },
    }),
    async act() {
      const button = SUBMIT[/** @type {keyof SUBMIT} */ (await dataPage())];
      if (!button) return false;
      await clickAndWait(button);
      return true;
    },
    check: refusalAt(page, '#pm-error'),
  };
}
