// The Shop Pay guide with the built extension, on the shop.app twin over https under its real host name,
// followed only by what the popup says and what the pointer rings: from signing in (e-mail, a six-digit
// code) to "no card left"; a card paying a subscription (Shop's notice that the subscription goes on,
// then Delete: the guide leads through it, never into an error); a wrong code, where the guide stays on
// the step.
import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/env';
import * as shoppay from '../support/people/shoppay.mjs';

// Generous per test: the machine running the suite may be shared; an idle one needs a fraction of it.
describe('Shop Pay guide', { timeout: 150_000 }, () => {
  const journey = useJourney(shoppay);

  it('from shop.app, signed out, to "no card left": e-mail, the code, the account icon, each card and Delete', async () => {
    await journey.seed('cards=2&signin=0');
    const met = await journey.follow();
    expect(met).toEqual(['signin', 'signin', 'verify', 'account', 'remove', 'remove', 'remove', 'remove', 'finished']);
    expect((await journey.state()).cards).toEqual([]);
    expect(await journey.page.$('#no-cards')).not.toBeNull();
    const popup = await journey.popupNow();
    expect(popup.finished).toBe(true);
    expect(popup.steps).toEqual(['signin:done', 'verify:done', 'account:done', 'remove:done']);
  });

  it('a card paying a subscription: Shop says the subscription is not cancelled, Delete goes on; it keeps billing', async () => {
    await journey.seed('cards=2&subscription=1');
    const person = shoppay.personFor(journey.page);
    const met = await journey.follow({ person });
    // The card, Delete, Shop's notice (Delete again), then the other card and its Delete.
    expect(met).toEqual(['account', 'remove', 'remove', 'remove', 'remove', 'remove', 'finished']);
    expect(person.seen.subscriptionNotice).toBe(true);
    const s = await journey.state();
    expect(s.cards).toEqual([]);
    expect(s.subscriptions).toEqual([expect.objectContaining({ active: true, card: expect.objectContaining({ last4: '4242' }) })]);
    expect(s.mail[0].text).toMatch(/subscriptions weren't cancelled/);
  });

  it('a wrong code: an error, the guide stays on "Verify your identity", then goes on to the end', async () => {
    await journey.seed('cards=1&signin=0', '/accounts/login');
    await journey.type('#login-email', shoppay.USER.email);
    await journey.clickAndWait('#continue-button');
    const code = await shoppay.codeSent(journey.page);
    await journey.type('#verification-code', code === '000000' ? '111111' : '000000');
    await journey.clickAndWait('#verify-button');
    expect(await journey.page.$eval('#code-error', (e) => e.textContent)).toMatch(/isn’t right/);
    expect(await journey.stepNow()).toBe('verify');
    const met = await journey.follow();
    expect(met).toEqual(['verify', 'account', 'remove', 'remove', 'finished']);
    expect((await journey.state()).cards).toEqual([]);
  });
});
