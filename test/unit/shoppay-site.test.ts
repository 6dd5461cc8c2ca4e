// @vitest-environment node
// The Shop (shop.app) twin over https with the real host name: plain http moved to https, the sign-in
// (e-mail, Continue, a six-digit code by SMS or by e-mail, wrong codes, too many tries), the account page's
// Payment methods (a card, then Delete; the empty list), a card paying a subscription (Shop says the
// subscription is not cancelled; it keeps billing; the summary e-mail; Update payment method), test hooks.
import { describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../../fixtures/server.mjs';
import { pageId, pick, type SiteClient, textOf, useSites } from '../support/site-client.ts';

const SHOP = 'https://shop.app';

let srv: FixtureServer;
let b: SiteClient;
useSites(startFixtureServer, (client, server) => {
  b = client;
  srv = server;
});

const seed = (q: string) => b.json(`${SHOP}/__test/seed?${q}`);
const state = () => b.json(`${SHOP}/__test/state`);
const lastCode = async (user = 'shopper@example.com') => {
  const s = await b.json(`${SHOP}/__test/state?user=${user}`);
  return /^(\d{6}) is your Shop verification code$/.exec(s.mail[0].text)?.[1] ?? '';
};

/** E-mail and Continue; returns the verification page. */
const startSignIn = (email = 'shopper@example.com') => b.go(`${SHOP}/accounts/login`, { stage: 'email', email });

describe('shop.app', () => {
  it('answers https only, as the real site: plain http moves to https', async () => {
    const plain = await b.send('GET', 'http://shop.app/account?x=1');
    expect(plain.status).toBe(301);
    expect(plain.location).toBe('https://shop.app/account?x=1');
    expect(srv.siteUrl('shop.app', '/')).toBe('https://shop.app/');
    const home = await b.go(`${SHOP}/`);
    expect(home.body).toMatch(/<a class="btn" id="sign-in" href="\/accounts\/login">Sign in<\/a>/);
    expect(pageId(await b.go(`${SHOP}/account`))).toBe('login');
  });
});

describe('sign-in', () => {
  it('e-mail, Continue, then "Verify your identity" with a code sent by SMS; a wrong code keeps you there', async () => {
    await seed('cards=1&signin=0');
    const form = await b.go(`${SHOP}/accounts/login`);
    expect(textOf(form)).toContain('Continue');
    const bad = await b.go(`${SHOP}/accounts/login`, { stage: 'email', email: 'nope' });
    expect(bad.status).toBe(400);
    expect(textOf(bad)).toContain('Enter a valid email address.');
    const unknown = await startSignIn('someone.else@example.com');
    expect(textOf(unknown)).toContain('There’s no Shop account with this email.');

    const verify = await startSignIn();
    expect(pageId(verify)).toBe('login-verify');
    expect(new URL(verify.url).pathname).toBe('/accounts/login/verify');
    expect(textOf(verify)).toContain('Verify your identity');
    expect(textOf(verify)).toContain('Enter the six-digit verification code sent to your phone number ending in 42.');
    expect(textOf(verify)).toContain('Send me a code by email instead');
    const code = await lastCode();
    expect(code).toMatch(/^\d{6}$/);
    expect(pick(verify, /id="fixture-message">([^<]+)</)).toBe(`${code} is your Shop verification code`);

    const wrong = await b.go(`${SHOP}/accounts/login`, { stage: 'code', code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(pageId(wrong)).toBe('login-verify');
    expect(textOf(wrong)).toContain('That code isn’t right.');
    expect((await b.send('GET', `${SHOP}/__test/state`)).status).toBe(404);

    const home = await b.go(`${SHOP}/accounts/login`, { stage: 'code', code });
    expect(pageId(home)).toBe('home');
    expect(home.body).toContain('aria-label="Account"');
    expect((await state()).user).toBe('shopper@example.com');
  });

  it('a code by e-mail instead: the SMS code stops working, the e-mailed one signs in', async () => {
    await seed('cards=1&signin=0');
    await startSignIn();
    const smsCode = await lastCode();
    const byEmail = await b.go(`${SHOP}/accounts/login`, { stage: 'email-code' });
    expect(textOf(byEmail)).toContain('sent to shopper@example.com');
    const s = await b.json(`${SHOP}/__test/state?user=shopper@example.com`);
    expect(s.mail[0]).toMatchObject({ channel: 'email', to: 'shopper@example.com' });
    const emailCode = await lastCode();
    if (emailCode !== smsCode) expect((await b.go(`${SHOP}/accounts/login`, { stage: 'code', code: smsCode })).status).toBe(400);
    expect(pageId(await b.go(`${SHOP}/accounts/login`, { stage: 'code', code: emailCode }))).toBe('home');
  });

  it('five wrong codes: no more tries until a new code is sent', async () => {
    await seed('signin=0');
    await startSignIn();
    const code = await lastCode();
    const wrong = code === '000000' ? '111111' : '000000';
    let last = await b.go(`${SHOP}/accounts/login`, { stage: 'code', code: wrong });
    for (let i = 0; i < 4; i++) last = await b.go(`${SHOP}/accounts/login`, { stage: 'code', code: wrong });
    expect(last.status).toBe(429);
    expect((await b.go(`${SHOP}/accounts/login`, { stage: 'code', code })).status).toBe(429);
    await b.go(`${SHOP}/accounts/login`, { stage: 'sms-code' });
    expect(pageId(await b.go(`${SHOP}/accounts/login`, { stage: 'code', code: await lastCode() }))).toBe('home');
  });

  it('without a sign-in in progress the code form sends you back to the e-mail', async () => {
    const page = await b.go(`${SHOP}/accounts/login`, { stage: 'code', code: '123456' });
    expect(page.status).toBe(400);
    expect(pageId(page)).toBe('login');
    expect(pageId(await b.go(`${SHOP}/accounts/login/verify`))).toBe('login');
  });
});

describe('Payment methods', () => {
  it('lists the wallet cards; a card opens with Delete; Delete removes it; then "No saved payment methods."', async () => {
    await seed('cards=2');
    const account = await b.go(`${SHOP}/account`);
    expect(textOf(account)).toContain('Payment methods');
    expect(account.body.match(/class="payment-card"/g)).toHaveLength(2);
    expect(textOf(account)).toContain('Visa •••• 4242');
    const [first, second] = (await state()).cards;
    const open = await b.go(`${SHOP}/account?card=${first.id}`);
    expect(open.body).toMatch(/<dialog id="card-dialog"[^>]* open>\s*<h2 id="card-dialog-title">Visa •••• 4242</);
    expect(open.body).toMatch(/id="delete-card">Delete</);
    const after = await b.go(`${SHOP}/account/payment-methods/delete`, { id: first.id });
    expect(textOf(after)).toContain('Card ending in 4242 deleted.');
    expect((await state()).cards.map((c: { id: string }) => c.id)).toEqual([second.id]);
    const empty = await b.go(`${SHOP}/account/payment-methods/delete`, { id: second.id });
    expect(textOf(empty)).toContain('No saved payment methods.');
    expect(empty.body).not.toContain('class="payment-card"');
    expect((await b.go(`${SHOP}/account/payment-methods/delete`, { id: second.id })).status).toBe(404);
  });

  it('a card paying a subscription: Shop says the subscription is not cancelled; deleted, it keeps billing; a summary e-mail', async () => {
    await seed('cards=2&subscription=1');
    const s = await state();
    const [payer] = s.cards;
    const notice = await b.go(`${SHOP}/account/payment-methods/delete`, { id: payer.id });
    expect(notice.status).toBe(200);
    expect(notice.body).toMatch(/<dialog id="subscriptions-dialog"[^>]* open>/);
    expect(textOf(notice)).toContain('Your subscriptions won’t be cancelled');
    expect(textOf(notice)).toContain('Visa •••• 4242 pays for 1 active subscription: Bean Box Coffee.');
    expect((await state()).cards).toHaveLength(2);

    await b.go(`${SHOP}/account/payment-methods/delete`, { id: payer.id, acknowledged: '1' });
    const after = await state();
    expect(after.cards).toHaveLength(1);
    expect(after.subscriptions).toEqual([expect.objectContaining({ active: true, card: { id: payer.id, brand: 'Visa', last4: '4242' } })]);
    expect(after.mail[0].text).toMatch(
      /^You deleted Visa •••• 4242 from Shop Pay\. Your active subscriptions weren't cancelled: Bean Box Coffee\./,
    );
    const sub = await b.go(`${SHOP}/account/subscriptions/${s.subscriptions[0].id}`);
    expect(textOf(sub)).toContain('Visa •••• 4242 (no longer in your Shop Pay wallet)');
  });

  it('Update payment method moves a subscription to another card (then its card is an ordinary one)', async () => {
    await seed('cards=2&subscription=1');
    const s = await state();
    const edit = await b.go(`${SHOP}/account/subscriptions/${s.subscriptions[0].id}?edit=1`);
    expect(textOf(edit)).toContain('Save');
    const saved = await b.go(`${SHOP}/account/subscriptions/${s.subscriptions[0].id}/payment-method`, { card: s.cards[1].id });
    expect(textOf(saved)).toContain('Payment method updated.');
    expect((await state()).subscriptions[0].card.last4).toBe('4444');
    const deleted = await b.go(`${SHOP}/account/payment-methods/delete`, { id: s.cards[0].id });
    expect(deleted.body).not.toContain('subscriptions-dialog');
    expect((await state()).cards).toHaveLength(1);
  });
});

describe('test hooks and safety', () => {
  it('seed, state, reset; escaping', async () => {
    const s = await seed('user=anna.smith@example.com&cards=5&subscription=2');
    expect(s.cards.map((c: { brand: string }) => c.brand)).toEqual(['Visa', 'Mastercard', 'American Express', 'Visa', 'Mastercard']);
    expect(s.subscriptions[0].card.last4).toBe('4444');
    expect(s.name).toBe('Anna Smith');
    const evil = await b.go(`${SHOP}/accounts/login`, { stage: 'email', email: '"><script>alert(1)</script>@x.y' });
    expect(evil.body).not.toContain('<script>alert(1)');
    await b.go(`${SHOP}/__test/reset`);
    expect((await b.send('GET', `${SHOP}/__test/state?user=anna.smith@example.com`)).status).toBe(404);
    expect(pageId(await b.go(`${SHOP}/nowhere`))).toBe('not-found');
  });
});
