// The Google Pay person: types what Google asks (the code from their own phone), decides about a
// subscription where the popup says it is theirs to decide, and never walks into a refusal.
import { hands, refusalAt, twinHooks, typeByPage } from '../journey.mjs';

export const ID = 'googlepay';
export const PAY = 'https://pay.google.com';
export const USER = { email: 'payer@example.com', password: 'fixture-pass-1' };

export const { seedUrl, stateUrl } = twinHooks(PAY, USER.email);

/** The code on the person's own phone (the twin shows it in a fixture box Unbind does not use). */
export const codeSent = (/** @type {import('puppeteer').Page} */ page) => page.$eval('#sms-code-text', (e) => e.textContent ?? '');

/** The payment-methods list's frame (payments.google.com, as on the real page), or undefined. */
export const listFrame = (/** @type {import('puppeteer').Page} */ page) =>
  page.frames().find((f) => new URL(f.url()).hostname === 'payments.google.com');

/** @param {import('puppeteer').Page} page */
export function personFor(page) {
  const { clickAndWait, dataPage } = hands(page);
  return {
    fill: typeByPage(page, {
      'signin-identifier': { '#identifierId': USER.email },
      'signin-password': { '#pw': USER.password },
      'signin-reauth': { '#pw': USER.password },
      'signin-code': { '#idvPin': () => codeSent(page) },
    }),
    async act() {
      if ((await dataPage()) !== 'pay-subscription') return false;
      await clickAndWait('#cancel-subscription'); // this person cancels; another would pick another way to pay
      await clickAndWait('#confirm-cancel');
      return true;
    },
    check: refusalAt(page, '#pm-error'),
  };
}
