// The PayPal guide with the built extension, on the PayPal twin under its real host name (over https:
// www.paypal.com is HSTS-preloaded). The person follows only what the popup says and what the pointer
// rings; they type their e-mail, password and the code from their phone, which Unbind never does.
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { followGuide, readPopup, settle } from '../support/guide-journey.mjs';
import { clearStored, openPopup, useEnv } from '../support/env';

const PP = 'https://www.paypal.com';
const USER = { email: 'payer@example.com', password: 'fixture-pass-1' };
/** About 15 s each on an idle 2-core machine; room for a machine busy with other work. */
const SLOW = 240_000;

describe('PayPal guide', () => {
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
  const type = async (selector: string, text: string) => {
    await page.click(selector, { count: 3 });
    await page.type(selector, text);
  };
  /** The account as the twin's test hook reports it (the text message is what the person's phone shows). */
  // biome-ignore lint/suspicious/noExplicitAny: an untyped JSON document from the fixture server
  const state = (): Promise<any> =>
    page.evaluate(async (u) => (await fetch(`/__test/state?user=${encodeURIComponent(u)}`)).json(), USER.email);
  const seed = (query: string) => page.goto(`${PP}/__test/seed?user=${USER.email}&${query}&next=/`, { waitUntil: 'load' });
  const stepNow = async () => {
    const popup = await openPopup(env, page);
    const { current } = await readPopup(popup);
    await popup.close();
    return current;
  };

  /** What a person does: types what PayPal asks (the code comes from their phone); never presses Remove on
   *  a card the site then refuses. */
  const person = {
    async fill() {
      const kind = await dataPage();
      if (kind === 'signin-email') await type('#email', USER.email);
      else if (kind === 'signin-password') await type('#password', USER.password);
      else if (kind === 'security-code') await type('#otpCode', (await state()).textMessage.code);
      else return false;
      return true;
    },
    async check(step: string) {
      const refusal = await page.$eval('#wallet-error', (e) => e.textContent?.trim()).catch(() => null);
      if (refusal) throw new Error(`step ${step}: PayPal refused: ${refusal}`);
    },
  };
  const follow = () => followGuide({ ext: env, page, person });

  it(
    'from the home page to "no card": log in, the security code, the Wallet, both cards removed',
    async () => {
      await seed('cards=2&twoStep=1');
      expect(await dataPage()).toBe('home');
      const met = await follow();
      expect(met).toEqual([
        'login',
        'signin', // e-mail, Next
        'signin', // password, Log In
        'security', // Receive a text, Next
        'security', // the code, Submit
        'wallet',
        'card',
        'remove', // Remove card
        'remove', // Remove, in the dialog
        'card',
        'remove',
        'remove',
        'finished',
      ]);
      expect((await state()).cards).toEqual([]);
      expect(await dataPage()).toBe('wallet');
      // Remembered: the popup says so on another PayPal page too, and "Where your cards are" agrees.
      await page.goto(`${PP}/myaccount/summary`, { waitUntil: 'load' });
      const popup = await openPopup(env, page);
      expect(await popup.$('[data-testid=guide-finished]')).not.toBeNull();
      expect(await popup.$eval('[data-testid=cards] [data-guide=paypal] [data-testid=cards-state]', (e) => e.textContent)).toBe(
        'No card left',
      );
      await popup.close();
    },
    SLOW,
  );

  it(
    'the preferred card, listed first, is left for last: PayPal never refuses, and a subscription is warned about',
    async () => {
      // Card 1 is preferred (PayPal keeps it while other cards remain); card 2 pays an automatic payment.
      await seed('cards=3&preferred=1&subscription=2');
      await page.goto(`${PP}/myaccount/money`, { waitUntil: 'load' });
      const removed: string[] = [];
      const watch = async () => {
        const card = await page.$eval('#card-details', (e) => e.getAttribute('data-card')).catch(() => null);
        if (card && !removed.includes(card)) removed.push(card);
      };
      const met = await followGuide({
        ext: env,
        page,
        person: {
          ...person,
          async check(step: string) {
            await person.check(step);
            await watch();
          },
        },
      });
      expect(met.at(-1)).toBe('finished');
      expect(removed).toEqual(['4444', '1881', '4242']); // the preferred Visa 4242 last
      const s = await state();
      expect(s.cards).toEqual([]);
      expect(s.cancelled).toEqual(['StreamBox Media']);
    },
    SLOW,
  );

  it(
    'a wrong password and a wrong code: the site says so and the guide stays on the step',
    async () => {
      await seed('cards=1&twoStep=1');
      await page.goto(`${PP}/signin`, { waitUntil: 'load' });
      await type('#email', USER.email);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#btnNext')]);
      await type('#password', 'not-my-password');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#btnLogin')]);
      expect(await page.$eval('#signin-error', (e) => e.textContent)).toContain("Some of your info isn't correct.");
      expect(await stepNow()).toBe('signin');
      await type('#password', USER.password);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#btnLogin')]);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#security-next')]);
      const right = (await state()).textMessage.code as string;
      await type('#otpCode', right === '123456' ? '654321' : '123456');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#security-submit')]);
      expect(await page.$('#security-error')).not.toBeNull();
      expect(await stepNow()).toBe('security');
      // From here the guide still leads to the end.
      await settle(page);
      const met = await follow();
      expect(met[0]).toBe('security');
      expect(met.at(-1)).toBe('finished');
      expect((await state()).cards).toEqual([]);
    },
    SLOW,
  );
});
