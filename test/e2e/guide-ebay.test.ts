// The eBay removal guide with the built extension, on the eBay twin under its real host names, followed
// only by what the popup's current step says and what the pointer rings. The person types their e-mail
// and password where eBay asks (Unbind never does).
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { followGuide, readPopup } from '../support/guide-journey.mjs';
import { clearStored, openPopup, useEnv } from '../support/env';
import { askTwin } from '../support/site-client';

const WWW = 'http://www.ebay.com';
const SETTINGS = 'http://accountsettings.ebay.com';
const USER = { email: 'shopper@example.com', password: 'fixture-pass-1' };

describe('eBay guide', () => {
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

  const seed = (query: string, next = '/') =>
    page.goto(`${WWW}/__test/seed?${query}&next=${encodeURIComponent(next)}`, { waitUntil: 'load' });
  const shown = (selector: string) => page.$eval(selector, (e) => (e as HTMLElement).offsetParent !== null).catch(() => false);
  const type = async (selector: string, value: string) => {
    await page.click(selector, { count: 3 });
    await page.type(selector, value);
  };
  /** The account as the twin's test hook reports it. */
  const state = (): Promise<{ cards: { last4: string; preferred: boolean }[] }> =>
    askTwin(env.server.port, `${WWW}/__test/state?user=${encodeURIComponent(USER.email)}`);
  const stepNow = async () => {
    const popup = await openPopup(env, page);
    const { current } = await readPopup(popup);
    await popup.close();
    return current;
  };

  /** Types what eBay asks on its sign-in page; never presses anything (the pointer shows what). */
  const person = {
    async fill() {
      let typed = false;
      if (await shown('#userid')) {
        await type('#userid', USER.email);
        typed = true;
      }
      if (await shown('#pass')) {
        await type('#pass', USER.password);
        typed = true;
      }
      return typed;
    },
    async check(step: string) {
      const refusal = await page.$eval('#payments-error', (e) => e.textContent).catch(() => null);
      if (refusal) throw new Error(`step ${step}: eBay refused: ${refusal}`);
    },
  };
  const follow = () => followGuide({ ext: env, page, person });

  // The longest journey (14 steps, two popup openings each): more time than the suite's 60 s default when
  // the machine is busy.
  it('from signed out to "no card left": sign-in, passkey offer, the password again, both cards removed', async () => {
    await seed('cards=2&signedIn=0');
    const met = await follow();
    expect(met).toEqual([
      'account', // My eBay
      'signin', // e-mail, Continue
      'signin', // password, Sign in
      'signin', // the passkey offer: Skip for now
      'account', // the Account tab
      'payments',
      'signin', // the password again
      'manage', // the other card first: the preferred one goes last
      'remove',
      'remove',
      'manage',
      'remove',
      'remove',
      'finished',
    ]);
    expect((await state()).cards).toEqual([]);
    expect(await page.$('#no-options')).not.toBeNull();
  }, 180_000);

  it('eBay keeps the card preferred for selling costs while others are on file; the guide removes it last', async () => {
    await seed('cards=2&reauth=1');
    await page.goto(`${SETTINGS}/payments`, { waitUntil: 'load' });
    // The site's refusal, met by pressing Remove on the preferred card on one's own.
    const preferred = await page.$eval('.option:has(.badge) .manage-option', (b) => b.closest('form')!.querySelector('input')!.value);
    await page.goto(`${SETTINGS}/payments?remove=${preferred}`, { waitUntil: 'load' });
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#confirm-remove')]);
    expect(await page.$eval('#payments-error', (e) => e.textContent)).toMatch(/preferred for selling costs/);
    // Following the guide never leads there: the other card goes first.
    const met = await follow();
    expect(met).toEqual(['manage', 'remove', 'remove', 'manage', 'remove', 'remove', 'finished']);
    expect(met.at(-1)).toBe('finished');
    expect((await state()).cards).toEqual([]);
  });

  it('a wrong password when eBay asks again: an error, still the sign-in step, then the guide goes on', async () => {
    await seed('cards=1');
    await page.goto(`${SETTINGS}/payments`, { waitUntil: 'load' });
    expect(await shown('#pass')).toBe(true);
    await type('#pass', 'not-my-password');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#sgnBt')]);
    expect(await page.$eval('#signin-error', (e) => e.textContent)).toMatch(/not a match/);
    expect(await stepNow()).toBe('signin');
    const met = await follow();
    expect(met).toEqual(['signin', 'manage', 'remove', 'remove', 'finished']);
    expect((await state()).cards).toEqual([]);
  });
});
