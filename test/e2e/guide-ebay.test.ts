// The eBay removal guide with the built extension, on the eBay twin under its real host names, followed
// only by what the popup's current step says and what the pointer rings. The person types their e-mail
// and password where eBay asks (Unbind never does).
import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/env';
import * as ebay from '../support/people/ebay.mjs';

describe('eBay guide', () => {
  const journey = useJourney(ebay);

  // The longest journey (14 steps, two popup openings each): more time than the suite's 60 s default when
  // the machine is busy.
  it('from signed out to "no card left": sign-in, passkey offer, the password again, both cards removed', async () => {
    await journey.seed('cards=2&signedIn=0');
    const met = await journey.follow();
    expect(met).toEqual([
      'account', // My eBay
      'signin', // e-mail, Continue
      'signin', // password, Sign in
      'signin', // the passkey offer: Skip for now
      'account', // the Account tab
      'payments',
      'signin', // the password again
      'manage', // the other card first: the preferred one goes last
      'remove',
      'remove',
      'manage',
      'remove',
      'remove',
      'finished',
    ]);
    expect((await journey.state()).cards).toEqual([]);
    expect(await journey.page.$('#no-options')).not.toBeNull();
  }, 180_000);

  it('eBay keeps the card preferred for selling costs while others are on file; the guide removes it last', async () => {
    await journey.seed('cards=2&reauth=1');
    await journey.page.goto(`${ebay.SETTINGS}/payments`, { waitUntil: 'load' });
    // The site's refusal, met by pressing Remove on the preferred card on one's own.
    const preferred = await journey.page.$eval(
      '.option:has(.badge) .manage-option',
      (b) => b.closest('form')!.querySelector('input')!.value,
    );
    await journey.page.goto(`${ebay.SETTINGS}/payments?remove=${preferred}`, { waitUntil: 'load' });
    await journey.clickAndWait('#confirm-remove');
    expect(await journey.page.$eval('#payments-error', (e) => e.textContent)).toMatch(/preferred for selling costs/);
    // Following the guide never leads there: the other card goes first.
    const met = await journey.follow();
    expect(met).toEqual(['manage', 'remove', 'remove', 'manage', 'remove', 'remove', 'finished']);
    expect(met.at(-1)).toBe('finished');
    expect((await journey.state()).cards).toEqual([]);
  });

  it('a wrong password when eBay asks again: an error, still the sign-in step, then the guide goes on', async () => {
    await journey.seed('cards=1');
    await journey.page.goto(`${ebay.SETTINGS}/payments`, { waitUntil: 'load' });
    expect(await journey.shown('#pass')).toBe(true);
    await journey.type('#pass', 'not-my-password');
    await journey.clickAndWait('#sgnBt');
    expect(await journey.page.$eval('#signin-error', (e) => e.textContent)).toMatch(/not a match/);
    expect(await journey.stepNow()).toBe('signin');
    const met = await journey.follow();
    expect(met).toEqual(['signin', 'manage', 'remove', 'remove', 'finished']);
    expect((await journey.state()).cards).toEqual([]);
  });
});
