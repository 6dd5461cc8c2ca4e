// The Booking.com guide with the built extension, on the Booking.com twin under its real host names
// (https, as HSTS makes Chromium use): followed only by what the popup says and what the pointer rings.
// No source names the control that removes a saved card, so Unbind rings nothing there and the person
// does what the popup says.
import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/env';
import * as booking from '../support/people/booking.mjs';

/** Each test is about ten popup round trips: well under a minute on an idle machine, more on a busy one. */
const SLOW = 180_000;

describe('Booking.com guide', () => {
  const journey = useJourney(booking);

  it(
    'from the home page, signed out, through the code for a new device, to no saved card left',
    async () => {
      await journey.seed('cards=2&verify=1');
      const met = await journey.follow();
      // Nothing to ring on the home page: the popup opens the account; then the e-mail, the password, the
      // code; "Manage payment details"; each card removed and confirmed by the person.
      expect(met).toEqual(['signin', 'signin', 'signin', 'verify', 'settings', 'remove', 'remove', 'remove', 'remove', 'finished']);
      expect(await journey.dataPage()).toBe('mysettings-payment');
      expect(await journey.page.$('[data-testid="payment-instrument"]')).toBeNull();
      expect((await journey.state()).cards).toEqual([]);
      expect((await journey.popupNow()).cards.booking).toBe('No card left');
    },
    SLOW,
  );

  it(
    'a card an upcoming stay needs is kept: the popup stays on removing, with the card counted, never “finished”',
    async () => {
      await journey.seed('cards=2&stay=1&signin=1', '/mysettings/payment', booking.ACCOUNT);
      let g = await journey.popupNow();
      expect(g.current).toBe('remove');
      expect(g.left).toContain('2');
      await booking.removeOne(journey.page); // the first row: the stay's card
      await booking.removeOne(journey.page);
      expect(await journey.page.$eval('#payment-error', (e) => e.textContent)).toMatch(/upcoming booking/);
      await journey.page.goto(`${booking.ACCOUNT}/mysettings/payment`, { waitUntil: 'load' });
      await journey.page.click('#payment-card-list li:nth-child(2) .remove-card');
      await journey.page.waitForSelector('#remove-card-dialog[open]');
      await journey.clickAndWait('#confirm-remove');
      g = await journey.popupNow();
      expect(g.current).toBe('remove');
      expect(g.finished).toBe(false);
      expect(g.left).toContain('1');
      expect((await journey.state()).cards).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'a wrong password, then a wrong code: the popup stays on the right step, and the guide still finishes',
    async () => {
      await journey.seed('cards=1&verify=1');
      await journey.page.goto(`${booking.ACCOUNT}/mysettings`, { waitUntil: 'load' });
      expect(await journey.dataPage()).toBe('sign-in');
      await journey.type('#username', booking.USER.email);
      await journey.clickAndWait('button[type=submit]');
      await journey.type('#password', 'not-my-password');
      await journey.clickAndWait('button[type=submit]');
      expect(await journey.page.$eval('#password-note', (e) => e.textContent)).toMatch(/doesn.t match/);
      expect((await journey.popupNow()).current).toBe('signin');
      await journey.type('#password', booking.USER.password);
      await journey.clickAndWait('button[type=submit]');
      const code = await booking.codeSent(journey.page);
      await journey.type('#sms_code', code === '000000' ? '111111' : '000000');
      await journey.clickAndWait('form .bui-spacer > button');
      expect(await journey.page.$('#sms_code-note')).not.toBeNull();
      expect((await journey.popupNow()).current).toBe('verify');
      const met = await journey.follow();
      expect(met.at(-1)).toBe('finished');
      expect((await journey.state()).cards).toEqual([]);
    },
    SLOW,
  );
});
