// The Walmart person: types their e-mail, password and the one-time code their phone received (Unbind
// never does), and presses nothing else: the pointer shows what.
import { hands, refusalAt, twinHooks } from '../journey.mjs';

export const ID = 'walmart';
export const WM = 'http://www.walmart.com';
export const USER = { email: 'shopper@example.com', password: 'fixture-pass-1' };

export const { seedUrl, stateUrl } = twinHooks(WM, USER.email);

/** The code the person's phone received (the twin shows it in a fixture box Unbind does not use). */
export const codeSent = (/** @type {import('puppeteer').Page} */ page) => page.$eval('#otp-code-text', (e) => e.textContent?.trim() ?? '');

/** @param {import('puppeteer').Page} page */
export function personFor(page) {
  const { shown, type } = hands(page);
  return {
    async fill() {
      for (const [selector, value] of [
        ['#loginId', async () => USER.email],
        ['#password', async () => USER.password],
        ['#otp-code', () => codeSent(page)],
      ]) {
        if (await shown(selector)) {
          await type(selector, await value());
          return true;
        }
      }
      return false;
    },
    check: refusalAt(page, '#wallet-error', 'Walmart'),
  };
}
