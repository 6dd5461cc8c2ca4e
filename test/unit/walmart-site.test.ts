// @vitest-environment node
// The Walmart twin driven over HTTP: sign-in (e-mail, password, and the one-time code on a new browser),
// the header's account flyout, Account and the Wallet, deleting with its confirmation, the card paying
// Walmart+ and the card paying a pending order that Walmart keeps, adding and editing a card, test hooks.
import { describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../fixtures/server.mjs';
import { pageId, pick, type SiteClient, textOf, useSites } from '../support/site-client';

const WM = 'http://www.walmart.com';
const PASSWORD = 'fixture-pass-1';

let b: SiteClient;
useSites(startFixtureServer, (client) => {
  b = client;
});

const seed = (q: string) => b.json(`${WM}/__test/seed?${q}`);
const state = () => b.json(`${WM}/__test/state?user=shopper@example.com`);
const cardIds = (p: { body: string }) => [...p.body.matchAll(/<li data-card-id="([^"]+)"/g)].map((m) => m[1]!);

/** E-mail and password from a page that sent the person to sign in; returns the page after the password. */
async function emailAndPassword(from: string, password = PASSWORD) {
  const login = await b.go(from);
  expect(pageId(login)).toBe('login-email');
  expect(textOf(login)).toContain('Sign in or create account');
  const pass = await b.go(`${WM}/account/login`, { action: 'email', loginId: 'shopper@example.com' });
  expect(pageId(pass)).toBe('login-password');
  return b.go(`${WM}/account/login`, { action: 'password', password });
}

describe('sign-in', () => {
  it('on a new browser asks for a one-time code: Send Code, a wrong code, the right one; then back where the person was', async () => {
    await seed('cards=1&signedIn=0');
    const verify = await emailAndPassword(`${WM}/wallet`);
    expect(pageId(verify)).toBe('login-verify');
    expect(verify.body).toContain('data-testid="verifyitsyou-title"');
    expect(textOf(verify)).toContain('Send Code');
    const sent = await b.go(`${WM}/account/login`, { action: 'send' });
    expect(sent.body).toContain('id="verify-phone-otp-form"');
    const code = pick(sent, /id="otp-code-text">(\d{6})</);
    const wrong = await b.go(`${WM}/account/login`, { action: 'verify', code: code === '000000' ? '111111' : '000000' });
    expect(pageId(wrong)).toBe('login-verify-code');
    expect(textOf(wrong)).toContain('That code didn’t work.');
    const wallet = await b.go(`${WM}/account/login`, { action: 'verify', code });
    expect(pageId(wallet)).toBe('walmart-wallet');
    // The browser is remembered: after signing out, no code is asked.
    await b.go(`${WM}/account/logout`);
    expect(pageId(await emailAndPassword(`${WM}/account`))).toBe('walmart-account');
  });

  it('refuses an unknown e-mail and a wrong password (with the reset link), and escapes what was typed', async () => {
    await seed('signedIn=0');
    await b.go(`${WM}/account/login?returnUrl=%2F`);
    const unknown = await b.go(`${WM}/account/login`, { action: 'email', loginId: '"><script>x</script>' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).not.toContain('<script>x');
    expect(textOf(unknown)).toContain('We couldn’t find an account with that email address.');
    await b.go(`${WM}/account/login`, { action: 'email', loginId: 'shopper@example.com' });
    const wrong = await b.go(`${WM}/account/login`, { action: 'password', password: 'nope' });
    expect(pageId(wrong)).toBe('login-password');
    expect(wrong.body).toMatch(/data-testid="alert"[\s\S]*link-identifier="resetPasswordLink"/);
    const back = await b.go(`${WM}/account/login/change`);
    expect(pageId(back)).toBe('login-email');
  });

  it('goes back only to a page of the site', async () => {
    await seed('cards=1&trusted=1');
    const away = await b.send('GET', `${WM}/account/login?returnUrl=${encodeURIComponent('//evil.example/')}`);
    expect(away.location).toBe(`${WM}/`);
  });
});

describe('header, Account and Wallet', () => {
  it('shows the account button and its flyout, and Account links the Wallet', async () => {
    await seed('signedIn=0');
    const out = await b.go(`${WM}/`);
    expect(out.body).toContain('data-automation-id="headerSignIn"');
    expect(out.body).toMatch(/data-testid="sign-in" href="\/account\/login\?[^"]*returnUrl=%2F"/);
    await seed('cards=2&trusted=1');
    const home = await b.go(`${WM}/`);
    expect(home.body).toMatch(/id="account-button" link-identifier="Account"/);
    expect(home.body).toMatch(/data-testid="account-flyout" hidden>[\s\S]*<a link-identifier="Account" href="\/account">/);
    const account = await b.go(`${WM}/account`);
    expect(account.body).toContain('<a href="/wallet">Wallet</a>');
    const wallet = await b.go(`${WM}/wallet`);
    expect(wallet.body).toContain('data-testid="carousel-container"');
    expect(cardIds(wallet)).toHaveLength(2);
    expect(textOf(wallet)).toContain('Add new payment method');
  });

  it('deletes a card after its confirmation; the empty Wallet has no card list', async () => {
    await seed('cards=2&trusted=1');
    const [first, second] = cardIds(await b.go(`${WM}/wallet`));
    const dialog = await b.go(`${WM}/wallet?delete=${first}`);
    expect(dialog.body).toMatch(/<dialog id="delete-dialog"[^>]* open>/);
    expect(textOf(dialog)).toContain('Delete this card?');
    expect(textOf(await b.go(`${WM}/wallet/delete`, { id: first! }))).toContain('Your card ending in 4242 was deleted.');
    const empty = await b.go(`${WM}/wallet/delete`, { id: second! });
    expect(empty.body).not.toContain('data-testid="carousel-container"');
    expect(textOf(empty)).toContain('No cards saved.');
    expect((await state()).cards).toEqual([]);
  });
});

describe("Walmart's rules", () => {
  it('keeps the card paying Walmart+ while other cards are saved; another card for Walmart+, or the last card, can go', async () => {
    await seed('cards=3&plus=first&trusted=1');
    const [plus, second, third] = cardIds(await b.go(`${WM}/wallet`));
    const refused = await b.go(`${WM}/wallet/delete`, { id: plus! });
    expect(textOf(refused)).toContain('This card pays for your Walmart+ membership.');
    expect(refused.body.match(/>Walmart\+</g)?.length).toBeGreaterThan(0);
    expect((await state()).cards).toHaveLength(3);
    // Another card for Walmart+: the first goes.
    expect(textOf(await b.go(`${WM}/plus/account/payment`, { id: second! }))).toContain('payment method was updated');
    expect(textOf(await b.go(`${WM}/wallet/delete`, { id: plus! }))).toContain('ending in 4242 was deleted');
    await b.go(`${WM}/wallet/delete`, { id: third! });
    // The last card, though it pays Walmart+, can go; the membership is left without one.
    expect(textOf(await b.go(`${WM}/wallet/delete`, { id: second! }))).toContain('was deleted');
    expect(textOf(await b.go(`${WM}/plus/account`))).toContain('No payment method: add one before your membership renews.');
    expect((await state()).plus).toEqual({ cardId: null });
  });

  it('keeps a card paying an order that has not shipped; the order can change card once, or ship', async () => {
    await seed('cards=3&pending=0&trusted=1');
    const [paying, second, third] = cardIds(await b.go(`${WM}/wallet`));
    expect(textOf(await b.go(`${WM}/wallet/delete`, { id: paying! }))).toContain("being used for an order that hasn't shipped yet");
    const orderId = (await state()).orders.find((o: { status: string }) => o.status === 'Preparing order').id;
    expect(textOf(await b.go(`${WM}/orders/payment`, { order: orderId, id: second! }))).toContain("order's payment method was updated");
    expect(textOf(await b.go(`${WM}/orders/payment`, { order: orderId, id: third! }))).toContain('only once');
    expect(textOf(await b.go(`${WM}/wallet/delete`, { id: paying! }))).toContain('was deleted');
    expect(textOf(await b.go(`${WM}/wallet/delete`, { id: second! }))).toContain("hasn't shipped yet");
    await b.json(`${WM}/__test/ship?user=shopper@example.com`);
    expect(textOf(await b.go(`${WM}/wallet/delete`, { id: second! }))).toContain('was deleted');
  });
});

describe('adding and editing', () => {
  it('adds a checked card once, and edits only the expiry (a new number means delete and add again)', async () => {
    await seed('cards=0&trusted=1');
    const form = { holder: 'ANNA SHOPPER', number: '4111 1111 1111 1112', expiry: '12/39', cvv: '123' };
    expect((await b.go(`${WM}/wallet/add`, form)).body).toContain('id="card-number-error"');
    expect(textOf(await b.go(`${WM}/wallet/add`, { ...form, number: '4111111111111111' }))).toContain('ending in 1111 was added');
    expect(textOf(await b.go(`${WM}/wallet/add`, { ...form, number: '4111111111111111' }))).toContain('already in your Wallet');
    const [id] = cardIds(await b.go(`${WM}/wallet`));
    const edit = await b.go(`${WM}/wallet/edit?id=${id}`);
    expect(textOf(edit)).toContain('If your card number has changed, delete the card, and add it again.');
    expect(edit.body).not.toContain('id="card-number"');
    expect((await b.go(`${WM}/wallet/edit`, { id: id!, expiry: '01/20' })).status).toBe(400);
    expect(textOf(await b.go(`${WM}/wallet/edit`, { id: id!, expiry: '02/40' }))).toContain('was updated');
    expect((await state()).cards[0].expiry).toBe('02/40');
  });
});

describe('test hooks', () => {
  it('seeds, reports, and resets', async () => {
    const s = await seed('cards=2&plus=last&pending=0');
    expect(s.cards.map((c: { plus: boolean }) => c.plus)).toEqual([false, true]);
    expect(s.orders.map((o: { status: string }) => o.status)).toEqual(['Delivered', 'Preparing order']);
    await b.json(`${WM}/__test/reset`);
    expect((await b.send('GET', `${WM}/__test/state`)).status).toBe(404);
  });
});
