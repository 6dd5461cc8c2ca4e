// The Shop customer: types their e-mail, reads the code on their own phone (the twin shows it in a
// fixture box Unbind does not use) and confirms it; notes Shop's subscription notice when it shows.
import { hands, refusalAt, twinHooks } from '../journey.mjs';

export const ID = 'shoppay';
/** Over https: shop.app is HSTS-preloaded. */
export const SHOP = 'https://shop.app';
export const USER = { email: 'shopper@example.com' };

export const { seedUrl, stateUrl } = twinHooks(SHOP, USER.email);

/** The six-digit code on the person's phone. */
export const codeSent = (/** @type {import('puppeteer').Page} */ page) => page.$eval('#fixture-code', (e) => e.textContent?.trim() ?? '');

/** @param {import('puppeteer').Page} page */
export function personFor(page) {
  const { type, clickAndWait } = hands(page);
  const refused = refusalAt(page, '#account-error');
  /** What the person saw on the way. */
  const seen = { subscriptionNotice: false };
  return {
    seen,
    async fill(/** @type {string} */ step) {
      if (step === 'signin' && (await page.$('#login-email'))) {
        await type('#login-email', USER.email);
        return true;
      }
      if (step === 'verify') {
        await type('#verification-code', await codeSent(page));
        return true;
      }
      return false;
    },
    async act(/** @type {string} */ step) {
      // "Type the six-digit code ... and confirm it": nothing to ring, the person confirms.
      if (step !== 'verify') return false;
      await clickAndWait('#verify-button');
      return true;
    },
    async check(/** @type {string} */ step) {
      if (await page.$('#subscriptions-dialog[open]')) seen.subscriptionNotice = true;
      await refused(step);
    },
  };
}
