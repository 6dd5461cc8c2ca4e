// The SHEIN guide with the built extension, on the SHEIN twin under its real host names, followed only
// by what the popup says and what the pointer rings: from signing in to "no card left"; a card paying an
// order awaiting payment (the guide never rings its Delete; the person settles the order as the popup
// says); wrong passwords, where the guide stays on the step.
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { followGuide, readPopup, settle } from '../support/guide-journey.mjs';
import { clearStored, openPopup, useEnv } from '../support/env';

const SHEIN = 'http://www.shein.com';
const USER = { email: 'shopper@example.com', password: 'fixture-pass-1' };

// Generous per test: the machine running the suite may be shared; an idle one needs a fraction of it.
describe('SHEIN guide', { timeout: 150_000 }, () => {
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

  const visible = (selector: string) =>
    page.$eval(selector, (e) => !!(e as HTMLElement).offsetParent || (e as HTMLElement).getClientRects().length > 0).catch(() => false);
  const type = async (selector: string, value: string) => {
    await page.click(selector, { count: 3 });
    await page.type(selector, value);
  };
  const state = () => page.evaluate(async () => (await fetch('/__test/state')).json());
  const stepNow = async () => {
    const popup = await openPopup(env, page);
    const { current } = await readPopup(popup);
    await popup.close();
    return current;
  };

  /** A SHEIN customer: types the e-mail and passwords the site asks for, settles an order awaiting
   *  payment when the popup says a greyed-out Delete means one, and never meets a refusal. */
  const person = (password = USER.password) => ({
    async fill(step: string) {
      if (step === 'signin') {
        if (await visible('#login-password')) await type('#login-password', password);
        else await type('#login-email', USER.email);
        return true;
      }
      if (step === 'verify' && (await visible('#confirm-password'))) {
        await type('#confirm-password', password);
        return true;
      }
      return false;
    },
    async act(step: string) {
      // "If a card's Delete is greyed out ... pay or cancel that order in My Orders first."
      if (step !== 'remove' || !(await page.$('.card-delete[disabled]'))) return false;
      await page.goto(`${SHEIN}/user/orders/list`, { waitUntil: 'load' });
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.order-row[data-status=Unpaid] .cancel-order')]);
      return true;
    },
    async check(step: string) {
      const refusal = await page.$eval('#cards-error', (e) => e.textContent?.trim()).catch(() => null);
      if (refusal) throw new Error(`step ${step}: the site refused: ${refusal}`);
    },
  });

  it('from the home page, signed out, to "no card left": sign-in in two stages, the password for each card', async () => {
    await page.goto(`${SHEIN}/__test/seed?cards=2&signin=0&next=/`, { waitUntil: 'load' });
    const met = await followGuide({ ext: env, page, person: person() });
    expect(met).toEqual(['account', 'signin', 'signin', 'account', 'cards', 'remove', 'verify', 'remove', 'verify', 'finished']);
    expect((await state()).cards).toEqual([]);
    expect(await page.$('#no-cards')).not.toBeNull();
    const popup = await openPopup(env, page);
    expect(await popup.$('[data-testid=guide-finished]')).not.toBeNull();
    expect((await readPopup(popup)).steps).toEqual(['account:done', 'signin:done', 'cards:done', 'remove:done', 'verify:done']);
    await popup.close();
  });

  it('a card paying an order awaiting payment: its Delete is never ringed; the order is cancelled as the popup says, then it goes', async () => {
    await page.goto(`${SHEIN}/__test/seed?cards=2&pending=1&next=/`, { waitUntil: 'load' });
    const met = await followGuide({ ext: env, page, person: person() });
    // The free card first; then nothing to ring (the person cancels the order); back to the list.
    expect(met).toEqual(['account', 'cards', 'remove', 'verify', 'remove', 'cards', 'remove', 'verify', 'finished']);
    const s = await state();
    expect(s.cards).toEqual([]);
    expect(s.orders.map((o: { status: string }) => o.status)).toEqual(['Paid', 'Canceled']);
  });

  it('wrong passwords, at sign-in and to confirm: an error, the guide stays on the step, then goes on', async () => {
    await page.goto(`${SHEIN}/__test/seed?cards=1&signin=0&next=/user/payment-options`, { waitUntil: 'load' });
    expect(new URL(page.url()).pathname).toBe('/user/auth/login');
    await type('#login-email', USER.email);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#continue-button')]);
    await type('#login-password', 'not-my-password');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#sign-in-submit')]);
    expect(await page.$eval('#login-password-error', (e) => e.textContent)).toMatch(/Incorrect/);
    expect(await stepNow()).toBe('signin');
    await type('#login-password', USER.password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#sign-in-submit')]);
    expect(await stepNow()).toBe('remove');

    await page.click('.card-delete');
    await settle(page);
    await type('#confirm-password', 'not-my-password');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#confirm-delete')]);
    expect(await page.$eval('#delete-card-error', (e) => e.textContent)).toMatch(/Incorrect password/);
    expect(await stepNow()).toBe('verify');
    expect((await state()).cards).toHaveLength(1);

    const met = await followGuide({ ext: env, page, person: person() });
    expect(met).toEqual(['verify', 'finished']);
    expect((await state()).cards).toEqual([]);
  });
});
