// The Shop Pay guide with the built extension, on the shop.app twin over https under its real host name,
// followed only by what the popup says and what the pointer rings: from signing in (e-mail, a six-digit
// code) to "no card left"; a card paying a subscription (Shop's notice that the subscription goes on,
// then Delete: the guide leads through it, never into an error); a wrong code, where the guide stays on
// the step.
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { followGuide, readPopup } from '../support/guide-journey.mjs';
import { clearStored, openPopup, useEnv } from '../support/env';

const SHOP = 'https://shop.app';
const EMAIL = 'shopper@example.com';

// Generous per test: the machine running the suite may be shared; an idle one needs a fraction of it.
describe('Shop Pay guide', { timeout: 150_000 }, () => {
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

  const type = async (selector: string, value: string) => {
    await page.click(selector, { count: 3 });
    await page.type(selector, value);
  };
  const clickAndWait = (selector: string) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  const state = () => page.evaluate(async () => (await fetch('/__test/state')).json());
  const stepNow = async () => {
    const popup = await openPopup(env, page);
    const { current } = await readPopup(popup);
    await popup.close();
    return current;
  };

  /** A Shop customer: types the e-mail, reads the code on their own phone (the twin shows it in a
   *  fixture box Unbind does not use), confirms it; notes Shop's subscription notice when it shows. */
  const person = (seen: { subscriptionNotice: boolean }) => ({
    async fill(step: string) {
      if (step === 'signin' && (await page.$('#login-email'))) {
        await type('#login-email', EMAIL);
        return true;
      }
      if (step === 'verify') {
        const code = await page.$eval('#fixture-code', (e) => e.textContent?.trim() ?? '');
        await type('#verification-code', code);
        return true;
      }
      return false;
    },
    async act(step: string) {
      // "Type the six-digit code ... and confirm it": nothing to ring, the person confirms.
      if (step !== 'verify') return false;
      await clickAndWait('#verify-button');
      return true;
    },
    async check(step: string) {
      if (await page.$('#subscriptions-dialog[open]')) seen.subscriptionNotice = true;
      const error = await page.$eval('#account-error', (e) => e.textContent?.trim()).catch(() => null);
      if (error) throw new Error(`step ${step}: the site said: ${error}`);
    },
  });

  it('from shop.app, signed out, to "no card left": e-mail, the code, the account icon, each card and Delete', async () => {
    await page.goto(`${SHOP}/__test/seed?cards=2&signin=0&next=/`, { waitUntil: 'load' });
    const seen = { subscriptionNotice: false };
    const met = await followGuide({ ext: env, page, person: person(seen) });
    expect(met).toEqual(['signin', 'signin', 'verify', 'account', 'remove', 'remove', 'remove', 'remove', 'finished']);
    expect((await state()).cards).toEqual([]);
    expect(await page.$('#no-cards')).not.toBeNull();
    const popup = await openPopup(env, page);
    expect(await popup.$('[data-testid=guide-finished]')).not.toBeNull();
    expect((await readPopup(popup)).steps).toEqual(['signin:done', 'verify:done', 'account:done', 'remove:done']);
    await popup.close();
  });

  it('a card paying a subscription: Shop says the subscription is not cancelled, Delete goes on; it keeps billing', async () => {
    await page.goto(`${SHOP}/__test/seed?cards=2&subscription=1&next=/`, { waitUntil: 'load' });
    const seen = { subscriptionNotice: false };
    const met = await followGuide({ ext: env, page, person: person(seen) });
    // The card, Delete, Shop's notice (Delete again), then the other card and its Delete.
    expect(met).toEqual(['account', 'remove', 'remove', 'remove', 'remove', 'remove', 'finished']);
    expect(seen.subscriptionNotice).toBe(true);
    const s = await state();
    expect(s.cards).toEqual([]);
    expect(s.subscriptions).toEqual([expect.objectContaining({ active: true, card: expect.objectContaining({ last4: '4242' }) })]);
    expect(s.mail[0].text).toMatch(/subscriptions weren't cancelled/);
  });

  it('a wrong code: an error, the guide stays on "Verify your identity", then goes on to the end', async () => {
    await page.goto(`${SHOP}/__test/seed?cards=1&signin=0&next=/accounts/login`, { waitUntil: 'load' });
    await type('#login-email', EMAIL);
    await clickAndWait('#continue-button');
    const code = await page.$eval('#fixture-code', (e) => e.textContent?.trim() ?? '');
    await type('#verification-code', code === '000000' ? '111111' : '000000');
    await clickAndWait('#verify-button');
    expect(await page.$eval('#code-error', (e) => e.textContent)).toMatch(/isn’t right/);
    expect(await stepNow()).toBe('verify');
    const met = await followGuide({ ext: env, page, person: person({ subscriptionNotice: false }) });
    expect(met).toEqual(['verify', 'account', 'remove', 'remove', 'finished']);
    expect((await state()).cards).toEqual([]);
  });
});
