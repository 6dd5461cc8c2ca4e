// The Amazon guide with the built extension, on the Amazon twin under the real host names of several
// country domains (over https: www.amazon.com is HSTS-preloaded). The person follows only what the popup
// says and what the pointer rings; they type their e-mail, password and the one-time password from their
// phone, which Unbind never does.
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { followGuide, readPopup, settle } from '../support/guide-journey.mjs';
import { clearStored, openPopup, useEnv } from '../support/env';

const USER = { email: 'shopper@example.com', password: 'fixture-pass-1' };
/** About 15 s each on an idle 2-core machine; room for a machine busy with other work. */
const SLOW = 240_000;

describe('Amazon guide', () => {
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
  const clickAndWait = (selector: string) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  /** The account as the twin's test hook reports it (the text message is what the person's phone shows). */
  // biome-ignore lint/suspicious/noExplicitAny: an untyped JSON document from the fixture server
  const state = (): Promise<any> =>
    page.evaluate(async (u) => (await fetch(`/__test/state?user=${encodeURIComponent(u)}`)).json(), USER.email);
  const seed = (site: string, query: string, next = '/') =>
    page.goto(`https://${site}/__test/seed?user=${USER.email}&${query}&next=${encodeURIComponent(next)}`, { waitUntil: 'load' });
  const stepNow = async () => {
    const popup = await openPopup(env, page);
    const { current } = await readPopup(popup);
    await popup.close();
    return current;
  };

  /** What a person does: types what Amazon asks; never walks into a refusal (checked after each click). */
  const person = {
    async fill() {
      const kind = await dataPage();
      if (kind === 'signin-email') await type('#ap_email', USER.email);
      else if (kind === 'signin-password') await type('#ap_password', USER.password);
      else if (kind === 'mfa') await type('#auth-mfa-otpcode', (await state()).textMessage.code);
      else return false;
      return true;
    },
    async check(step: string) {
      const refusal = await page.$eval('#wallet-error', (e) => e.textContent?.trim()).catch(() => null);
      if (refusal) throw new Error(`step ${step}: Amazon refused: ${refusal}`);
    },
  };

  it(
    'from amazon.com\'s home page to "no card": sign-in, the one-time password, Your Payments, both cards removed',
    async () => {
      await seed('www.amazon.com', 'cards=2&twoStep=1');
      expect(await dataPage()).toBe('home');
      const met = await followGuide({ ext: env, page, person });
      expect(met).toEqual([
        'account',
        'signin', // e-mail, Continue
        'signin', // password, Sign in
        'mfa',
        'account', // back on the home page, signed in: Account & Lists opens Your Account
        'payments',
        'card',
        'remove', // Edit
        'remove', // Remove from wallet
        'remove', // Confirm remove
        'card',
        'remove',
        'remove',
        'remove',
        'finished',
      ]);
      expect((await state()).cards).toEqual([]);
      expect(await dataPage()).toBe('wallet');
      const popup = await openPopup(env, page);
      expect(await popup.$eval('[data-testid=cards] [data-guide=amazon] [data-testid=cards-state]', (e) => e.textContent)).toBe(
        'No card left',
      );
      await popup.close();
    },
    SLOW,
  );

  it(
    'on amazon.de, the default card listed first is left for last: Amazon never refuses',
    async () => {
      await seed('www.amazon.de', 'cards=3&default=1', '/cpe/yourpayments/wallet');
      expect(await dataPage()).toBe('signin-email');
      const removed: string[] = [];
      const met = await followGuide({
        ext: env,
        page,
        person: {
          ...person,
          async check(step: string) {
            await person.check(step);
            const card = await page
              .$eval('.apx-wallet-payment-method-details-section', (e) => e.getAttribute('data-card'))
              .catch(() => null);
            if (card && !removed.includes(card)) removed.push(card);
          },
        },
      });
      expect(met.at(-1)).toBe('finished');
      expect(new URL(page.url()).hostname).toBe('www.amazon.de');
      expect(removed).toEqual(['4444', '1881', '4242']); // the default Visa 4242 last
      expect((await state()).cards).toEqual([]);
    },
    SLOW,
  );

  it(
    'on amazon.co.uk, a wrong password and a wrong one-time password: the site says so and the guide stays on the step',
    async () => {
      await seed('www.amazon.co.uk', 'cards=1&twoStep=1', '/cpe/yourpayments/wallet');
      await type('#ap_email', USER.email);
      await clickAndWait('#continue');
      await type('#ap_password', 'not-my-password');
      await clickAndWait('#signInSubmit');
      expect(await page.$eval('#auth-error-message-box', (e) => e.textContent)).toContain('There was a problem');
      expect(await stepNow()).toBe('signin');
      await type('#ap_password', USER.password);
      await clickAndWait('#signInSubmit');
      const right = (await state()).textMessage.code as string;
      await type('#auth-mfa-otpcode', right === '123456' ? '654321' : '123456');
      await clickAndWait('#auth-signin-button');
      expect(await page.$('#auth-error-message-box')).not.toBeNull();
      expect(await stepNow()).toBe('mfa');
      await settle(page);
      const met = await followGuide({ ext: env, page, person });
      expect(met[0]).toBe('mfa');
      expect(met.at(-1)).toBe('finished');
      expect((await state()).cards).toEqual([]);
    },
    SLOW,
  );
});
