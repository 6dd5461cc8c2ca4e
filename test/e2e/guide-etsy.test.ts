// The Etsy guide with the built extension, on the Etsy twin under its real host name (https, as
// HSTS makes Chromium use): followed only by what the popup says and what the pointer rings.
import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/env';
import * as etsy from '../support/people/etsy.mjs';

/** Each test is about ten popup round trips: well under a minute on an idle machine, more on a busy one. */
const SLOW = 180_000;

describe('Etsy guide', () => {
  const journey = useJourney(etsy);

  it(
    'from signing in (with a code for this new browser) to no saved card left',
    async () => {
      await journey.seed('cards=2&twofactor=1');
      const met = await journey.follow();
      // Sign in from the header, the form, then the code (nothing to ring: the person sends it); the "You"
      // menu's Account settings; the Credit cards tab; each card's Remove card and its confirmation.
      expect(met).toEqual(['signin', 'signin', 'signin', 'account', 'cards', 'remove', 'remove', 'remove', 'remove', 'finished']);
      expect((await journey.state()).cards).toEqual([]);
      expect(await journey.dataPage()).toBe('settings-credit-cards');
      expect(await journey.page.$('#no-cards')).not.toBeNull();
      expect((await journey.popupNow()).cards.etsy).toBe('No card left');
    },
    SLOW,
  );

  it(
    'a seller: the shop’s billing card Etsy keeps on file is refused, and the guide leads to the saved cards instead',
    async () => {
      await journey.seed('cards=1&seller=1&signin=1', '/your/account/payments/settings');
      // The refusal is real: the only card on file for the shop stays.
      await journey.clickAndWait('.remove-billing-card');
      expect(await journey.page.$eval('#billing-error', (e) => e.textContent)).toMatch(/must have a credit or debit card on file/);
      await journey.page.goto(`${etsy.ETSY}/your/account/payments/settings`, { waitUntil: 'load' });
      const met = await journey.follow();
      expect(met).toEqual(['account', 'cards', 'remove', 'remove', 'finished']);
      const s = await journey.state();
      expect(s.cards).toEqual([]);
      expect(s.shop.billingCards).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'a wrong password, then a wrong code: each time the popup stays on signing in, and the guide still finishes',
    async () => {
      await journey.seed('cards=1&twofactor=1', '/signin?from_page=%2F');
      await journey.type('#join_neu_email_field', etsy.USER.email);
      await journey.type('#join_neu_password_field', 'not-my-password');
      await journey.clickAndWait('button[name=submit_attempt]');
      expect(await journey.page.$eval('#aria-join_neu_password_field-error', (e) => e.textContent)).toBe('Password was incorrect.');
      expect(await journey.stepNow()).toBe('signin');
      await journey.type('#join_neu_password_field', etsy.USER.password);
      await journey.clickAndWait('button[name=submit_attempt]');
      const code = await etsy.codeSent(journey.page);
      await journey.type('#verification-code', code === '000000' ? '111111' : '000000');
      await journey.clickAndWait('#verify-submit');
      expect(await journey.page.$('#verification-code-error')).not.toBeNull();
      expect(await journey.stepNow()).toBe('signin');
      const met = await journey.follow();
      expect(met.at(-1)).toBe('finished');
      expect((await journey.state()).cards).toEqual([]);
    },
    SLOW,
  );
});
