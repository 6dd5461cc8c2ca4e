// The Amazon person: types their e-mail, password and the one-time password from their phone where
// Amazon asks (Unbind never does), on any of the country domains, and never walks into a refusal.
import { refusalAt, textedCode, twinHooks, typeByPage } from '../journey.mjs';

export const ID = 'amazon';
/** Over https: www.amazon.com is HSTS-preloaded. The other country domains (https://www.amazon.de…) share
 *  its accounts: a seed may open `next` on any of them. */
export const HOME = 'https://www.amazon.com';
export const USER = { email: 'shopper@example.com', password: 'fixture-pass-1' };

export const { seedUrl, stateUrl } = twinHooks(HOME, USER.email);

/** The one-time password the person's phone shows: the text message Amazon sent for this browser's sign-in. */
export const codeSent = (/** @type {import('puppeteer').Page} */ page) => textedCode(page, USER.email);

/** @param {import('puppeteer').Page} page */
export function personFor(page) {
  return {
    fill: typeByPage(page, {
      'signin-email': { '#ap_email': USER.email },
      'signin-password': { '#ap_password': USER.password },
      mfa: { '#auth-mfa-otpcode': () => codeSent(page) },
    }),
    check: refusalAt(page, '#wallet-error', 'Amazon'),
  };
}
