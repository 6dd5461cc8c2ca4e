// The Google Pay / Google account guide with the built extension, on the fixture twin under the real
// host names: followed only by what the popup says and what the pointer rings (see guide-journey.mjs).
// As on the real site, the card list, Remove and its confirmation are in a payments.google.com frame:
// the pointer rings them there and the popup's step and count come from the frame.
import { describe, expect, it } from 'vitest';
import { nextPaint, readPointer } from '../support/guide-journey.mjs';
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
    'the list in its frame: the popup counts the cards from the frame, the ring is drawn in the frame on Remove, and a frame with no list leaves nothing to point at',
    async () => {
      await journey.seed('cards=2&signedIn=1', '/gp/w/home/paymentmethods');
      const frame = googlepay.listFrame(journey.page);
      expect(frame?.url()).toBe('https://payments.google.com/payments/u/0/payment_methods');
      let popup = await journey.popup();
      let seen = await journey.readPopup(popup);
      expect(seen.current).toBe('remove');
      expect(seen.left).toContain('2');
      await popup.click('[data-testid=guide-point]');
      await popup.waitForSelector('[data-pointed=true]');
      await popup.close();
      await nextPaint(journey.page);
      // Drawn in the frame's own document, not the top page's.
      expect(await frame!.$('unbind-pointer')).not.toBeNull();
      expect(await journey.page.$('unbind-pointer')).toBeNull();
      // On screen where the frame's first Remove is.
      const ring = await readPointer(journey.page);
      expect(ring?.label).toBeTruthy();
      const iframe = await journey.page.$eval('#payments-frame', (f) => f.getBoundingClientRect().toJSON());
      const remove = await frame!.$eval('.b3id-info-message-html', (a) => a.getBoundingClientRect().toJSON());
      const centre = { x: ring!.box.x + ring!.box.w / 2, y: ring!.box.y + ring!.box.h / 2 };
      // The ring's centre (in the top page's viewport) is on the frame's Remove, moved by the frame's place.
      expect(centre.x).toBeGreaterThan(iframe.x + remove.x);
      expect(centre.x).toBeLessThan(iframe.x + remove.x + remove.width);
      expect(centre.y).toBeGreaterThan(iframe.y + remove.y);
      expect(centre.y).toBeLessThan(iframe.y + remove.y + remove.height);
      expect(iframe.y).toBeGreaterThan(0); // the frame is not at the page's corner: its offset counts

      // The frame loses its list (the sign-in went stale): still the Remove step, but nothing to ring,
      // and the popup says so rather than ringing something of the page around the frame.
      await frame!.goto(googlepay.seedUrl('cards=2&signedIn=1&reauth=1', '/payments/u/0/payment_methods', 'https://payments.google.com'), {
        waitUntil: 'load',
      });
      expect(await frame!.$eval('body', (b) => b.dataset.page)).toBe('payments-signin');
      popup = await journey.popup();
      seen = await journey.readPopup(popup);
      expect(seen.current).toBe('remove');
      expect(seen.finished).toBe(false); // a frame that shows no list is not "no card left"
      await popup.click('[data-testid=guide-point]');
      await popup.waitForSelector('[data-pointed=false]');
      expect(await popup.$('[data-testid=guide-no-target]')).not.toBeNull();
      await popup.close();
      expect(await readPointer(journey.page)).toBeNull();
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
