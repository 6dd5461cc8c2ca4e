// The SHEIN guide with the built extension, on the SHEIN twin under its real host names, followed only
// by what the popup says and what the pointer rings: from signing in to "no card left"; a card paying an
// order awaiting payment (the guide never rings its Delete; the person settles the order as the popup
// says); wrong passwords, where the guide stays on the step.
import { describe, expect, it } from 'vitest';
import { settle } from '../support/guide-journey.mjs';
import { useJourney } from '../support/env';
import * as shein from '../support/people/shein.mjs';

// Generous per test: the machine running the suite may be shared; an idle one needs a fraction of it.
describe('SHEIN guide', { timeout: 150_000 }, () => {
  const journey = useJourney(shein);

  it('from the home page, signed out, to "no card left": sign-in in two stages, the password for each card', async () => {
    await journey.seed('cards=2&signin=0');
    const met = await journey.follow();
    expect(met).toEqual(['account', 'signin', 'signin', 'account', 'cards', 'remove', 'verify', 'remove', 'verify', 'finished']);
    expect((await journey.state()).cards).toEqual([]);
    expect(await journey.page.$('#no-cards')).not.toBeNull();
    const popup = await journey.popupNow();
    expect(popup.finished).toBe(true);
    expect(popup.steps).toEqual(['account:done', 'signin:done', 'cards:done', 'remove:done', 'verify:done']);
  });

  it('a card paying an order awaiting payment: its Delete is never ringed; the order is cancelled as the popup says, then it goes', async () => {
    await journey.seed('cards=2&pending=1');
    const met = await journey.follow();
    // The free card first; then nothing to ring (the person cancels the order); back to the list.
    expect(met).toEqual(['account', 'cards', 'remove', 'verify', 'remove', 'cards', 'remove', 'verify', 'finished']);
    const s = await journey.state();
    expect(s.cards).toEqual([]);
    expect(s.orders.map((o: { status: string }) => o.status)).toEqual(['Paid', 'Canceled']);
  });

  it('wrong passwords, at sign-in and to confirm: an error, the guide stays on the step, then goes on', async () => {
    await journey.seed('cards=1&signin=0', '/user/payment-options');
    expect(new URL(journey.page.url()).pathname).toBe('/user/auth/login');
    await journey.type('#login-email', shein.USER.email);
    await journey.clickAndWait('#continue-button');
    await journey.type('#login-password', 'not-my-password');
    await journey.clickAndWait('#sign-in-submit');
    expect(await journey.page.$eval('#login-password-error', (e) => e.textContent)).toMatch(/Incorrect/);
    expect(await journey.stepNow()).toBe('signin');
    await journey.type('#login-password', shein.USER.password);
    await journey.clickAndWait('#sign-in-submit');
    expect(await journey.stepNow()).toBe('remove');

    await journey.page.click('.card-delete');
    await settle(journey.page);
    await journey.type('#confirm-password', 'not-my-password');
    await journey.clickAndWait('#confirm-delete');
    expect(await journey.page.$eval('#delete-card-error', (e) => e.textContent)).toMatch(/Incorrect password/);
    expect(await journey.stepNow()).toBe('verify');
    expect((await journey.state()).cards).toHaveLength(1);

    const met = await journey.follow();
    expect(met).toEqual(['verify', 'finished']);
    expect((await journey.state()).cards).toEqual([]);
  });
});
