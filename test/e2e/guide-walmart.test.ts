// The Walmart removal guide with the built extension, on the Walmart twin under its real host name,
// followed only by what the popup's current step says and what the pointer rings. The person types their
// e-mail, password and the one-time code from their phone (Unbind never does).
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { followGuide, readPopup } from '../support/guide-journey.mjs';
import { clearStored, openPopup, useEnv } from '../support/env';
import { askTwin } from '../support/site-client';

const WM = 'http://www.walmart.com';
const USER = { email: 'shopper@example.com', password: 'fixture-pass-1' };

describe('Walmart guide', () => {
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
    page.goto(`${WM}/__test/seed?${query}&next=${encodeURIComponent(next)}`, { waitUntil: 'load' });
  const shown = (selector: string) => page.$eval(selector, (e) => (e as HTMLElement).offsetParent !== null).catch(() => false);
  const type = async (selector: string, value: string) => {
    await page.click(selector, { count: 3 });
    await page.type(selector, value);
  };
  const submit = (selector: string) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  const state = (): Promise<{ cards: { last4: string; plus: boolean }[] }> =>
    askTwin(env.server.port, `${WM}/__test/state?user=${encodeURIComponent(USER.email)}`);
  const stepNow = async () => {
    const popup = await openPopup(env, page);
    const { current } = await readPopup(popup);
    await popup.close();
    return current;
  };

  /** Types what Walmart asks: e-mail, password, and the code the phone received; never presses anything. */
  const person = {
    async fill() {
      for (const [selector, value] of [
        ['#loginId', USER.email],
        ['#password', USER.password],
      ] as const) {
        if (await shown(selector)) {
          await type(selector, value);
          return true;
        }
      }
      if (await shown('#otp-code')) {
        await type('#otp-code', await page.$eval('#otp-code-text', (e) => e.textContent!.trim()));
        return true;
      }
      return false;
    },
    async check(step: string) {
      const refusal = await page.$eval('#wallet-error', (e) => e.textContent).catch(() => null);
      if (refusal) throw new Error(`step ${step}: Walmart refused: ${refusal}`);
    },
  };
  const follow = () => followGuide({ ext: env, page, person });

  // The longest journey (14 steps, two popup openings each): more time than the suite's 60 s default when
  // the machine is busy.
  it('from signed out on a new browser to "no card left": sign-in, the one-time code, Account, Wallet, both cards deleted', async () => {
    await seed('cards=2&signedIn=0');
    const met = await follow();
    expect(met).toEqual([
      'account', // the Account button opens its menu…
      'account', // …with "Sign in or create account"
      'signin', // e-mail, Continue
      'signin', // password, Sign in
      'verify', // Send Code
      'verify', // the code, Verify
      'account', // back home signed in: the Account button…
      'account', // …and Account in its menu
      'wallet',
      'remove', // Delete
      'remove', // and confirm
      'remove',
      'remove',
      'finished',
    ]);
    expect((await state()).cards).toEqual([]);
    expect(await page.$('[data-testid="carousel-container"]')).toBeNull();
  }, 180_000);

  it('Walmart keeps the card paying Walmart+ while another card is saved; the guide deletes it last', async () => {
    await seed('cards=2&plus=first&trusted=1', '/wallet');
    // The site's refusal, met by deleting the Walmart+ card on one's own.
    const plusCard = await page.$eval('[data-testid="carousel-container"] li:has(.badge)', (li) => li.getAttribute('data-card-id'));
    await page.goto(`${WM}/wallet?delete=${plusCard}`, { waitUntil: 'load' });
    await submit('#confirm-delete');
    expect(await page.$eval('#wallet-error', (e) => e.textContent)).toMatch(/Walmart\+ membership/);
    // Following the guide never leads there.
    const met = await follow();
    expect(met).toEqual(['remove', 'remove', 'remove', 'remove', 'finished']);
    expect((await state()).cards).toEqual([]);
  });

  it('a wrong one-time code: an error, still the verify step, then the guide goes on', async () => {
    await seed('cards=1&signedIn=0', '/wallet');
    await type('#loginId', USER.email);
    await submit('#login-form button[type="submit"]');
    await type('#password', USER.password);
    await submit('#sign-in-form button[type="submit"]');
    await submit('#send-code');
    const code = await page.$eval('#otp-code-text', (e) => e.textContent!.trim());
    await type('#otp-code', code === '123456' ? '654321' : '123456');
    await submit('#verify-phone-otp-form button[type="submit"]');
    expect(await page.$eval('#login-alert', (e) => e.textContent)).toMatch(/didn’t work/);
    expect(await stepNow()).toBe('verify');
    const met = await follow();
    expect(met).toEqual(['verify', 'remove', 'remove', 'finished']);
    expect((await state()).cards).toEqual([]);
  });
});
