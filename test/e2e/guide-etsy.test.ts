// The Etsy guide with the built extension, on the Etsy twin under its real host name (https, as
// HSTS makes Chromium use): followed only by what the popup says and what the pointer rings.
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { followGuide, readPopup } from '../support/guide-journey.mjs';
import { clearStored, openPopup, useEnv } from '../support/env';

const ETSY = 'https://www.etsy.com';
const USER = { email: 'shopper@example.com', password: 'etsy-pass-1' };
/** Each test is about ten popup round trips: well under a minute on an idle machine, more on a busy one. */
const SLOW = 180_000;

describe('Etsy guide', () => {
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
    page.goto(`${ETSY}/__test/seed?${query}&next=${encodeURIComponent(next)}`, { waitUntil: 'load' });
  const dataPage = () => page.$eval('body', (b) => b.dataset.page ?? '');
  const state = () => page.evaluate(async () => (await fetch('/__test/state')).json());
  const type = async (selector: string, text: string) => {
    await page.click(selector, { count: 3 });
    await page.type(selector, text);
  };
  const clickAndWait = (selector: string) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  const stepNow = async () => {
    const popup = await openPopup(env, page);
    const g = await readPopup(popup);
    await popup.close();
    return g.current;
  };

  /** The person: types what Etsy asks (Unbind never does), sends the code where nothing is ringed,
   *  and never meets a refusal. */
  const person = {
    async fill() {
      const kind = await dataPage();
      if (kind === 'signin') {
        await type('#join_neu_email_field', USER.email);
        await type('#join_neu_password_field', USER.password);
        return true;
      }
      if (kind === 'signin-verify') {
        await type('#verification-code', await page.$eval('#sms-code-text', (e) => e.textContent!.trim()));
        return true;
      }
      return false;
    },
    async act() {
      if ((await dataPage()) !== 'signin-verify') return false;
      await clickAndWait('#verify-submit'); // the popup says: type the code and continue
      return true;
    },
    async check(step: string) {
      const refusal = await page.$eval('#cards-error, #billing-error', (e) => e.textContent!.trim()).catch(() => null);
      if (refusal) throw new Error(`step ${step}: Etsy refused: ${refusal}`);
    },
  };
  const follow = () => followGuide({ ext: env, page, person });

  it(
    'from signing in (with a code for this new browser) to no saved card left',
    async () => {
      await seed('cards=2&twofactor=1');
      const met = await follow();
      // Sign in from the header, the form, then the code (nothing to ring: the person sends it); the "You"
      // menu's Account settings; the Credit cards tab; each card's Remove card and its confirmation.
      expect(met).toEqual(['signin', 'signin', 'signin', 'account', 'cards', 'remove', 'remove', 'remove', 'remove', 'finished']);
      expect((await state()).cards).toEqual([]);
      expect(await dataPage()).toBe('settings-credit-cards');
      expect(await page.$('#no-cards')).not.toBeNull();
      const popup = await openPopup(env, page);
      expect(await popup.$eval('[data-testid=cards] [data-guide=etsy] [data-testid=cards-state]', (e) => e.textContent)).toBe(
        'No card left',
      );
      await popup.close();
    },
    SLOW,
  );

  it(
    'a seller: the shop’s billing card Etsy keeps on file is refused, and the guide leads to the saved cards instead',
    async () => {
      await seed('cards=1&seller=1&signin=1', '/your/account/payments/settings');
      // The refusal is real: the only card on file for the shop stays.
      await clickAndWait('.remove-billing-card');
      expect(await page.$eval('#billing-error', (e) => e.textContent)).toMatch(/must have a credit or debit card on file/);
      await page.goto(`${ETSY}/your/account/payments/settings`, { waitUntil: 'load' });
      const met = await follow();
      expect(met).toEqual(['account', 'cards', 'remove', 'remove', 'finished']);
      const s = await state();
      expect(s.cards).toEqual([]);
      expect(s.shop.billingCards).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'a wrong password, then a wrong code: each time the popup stays on signing in, and the guide still finishes',
    async () => {
      await seed('cards=1&twofactor=1', '/signin?from_page=%2F');
      await type('#join_neu_email_field', USER.email);
      await type('#join_neu_password_field', 'not-my-password');
      await clickAndWait('button[name=submit_attempt]');
      expect(await page.$eval('#aria-join_neu_password_field-error', (e) => e.textContent)).toBe('Password was incorrect.');
      expect(await stepNow()).toBe('signin');
      await type('#join_neu_password_field', USER.password);
      await clickAndWait('button[name=submit_attempt]');
      await type('#verification-code', '000000' === (await page.$eval('#sms-code-text', (e) => e.textContent)) ? '111111' : '000000');
      await clickAndWait('#verify-submit');
      expect(await page.$('#verification-code-error')).not.toBeNull();
      expect(await stepNow()).toBe('signin');
      const met = await follow();
      expect(met.at(-1)).toBe('finished');
      expect((await state()).cards).toEqual([]);
    },
    SLOW,
  );
});
