// The Booking.com traveller: types what Booking.com asks (Unbind never does), including the code sent
// for a new device, and removes each card themselves: no source names the control that removes a saved
// card, so Unbind rings nothing there and the popup says what to do.
import { hands, refusalAt, twinHooks, typeByPage } from '../journey.mjs';

export const ID = 'booking';
/** Over https, as HSTS makes Chromium use. */
export const WWW = 'https://www.booking.com';
export const ACCOUNT = 'https://account.booking.com';
export const USER = { email: 'traveller@example.com', password: 'Booking-pass-1' };

export const { seedUrl, stateUrl } = twinHooks(WWW, USER.email);

/** The code sent for a new device, on the person's phone (the twin shows it in a fixture box Unbind does not use). */
export const codeSent = (/** @type {import('puppeteer').Page} */ page) => page.$eval('#sms-code-text', (e) => e.textContent?.trim() ?? '');

/** Removes the first card it may, as the popup says: its remove option, then the confirmation. */
export async function removeOne(/** @type {import('puppeteer').Page} */ page) {
  const { clickAndWait } = hands(page);
  if (await page.$('#remove-card-dialog[open]')) await clickAndWait('#confirm-remove');
  else await clickAndWait('#payment-card-list .remove-card');
}

/** @param {import('puppeteer').Page} page */
export function personFor(page) {
  const { dataPage } = hands(page);
  return {
    fill: typeByPage(page, {
      'sign-in': { '#username': USER.email },
      'sign-in-password': { '#password': USER.password },
      'sign-in-verification': { '#sms_code': () => codeSent(page) },
    }),
    async act(step) {
      if (step !== 'remove' || (await dataPage()) !== 'mysettings-payment') return false;
      await removeOne(page);
      return true;
    },
    check: refusalAt(page, '#payment-error', 'Booking.com'),
  };
}
