// The SHEIN customer: types the e-mail and passwords the site asks for (Unbind never does), settles an
// order awaiting payment when the popup says a greyed-out Delete means one, and never meets a refusal.
import { hands, refusalAt, twinHooks } from '../journey.mjs';

export const ID = 'shein';
export const SHEIN = 'http://www.shein.com';
export const USER = { email: 'shopper@example.com', password: 'fixture-pass-1' };

export const { seedUrl, stateUrl } = twinHooks(SHEIN, USER.email);

/** @param {import('puppeteer').Page} page */
export function personFor(page) {
  const { shown, type, clickAndWait } = hands(page);
  return {
    async fill(step) {
      if (step === 'signin') {
        if (await shown('#login-password')) await type('#login-password', USER.password);
        else await type('#login-email', USER.email);
        return true;
      }
      if (step === 'verify' && (await shown('#confirm-password'))) {
        await type('#confirm-password', USER.password);
        return true;
      }
      return false;
    },
    async act(step) {
      // "If a card's Delete is greyed out ... pay or cancel that order in My Orders first."
      if (step !== 'remove' || !(await page.$('.card-delete[disabled]'))) return false;
      await page.goto(`${SHEIN}/user/orders/list`, { waitUntil: 'load' });
      await clickAndWait('.order-row[data-status=Unpaid] .cancel-order');
      return true;
    },
    check: refusalAt(page, '#cards-error'),
  };
}
