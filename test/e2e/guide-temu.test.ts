// The Temu guide with the built extension, on the fixture twin under www.temu.com: followed only by
// what the popup says and what the pointer rings (see guide-journey.mjs).
import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/env';
import * as temu from '../support/people/temu.mjs';

/** Each test follows a whole guide: on a busy 2-core machine a step can take seconds. */
const SLOW = 240_000;

describe('Temu guide', () => {
  const journey = useJourney(temu);

  it(
    'a visitor to "no card": the promo closed, sign-in, the new-device code, the account menu, both cards deleted',
    async () => {
      await journey.seed('cards=2&verify=1');
      expect(await journey.follow()).toEqual([
        'open',
        'open',
        'signin',
        'password',
        'verify',
        'open',
        'open',
        'remove',
        'remove',
        'remove',
        'remove',
        'finished',
      ]);
      expect(await journey.page.$('#card-list')).toBeNull();
      expect((await journey.state()).cards).toEqual([]);
    },
    SLOW,
  );

  it(
    'the default card listed first: the guide rings the others first and Temu never refuses',
    async () => {
      await journey.seed('cards=3&signedIn=1', '/bgp_payment_methods.html');
      const met = await journey.follow();
      expect(met.filter((s) => s === 'remove')).toHaveLength(6); // Delete and its confirmation, three times
      expect(met.at(-1)).toBe('finished');
      expect((await journey.state()).cards).toEqual([]);
    },
    SLOW,
  );

  it(
    'a wrong password and a wrong code: an error each, and the guide stays on that step',
    async () => {
      await journey.seed('cards=1&verify=1', '/bgp_payment_methods.html');
      await journey.type('#user-account', temu.USER.email);
      await journey.clickAndWait('#continue-button');
      await journey.type('#pwdInputInLoginDialog', 'not-my-password');
      await journey.clickAndWait('#sign-in-button');
      expect(await journey.page.$eval('#login-error', (e) => e.textContent)).toContain('Incorrect password');
      expect(await journey.stepNow()).toBe('password');
      await journey.type('#pwdInputInLoginDialog', temu.USER.password);
      await journey.clickAndWait('#sign-in-button');
      const code = await temu.codeSent(journey.page);
      await journey.type('#verification-code', code === '111111' ? '222222' : '111111');
      await journey.clickAndWait('#verification-submit');
      expect(await journey.page.$eval('#verification-error', (e) => e.textContent)).toContain('incorrect');
      expect(await journey.stepNow()).toBe('verify');
      expect((await journey.follow()).at(-1)).toBe('finished');
      expect((await journey.state()).cards).toEqual([]);
    },
    SLOW,
  );
});
