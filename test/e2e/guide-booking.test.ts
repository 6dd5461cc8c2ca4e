// The Booking.com guide with the built extension, on the Booking.com twin under its real host names
// (https, as HSTS makes Chromium use): followed only by what the popup says and what the pointer rings.
// No source names the control that removes a saved card, so Unbind rings nothing there and the person
// does what the popup says.
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { followGuide, readPopup } from '../support/guide-journey.mjs';
import { clearStored, openPopup, useEnv } from '../support/env';

const WWW = 'https://www.booking.com';
const ACCOUNT = 'https://account.booking.com';
const USER = { email: 'traveller@example.com', password: 'Booking-pass-1' };
/** Each test is about ten popup round trips: well under a minute on an idle machine, more on a busy one. */
const SLOW = 180_000;

describe('Booking.com guide', () => {
  const env = useEnv();
  let page: Page;

  beforeEach(async () => {
    env.server.reset();
    page = await env.browser.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCookies');
    await cdp.detach();
    await clearStored(env);
    return async () => {
      await page.close();
    };
  });

  const dataPage = () => page.$eval('body', (b) => b.dataset.page ?? '');
  const state = () => page.evaluate(async (u) => (await fetch(`/__test/state?user=${u}`)).json(), USER.email);
  const type = async (selector: string, text: string) => {
    await page.click(selector, { count: 3 });
    await page.type(selector, text);
  };
  const clickAndWait = (selector: string) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  const popupNow = async () => {
    const popup = await openPopup(env, page);
    const g = await readPopup(popup);
    const left = await popup.$eval('[data-testid=guide-cards-left]', (e) => e.textContent).catch(() => null);
    await popup.close();
    return { ...g, left };
  };

  /** Removes the first card it may, as the popup says (press its remove option, then confirm). */
  async function removeOne() {
    if (await page.$('#remove-card-dialog[open]')) await clickAndWait('#confirm-remove');
    else await clickAndWait('#payment-card-list .remove-card');
  }

  /** The person: types what Booking.com asks (Unbind never does), removes cards where nothing is
   *  ringed, and never meets a refusal. */
  const person = {
    async fill() {
      const kind = await dataPage();
      if (kind === 'sign-in') await type('#username', USER.email);
      else if (kind === 'sign-in-password') await type('#password', USER.password);
      else if (kind === 'sign-in-verification') await type('#sms_code', await page.$eval('#sms-code-text', (e) => e.textContent!.trim()));
      else return false;
      return true;
    },
    async act(step: string) {
      if (step !== 'remove' || (await dataPage()) !== 'mysettings-payment') return false;
      await removeOne();
      return true;
    },
    async check(step: string) {
      const refusal = await page.$eval('#payment-error', (e) => e.textContent!.trim()).catch(() => null);
      if (refusal) throw new Error(`step ${step}: Booking.com refused: ${refusal}`);
    },
  };
  const follow = () => followGuide({ ext: env, page, person });

  it(
    'from the home page, signed out, through the code for a new device, to no saved card left',
    async () => {
      await page.goto(`${WWW}/__test/seed?cards=2&verify=1&next=/`, { waitUntil: 'load' });
      const met = await follow();
      // Nothing to ring on the home page: the popup opens the account; then the e-mail, the password, the
      // code; "Manage payment details"; each card removed and confirmed by the person.
      expect(met).toEqual(['signin', 'signin', 'signin', 'verify', 'settings', 'remove', 'remove', 'remove', 'remove', 'finished']);
      expect(await dataPage()).toBe('mysettings-payment');
      expect(await page.$('[data-testid="payment-instrument"]')).toBeNull();
      expect((await state()).cards).toEqual([]);
      const popup = await openPopup(env, page);
      expect(await popup.$eval('[data-testid=cards] [data-guide=booking] [data-testid=cards-state]', (e) => e.textContent)).toBe(
        'No card left',
      );
      await popup.close();
    },
    SLOW,
  );

  it(
    'a card an upcoming stay needs is kept: the popup stays on removing, with the card counted, never “finished”',
    async () => {
      await page.goto(`${ACCOUNT}/__test/seed?cards=2&stay=1&signin=1&next=/mysettings/payment`, { waitUntil: 'load' });
      let g = await popupNow();
      expect(g.current).toBe('remove');
      expect(g.left).toContain('2');
      await removeOne(); // the first row: the stay's card
      await removeOne();
      expect(await page.$eval('#payment-error', (e) => e.textContent)).toMatch(/upcoming booking/);
      await page.goto(`${ACCOUNT}/mysettings/payment`, { waitUntil: 'load' });
      await page.click('#payment-card-list li:nth-child(2) .remove-card');
      await page.waitForSelector('#remove-card-dialog[open]');
      await clickAndWait('#confirm-remove');
      g = await popupNow();
      expect(g.current).toBe('remove');
      expect(g.finished).toBe(false);
      expect(g.left).toContain('1');
      expect((await state()).cards).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'a wrong password, then a wrong code: the popup stays on the right step, and the guide still finishes',
    async () => {
      await page.goto(`${WWW}/__test/seed?cards=1&verify=1&next=/`, { waitUntil: 'load' });
      await page.goto(`${ACCOUNT}/mysettings`, { waitUntil: 'load' });
      expect(await dataPage()).toBe('sign-in');
      await type('#username', USER.email);
      await clickAndWait('button[type=submit]');
      await type('#password', 'not-my-password');
      await clickAndWait('button[type=submit]');
      expect(await page.$eval('#password-note', (e) => e.textContent)).toMatch(/doesn.t match/);
      expect((await popupNow()).current).toBe('signin');
      await type('#password', USER.password);
      await clickAndWait('button[type=submit]');
      const code = await page.$eval('#sms-code-text', (e) => e.textContent!.trim());
      await type('#sms_code', code === '000000' ? '111111' : '000000');
      await clickAndWait('form .bui-spacer > button');
      expect(await page.$('#sms_code-note')).not.toBeNull();
      expect((await popupNow()).current).toBe('verify');
      const met = await follow();
      expect(met.at(-1)).toBe('finished');
      expect((await state()).cards).toEqual([]);
    },
    SLOW,
  );
});
