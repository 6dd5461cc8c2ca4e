// @vitest-environment node
// The SHEIN twin over HTTP with real Host headers: the two-stage sign-in and its errors, sessions per
// country host, the account icon's menu, My Payment Options (Delete, the password to confirm, a wrong
// password, the default card), a card paying an order awaiting payment (no usable Delete, refused if
// posted anyway, fine once the order is cancelled or paid), the empty list and the test hooks.
import { describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../fixtures/server.mjs';
import { pageId, pick as match, type SiteClient, textOf as text, useSites } from '../support/site-client.ts';

const SHEIN = 'http://www.shein.com';
const US = 'http://us.shein.com';
const PASSWORD = 'fixture-pass-1';

let b: SiteClient;
useSites(startFixtureServer, (client) => {
  b = client;
});

const seed = (q: string, host = SHEIN) => b.json(`${host}/__test/seed?${q}`);
const state = (host = SHEIN) => b.json(`${host}/__test/state`);

/** Both stages of the sign-in form, from wherever the site sent us. */
async function signIn(email: string, password: string, redirection = '') {
  await b.go(`${SHEIN}/user/auth/login`, { stage: 'email', email, redirection });
  return b.go(`${SHEIN}/user/auth/login`, { stage: 'password', email, password, redirection });
}

describe('sign-in', () => {
  it('signed out: the account icon and every account page lead to /user/auth/login, and back after', async () => {
    const home = await b.go(`${SHEIN}/`);
    expect(home.body).toMatch(/href="\/user\/auth\/login\?direction=nav" class="[^"]*j-header-username-icon/);
    const login = await b.go(`${SHEIN}/user/payment-options`);
    expect(pageId(login)).toBe('login');
    expect(new URL(login.url).pathname).toBe('/user/auth/login');
    expect(match(login, /name="redirection" value="([^"]*)"/)).toBe('/user/payment-options');
    await seed('cards=1&signin=0');
    const back = await signIn('shopper@example.com', PASSWORD, '/user/payment-options');
    expect(pageId(back)).toBe('user-payment-options');
  });

  it('asks for the e-mail, then for the password in a dialog; errors keep the person where they were', async () => {
    await seed('cards=1&signin=0');
    const form = await b.go(`${SHEIN}/user/auth/login`);
    expect(form.body).toContain('class="page__login-newUI-continue"');
    expect(form.body).toMatch(/<div class="actions"><div><div><button type="submit"[^>]*>Continue</);
    const empty = await b.go(`${SHEIN}/user/auth/login`, { stage: 'email', email: '' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatch(
      /page__login_input-filed page__login-newUI-input error[\s\S]*?<p id="login-email-error" role="alert">Please enter your email address\./,
    );
    const bad = await b.go(`${SHEIN}/user/auth/login`, { stage: 'email', email: 'not-an-address' });
    expect(text(bad)).toContain('Please enter a valid email address.');

    const stage2 = await b.go(`${SHEIN}/user/auth/login`, { stage: 'email', email: 'Shopper@Example.com' });
    expect(pageId(stage2)).toBe('login-password');
    expect(stage2.body).toContain('role="dialog" aria-modal="true"');
    expect(stage2.body).toContain('class="page__login-newUI-emailPannel"');
    expect(stage2.body).toMatch(/<div class="actions"><div><button type="submit"[^>]*><span>Sign In<\/span>/);
    const wrong = await b.go(`${SHEIN}/user/auth/login`, { stage: 'password', email: 'shopper@example.com', password: 'nope' });
    expect(wrong.status).toBe(400);
    expect(pageId(wrong)).toBe('login-password');
    expect(wrong.body).toMatch(/error">[\s\S]*?<p id="login-password-error" role="alert">Incorrect email address or password/);
    expect((await b.send('GET', `${SHEIN}/__test/state`)).status).toBe(404);

    const home = await b.go(`${SHEIN}/user/auth/login`, { stage: 'password', email: 'shopper@example.com', password: PASSWORD });
    expect(pageId(home)).toBe('home');
    expect(home.body).toMatch(/href="\/user\/index" class="[^"]*j-header-username-icon/);
    expect(text(home)).toContain('Hi, Shopper');
    expect((await state()).user).toBe('shopper@example.com');
  });

  it('a new e-mail creates an account ("Create your SHEIN account."), with a long enough password', async () => {
    const stage2 = await b.go(`${SHEIN}/user/auth/login`, { stage: 'email', email: 'new.person@example.com' });
    expect(text(stage2)).toContain('Create your SHEIN account.');
    const short = await b.go(`${SHEIN}/user/auth/login`, { stage: 'register', email: 'new.person@example.com', password: 'abc' });
    expect(short.status).toBe(400);
    const done = await b.go(`${SHEIN}/user/auth/login`, { stage: 'register', email: 'new.person@example.com', password: 'long-enough-1' });
    expect(pageId(done)).toBe('home');
    expect((await state()).name).toBe('New Person');
  });

  it('each SHEIN host keeps its own session; signing out ends it', async () => {
    await seed('cards=1');
    expect(pageId(await b.go(`${SHEIN}/user/index`))).toBe('user-index');
    expect(pageId(await b.go(`${US}/user/index`))).toBe('login');
    await b.go(`${SHEIN}/user/auth/logout`);
    expect(pageId(await b.go(`${SHEIN}/user/index`))).toBe('login');
  });

  it('the account menu opens on hover and links the account pages; the left menu has My Payment Options', async () => {
    await seed('cards=1');
    const home = await b.go(`${SHEIN}/`);
    expect(home.body).toContain('class="header-right-dropdown user-dropdown j-user-dropdown"');
    expect(home.body).toMatch(/\.header-right-dropdown-ctn:hover \.j-user-dropdown/);
    for (const label of ['My Orders', 'My Wallet', 'My Points', 'Sign Out']) expect(text(home)).toContain(label);
    const center = await b.go(`${SHEIN}/user/index`);
    expect(center.body).toContain('<a href="/user/payment-options">My Payment Options</a>');
    const wallet = await b.go(`${SHEIN}/user/wallet`);
    expect(text(wallet)).toContain('Wallet balance: $0.00');
  });
});

describe('My Payment Options', () => {
  it('lists the cards; Delete asks for the password; a wrong one keeps the card and the dialog', async () => {
    await seed('cards=2');
    const list = await b.go(`${SHEIN}/user/payment-options`);
    expect(list.body.match(/<li class="card-item"/g)).toHaveLength(2);
    expect(text(list)).toContain('Visa •••• 4242');
    expect(text(list)).toContain('Default');
    expect(list.body.match(/>Set as Default</g)).toHaveLength(1);
    const [first, second] = (await state()).cards;

    const ask = await b.go(`${SHEIN}/user/payment-options?confirm=${second.id}`);
    expect(ask.body).toMatch(/<dialog id="delete-card-dialog"[^>]* open>/);
    expect(text(ask)).toContain('enter your SHEIN password to confirm');
    const wrong = await b.go(`${SHEIN}/user/payment-options/delete`, { id: second.id, password: 'wrong' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatch(/<dialog id="delete-card-dialog"[^>]* open>/);
    expect(text(wrong)).toContain('Incorrect password. Please try again.');
    expect((await state()).cards).toHaveLength(2);

    const ok = await b.go(`${SHEIN}/user/payment-options/delete`, { id: second.id, password: PASSWORD });
    expect(text(ok)).toContain('The card ending in 4444 has been deleted.');
    expect((await state()).cards.map((c: { id: string }) => c.id)).toEqual([first.id]);
  });

  it('the default card can be deleted too; the next card becomes the default; Set as Default works', async () => {
    await seed('cards=3');
    const [a, b2, c] = (await state()).cards;
    await b.go(`${SHEIN}/user/payment-options/default`, { id: c.id });
    expect((await state()).cards.map((x: { default: boolean }) => x.default)).toEqual([false, false, true]);
    await b.go(`${SHEIN}/user/payment-options/delete`, { id: c.id, password: PASSWORD });
    expect((await state()).cards).toEqual([
      expect.objectContaining({ id: a.id, default: true }),
      expect.objectContaining({ id: b2.id, default: false }),
    ]);
  });

  it('a card paying an order awaiting payment: Delete disabled, refused if posted, fine once the order is cancelled', async () => {
    await seed('cards=2&pending=2');
    const s = await state();
    const blocked = s.cards[1];
    const list = await b.go(`${SHEIN}/user/payment-options`);
    expect(list.body).toMatch(
      new RegExp(
        `data-card-id="${blocked.id}"[\\s\\S]*?<button class="btn card-delete" type="submit" disabled title="Used for an order awaiting payment">Delete</button>`,
      ),
    );
    expect(list.body.match(/class="btn card-delete" type="submit">Delete</g)).toHaveLength(1);

    const refused = await b.go(`${SHEIN}/user/payment-options/delete`, { id: blocked.id, password: PASSWORD });
    expect(refused.status).toBe(409);
    expect(text(refused)).toContain('can’t be deleted now. Pay or cancel that order in My Orders first.');
    expect((await state()).cards).toHaveLength(2);

    const orders = await b.go(`${SHEIN}/user/orders/list`);
    const unpaid = s.orders.find((o: { status: string }) => o.status === 'Unpaid');
    expect(orders.body).toMatch(/>CANCEL</);
    const cancelled = await b.go(`${SHEIN}/user/orders/cancel`, { id: unpaid.id });
    expect(text(cancelled)).toContain('Your order has been cancelled.');
    expect((await state()).orders.find((o: { id: string }) => o.id === unpaid.id).status).toBe('Canceled');
    expect((await b.go(`${SHEIN}/user/payment-options`)).body).not.toContain(' disabled title=');
    await b.go(`${SHEIN}/user/payment-options/delete`, { id: blocked.id, password: PASSWORD });
    expect((await state()).cards).toHaveLength(1);
  });

  it('paying the order frees the card as well', async () => {
    await seed('cards=1&pending=1');
    const unpaid = (await state()).orders.find((o: { status: string }) => o.status === 'Unpaid');
    const paid = await b.go(`${SHEIN}/user/orders/pay`, { id: unpaid.id });
    expect(text(paid)).toContain('Payment successful.');
    await b.go(`${SHEIN}/user/payment-options/delete`, { id: (await state()).cards[0].id, password: PASSWORD });
    expect((await state()).cards).toEqual([]);
  });

  it('no card left: the empty list, also after a reload; a card that is gone is reported', async () => {
    await seed('cards=1');
    const [card] = (await state()).cards;
    const done = await b.go(`${SHEIN}/user/payment-options/delete`, { id: card.id, password: PASSWORD });
    expect(done.body).toContain('id="no-cards"');
    expect(done.body).not.toContain('class="btn card-delete"');
    expect(text(await b.go(`${SHEIN}/user/payment-options`))).toContain('You have no saved cards.');
    const gone = await b.go(`${SHEIN}/user/payment-options/delete`, { id: card.id, password: PASSWORD });
    expect(gone.status).toBe(404);
  });
});

describe('test hooks and safety', () => {
  it('seed, state and reset', async () => {
    const s = await seed('user=anna.smith@example.com&cards=3&pending=1');
    expect(s.cards).toHaveLength(3);
    expect(s.orders.map((o: { status: string }) => o.status)).toEqual(['Paid', 'Unpaid']);
    expect((await b.json(`${US}/__test/state?user=anna.smith@example.com`)).name).toBe('Anna Smith');
    await b.go(`${SHEIN}/__test/reset`);
    expect((await b.send('GET', `${SHEIN}/__test/state?user=anna.smith@example.com`)).status).toBe(404);
  });

  it('escapes what people type and never redirects off the site', async () => {
    const evil = await b.go(`${SHEIN}/user/auth/login`, { stage: 'email', email: '"><script>alert(1)</script>' });
    expect(evil.body).not.toContain('<script>alert(1)');
    await seed('cards=1&signin=0');
    const off = await signIn('shopper@example.com', PASSWORD, '//evil.example/');
    expect(new URL(off.url).host).toBe('www.shein.com');
    expect(pageId(off)).toBe('home');
    expect(pageId(await b.go(`${SHEIN}/nope`))).toBe('not-found');
  });
});
