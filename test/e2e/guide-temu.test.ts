// The Temu guide with the built extension, on the fixture twin under www.temu.com: followed only by
// what the popup says and what the pointer rings (see guide-journey.mjs).
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearStored, openPopup, useEnv } from '../support/env';
import { followGuide, readPopup } from '../support/guide-journey.mjs';

const TEMU = 'http://www.temu.com';
const USER = 'shopper@example.com';
const PASSWORD = 'temu-pass-1';
/** Each test follows a whole guide: on a busy 2-core machine a step can take seconds. */
const SLOW = 240_000;

describe('Temu guide', () => {
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
  const type = async (selector: string, value: string) => {
    await page.click(selector, { count: 3 });
    await page.type(selector, value);
  };
  const clickAndWait = (selector: string) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  const seed = (query: string) => page.goto(`${TEMU}/__test/seed?user=${USER}&${query}`, { waitUntil: 'load' });
  const state = async () => JSON.parse(await (await page.goto(`${TEMU}/__test/state?user=${USER}`))!.text());
  const stepNow = async () => {
    const popup = await openPopup(env, page);
    const { current } = await readPopup(popup);
    await popup.close();
    return current;
  };

  /** The person: types what Temu asks (the code from their own mailbox) and presses the button the
   *  popup names where Unbind rings nothing (Temu's button labels are not known from a source). */
  const person = {
    async fill() {
      const kind = await dataPage();
      if (kind === 'temu-login') await type('#user-account', USER);
      else if (kind === 'temu-login-password') await type('#pwdInputInLoginDialog', PASSWORD);
      else if (kind === 'temu-login-verification')
        await type('#verification-code', await page.$eval('#mail-code-text', (e) => e.textContent ?? ''));
      else return false;
      return true;
    },
    async act() {
      const button = {
        'temu-login': '#continue-button',
        'temu-login-password': '#sign-in-button',
        'temu-login-verification': '#verification-submit',
      }[await dataPage()];
      if (!button) return false;
      await clickAndWait(button);
      return true;
    },
    async check(step: string) {
      const refusal = await page.$eval('#pm-error', (e) => e.textContent?.trim()).catch(() => null);
      if (refusal) throw new Error(`step ${step}: the site refused: ${refusal}`);
    },
  };
  const follow = () => followGuide({ ext: env, page, person });

  it(
    'a visitor to "no card": the promo closed, sign-in, the new-device code, the account menu, both cards deleted',
    async () => {
      await seed('cards=2&verify=1');
      await page.goto(`${TEMU}/`, { waitUntil: 'load' });
      expect(await follow()).toEqual([
        'open',
        'open',
        'signin',
        'password',
        'verify',
        'open',
        'open',
        'remove',
        'remove',
        'remove',
        'remove',
        'finished',
      ]);
      expect(await page.$('#card-list')).toBeNull();
      expect((await state()).cards).toEqual([]);
    },
    SLOW,
  );

  it(
    'the default card listed first: the guide rings the others first and Temu never refuses',
    async () => {
      await seed('cards=3&signedIn=1');
      await page.goto(`${TEMU}/bgp_payment_methods.html`, { waitUntil: 'load' });
      const met = await follow();
      expect(met.filter((s) => s === 'remove')).toHaveLength(6); // Delete and its confirmation, three times
      expect(met.at(-1)).toBe('finished');
      expect((await state()).cards).toEqual([]);
    },
    SLOW,
  );

  it(
    'a wrong password and a wrong code: an error each, and the guide stays on that step',
    async () => {
      await seed('cards=1&verify=1');
      await page.goto(`${TEMU}/bgp_payment_methods.html`, { waitUntil: 'load' });
      await type('#user-account', USER);
      await clickAndWait('#continue-button');
      await type('#pwdInputInLoginDialog', 'not-my-password');
      await clickAndWait('#sign-in-button');
      expect(await page.$eval('#login-error', (e) => e.textContent)).toContain('Incorrect password');
      expect(await stepNow()).toBe('password');
      await type('#pwdInputInLoginDialog', PASSWORD);
      await clickAndWait('#sign-in-button');
      const code = await page.$eval('#mail-code-text', (e) => e.textContent ?? '');
      await type('#verification-code', code === '111111' ? '222222' : '111111');
      await clickAndWait('#verification-submit');
      expect(await page.$eval('#verification-error', (e) => e.textContent)).toContain('incorrect');
      expect(await stepNow()).toBe('verify');
      expect((await follow()).at(-1)).toBe('finished');
      expect((await state()).cards).toEqual([]);
    },
    SLOW,
  );
});
