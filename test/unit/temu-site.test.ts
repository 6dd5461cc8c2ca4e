// @vitest-environment node
// The Temu twin over HTTP with the real Host: sign-in (e-mail, then password; a wrong password), the
// new-device code (a wrong code), the account pages, "Your payment methods" with its Delete dialog and
// the default-card rule, the empty list, registration of an unknown e-mail and the test hooks.
import { describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../fixtures/server.mjs';
import { type Form, pageId, type SiteClient, textOf, useSites } from '../support/site-client.ts';

const TEMU = 'http://www.temu.com';
const USER = 'shopper@example.com';
const PASSWORD = 'temu-pass-1';

let b: SiteClient;
useSites(startFixtureServer, (client) => {
  b = client;
});

const seed = (query: string) => b.go(`${TEMU}/__test/seed?user=${USER}&${query}`);
const state = () => b.json(`${TEMU}/__test/state?user=${USER}`);

const login = (from: string, fields: Form) => b.go(`${TEMU}/login.html`, { from, ...fields });

describe('Temu twin: sign-in', () => {
  it('home shows the welcome promo and "Sign in / Register" to a visitor; the account pages send to login.html', async () => {
    const home = await b.go(`${TEMU}/`);
    expect(home.body).toMatch(/<div role="dialog"[^>]*class="promo-box"><img alt="close icon"/);
    expect(home.body).toMatch(/<header id="mainHeader"><div class="mainContent">/);
    expect(home.body).toMatch(/<div role="button"[^>]*>Sign in \/ Register<\/div>/);
    const orders = await b.go(`${TEMU}/bgp_payment_methods.html`);
    expect(orders.url).toBe(`${TEMU}/login.html?from=%2Fbgp_payment_methods.html`);
    expect(orders.body).toContain('id="user-account"');
    expect(orders.body).not.toContain('id="pwdInputInLoginDialog"');
    expect((await b.go('http://temu.com/bgt_orders.html')).url).toMatch(/^http:\/\/www\.temu\.com\/login\.html/);
  });

  it('e-mail, then password; a wrong password is refused and the page stays the password step', async () => {
    await seed('cards=1');
    const empty = await login('/', { stage: 'account', account: '' });
    expect(textOf(empty)).toContain('Please enter your email or phone number.');
    const pwd = await login('/bgt_orders.html', { stage: 'account', account: USER });
    expect(pageId(pwd)).toBe('temu-login-password');
    expect(pwd.body).toContain('id="pwdInputInLoginDialog"');
    const wrong = await login('/bgt_orders.html', { stage: 'password', account: USER, password: 'nope' });
    expect(pageId(wrong)).toBe('temu-login-password');
    expect(textOf(wrong)).toContain('Incorrect password. Please try again.');
    const ok = await login('/bgt_orders.html', { stage: 'password', account: USER, password: PASSWORD });
    expect(pageId(ok)).toBe('temu-orders');
    expect(ok.body).toContain('Orders &amp; Account');
    expect(textOf(ok)).toContain('Your payment methods');
  });

  it('a new device: a code is e-mailed; a wrong code is refused, the right one signs in and the device is known after', async () => {
    await seed('cards=1&verify=1');
    const check = await login('/bgp_payment_methods.html', { stage: 'password', account: USER, password: PASSWORD });
    expect(check.url).toMatch(/\/bgn_login_verification\.html\?VerifyAuthToken=[\w-]+&from=%2Fbgp_payment_methods\.html$/);
    const code = /id="mail-code-text">(\d{6})</.exec(check.body)?.[1] ?? '';
    expect((await state()).code).toBe(code);
    const wrong = await b.go(check.url, { code: code === '123456' ? '654321' : '123456' });
    expect(pageId(wrong)).toBe('temu-login-verification');
    expect(textOf(wrong)).toContain('The verification code is incorrect. Please try again.');
    const ok = await b.go(check.url, { code });
    expect(pageId(ok)).toBe('temu-payment-methods');
    expect((await state()).verify).toBe(false);
    // The token worked once.
    expect(pageId(await b.go(check.url))).toBe('temu-payment-methods'); // to login.html, signed in: on to `from`
  });

  it('an unknown e-mail registers with the password it gives', async () => {
    const pwd = await login('/', { stage: 'account', account: 'new@example.com' });
    expect(textOf(pwd)).toContain('Create a password');
    const short = await login('/', { stage: 'password', account: 'new@example.com', password: '123' });
    expect(textOf(short)).toContain('Use at least 6 characters.');
    const home = await login('/bgp_payment_methods.html', { stage: 'password', account: 'new@example.com', password: 'secret-1' });
    expect(textOf(home)).toContain('You have no saved cards.');
  });
});

describe('Temu twin: saved cards', () => {
  it('lists the cards with the default marked; Delete asks first; the default one is refused while others remain', async () => {
    await seed('cards=3&signedIn=1');
    const list = await b.go(`${TEMU}/bgp_payment_methods.html`);
    expect(list.body.match(/class="card-row"/g)).toHaveLength(3);
    expect(list.body.match(/>Delete</g)).toHaveLength(3);
    expect(list.body).toMatch(/data-last4="4242">[\s\S]*?<span class="default-badge">Default<\/span>/);
    const dialog = await b.go(`${TEMU}/bgp_payment_methods.html?delete=card_1`);
    expect(dialog.body).toMatch(/<dialog open data-modal id="delete-dialog"/);
    expect(textOf(dialog)).toContain('Visa •••• 4242 will be removed from your Temu account.');
    const refused = await b.go(`${TEMU}/bgp_payment_methods.html`, { action: 'delete', id: 'card_1' });
    expect(textOf(refused)).toContain('You can’t delete your default payment method while other cards are saved.');
    expect((await state()).cards).toHaveLength(3);
    expect(textOf(await b.go(`${TEMU}/bgp_payment_methods.html`, { action: 'delete', id: 'card_2' }))).toContain(
      'Card ending in 4444 deleted.',
    );
    // Another default: the old one can go now.
    expect(textOf(await b.go(`${TEMU}/bgp_payment_methods.html`, { action: 'default', id: 'card_3' }))).toContain(
      'Card ending in 1881 is now your default payment method.',
    );
    await b.go(`${TEMU}/bgp_payment_methods.html`, { action: 'delete', id: 'card_1' });
    // The last card goes even though it is the default.
    const empty = await b.go(`${TEMU}/bgp_payment_methods.html`, { action: 'delete', id: 'card_3' });
    expect(textOf(empty)).toContain('You have no saved cards.');
    expect(empty.body).not.toMatch(/>Delete</);
    expect((await state()).cards).toEqual([]);
  });

  it('the default listed last with defaultLast=1; signing out; reset forgets everything', async () => {
    await seed('cards=2&defaultLast=1&signedIn=1');
    expect((await state()).cards.map((c: { default: boolean }) => c.default)).toEqual([false, true]);
    expect(pageId(await b.go(`${TEMU}/logout.html`))).toBe('temu-home');
    expect(pageId(await b.go(`${TEMU}/bgt_orders.html`))).toBe('temu-login');
    await b.go(`${TEMU}/__test/reset`);
    expect((await b.send('GET', `${TEMU}/__test/state?user=${USER}`)).status).toBe(404);
    expect((await b.go(`${TEMU}/nothing-here`)).status).toBe(404);
  });
});
