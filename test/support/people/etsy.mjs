// The Etsy person: types what Etsy asks (Unbind never does), sends the code for a new browser where
// nothing is ringed, and never meets a refusal.
import { hands, refusalAt, twinHooks, typeByPage } from '../journey.mjs';

export const ID = 'etsy';
/** Over https, as HSTS makes Chromium use. */
export const ETSY = 'https://www.etsy.com';
export const USER = { email: 'shopper@example.com', password: 'etsy-pass-1' };

export const { seedUrl, stateUrl } = twinHooks(ETSY, USER.email);

/** The code sent for a new browser, on the person's phone (the twin shows it in a fixture box Unbind does not use). */
export const codeSent = (/** @type {import('puppeteer').Page} */ page) => page.$eval('#sms-code-text', (e) => e.textContent?.trim() ?? '');

/** @param {import('puppeteer').Page} page */
export function personFor(page) {
  const { clickAndWait, dataPage } = hands(page);
  return {
    fill: typeByPage(page, {
      signin: { '#join_neu_email_field': USER.email, '#join_neu_password_field': USER.password },
      'signin-verify': { '#verification-code': () => codeSent(page) },
    }),
    async act() {
      if ((await dataPage()) !== 'signin-verify') return false;
      await clickAndWait('#verify-submit'); // the popup says: type the code and continue
      return true;
    },
    check: refusalAt(page, '#cards-error, #billing-error', 'Etsy'),
  };
}
