// @vitest-environment node
// The Etsy twin over HTTP with real Host headers: sign-in and its errors, two-factor with a code (and a
// browser it then trusts), account settings, the saved credit cards with their confirmation and the
// empty list, and a seller's billing card that Etsy keeps on file.
import { describe, expect, it } from 'vitest';
import createEtsySite from '../../fixtures/sites/etsy/index.mjs';
import { serveTwin } from '../support/serve-twin';
import { pageId, pick, SiteClient, textOf, useSites } from '../support/site-client';

const ETSY = 'http://www.etsy.com';
const PASSWORD = 'etsy-pass-1';

let twin: Awaited<ReturnType<typeof serveTwin>>;
let b: SiteClient;
useSites(
  () => serveTwin(createEtsySite),
  (client, served) => {
    b = client;
    twin = served;
  },
);

const seed = (q: string) => b.json(`${ETSY}/__test/seed?${q}`);
const state = () => b.json(`${ETSY}/__test/state?user=shopper@example.com`);
const signIn = (email: string, password: string, from_page = '/') => b.go(`${ETSY}/signin`, { email, password, from_page });

describe('sign-in', () => {
  it('shows the header button, then the form with Etsy’s ids', async () => {
    await seed('cards=1');
    const home = await b.go(`${ETSY}/`);
    expect(home.body).toMatch(/class="wt-btn select-signin signin-header-action" href="\/signin\?from_page=%2F"/);
    const form = await b.go(`${ETSY}/signin?from_page=/your/account`);
    expect(pageId(form)).toBe('signin');
    for (const id of ['join-neu-overlay-title', 'join-neu-form', 'join_neu_email_field', 'join_neu_password_field'])
      expect(form.body).toContain(`id="${id}"`);
    expect(form.body).toMatch(/name="submit_attempt" value="sign-in"/);
    expect(form.body).toContain('name="from_page" value="/your/account"');
  });

  it('says what is wrong, keeps the e-mail, and escapes it', async () => {
    await seed('cards=1');
    let p = await signIn('', '');
    expect(p.status).toBe(400);
    expect(pick(p, /id="aria-join_neu_email_field-error"[^>]*>([^<]+)</)).toBe('Can’t be blank.');
    expect(pick(p, /id="aria-join_neu_password_field-error"[^>]*>([^<]+)</)).toBe('Can’t be blank.');
    p = await signIn('not-an-address', 'x');
    expect(textOf(p)).toContain('Please enter a valid email address.');
    p = await signIn('shopper@example.com', 'wrong');
    expect(pick(p, /id="aria-join_neu_password_field-error"[^>]*>([^<]+)</)).toBe('Password was incorrect.');
    expect(p.body).toMatch(/id="join_neu_email_field"[^>]*value="shopper@example.com"/);
    expect(p.body).not.toContain('value="wrong"');
    p = await signIn('nobody@example.com', 'x');
    expect(textOf(p)).toContain('Email address is invalid.');
    p = await signIn('"><script>alert(1)</script>@x.io', 'x');
    expect(p.body).not.toContain('<script>alert(1)');
  });

  it('signs in and goes back to the page asked for; never to another site', async () => {
    await seed('cards=1');
    const p = await signIn('Shopper@Example.com', PASSWORD, '/your/account/credit-cards');
    expect(pageId(p)).toBe('settings-credit-cards');
    expect(p.body).toContain('class="wt-menu__trigger__label">You<');
    await b.go(`${ETSY}/signout`);
    const away = await signIn('shopper@example.com', PASSWORD, 'https://evil.example/steal');
    expect(new URL(away.url).host).toBe('www.etsy.com');
    expect(pageId(away)).toBe('home');
  });

  it('asks a new browser for the code sent to the phone, refuses a wrong one, then trusts the browser', async () => {
    await seed('cards=1&twofactor=1');
    let p = await signIn('shopper@example.com', PASSWORD, '/your/account');
    expect(pageId(p)).toBe('signin-verify');
    expect(new URL(p.url).pathname).toBe('/signin/verify');
    const code = pick(p, /id="sms-code-text">(\d{6})</);
    p = await b.go(`${ETSY}/signin/verify`, { code: code === '000000' ? '111111' : '000000' });
    expect(p.status).toBe(400);
    expect(textOf(p)).toContain('That code didn’t work.');
    expect(pick(p, /id="sms-code-text">(\d{6})</)).toBe(code);
    expect((await b.go(`${ETSY}/your/account`)).url).toContain('/signin?from_page=');
    p = await b.go(`${ETSY}/signin/verify`, { code });
    expect(pageId(p)).toBe('settings-account');
    // Signed out and in again in the same browser: no code this time. A fresh browser is asked again.
    await b.go(`${ETSY}/signout`);
    expect(pageId(await signIn('shopper@example.com', PASSWORD))).toBe('home');
    const other = new SiteClient(twin.port);
    expect(pageId(await other.go(`${ETSY}/signin`, { email: 'shopper@example.com', password: PASSWORD, from_page: '/' }))).toBe(
      'signin-verify',
    );
  });

  it('sends the code page back to the form when no password was accepted', async () => {
    expect(pageId(await b.go(`${ETSY}/signin/verify`))).toBe('signin');
  });
});

describe('account settings and credit cards', () => {
  it('needs a signed-in person; lists the tabs; reaches the cards', async () => {
    await seed('cards=2');
    expect(new URL((await b.go(`${ETSY}/your/account/credit-cards`)).url).pathname).toBe('/signin');
    await seed('cards=2&signin=1');
    const account = await b.go(`${ETSY}/your/account`);
    expect(pageId(account)).toBe('settings-account');
    for (const label of ['Account', 'Security', 'Addresses', 'Credit Cards', 'Emails']) expect(textOf(account)).toContain(label);
    expect(account.body).toContain('id="menu-account-settings" href="/your/account">Account settings<');
    const cards = await b.go(`${ETSY}${pick(account, /href="([^"]+)" id="tab-credit-cards"/)}`);
    expect(pageId(cards)).toBe('settings-credit-cards');
    expect(cards.body.match(/class="credit-card-row"/g)).toHaveLength(2);
    expect(textOf(cards)).toContain('Visa ending in 4242');
    expect(cards.body.match(/>Remove card</g)).toHaveLength(2);
  });

  it('asks to confirm, removes, and shows the empty list', async () => {
    const { cards } = await seed('cards=2&signin=1');
    const [c1, c2] = cards;
    const confirm = await b.go(`${ETSY}/your/account/credit-cards?confirm=${c1.id}`);
    expect(confirm.body).toMatch(/<dialog id="remove-card-dialog"[^>]* open>/);
    expect(textOf(confirm)).toContain('Remove this card? Visa ending in 4242');
    expect(confirm.body).toContain('id="confirm-remove">Remove card<');
    expect((await b.go(`${ETSY}/your/account/credit-cards`)).body).not.toContain('remove-card-dialog');
    let p = await b.go(`${ETSY}/your/account/credit-cards/remove`, { id: c1.id });
    expect(textOf(p)).toContain('Your card ending in 4242 was removed.');
    expect(p.body).not.toContain('remove-card-dialog');
    p = await b.go(`${ETSY}/your/account/credit-cards/remove`, { id: c1.id });
    expect(p.body).toContain('id="cards-error"');
    p = await b.go(`${ETSY}/your/account/credit-cards/remove`, { id: c2.id });
    expect(p.body).toContain('id="no-cards"');
    expect(textOf(p)).toContain('You don’t have any saved credit cards.');
    expect((await state()).cards).toEqual([]);
  });
});

describe('a seller’s billing card', () => {
  it('is in Finances, not with the saved cards, and the only one on file is not removed', async () => {
    await seed('cards=1&seller=1&signin=1');
    const cards = await b.go(`${ETSY}/your/account/credit-cards`);
    expect(cards.body.match(/class="credit-card-row"/g)).toHaveLength(1);
    expect(cards.body).not.toContain('0077');
    const finances = await b.go(`${ETSY}/your/account/payments`);
    expect(pageId(finances)).toBe('finances');
    const billing = await b.go(`${ETSY}${pick(finances, /href="([^"]+)" id="payment-settings-link"/)}`);
    expect(pageId(billing)).toBe('billing');
    expect(textOf(billing)).toContain('Your cards');
    const id = pick(billing, /class="billing-card-row" data-card-id="([^"]+)"/);
    const refused = await b.go(`${ETSY}/your/account/payments/settings/remove`, { id });
    expect(refused.status).toBe(409);
    expect(textOf(refused)).toContain('must have a credit or debit card on file');
    expect((await state()).shop.billingCards).toHaveLength(1);
  });

  it('a buyer without a shop has no billing page', async () => {
    await seed('cards=1&signin=1');
    expect(pageId(await b.go(`${ETSY}/your/account/payments/settings`))).toBe('finances');
  });
});

describe('hosts, hooks and reset', () => {
  it('sends etsy.com to www.etsy.com, answers 404, and forgets everything on reset', async () => {
    const bare = await b.send('GET', 'http://etsy.com/your/account?x=1');
    expect(bare.status).toBe(301);
    expect(bare.location).toBe(`${ETSY}/your/account?x=1`);
    expect((await b.go(`${ETSY}/no/such/page`)).status).toBe(404);
    await seed('cards=1&signin=1');
    expect((await b.json(`${ETSY}/__test/state`)).cards).toHaveLength(1);
    twin.site.reset();
    expect((await b.json(`${ETSY}/__test/state`)).error).toBeTruthy();
  });
});
