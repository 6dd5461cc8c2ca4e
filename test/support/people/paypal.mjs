// The PayPal person: types their e-mail, password and the code from their phone where PayPal asks
// (Unbind never does), and never presses Remove on a card the site then refuses.
import { refusalAt, textedCode, twinHooks, typeByPage } from '../journey.mjs';

export const ID = 'paypal';
/** Over https: www.paypal.com is HSTS-preloaded. */
export const PP = 'https://www.paypal.com';
export const USER = { email: 'payer@example.com', password: 'fixture-pass-1' };

export const { seedUrl, stateUrl } = twinHooks(PP, USER.email);

/** The code the person's phone shows: the text message PayPal sent for this browser's sign-in. */
export const codeSent = (/** @type {import('puppeteer').Page} */ page) => textedCode(page, USER.email);

/** @param {import('puppeteer').Page} page */
export function personFor(page) {
  return {
    fill: typeByPage(page, {
      'signin-email': { '#email': USER.email },
      'signin-password': { '#password': USER.password },
      'security-code': { '#otpCode': () => codeSent(page) },
    }),
    check: refusalAt(page, '#wallet-error', 'PayPal'),
  };
}
