// The Amazon guide with the built extension, on the Amazon twin under the real host names of several
// country domains (over https: www.amazon.com is HSTS-preloaded). The person follows only what the popup
// says and what the pointer rings; they type their e-mail, password and the one-time password from their
// phone, which Unbind never does.
import { describe, expect, it } from 'vitest';
import { settle } from '../support/guide-journey.mjs';
import { useJourney } from '../support/env';
import * as amazon from '../support/people/amazon.mjs';

/** About 15 s each on an idle 2-core machine; room for a machine busy with other work. */
const SLOW = 240_000;

describe('Amazon guide', () => {
  const journey = useJourney(amazon);

  it(
    'from amazon.com\'s home page to "no card": sign-in, the one-time password, Your Payments, both cards removed',
    async () => {
      await journey.seed('cards=2&twoStep=1');
      expect(await journey.dataPage()).toBe('home');
      const met = await journey.follow();
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
      expect((await journey.state()).cards).toEqual([]);
      expect(await journey.dataPage()).toBe('wallet');
      expect((await journey.popupNow()).cards.amazon).toBe('No card left');
    },
    SLOW,
  );

  it(
    'on amazon.de, the default card listed first is left for last: Amazon never refuses',
    async () => {
      await journey.seed('cards=3&default=1', '/cpe/yourpayments/wallet', 'https://www.amazon.de');
      expect(await journey.dataPage()).toBe('signin-email');
      const removed: string[] = [];
      const met = await journey.follow({
        async watch() {
          const card = await journey.page
            .$eval('.apx-wallet-payment-method-details-section', (e) => e.getAttribute('data-card'))
            .catch(() => null);
          if (card && !removed.includes(card)) removed.push(card);
        },
      });
      expect(met.at(-1)).toBe('finished');
      expect(new URL(journey.page.url()).hostname).toBe('www.amazon.de');
      expect(removed).toEqual(['4444', '1881', '4242']); // the default Visa 4242 last
      expect((await journey.state()).cards).toEqual([]);
    },
    SLOW,
  );

  it(
    'on amazon.co.uk, a wrong password and a wrong one-time password: the site says so and the guide stays on the step',
    async () => {
      await journey.seed('cards=1&twoStep=1', '/cpe/yourpayments/wallet', 'https://www.amazon.co.uk');
      await journey.type('#ap_email', amazon.USER.email);
      await journey.clickAndWait('#continue');
      await journey.type('#ap_password', 'not-my-password');
      await journey.clickAndWait('#signInSubmit');
      expect(await journey.page.$eval('#auth-error-message-box', (e) => e.textContent)).toContain('There was a problem');
      expect(await journey.stepNow()).toBe('signin');
      await journey.type('#ap_password', amazon.USER.password);
      await journey.clickAndWait('#signInSubmit');
      const right = await amazon.codeSent(journey.page);
      await journey.type('#auth-mfa-otpcode', right === '123456' ? '654321' : '123456');
      await journey.clickAndWait('#auth-signin-button');
      expect(await journey.page.$('#auth-error-message-box')).not.toBeNull();
      expect(await journey.stepNow()).toBe('mfa');
      await settle(journey.page);
      const met = await journey.follow();
      expect(met[0]).toBe('mfa');
      expect(met.at(-1)).toBe('finished');
      expect((await journey.state()).cards).toEqual([]);
    },
    SLOW,
  );
});
