// The AliExpress / Alipay journey with the built extension, on the fixture sites under their real
// host names: the guard at checkout, then the removal guide followed only by what Unbind tells the
// person (the popup's current step, the element the pointer rings).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSER } from '../support/engine.mjs';
import { nextPaint, readPointer, settle } from '../support/guide-journey.mjs';
import { useJourney } from '../support/env';
import * as aliexpress from '../support/people/aliexpress.mjs';
import { CARDS, SHOP, WALLET } from '../support/people/aliexpress.mjs';
import { sleep } from '../support/sleep.mjs';

const en = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<
  string,
  { message: string }
>;
const REMOVE_TITLE = en.guide_aliexpress_remove_title!.message;
const HOVER_HINT = en.guideHoverHint!.message;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
/** The ring is around this box: about the same centre (its padding and border put it a few pixels off),
 *  a little larger. */
const ringsAround = (ring: { box: Box } | null, b: Box) =>
  !!ring &&
  Math.abs(ring.box.x + ring.box.w / 2 - (b.x + b.w / 2)) < 6 &&
  Math.abs(ring.box.y + ring.box.h / 2 - (b.y + b.h / 2)) < 6 &&
  ring.box.w > b.w &&
  ring.box.w < b.w + 24 &&
  ring.box.h > b.h &&
  ring.box.h < b.h + 24;

// In Firefox the whole journey and the step remembered across loads run; the variations after them take
// the same code paths in the extension and cost more there than in Chromium (BiDi round trips, a
// slower browser start), so they run in Chromium only to keep the suite well under 10 minutes.
const variation = BROWSER === 'firefox' ? it.skip : it;
const named = (name: string) => (BROWSER === 'firefox' ? `${name} (Chromium only: a variation, for the suite's time)` : name);

describe('AliExpress / Alipay guide', () => {
  // Each test is a new person: no cookies, fresh extension storage.
  const journey = useJourney(aliexpress);

  /** A seeded, registered wallet's card page, reached through the shop's "My Alipay". */
  const cardPage = async (query: string) => {
    await journey.seed(query);
    await journey.page.goto(`${SHOP}/alipay/go`, { waitUntil: 'load' });
    await journey.page.goto(`${WALLET}/account/cards`, { waitUntil: 'load' });
  };
  const boxOf = (selector: string) =>
    journey.page.$eval(selector, (e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    });
  /** The popup's current step and its text, then "Show me on the page": what the pointer rings. */
  const showMe = async () => {
    const popup = await journey.popup();
    const { current } = await journey.readPopup(popup);
    const says = await popup.$eval('[data-testid=guide-current]', (e) => e.textContent ?? '');
    await popup.click('[data-testid=guide-point]');
    await popup.waitForSelector('[data-pointed]');
    await popup.close();
    await nextPaint(journey.page);
    return { current, says, ring: await readPointer(journey.page) };
  };
  /** Clicks what the ring is around, as the person does. */
  const clickRing = (ring: { box: Box } | null) => journey.page.mouse.click(ring!.box.x + ring!.box.w / 2, ring!.box.y + ring!.box.h / 2);

  it('checkout to "no card": unticked by Unbind, two cards kept on purpose, wallet registered, both removed', async () => {
    await aliexpress.signInToShop(journey);
    const first = await aliexpress.purchase(journey, { card: CARDS[0]!, tickAgain: false, label: 'first' });
    expect(first.untickedByUnbind).toBe(true);
    expect((await journey.state()).cards).toEqual([]);
    for (const [i, card] of [CARDS[1]!, CARDS[2]!].entries()) {
      const p = await aliexpress.purchase(journey, { card, tickAgain: true, label: `kept-${i + 1}` });
      expect(p.untickedByUnbind).toBe(true);
      expect(p.saveTicked).toBe(true);
    }
    expect((await journey.state()).cards).toHaveLength(2);

    const met = await journey.follow();
    // On the shop there is nothing to point at yet (no wallet): the popup opens Alipay, then points. The
    // mailbox (confirm) and the green button (password) are the person's own doing: nothing to ring.
    expect(met).toEqual([
      'openwallet',
      'openwallet',
      'email',
      'confirm',
      'password',
      'registered',
      'cards',
      'remove',
      'remove',
      'remove',
      'remove',
      'finished',
    ]);
    const s = await journey.state();
    expect(s.registered).toBe(true);
    expect(s.cards).toEqual([]);
    expect(await journey.dataPage()).toBe('wallet-cards');
    expect(await journey.page.$('#no-cards')).not.toBeNull();

    // Remembered: the popup says so on the shop too, and "Where your cards are" agrees.
    await journey.page.goto(`${SHOP}/`, { waitUntil: 'load' });
    const popup = await journey.popupNow();
    expect(popup.finished).toBe(true);
    expect(popup.cards.aliexpress).toBe('No card left');
  });

  it('remembers the step across page loads and the popup closing, and can start over', async () => {
    await journey.seed('registered=1&cards=1');
    await journey.page.goto(`${SHOP}/alipay/go`, { waitUntil: 'load' }); // "My Alipay" from the shop's menu
    await journey.page.goto(`${WALLET}/account/my-account`, { waitUntil: 'load' });
    await journey.page.goto(`${SHOP}/p/order/index.html`, { waitUntil: 'load' }); // a shop page that is no step
    let popup = await journey.popup();
    expect((await journey.readPopup(popup)).steps).toContain('cards:done');
    await popup.close();
    await journey.page.goto(`${WALLET}/account/cards`, { waitUntil: 'load' });
    popup = await journey.popup();
    expect((await journey.readPopup(popup)).current).toBe('remove');
    expect(await popup.$eval('[data-testid=guide-cards-left]', (e) => e.textContent)).toContain('1');
    await popup.click('[data-testid=guide-restart]');
    // Started over: back at the first step, nothing done, no card count.
    await popup.waitForFunction(() => !document.querySelector('ol.steps li[data-status=done]'));
    expect((await journey.readPopup(popup)).current).toBe('openwallet');
    expect(await popup.$('[data-testid=guide-cards-left]')).toBeNull();
    await popup.close();
    // The page still says where the person is: the guide picks up from here.
    await journey.page.reload({ waitUntil: 'load' });
    popup = await journey.popup();
    const after = await journey.readPopup(popup);
    expect(after.current).toBe('remove');
    expect(after.finished).toBe(false);
    await popup.close();
  });

  variation(named('already registered: the registration steps are marked not needed and never met'), async () => {
    await journey.seed('registered=1&cards=2');
    const met = await journey.follow();
    expect(met).not.toContain('email');
    expect(met).not.toContain('password');
    expect(met.at(-1)).toBe('finished');
    expect((await journey.state()).cards).toEqual([]);
    await journey.page.goto(`${WALLET}/account/`, { waitUntil: 'load' });
    await journey.clickAndWait('#manage-cards-icon');
    const { steps } = await journey.popupNow();
    expect(steps).toContain('email:skipped');
    expect(steps).toContain('password:skipped');
  });

  variation(named('five cards, the default one listed last: removes all of them, the default card last'), async () => {
    await journey.seed('registered=1&cards=5&defaultLast=1');
    const met = await journey.follow();
    expect(met.filter((s) => s === 'remove')).toHaveLength(10); // a Remove and a confirm for each card
    expect(met.at(-1)).toBe('finished');
    expect((await journey.state()).cards).toEqual([]);
  });

  variation(
    named('bad input on the way: wrong captcha, different passwords, unconfirmed e-mail, used link; the guide stays on the right step'),
    async () => {
      await journey.seed('registered=0&cards=1');
      await journey.page.goto(`${WALLET}/`, { waitUntil: 'load' });
      await journey.clickAndWait('#go-to-my-alipay');
      if ((await journey.dataPage()) === 'login') {
        await journey.type('#fm-login-id', 'shopper@example.com');
        await journey.type('#fm-login-password', 'x');
        await journey.clickAndWait('#sign-in-submit');
      }
      // Wrong captcha: an error, the e-mail kept, still the e-mail step.
      await journey.type('#reg-email', 'shopper@example.com');
      await journey.type('#captcha-input', 'WRONG');
      await journey.clickAndWait('#register-email-submit');
      expect(await journey.page.$eval('#captcha-error', (e) => e.textContent)).toMatch(/incorrect/);
      expect(await journey.page.$eval('#reg-email', (e) => (e as HTMLInputElement).value)).toBe('shopper@example.com');
      expect(await journey.stepNow()).toBe('email');
      const chars = await journey.page.$eval('#captcha', (c) => c.getAttribute('aria-label')!.split(':').pop()!.trim());
      await journey.type('#captcha-input', chars);
      await journey.clickAndWait('#register-email-submit');
      // Continue before confirming: refused, still the confirm step.
      await journey.clickAndWait('#continue-registration');
      expect(await journey.page.$('#unconfirmed-error')).not.toBeNull();
      expect(await journey.stepNow()).toBe('confirm');
      // Confirm, then use the link a second time: "already used", with the way back.
      await journey.clickAndWait('#open-mailbox');
      await journey.clickAndWait('#mail-list .mail-link');
      const link = await journey.page.$eval('#confirm-link', (a) => (a as HTMLAnchorElement).href);
      await journey.clickAndWait('#confirm-link');
      await journey.page.goto(link, { waitUntil: 'load' });
      expect(await journey.page.$eval('#confirm-result', (e) => e.getAttribute('data-result'))).toBe('used');
      // The error page is no step of its own; its "Go to My Alipay" is the way back in, and the guide says so.
      expect(await journey.stepNow()).toBe('openwallet');
      await journey.clickAndWait('#back-to-alipay');
      // Different passwords: an error, still the password step, questions kept.
      await journey.type('#password', 'Wallet-pass-42');
      await journey.type('#password-repeat', 'Wallet-pass-43');
      for (const n of [1, 2, 3]) {
        await journey.page.select(`#question-${n}`, String(n - 1));
        await journey.type(`#answer-${n}`, `a${n}`);
      }
      await journey.clickAndWait('#register-submit');
      expect(await journey.page.$eval('#password-repeat-error', (e) => e.textContent)).toMatch(/do not match/);
      expect(await journey.page.$eval('#answer-2', (e) => (e as HTMLInputElement).value)).toBe('a2');
      expect(await journey.stepNow()).toBe('password');
      // And from here the guide still leads to the end.
      const met = await journey.follow();
      expect(met.at(-1)).toBe('finished');
      expect((await journey.state()).cards).toEqual([]);
    },
  );

  variation(
    named("today's flow: the person types their payment password; a wrong one first is an error, still the remove step, nothing lost"),
    async () => {
      await cardPage('registered=1&cards=1');
      // The list shows Delete on the row: the ring is on it, and the popup's step asks for the payment password.
      let seen = await showMe();
      expect(seen.current).toBe('remove');
      expect(seen.says).toContain('payment password');
      expect(ringsAround(seen.ring, await boxOf('.card-row .remove-card'))).toBe(true);
      expect(seen.ring!.label).toBe(REMOVE_TITLE);
      await clickRing(seen.ring);
      await settle(journey.page);
      expect(await journey.page.$('#remove-card-dialog[open] #pay-password')).not.toBeNull();
      // A wrong password, then the ringed Remove in the dialog: an error, the dialog again, the card kept.
      await journey.type('#pay-password', 'Wallet-pass-00');
      seen = await showMe();
      expect(seen.current).toBe('remove');
      expect(ringsAround(seen.ring, await boxOf('#remove-card-dialog #confirm-remove'))).toBe(true);
      await Promise.all([journey.page.waitForNavigation({ waitUntil: 'load' }), clickRing(seen.ring)]);
      expect(await journey.page.$eval('#pay-password-error', (e) => e.textContent)).toMatch(/incorrect/);
      expect(await journey.page.$('#remove-card-dialog[open]')).not.toBeNull();
      expect(await journey.page.$eval('#pay-password', (e) => (e as HTMLInputElement).value)).toBe('');
      expect((await journey.state()).cards).toHaveLength(1);
      // Still the remove step; the person types the right one, and the guide leads to the end.
      const met = await journey.follow();
      expect(met).toEqual(['remove', 'finished']);
      expect((await journey.state()).cards).toEqual([]);
      expect(await journey.page.$('#no-cards')).not.toBeNull();
    },
  );

  variation(
    named("the seed document's flow on the hover-only list: the pointer rings the row and says to hover; no password"),
    async () => {
      await cardPage('registered=1&cards=2&flow=document&list=hover');
      await journey.page.mouse.move(2, 2); // over no card
      // Remove Card is hidden until the pointer is over a row: the ring is on a row, not the default card's.
      const seen = await showMe();
      expect(seen.current).toBe('remove');
      const row = '#card-list .card-row:not(.is-default)';
      expect(ringsAround(seen.ring, await boxOf(row))).toBe(true);
      expect(seen.ring!.label).toBe(`${REMOVE_TITLE} ${HOVER_HINT}`);
      // Over the row, Remove Card shows and the ring moves onto it, without the hint.
      await journey.page.mouse.move(seen.ring!.box.x + seen.ring!.box.w / 2, seen.ring!.box.y + seen.ring!.box.h / 2);
      await sleep(300);
      const onButton = await readPointer(journey.page);
      expect(ringsAround(onButton, await boxOf(`${row} .remove-card`))).toBe(true);
      expect(onButton!.label).toBe(REMOVE_TITLE);
      await clickRing(onButton);
      await settle(journey.page);
      // The seed's dialog: confirm, no password.
      expect(await journey.page.$('#remove-card-dialog[open]')).not.toBeNull();
      expect(await journey.page.$('#pay-password')).toBeNull();
      const met = await journey.follow();
      expect(met).toEqual(['remove', 'remove', 'remove', 'finished']);
      expect((await journey.state()).cards).toEqual([]);
    },
  );

  variation(named('a wrong SMS code at checkout: an error, nothing lost, and the payment then completes'), async () => {
    await aliexpress.signInToShop(journey);
    await journey.page.goto(`${SHOP}/item/1005006123456789.html`, { waitUntil: 'load' });
    await journey.clickAndWait('#add-to-cart');
    await journey.clickAndWait('#checkout-button');
    await journey.clickAndWait('#place-order');
    await journey.page.click('#pay-method-new');
    await journey.type('#card-holder', 'IVAN PETROV');
    await journey.type('#card-number', CARDS[0]!.number);
    await journey.type('#card-expiry', CARDS[0]!.expiry);
    await journey.type('#card-cvv', CARDS[0]!.cvv);
    expect(await journey.page.$eval('#save-card', (b) => (b as HTMLInputElement).checked)).toBe(false);
    await journey.clickAndWait('#pay-order');
    await journey.type('#sms-code', '0000');
    await journey.clickAndWait('#confirm-payment');
    expect(await journey.page.$eval('#sms-error', (e) => e.textContent)).toMatch(/incorrect/);
    const code = await journey.page.$eval('#sms-code-text', (e) => e.textContent!.trim());
    await journey.type('#sms-code', code);
    await journey.clickAndWait('#confirm-payment');
    expect(await journey.dataPage()).toBe('shop-success');
    expect((await journey.state()).cards).toEqual([]);
  });
});
