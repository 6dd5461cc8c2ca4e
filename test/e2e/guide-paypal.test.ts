// The PayPal guide with the built extension, on the PayPal twin under its real host name (over https:
// www.paypal.com is HSTS-preloaded). The person follows only what the popup says and what the pointer
// rings; they type their e-mail, password and the code from their phone, which Unbind never does.
import { describe, expect, it } from 'vitest';
import { settle } from '../support/guide-journey.mjs';
import { useJourney } from '../support/env';
import * as paypal from '../support/people/paypal.mjs';

/** About 15 s each on an idle 2-core machine; room for a machine busy with other work. */
const SLOW = 240_000;

describe('PayPal guide', () => {
  const journey = useJourney(paypal);

  it(
    'from the home page to "no card": log in, the security code, the Wallet, both cards removed',
    async () => {
      await journey.seed('cards=2&twoStep=1');
      expect(await journey.dataPage()).toBe('home');
      const met = await journey.follow();
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
      expect((await journey.state()).cards).toEqual([]);
      expect(await journey.dataPage()).toBe('wallet');
      // Remembered: the popup says so on another PayPal page too, and "Where your cards are" agrees.
      await journey.page.goto(`${paypal.PP}/myaccount/summary`, { waitUntil: 'load' });
      const popup = await journey.popupNow();
      expect(popup.finished).toBe(true);
      expect(popup.cards.paypal).toBe('No card left');
    },
    SLOW,
  );

  it(
    'the preferred card, listed first, is left for last: PayPal never refuses, and a subscription is warned about',
    async () => {
      // Card 1 is preferred (PayPal keeps it while other cards remain); card 2 pays an automatic payment.
      await journey.seed('cards=3&preferred=1&subscription=2');
      await journey.page.goto(`${paypal.PP}/myaccount/money`, { waitUntil: 'load' });
      const removed: string[] = [];
      const met = await journey.follow({
        async watch() {
          const card = await journey.page.$eval('#card-details', (e) => e.getAttribute('data-card')).catch(() => null);
          if (card && !removed.includes(card)) removed.push(card);
        },
      });
      expect(met.at(-1)).toBe('finished');
      expect(removed).toEqual(['4444', '1881', '4242']); // the preferred Visa 4242 last
      const s = await journey.state();
      expect(s.cards).toEqual([]);
      expect(s.cancelled).toEqual(['StreamBox Media']);
    },
    SLOW,
  );

  it(
    'a wrong password and a wrong code: the site says so and the guide stays on the step',
    async () => {
      await journey.seed('cards=1&twoStep=1');
      await journey.page.goto(`${paypal.PP}/signin`, { waitUntil: 'load' });
      await journey.type('#email', paypal.USER.email);
      await journey.clickAndWait('#btnNext');
      await journey.type('#password', 'not-my-password');
      await journey.clickAndWait('#btnLogin');
      expect(await journey.page.$eval('#signin-error', (e) => e.textContent)).toContain("Some of your info isn't correct.");
      expect(await journey.stepNow()).toBe('signin');
      await journey.type('#password', paypal.USER.password);
      await journey.clickAndWait('#btnLogin');
      await journey.clickAndWait('#security-next');
      const right = await paypal.codeSent(journey.page);
      await journey.type('#otpCode', right === '123456' ? '654321' : '123456');
      await journey.clickAndWait('#security-submit');
      expect(await journey.page.$('#security-error')).not.toBeNull();
      expect(await journey.stepNow()).toBe('security');
      // From here the guide still leads to the end.
      await settle(journey.page);
      const met = await journey.follow();
      expect(met[0]).toBe('security');
      expect(met.at(-1)).toBe('finished');
      expect((await journey.state()).cards).toEqual([]);
    },
    SLOW,
  );
});
