// @vitest-environment node
// The Booking.com twin over HTTP with real Host headers: e-mail first sign-in with its errors, the code a
// new device must enter, registration, the hop back to www with a one-time ticket, account settings,
// payment details (confirm, remove, add, the empty list) and a card an upcoming stay still needs.
import { describe, expect, it } from 'vitest';
import createBookingSite from '../../fixtures/sites/booking/index.mjs';
import { serveTwin } from '../support/serve-twin';
import { pageId, pick, SiteClient, textOf, useSites } from '../support/site-client';

const WWW = 'http://www.booking.com';
const SECURE = 'http://secure.booking.com';
const ACCOUNT = 'http://account.booking.com';
const PASSWORD = 'Booking-pass-1';

let twin: Awaited<ReturnType<typeof serveTwin>>;
let b: SiteClient;
useSites(
  () => serveTwin(createBookingSite),
  (client, served) => {
    b = client;
    twin = served;
  },
);

const seed = (q: string) => b.json(`${ACCOUNT}/__test/seed?${q}`);
const state = () => b.json(`${ACCOUNT}/__test/state?user=traveller@example.com`);

/** From www's "Sign in" through the e-mail and password pages. */
async function signIn(email = 'traveller@example.com', password = PASSWORD) {
  const home = await b.go(`${WWW}/`);
  const start = await b.go(pick(home, /data-testid="header-sign-in-button" href="([^"]+)"/));
  expect(pageId(start)).toBe('sign-in');
  const pw = await b.go(`${ACCOUNT}/sign-in`, { username: email });
  expect(pageId(pw)).toBe('sign-in-password');
  return b.go(`${ACCOUNT}/sign-in/password`, { password });
}

describe('sign-in', () => {
  it('asks for the e-mail first, with Booking.com’s messages', async () => {
    const p = await b.go(`${ACCOUNT}/sign-in`);
    expect(textOf(p)).toContain('Sign in or create an account');
    expect(p.body).toMatch(/type="email" id="username" name="username" placeholder="Enter your email address"/);
    expect(textOf(p)).toContain('Continue with email');
    let e = await b.go(`${ACCOUNT}/sign-in`, { username: '' });
    expect(e.status).toBe(400);
    expect(pick(e, /id="username-note"[^>]*>([^<]+)</)).toBe('Enter your email address');
    e = await b.go(`${ACCOUNT}/sign-in`, { username: 'asdasd' });
    expect(pick(e, /id="username-note"[^>]*>([^<]+)</)).toBe('Make sure the email address you entered is correct.');
    expect(e.body).toMatch(/id="username"[^>]*value="asdasd"/);
  });

  it('refuses an empty or wrong password, then signs in on www with a one-time ticket', async () => {
    await seed('cards=1');
    const empty = await signIn('traveller@example.com', '');
    expect(pick(empty, /id="password-note"[^>]*>([^<]+)</)).toBe('Enter your Booking.com password');
    const wrong = await b.go(`${ACCOUNT}/sign-in/password`, { password: 'nope' });
    expect(wrong.status).toBe(400);
    expect(new URL(wrong.url).pathname).toBe('/sign-in/password');
    expect(pick(wrong, /id="password-note"[^>]*>([^<]+)</)).toBe('The email and password combination entered doesn’t match.');
    const home = await b.go(`${ACCOUNT}/sign-in/password`, { password: PASSWORD });
    expect(pageId(home)).toBe('home');
    expect(new URL(home.url).host).toBe('www.booking.com');
    expect(home.body).toContain('data-testid="header-profile" aria-label="Your profile"');
    expect(b.cookiesFor('www.booking.com').has('bkng_sess')).toBe(true);
  });

  it('asks a new device for the texted code, refuses a wrong one, then remembers the device', async () => {
    await seed('cards=1&verify=1');
    let p = await signIn();
    expect(pageId(p)).toBe('sign-in-verification');
    expect(new URL(p.url).pathname).toBe('/sign-in/verification');
    expect(p.body).toContain('id="sms_code"');
    expect(p.body).toContain('class="icon-nav-list nw-signin-verification"');
    const code = pick(p, /id="sms-code-text">(\d{6})</);
    p = await b.go(`${ACCOUNT}/sign-in/verification`, { sms_code: code === '000000' ? '111111' : '000000' });
    expect(p.status).toBe(400);
    expect(textOf(p)).toContain('That code isn’t right.');
    p = await b.go(`${ACCOUNT}/sign-in/verification`, { sms_code: code });
    expect(pageId(p)).toBe('home');
    // The same device signs in again without a code.
    await b.go(pick(p, /id="menu-sign-out" href="([^"]+)"/));
    expect(pageId(await signIn())).toBe('home');
  });

  it('skips the code pages without a password, and sends an unknown e-mail to create a password', async () => {
    expect(pageId(await b.go(`${ACCOUNT}/sign-in/verification`))).toBe('sign-in');
    await b.go(`${ACCOUNT}/sign-in`);
    const reg = await b.go(`${ACCOUNT}/sign-in`, { username: 'new.person@example.com' });
    expect(pageId(reg)).toBe('register-password');
    expect(textOf(reg)).toContain('Use a minimum of 10 characters, including uppercase letters, lowercase letters, and numbers.');
    const short = await b.go(`${ACCOUNT}/register/password`, { new_password: 'wq', confirmed_password: 'wq' });
    expect(textOf(short)).toContain('Your password must be at least 10 characters');
    const differ = await b.go(`${ACCOUNT}/register/password`, { new_password: 'Abcdefghij1', confirmed_password: 'Abcdefghij2' });
    expect(textOf(differ)).toContain('The passwords you entered didn’t match – try again');
    expect(pageId(await b.go(`${ACCOUNT}/register/password`, { new_password: 'Abcdefghij1', confirmed_password: 'Abcdefghij1' }))).toBe(
      'home',
    );
  });

  it('never sends a ticket to a foreign host, and a ticket works once', async () => {
    await seed('cards=1');
    await b.go(`${ACCOUNT}/sign-in?op_token=${encodeURIComponent('https://evil.example/x')}`);
    await b.go(`${ACCOUNT}/sign-in`, { username: 'traveller@example.com' });
    const first = await b.send('POST', `${ACCOUNT}/sign-in/password`, { password: PASSWORD });
    const hop = new URL(first.location ?? '');
    expect(hop.host).toBe('www.booking.com');
    expect(pageId(await b.go(hop.href))).toBe('home');
    const thief = new SiteClient(twin.port);
    await thief.go(hop.href);
    expect(thief.cookiesFor('www.booking.com').has('bkng_sess')).toBe(false);
  });
});

describe('account settings and payment details', () => {
  it('sends a signed-out person to sign in and back to the page asked for', async () => {
    await seed('cards=2');
    const p = await b.go(`${ACCOUNT}/mysettings/payment`);
    expect(pageId(p)).toBe('sign-in');
    await b.go(`${ACCOUNT}/sign-in`, { username: 'traveller@example.com' });
    const back = await b.go(`${ACCOUNT}/sign-in/password`, { password: PASSWORD });
    expect(pageId(back)).toBe('mysettings-payment');
  });

  it('lists the settings, and the saved cards as Booking.com shows a payment instrument', async () => {
    await seed('cards=2&signin=1');
    const settings = await b.go(`${ACCOUNT}/mysettings`);
    expect(pageId(settings)).toBe('mysettings');
    expect(textOf(settings)).toContain('Payment details Securely add or remove payment methods to make it easier when you book.');
    const payment = await b.go(`${ACCOUNT}${pick(settings, /href="([^"]+)" id="manage-payment">Manage payment details</)}`);
    expect(pageId(payment)).toBe('mysettings-payment');
    expect(payment.body.match(/data-testid="payment-instrument">/g)).toHaveLength(2);
    expect(textOf(payment)).toContain('Payment cards');
    expect(textOf(payment)).toContain('•••• 4242');
    expect(payment.body).toContain('data-testid="payment-instrument-icon"');
  });

  it('asks to confirm, removes, and shows the empty list', async () => {
    const { cards } = await seed('cards=2&signin=1');
    const confirm = await b.go(`${ACCOUNT}/mysettings/payment?confirm=${cards[0].id}`);
    expect(confirm.body).toMatch(/<dialog id="remove-card-dialog"[^>]* open>/);
    expect(textOf(confirm)).toContain('Remove this card? Visa •••• 4242');
    let p = await b.go(`${ACCOUNT}/mysettings/payment/remove`, { id: cards[0].id });
    expect(textOf(p)).toContain('Your card ending in 4242 has been removed.');
    expect(p.body.match(/data-testid="payment-instrument">/g)).toHaveLength(1);
    p = await b.go(`${ACCOUNT}/mysettings/payment/remove`, { id: cards[1].id });
    expect(p.body).toContain('id="no-cards"');
    expect(p.body).not.toContain('data-testid="payment-instrument"');
    expect((await state()).cards).toEqual([]);
  });

  it('keeps a card an upcoming stay needs, and says why', async () => {
    const { cards, trips } = await seed('cards=2&stay=1&signin=1');
    expect(trips[0].cardId).toBe(cards[0].id);
    const p = await b.go(`${ACCOUNT}/mysettings/payment/remove`, { id: cards[0].id });
    expect(p.body).toContain('id="payment-error"');
    expect(textOf(p)).toContain('being used for an upcoming booking');
    expect((await state()).cards).toHaveLength(2);
    expect(pageId(await b.go(`${ACCOUNT}/mysettings/payment/remove`, { id: cards[1].id }))).toBe('mysettings-payment');
    expect((await state()).cards.map((c: { id: string }) => c.id)).toEqual([cards[0].id]);
  });

  it('adds a card after checking it, and never echoes the number', async () => {
    await seed('signin=1');
    const bad = await b.go(`${ACCOUNT}/mysettings/payment/add`, { cc_name: '', cc_number: '4242 4242 4242 4241', cc_expiry: '13/30' });
    expect(bad.status).toBe(400);
    expect(textOf(bad)).toContain('Enter a valid card number');
    expect(textOf(bad)).toContain('Enter the expiry date as MM/YY');
    expect(bad.body).not.toContain('4242 4242 4242 4241');
    const ok = await b.go(`${ACCOUNT}/mysettings/payment/add`, {
      cc_name: 'Ann Lee',
      cc_number: '5555 5555 5555 4444',
      cc_expiry: '08/39',
    });
    expect(textOf(ok)).toContain('Your card ending in 4444 has been saved.');
    expect((await state()).cards).toMatchObject([{ brand: 'Mastercard', last4: '4444', holder: 'ANN LEE' }]);
  });
});

describe('other hosts, hooks and reset', () => {
  it('shows trips on secure, sends the old settings address to account, and forgets everything on reset', async () => {
    await seed('cards=1&stay=1');
    const trips = await b.go(`${SECURE}/mytrips.html`);
    expect(pageId(trips)).toBe('sign-in');
    await b.go(`${ACCOUNT}/sign-in`, { username: 'traveller@example.com' });
    const back = await b.go(`${ACCOUNT}/sign-in/password`, { password: PASSWORD });
    expect(pageId(back)).toBe('trips');
    expect(textOf(back)).toContain('Canal House Amsterdam');
    const old = await b.send('GET', `${SECURE}/mysettings.en-gb.html`);
    expect(old.status).toBe(301);
    expect(old.location).toBe(`${ACCOUNT}/mysettings`);
    expect((await b.go(`${WWW}/no/such/page`)).status).toBe(404);
    twin.site.reset();
    expect((await b.json(`${SECURE}/__test/state`)).error).toBeTruthy();
  });
});
