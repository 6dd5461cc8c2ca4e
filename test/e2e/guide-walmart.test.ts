// The Walmart removal guide with the built extension, on the Walmart twin under its real host name,
// followed only by what the popup's current step says and what the pointer rings. The person types their
// e-mail, password and the one-time code from their phone (Unbind never does).
import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/env';
import * as walmart from '../support/people/walmart.mjs';

describe('Walmart guide', () => {
  const journey = useJourney(walmart);

  // The longest journey (14 steps, two popup openings each): more time than the suite's 60 s default when
  // the machine is busy.
  it('from signed out on a new browser to "no card left": sign-in, the one-time code, Account, Wallet, both cards deleted', async () => {
    await journey.seed('cards=2&signedIn=0');
    const met = await journey.follow();
    expect(met).toEqual([
      'account', // the Account button opens its menu…
      'account', // …with "Sign in or create account"
      'signin', // e-mail, Continue
      'signin', // password, Sign in
      'verify', // Send Code
      'verify', // the code, Verify
      'account', // back home signed in: the Account button…
      'account', // …and Account in its menu
      'wallet',
      'remove', // Delete
      'remove', // and confirm
      'remove',
      'remove',
      'finished',
    ]);
    expect((await journey.state()).cards).toEqual([]);
    expect(await journey.page.$('[data-testid="carousel-container"]')).toBeNull();
  }, 180_000);

  it('Walmart keeps the card paying Walmart+ while another card is saved; the guide deletes it last', async () => {
    await journey.seed('cards=2&plus=first&trusted=1', '/wallet');
    // The site's refusal, met by deleting the Walmart+ card on one's own.
    const plusCard = await journey.page.$eval('[data-testid="carousel-container"] li:has(.badge)', (li) => li.getAttribute('data-card-id'));
    await journey.page.goto(`${walmart.WM}/wallet?delete=${plusCard}`, { waitUntil: 'load' });
    await journey.clickAndWait('#confirm-delete');
    expect(await journey.page.$eval('#wallet-error', (e) => e.textContent)).toMatch(/Walmart\+ membership/);
    // Following the guide never leads there.
    const met = await journey.follow();
    expect(met).toEqual(['remove', 'remove', 'remove', 'remove', 'finished']);
    expect((await journey.state()).cards).toEqual([]);
  });

  it('a wrong one-time code: an error, still the verify step, then the guide goes on', async () => {
    await journey.seed('cards=1&signedIn=0', '/wallet');
    await journey.type('#loginId', walmart.USER.email);
    await journey.clickAndWait('#login-form button[type="submit"]');
    await journey.type('#password', walmart.USER.password);
    await journey.clickAndWait('#sign-in-form button[type="submit"]');
    await journey.clickAndWait('#send-code');
    const code = await walmart.codeSent(journey.page);
    await journey.type('#otp-code', code === '123456' ? '654321' : '123456');
    await journey.clickAndWait('#verify-phone-otp-form button[type="submit"]');
    expect(await journey.page.$eval('#login-alert', (e) => e.textContent)).toMatch(/didn’t work/);
    expect(await journey.stepNow()).toBe('verify');
    const met = await journey.follow();
    expect(met).toEqual(['verify', 'remove', 'remove', 'finished']);
    expect((await journey.state()).cards).toEqual([]);
  });
});
