// @vitest-environment node
// The eBay twin driven over HTTP with real Host headers: sign-in in two steps and the passkey offer, the
// password asked again before payments, the payment options with Manage / Remove / confirm, the option
// preferred for selling costs that goes only last, the empty list, adding a card, and the test hooks.
import { describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../fixtures/server.mjs';
import { pageId, pick, type SiteClient, textOf, useSites } from '../support/site-client';

const WWW = 'http://www.ebay.com';
const SIGNIN = 'http://signin.ebay.com';
const SETTINGS = 'http://accountsettings.ebay.com';
const PASSWORD = 'fixture-pass-1';

let b: SiteClient;
useSites(startFixtureServer, (client) => {
  b = client;
});

const seed = (q: string) => b.json(`${WWW}/__test/seed?${q}`);
const state = () => b.json(`${WWW}/__test/state`);
const optionIds = (p: { body: string }) => [...p.body.matchAll(/data-option-id="([^"]+)"/g)].map((m) => m[1]);

/** Signs in from a signed-out page; returns the page it lands on after the passkey offer. */
async function signIn(from: string, password = PASSWORD) {
  const user = await b.go(from);
  expect(pageId(user)).toBe('signin-user');
  const ru = pick(user, /name="ru" value="([^"]+)"/);
  const again: Record<string, string> = user.body.includes('name="reauth" value="1"') ? { reauth: '1' } : {};
  const pass = await b.go(`${SIGNIN}/signin/s`, { ru, ...again, userid: 'shopper@example.com', step: 'user' });
  expect(pageId(pass)).toBe('signin-password');
  expect(pass.body).toContain('id="pass"');
  expect(pass.body).toContain('id="sgnBt"');
  const passkeys = await b.go(`${SIGNIN}/signin/s`, { ru, ...again, userid: 'shopper@example.com', step: 'password', pass: password });
  expect(pageId(passkeys)).toBe('signin-passkeys');
  return b.go(pick(passkeys, /id="passkeys-cancel-btn" href="([^"]+)"/));
}

/** Enters the password again where payments ask for it; returns the payments page. */
async function reauth(ru = `${SETTINGS}/payments`) {
  return b.go(`${SIGNIN}/signin/s`, { ru, userid: 'shopper@example.com', reauth: '1', step: 'password', pass: PASSWORD });
}

describe('sign-in', () => {
  it('asks for the e-mail or user ID, then the password, then offers a passkey and returns', async () => {
    await seed('cards=1&signedIn=0');
    const summary = await signIn(`${WWW}/mye/myebay/summary`);
    expect(pageId(summary)).toBe('myebay-summary');
    expect(textOf(summary)).toMatch(/Hi Shopper ?!/);
    expect(summary.body).toContain('id="tab-account"');
  });

  it('refuses an unknown account, a wrong password and an empty one, and escapes what was typed', async () => {
    await seed('signedIn=0');
    const ru = `${WWW}/`;
    const unknown = await b.go(`${SIGNIN}/signin/s`, { ru, userid: '"><script>x</script>', step: 'user' });
    expect(unknown.status).toBe(400);
    expect(textOf(unknown)).toContain('We couldn’t find this eBay account.');
    expect(unknown.body).not.toContain('<script>x');
    const wrong = await b.go(`${SIGNIN}/signin/s`, { ru, userid: 'shopper@example.com', step: 'password', pass: 'nope' });
    expect(pageId(wrong)).toBe('signin-password');
    expect(textOf(wrong)).toContain('Oops, that’s not a match.');
    const empty = await b.go(`${SIGNIN}/signin/s`, { ru, userid: 'shopper@example.com', step: 'password', pass: '' });
    expect(textOf(empty)).toContain('Enter your password.');
    expect((await b.send('GET', `${WWW}/__test/state`)).status).toBe(404);
  });

  it('sends a signed-in person straight back, and signs out', async () => {
    await seed('cards=1');
    const back = await b.send('GET', `${SIGNIN}/ws/eBayISAPI.dll?SignIn&ru=${encodeURIComponent(`${WWW}/`)}`);
    expect(back.location).toBe(`${WWW}/`);
    const out = await b.go(`${WWW}/signout`);
    expect(textOf(out)).toContain('Sign in');
    expect((await b.send('GET', `${WWW}/__test/state`)).status).toBe(404);
  });

  it('never sends a person back to another site', async () => {
    const page = await b.go(`${SIGNIN}/ws/eBayISAPI.dll?SignIn&ru=${encodeURIComponent('http://evil.example/')}`);
    expect(pick(page, /name="ru" value="([^"]+)"/)).toBe(`${WWW}/`);
  });
});

describe('account settings and the password again', () => {
  it('links Personal information and Payments; both ask for the password first', async () => {
    await seed('cards=2');
    const hub = await b.go(`${SETTINGS}/uas`);
    expect(pageId(hub)).toBe('settings-hub');
    expect(hub.body).toContain('id="account-settings-link-PI"');
    expect(pick(hub, /id="account-settings-link-PAY" href="([^"]+)"/)).toBe(`${SETTINGS}/payments`);
    const ask = await b.go(`${SETTINGS}/payments`);
    expect(pageId(ask)).toBe('signin-reauth');
    expect(textOf(ask)).toContain('Please verify it’s you');
    const wrong = await b.go(`${SIGNIN}/signin/s`, {
      ru: `${SETTINGS}/payments`,
      userid: 'shopper@example.com',
      reauth: '1',
      step: 'password',
      pass: 'nope',
    });
    expect(pageId(wrong)).toBe('signin-reauth');
    expect(textOf(wrong)).toContain('Oops, that’s not a match.');
    const payments = await reauth();
    expect(pageId(payments)).toBe('settings-payments');
    // Once entered, the password is not asked again for a while.
    expect(pageId(await b.go(`${SETTINGS}/profile`))).toBe('settings-profile');
  });

  it('sends a signed-out person to sign in, which counts for payments too', async () => {
    await seed('cards=1&signedIn=0');
    const payments = await signIn(`${SETTINGS}/payments`);
    expect(pageId(payments)).toBe('settings-payments');
  });
});

describe('payment options', () => {
  it('lists the cards with Manage beneath each, the preferred one labelled', async () => {
    await seed('cards=3&reauth=1');
    const p = await b.go(`${SETTINGS}/payments`);
    expect(textOf(p)).toContain('Payment options');
    expect(textOf(p)).toContain('Add payment option');
    expect(p.body.match(/>Manage</g)).toHaveLength(3);
    expect(p.body.match(/>Preferred for selling costs</g)).toHaveLength(1);
  });

  it('removes a card through Manage, Remove and the confirmation', async () => {
    await seed('cards=2&reauth=1');
    const [first, second] = optionIds(await b.go(`${SETTINGS}/payments`));
    const manage = await b.go(`${SETTINGS}/payments?manage=${second}`);
    expect(manage.body).toMatch(/<dialog id="manage-dialog"[^>]* open>/);
    expect(manage.body).toContain('id="remove-option"');
    const confirm = await b.go(`${SETTINGS}/payments?remove=${second}`);
    expect(confirm.body).toMatch(/<dialog id="remove-dialog"[^>]* open>/);
    expect(textOf(confirm)).toContain('Remove this payment option?');
    const done = await b.go(`${SETTINGS}/payments/remove`, { id: second! });
    expect(textOf(done)).toContain('The card ending in 4444 was removed.');
    expect((await state()).cards.map((c: { id: string }) => c.id)).toEqual([first]);
  });

  it('keeps the card preferred for selling costs while others are on file; it goes last, or after another is preferred', async () => {
    await seed('cards=3&reauth=1');
    const [preferred, second, third] = optionIds(await b.go(`${SETTINGS}/payments`));
    const refused = await b.go(`${SETTINGS}/payments/remove`, { id: preferred! });
    expect(textOf(refused)).toContain('You can’t remove the payment option that’s preferred for selling costs');
    expect((await state()).cards).toHaveLength(3);
    // Another one preferred: the first can go.
    expect(textOf(await b.go(`${SETTINGS}/payments/preferred`, { id: second! }))).toContain('was updated');
    expect(textOf(await b.go(`${SETTINGS}/payments/remove`, { id: preferred! }))).toContain('ending in 4242 was removed');
    // The rest: the non-preferred first, then the preferred one as the last card.
    await b.go(`${SETTINGS}/payments/remove`, { id: third! });
    const empty = await b.go(`${SETTINGS}/payments/remove`, { id: second! });
    expect(textOf(empty)).toContain('eBay does not currently have a payment method on file for you.');
    expect(empty.body).not.toContain('>Manage<');
    expect((await state()).cards).toEqual([]);
  });

  it('adds a card after checking it, and refuses the same card twice', async () => {
    await seed('cards=0&reauth=1');
    const form = { holder: 'ANNA SHOPPER', number: '4111 1111 1111 1112', expiry: '12/39', cvv: '123' };
    const bad = await b.go(`${SETTINGS}/payments/add`, form);
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('id="add-number-error"');
    const ok = await b.go(`${SETTINGS}/payments/add`, { ...form, number: '4111 1111 1111 1111' });
    expect(textOf(ok)).toContain('The card ending in 1111 was added.');
    const twice = await b.go(`${SETTINGS}/payments/add`, { ...form, number: '4111111111111111' });
    expect(textOf(twice)).toContain('This card is already on file.');
    expect((await state()).cards).toEqual([{ id: expect.any(String), brand: 'Visa', last4: '1111', expiry: '12/39', preferred: false }]);
  });
});

describe('test hooks', () => {
  it('seeds, reports and resets', async () => {
    const s = await seed('cards=2&preferred=last');
    expect(s.cards.map((c: { preferred: boolean }) => c.preferred)).toEqual([false, true]);
    expect((await b.json(`${SETTINGS}/__test/state`)).user).toBe('shopper@example.com');
    await b.json(`${SIGNIN}/__test/reset`);
    expect((await b.send('GET', `${WWW}/__test/state`)).status).toBe(404);
    expect((await b.send('GET', `${SIGNIN}/__test/seed`)).status).toBe(400);
  });
});
