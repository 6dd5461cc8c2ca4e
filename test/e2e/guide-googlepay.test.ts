// The Google Pay / Google account guide with the built extension, on the fixture twin under the real
// host names: followed only by what the popup says and what the pointer rings (see guide-journey.mjs).
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearStored, openPopup, useEnv } from '../support/env';
import { followGuide, readPopup } from '../support/guide-journey.mjs';

const PAY = 'https://pay.google.com';
const USER = 'payer@example.com';
const PASSWORD = 'fixture-pass-1';
/** Each test follows a whole guide: on a busy 2-core machine a step can take seconds. */
const SLOW = 240_000;

describe('Google Pay guide', () => {
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
  const seed = (query: string) => page.goto(`${PAY}/__test/seed?user=${USER}&${query}`, { waitUntil: 'load' });
  const state = async () => JSON.parse(await (await page.goto(`${PAY}/__test/state?user=${USER}`))!.text());
  const stepNow = async () => {
    const popup = await openPopup(env, page);
    const { current } = await readPopup(popup);
    await popup.close();
    return current;
  };

  /** The person: types what Google asks (the code from their own phone), decides about the
   *  subscription where the popup says it is theirs to decide, and never walks into a refusal. */
  const person = {
    async fill() {
      const kind = await dataPage();
      if (kind === 'signin-identifier') await type('#identifierId', USER);
      else if (kind === 'signin-password' || kind === 'signin-reauth') await type('#pw', PASSWORD);
      else if (kind === 'signin-code') await type('#idvPin', await page.$eval('#sms-code-text', (e) => e.textContent ?? ''));
      else return false;
      return true;
    },
    async act() {
      if ((await dataPage()) !== 'pay-subscription') return false;
      await clickAndWait('#cancel-subscription'); // this person cancels; another would pick another way to pay
      await clickAndWait('#confirm-cancel');
      return true;
    },
    async check(step: string) {
      const refusal = await page.$eval('#pm-error', (e) => e.textContent?.trim()).catch(() => null);
      if (refusal) throw new Error(`step ${step}: the site refused: ${refusal}`);
    },
  };
  const follow = () => followGuide({ ext: env, page, person });

  it(
    'signed out to "no payment methods": e-mail, password, the SMS code, subscriptions checked, both cards removed',
    async () => {
      await seed('cards=2&twostep=1');
      await page.goto(`${PAY}/`, { waitUntil: 'load' });
      expect(await follow()).toEqual([
        'signin',
        'password',
        'code',
        'open',
        'subscriptions',
        'remove',
        'remove',
        'remove',
        'remove',
        'finished',
      ]);
      expect(await page.$eval('#no-payment-methods', (e) => e.textContent)).toContain('No payment methods yet?');
      expect((await state()).cards).toEqual([]);
    },
    SLOW,
  );

  it(
    'a card that pays a subscription: the guide goes by Subscriptions and services first and never meets the refusal; the password is asked again',
    async () => {
      await seed('cards=1&subscription=1&signedIn=1&reauth=1');
      await page.goto(`${PAY}/gp/w/home/`, { waitUntil: 'load' });
      const met = await follow();
      expect(met.slice(0, 4)).toEqual(['open', 'subscriptions', 'subscriptions', 'subscriptions']);
      expect(met).toContain('password'); // "verify it's you" before the payment methods
      expect(met.at(-1)).toBe('finished');
      const s = await state();
      expect(s.cards).toEqual([]);
      expect(s.subscriptions[0].status).toBe('canceled');
    },
    SLOW,
  );

  it(
    'a wrong password and a wrong code: an error each, and the guide stays on that step',
    async () => {
      await seed('cards=1&twostep=1');
      await page.goto(`${PAY}/gp/w/home/paymentmethods`, { waitUntil: 'load' });
      await type('#identifierId', USER);
      await clickAndWait('#identifierNext button');
      await type('#pw', 'not-my-password');
      await clickAndWait('#passwordNext button');
      expect(await page.$eval('#password-error', (e) => e.textContent)).toContain('Wrong password');
      expect(await stepNow()).toBe('password');
      await type('#pw', PASSWORD);
      await clickAndWait('#passwordNext button');
      const code = await page.$eval('#sms-code-text', (e) => e.textContent ?? '');
      await type('#idvPin', code === '111111' ? '222222' : '111111');
      await clickAndWait('#idvPreregisteredPhoneNext button');
      expect(await page.$eval('#code-error', (e) => e.textContent)).toContain('Wrong code');
      expect(await stepNow()).toBe('code');
      // From here the guide still leads to the end.
      expect((await follow()).at(-1)).toBe('finished');
      expect((await state()).cards).toEqual([]);
    },
    SLOW,
  );
});
