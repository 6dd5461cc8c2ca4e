// The Google Pay / Google account guide with the built extension, on the fixture twin under the real
// host names: followed only by what the popup says and what the pointer rings (see guide-journey.mjs).
// As on the real site, the card list, Remove and its confirmation are in a payments.google.com frame:
// the pointer rings them there and the popup's step and count come from the frame.
import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/env';
import * as googlepay from '../support/people/googlepay.mjs';

/** Each test follows a whole guide: on a busy 2-core machine a step can take seconds. */
const SLOW = 240_000;

describe('Google Pay guide', () => {
  const journey = useJourney(googlepay);

  it(
    'signed out to "no payment methods": e-mail, password, the SMS code, subscriptions checked, both cards removed',
    async () => {
      await journey.seed('cards=2&twostep=1');
      expect(await journey.follow()).toEqual([
        'signin',
        'password',
        'code',
        'open',
        'subscriptions',
        'remove',
        'remove',
        'remove',
        'remove',
        'finished',
      ]);
      // The list, and its empty state, are in the payments.google.com frame; the page around it has neither.
      const frame = googlepay.listFrame(journey.page);
      expect(frame?.url()).toBe('https://payments.google.com/payments/u/0/payment_methods?removed=4444');
      expect(await frame!.$eval('#no-payment-methods', (e) => e.textContent)).toContain('No payment methods yet?');
      expect(await journey.page.$('#no-payment-methods')).toBeNull();
      expect((await journey.state()).cards).toEqual([]);
    },
    SLOW,
  );

  it(
    'a card that pays a subscription: the guide goes by Subscriptions and services first and never meets the refusal; the password is asked again',
    async () => {
      await journey.seed('cards=1&subscription=1&signedIn=1&reauth=1', '/gp/w/home/');
      const met = await journey.follow();
      expect(met.slice(0, 4)).toEqual(['open', 'subscriptions', 'subscriptions', 'subscriptions']);
      expect(met).toContain('password'); // "verify it's you" before the payment methods
      expect(met.at(-1)).toBe('finished');
      const s = await journey.state();
      expect(s.cards).toEqual([]);
      expect(s.subscriptions[0].status).toBe('canceled');
    },
    SLOW,
  );

  it(
    'a wrong password and a wrong code: an error each, and the guide stays on that step',
    async () => {
      await journey.seed('cards=1&twostep=1', '/gp/w/home/paymentmethods');
      await journey.type('#identifierId', googlepay.USER.email);
      await journey.clickAndWait('#identifierNext button');
      await journey.type('#pw', 'not-my-password');
      await journey.clickAndWait('#passwordNext button');
      expect(await journey.page.$eval('#password-error', (e) => e.textContent)).toContain('Wrong password');
      expect(await journey.stepNow()).toBe('password');
      await journey.type('#pw', googlepay.USER.password);
      await journey.clickAndWait('#passwordNext button');
      const code = await googlepay.codeSent(journey.page);
      await journey.type('#idvPin', code === '111111' ? '222222' : '111111');
      await journey.clickAndWait('#idvPreregisteredPhoneNext button');
      expect(await journey.page.$eval('#code-error', (e) => e.textContent)).toContain('Wrong code');
      expect(await journey.stepNow()).toBe('code');
      // From here the guide still leads to the end.
      expect((await journey.follow()).at(-1)).toBe('finished');
      expect((await journey.state()).cards).toEqual([]);
    },
    SLOW,
  );
});
