// The eBay person: types their e-mail and password where eBay asks (Unbind never does), and presses
// nothing else: the pointer shows what.
import { hands, refusalAt, twinHooks } from '../journey.mjs';

export const ID = 'ebay';
export const WWW = 'http://www.ebay.com';
export const SETTINGS = 'http://accountsettings.ebay.com';
export const USER = { email: 'shopper@example.com', password: 'fixture-pass-1' };

export const { seedUrl, stateUrl } = twinHooks(WWW, USER.email);

/** @param {import('puppeteer').Page} page */
export function personFor(page) {
  const { shown, type } = hands(page);
  return {
    async fill() {
      let typed = false;
      if (await shown('#userid')) {
        await type('#userid', USER.email);
        typed = true;
      }
      if (await shown('#pass')) {
        await type('#pass', USER.password);
        typed = true;
      }
      return typed;
    },
    check: refusalAt(page, '#payments-error', 'eBay'),
  };
}
