// @vitest-environment node
// The AliExpress/Alipay/mailbox fixture sites, driven over HTTP with real Host headers: purchases with the
// save box ticked and unticked, wallet registration (every bad input, then success), card removal with the
// default-card rule and the empty list, today's payment password (right, wrong, missing) and the seed
// document's flow without it, both card lists (Delete shown, Remove Card on hover), the 5-card limit and reset.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.mjs';
import type { Marker, Target } from '../../src/guide/schema';
import { type Form, pageId, pick, SiteClient, type SitePage, textOf, useSites } from '../support/site-client.ts';

const SHOP = 'http://www.aliexpress.com';
const LOGIN = 'http://login.aliexpress.com';
const WALLET = 'http://www.alipay.com';
const MAIL = 'http://mail.fixture.test';
const EARBUDS = '1005006123456789';
const VISA = '4242 4242 4242 4242';
const MASTERCARD = '5555555555554444';

const futureExpiry = () => `12/${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`;

let srv: FixtureServer;
let b: SiteClient;
useSites(startFixtureServer, (client, server) => {
  b = client;
  srv = server;
});
/** The signed-in shopper's state, as the shop's test hook tells it. */
const state = (client = b) => client.json(`${SHOP}/__test/state`);

async function signInOnShop(email = 'shopper@example.com') {
  const form = await b.go(`${SHOP}/p/order/index.html`);
  expect(pageId(form)).toBe('login');
  const returnUrl = pick(form, /name="return_url" value="([^"]+)"/);
  const done = await b.go(`${LOGIN}/`, { return_url: returnUrl, loginId: email, password: 'secret' });
  expect(pageId(done)).toBe('shop-orders');
  return done;
}

/** Cart -> checkout -> place order; returns the payment page. */
async function toPayment() {
  await b.go(`${SHOP}/cart/add`, { item: EARBUDS, qty: '1' });
  const checkout = await b.go(`${SHOP}/p/trade/confirm.html`);
  expect(pageId(checkout)).toBe('shop-checkout');
  const values = Object.fromEntries(
    ['name', 'phone', 'street', 'city', 'zip', 'country'].map((k) => [
      k,
      pick(checkout, new RegExp(`id="ship-${k}" name="${k}"[^>]*value="([^"]*)"`)),
    ]),
  );
  const payment = await b.go(`${SHOP}/p/trade/confirm`, values);
  expect(pageId(payment)).toBe('shop-payment');
  return { payment, orderId: new URL(payment.url).searchParams.get('orderId') ?? '' };
}

const newCard = (orderId: string, extra: Form = {}): Form => ({
  orderId,
  method: 'new',
  holder: 'ANNA SHOPPER',
  number: VISA,
  expiry: futureExpiry(),
  cvv: '123',
  ...extra,
});

async function payWithCode(orderId: string, form: Form) {
  const sms = await b.go(`${SHOP}/p/trade/pay`, form);
  expect(pageId(sms)).toBe('shop-sms');
  const code = pick(sms, /id="sms-code-text">(\d{4})</);
  return b.go(`${SHOP}/p/trade/verify`, { orderId, code });
}

/** Registered wallet session for a seeded account (via the shop's "My Alipay"). */
async function seedAndOpenWallet(q: string) {
  await b.go(`${SHOP}/__test/seed?${q}`);
  const wallet = await b.go(`${SHOP}/alipay/go`);
  expect(pageId(wallet)).toBe('wallet-history');
  return wallet;
}

describe('shop sign-in', () => {
  it('rejects empty fields and keeps the e-mail', async () => {
    const form = await b.go(`${LOGIN}/`);
    expect(form.body).toContain('id="fm-login-id"');
    const none = await b.go(`${LOGIN}/`, { loginId: '', password: '' });
    expect(none.status).toBe(400);
    expect(textOf(none)).toContain('Please enter your e-mail address and password.');
    const noPass = await b.go(`${LOGIN}/`, { loginId: 'shopper@example.com', password: '' });
    expect(textOf(noPass)).toContain('Please enter your password.');
    expect(noPass.body).toMatch(/id="fm-login-id"[^>]*value="shopper@example.com"/);
    const evil = await b.go(`${LOGIN}/`, { loginId: '"><script>alert(1)</script>', password: '' });
    expect(evil.body).not.toContain('<script>alert(1)');
    expect(evil.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('signs in and greets the user in the account menu, without "My Alipay" before registration', async () => {
    const page = await signInOnShop();
    expect(textOf(page)).toContain('Hi, Shopper');
    expect(page.body).toContain('id="menu-my-orders"');
    expect(page.body).not.toContain('id="menu-my-alipay"');
  });

  it('keeps an anonymous cart through sign-in, and escapes search text', async () => {
    await b.go(`${SHOP}/cart/add`, { item: EARBUDS, qty: '2' });
    await signInOnShop();
    expect((await state()).cart).toEqual([{ id: EARBUDS, qty: 2 }]);
    const search = await b.go(`${SHOP}/wholesale?SearchText=${encodeURIComponent('<script>x</script>')}`);
    expect(search.body).not.toContain('<script>x');
    expect(search.body).toContain('&lt;script&gt;x');
  });
});

describe('purchase', () => {
  it('offers the pre-ticked save box on the new-card form', async () => {
    await signInOnShop();
    const { payment } = await toPayment();
    expect(payment.body).toMatch(/<input type="checkbox" id="save-card" name="saveCard" value="1" checked>/);
    expect(textOf(payment)).toContain('Save card details and bind this card to Alipay');
    expect(payment.body).toContain('id="pay-method-new" value="new" checked');
  });

  it('with the box unticked binds nothing; a wrong SMS code can be retried', async () => {
    await signInOnShop();
    const { orderId } = await toPayment();
    const sms = await b.go(`${SHOP}/p/trade/pay`, newCard(orderId)); // no saveCard field = unticked
    const code = pick(sms, /id="sms-code-text">(\d{4})</);
    const wrong = await b.go(`${SHOP}/p/trade/verify`, { orderId, code: code === '0000' ? '1111' : '0000' });
    expect(wrong.status).toBe(400);
    expect(pageId(wrong)).toBe('shop-sms');
    expect(textOf(wrong)).toContain('The code is incorrect');
    expect(pick(wrong, /id="sms-code-text">(\d{4})</)).toBe(code);
    const done = await b.go(`${SHOP}/p/trade/verify`, { orderId, code });
    expect(pageId(done)).toBe('shop-success');
    expect(done.body).not.toContain('card-bound-notice');
    const st = await state();
    expect(st.cards).toEqual([]);
    expect(st.orders).toMatchObject([{ id: orderId, status: 'Paid', paidWith: 'Visa •••• •••• •••• 4242', cardBound: false }]);
    expect(st.cart).toEqual([]);
  });

  it('with the box ticked binds the card (brand, last 4, holder only) even without a wallet', async () => {
    await signInOnShop();
    const { orderId } = await toPayment();
    const done = await payWithCode(orderId, newCard(orderId, { saveCard: '1' }));
    expect(pageId(done)).toBe('shop-success');
    expect(done.body).toContain('id="card-bound-notice"');
    const st = await state();
    expect(st.registered).toBe(false);
    expect(st.cards).toMatchObject([{ brand: 'Visa', last4: '4242', holder: 'ANNA SHOPPER', default: true }]);
    expect(JSON.stringify(st)).not.toMatch(/4242 ?4242 ?4242|424242/);
    // The next payment offers the bound card as a radio option, selected.
    const next = await toPayment();
    expect(next.payment.body).toMatch(/name="method" id="pay-card-\d+" value="card:card-\d+" checked/);
    const paid = await payWithCode(next.orderId, { orderId: next.orderId, method: `card:${st.cards[0].id}` });
    expect(pageId(paid)).toBe('shop-success');
    expect((await state()).cards).toHaveLength(1);
  });

  it('validates the card number (16 digits, Luhn), expiry and CVV, and keeps the choice of the box', async () => {
    await signInOnShop();
    const { orderId } = await toPayment();
    const bad = await b.go(
      `${SHOP}/p/trade/pay`,
      newCard(orderId, { number: '4242 4242 4242 4241', expiry: '01/20', cvv: '12', holder: '' }),
    );
    expect(bad.status).toBe(400);
    const t = textOf(bad);
    expect(t).toContain('This card number is not valid');
    expect(t).toContain('This card has expired.');
    expect(t).toContain('The CVV is the 3 digits');
    expect(t).toContain('Enter the cardholder name');
    expect(bad.body).toMatch(/id="save-card" name="saveCard" value="1">/); // unticked stays unticked
    expect(bad.body).not.toContain('4242 4242 4242 4241');
    const short = await b.go(`${SHOP}/p/trade/pay`, newCard(orderId, { number: '4242 4242 4242', expiry: '13/30' }));
    expect(textOf(short)).toContain('The card number must have 16 digits.');
    expect(textOf(short)).toContain('Use the format MM/YY');
    expect((await state()).orders[0].status).toBe('Awaiting payment');
  });

  it('refuses to bind a sixth card, and pays unbound when the box is unticked', async () => {
    await b.go(`${SHOP}/__test/seed?user=full@example.com&cards=5`);
    const { orderId } = await toPayment();
    const refused = await b.go(`${SHOP}/p/trade/pay`, newCard(orderId, { number: MASTERCARD, saveCard: '1' }));
    expect(refused.status).toBe(400);
    expect(pageId(refused)).toBe('shop-payment');
    expect(textOf(refused)).toContain('You can bind up to 5 cards');
    expect((await state()).cards).toHaveLength(5);
    const done = await payWithCode(orderId, newCard(orderId, { number: MASTERCARD }));
    expect(pageId(done)).toBe('shop-success');
    const st = await state();
    expect(st.cards).toHaveLength(5);
    expect(st.orders[0]).toMatchObject({ status: 'Paid', paidWith: 'Mastercard •••• •••• •••• 4444' });
  });
});

describe('wallet registration', () => {
  it('goes through sign-in, captcha, e-mail confirmation and the security form, with every error', async () => {
    await signInOnShop('new.buyer@example.com');
    // Not signed in on login.aliexpress.com? It remembered the sign-in above, so this passes straight through.
    const landing = await b.go(`${WALLET}/`);
    expect(pageId(landing)).toBe('wallet-landing');
    expect(landing.body).toMatch(/id="go-to-my-alipay" href="\/go"/);
    let page = await b.go(`${WALLET}/go`);
    expect(pageId(page)).toBe('wallet-register-email');

    // Wrong captcha: error, e-mail kept, new characters.
    const first = pick(page, /aria-label="Captcha characters: ([A-Z0-9]{5})"/);
    page = await b.go(`${WALLET}/register/email`, { email: 'me@example.org', captcha: first === 'AAAAA' ? 'BBBBB' : 'AAAAA' });
    expect(page.status).toBe(400);
    expect(textOf(page)).toContain('The characters you entered are incorrect');
    expect(page.body).toMatch(/id="reg-email"[^>]*value="me@example.org"/);
    const captcha = pick(page, /aria-label="Captcha characters: ([A-Z0-9]{5})"/);
    page = await b.go(`${WALLET}/register/email`, { email: 'me@example.org', captcha: captcha.toLowerCase() });
    expect(pageId(page)).toBe('wallet-register-sent');
    expect(textOf(page)).toContain('We sent a confirmation e-mail');

    // Unconfirmed e-mail cannot continue.
    page = await b.go(`${WALLET}/register/details`);
    expect(pageId(page)).toBe('wallet-register-sent');
    expect(page.status).toBe(400);
    expect(textOf(page)).toContain('Your e-mail address is not confirmed yet');

    // The mailbox holds the message; its link confirms once.
    const inbox = await b.go(`${MAIL}/?to=me%40example.org`);
    const msgPath = pick(inbox, /<a class="mail-link" href="([^"]+)"/);
    const msg = await b.go(`${MAIL}${msgPath}`);
    expect(textOf(msg)).toContain('Confirm your e-mail address for Alipay');
    const link = pick(msg, /id="confirm-link" href="([^"]+)"/);
    const confirmed = await b.go(link);
    expect(pageId(confirmed)).toBe('wallet-register-details');
    expect(textOf(confirmed)).toContain('Confirmed');
    const again = await b.go(link);
    expect(again.status).toBe(410);
    expect(textOf(again)).toContain('This link has already been used');
    expect(again.body).toContain('id="back-to-alipay" href="/go"');
    page = await b.go(`${WALLET}/go`);
    expect(pageId(page)).toBe('wallet-register-details');

    // Password mismatch: error, questions and answers kept.
    const details = { password: 'abc12345', passwordRepeat: 'abc12346', q1: '0', a1: 'Smith', q2: '1', a2: 'Rex', q3: '2', a3: 'Kazan' };
    page = await b.go(`${WALLET}/register/details`, details);
    expect(page.status).toBe(400);
    expect(textOf(page)).toContain('The passwords do not match.');
    expect(page.body).toMatch(/id="answer-2"[^>]*value="Rex"/);
    expect(page.body).toMatch(/<option value="2" selected>In which city were you born\?<\/option>/);
    expect(page.body).not.toContain('abc12345');
    page = await b.go(`${WALLET}/register/details`, { ...details, q3: '1' });
    expect(textOf(page)).toContain('Choose three different questions.');

    page = await b.go(`${WALLET}/register/details`, { ...details, passwordRepeat: 'abc12345' });
    expect(pageId(page)).toBe('wallet-register-done');
    expect(textOf(page)).toContain('Your Alipay Account Has Been Set Up Successfully!');
    page = await b.go(`${WALLET}${pick(page, /id="go-to-my-alipay" href="([^"]+)"/)}`);
    expect(pageId(page)).toBe('wallet-history');
    expect(page.body).toContain('id="manage-cards-icon"');

    const st = await state();
    expect(st).toMatchObject({ registered: true, wallet: { email: 'me@example.org', emailConfirmed: true } });
    const shop = await b.go(`${SHOP}/`);
    expect(shop.body).toContain('id="menu-my-alipay" href="/alipay/go"');
  });

  it('shows the shop sign-in when the wallet is opened in a fresh browser', async () => {
    await b.go(`${SHOP}/__test/seed?user=seeded@example.com`); // signs in on www only
    const login = await b.go(`${WALLET}/go`);
    expect(pageId(login)).toBe('login');
    expect(login.body).toContain('id="login-for-alipay"');
    const returnUrl = pick(login, /name="return_url" value="([^"]+)"/);
    expect(new URL(returnUrl).host).toBe('www.alipay.com');
    const next = await b.go(`${LOGIN}/`, { return_url: returnUrl, loginId: 'seeded@example.com', password: 'x' });
    expect(pageId(next)).toBe('wallet-register-email');
    expect(b.cookiesFor('www.alipay.com').has('sid')).toBe(true);
  });

  it('never sends a ticket to a foreign host, and tickets work once', async () => {
    const p = await b.go(`${LOGIN}/`, { return_url: 'http://evil.example/sso', loginId: 'a@example.com', password: 'x' });
    expect(new URL(p.url).host).toBe('www.aliexpress.com');
    const fresh = new SiteClient(srv.port);
    const stolen = await fresh.go(`${WALLET}/sso?ticket=deadbeef&next=/account/cards`);
    expect(pageId(stolen)).toBe('login');
    expect(fresh.cookiesFor('www.alipay.com').has('sid')).toBe(false);
    // A real ticket, replayed in another browser, is refused the second time.
    await b.go(`${SHOP}/__test/seed?registered=1`);
    const hop = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: srv.port,
          path: '/alipay/go',
          headers: { host: 'www.aliexpress.com', cookie: `sid=${b.cookiesFor('www.aliexpress.com').get('sid')}` },
        },
        (res) => {
          res.resume();
          resolve(res.headers.location ?? '');
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(pageId(await b.go(hop))).toBe('wallet-history');
    expect(pageId(await fresh.go(hop))).toBe('login');
  });
});

describe('card removal', () => {
  it('reaches the card page three ways', async () => {
    await seedAndOpenWallet('registered=1&cards=2');
    const history = await b.go(`${WALLET}/account/`);
    // The icon is named by its tip alone, as the seed has it: no title or aria-label for a guide to lean on.
    expect(history.body).toMatch(
      /<a class="top-icon" id="manage-cards-icon" href="\/account\/cards"><svg[\s\S]*?<\/svg><span class="icon-tip">MANAGE YOUR CARDS<\/span><\/a>/,
    );
    expect(history.body).toMatch(/id="settings-manage-cards" href="\/account\/cards"/);
    const mine = await b.go(`${WALLET}${pick(history, /id="tab-my-account" href="([^"]+)"/)}`);
    expect(pageId(mine)).toBe('wallet-my-account');
    const cards = await b.go(`${WALLET}${pick(mine, /id="edit-cards-link" href="([^"]+)"/)}`);
    expect(pageId(cards)).toBe('wallet-cards');
    expect(cards.body.match(/<li class="card-row/g)).toHaveLength(2);
    expect(textOf(cards)).toContain('•••• •••• •••• 4242 SHOPPER');
  });

  it("the seed document's flow: asks to confirm (no password), refuses the default card while others remain, then empties the list", async () => {
    await seedAndOpenWallet('registered=1&cards=3&defaultLast=1&flow=document');
    let st = await state();
    const [c1, c2, c3] = st.cards;
    expect(c3.default).toBe(true);

    const confirm = await b.go(`${WALLET}/account/cards?confirm=${c1.id}`);
    expect(confirm.body).toMatch(/<dialog class="confirm-dialog" id="remove-card-dialog"[^>]* open>/);
    expect(textOf(confirm)).toContain('Remove this card? Visa •••• •••• •••• 4242');
    expect(confirm.body).not.toContain('id="pay-password"');
    const plain = await b.go(`${WALLET}/account/cards`);
    expect(plain.body).not.toMatch(/id="remove-card-dialog"[^>]* open/);

    let page = await b.go(`${WALLET}/account/cards/remove`, { id: c3.id });
    expect(page.body).toContain('id="cards-error"');
    expect(textOf(page)).toContain('You can’t remove your default card');
    expect((await state()).cards).toHaveLength(3);
    expect(page.body.match(/class="make-default"/g)).toHaveLength(2);

    page = await b.go(`${WALLET}/account/cards/remove`, { id: c1.id });
    expect(textOf(page)).toContain('The card ending in 4242 was removed.');
    expect(page.body).not.toContain(`data-card-id="${c1.id}"`);
    await b.go(`${WALLET}/account/cards/default`, { id: c2.id });
    page = await b.go(`${WALLET}/account/cards/remove`, { id: c3.id });
    expect(page.body).not.toContain('id="cards-error"');
    st = await state();
    expect(st.cards).toMatchObject([{ id: c2.id, default: true }]);
    page = await b.go(`${WALLET}/account/cards/remove`, { id: c2.id }); // the only card, default: allowed
    expect(page.body).toContain('id="no-cards"');
    expect(textOf(page)).toContain('Oops, You Have no Card in Alipay');
    const refreshed = await b.go(`${WALLET}/account/cards`);
    expect(textOf(refreshed)).toContain('Oops, You Have no Card in Alipay');
    expect((await state()).cards).toEqual([]);
  });

  it('sends an unregistered user to registration instead of the card page', async () => {
    await b.go(`${SHOP}/__test/seed?cards=2`);
    const shop = await b.go(`${SHOP}/`);
    expect(shop.body).not.toContain('menu-my-alipay');
    const page = await b.go(`${SHOP}/alipay/go`);
    expect(pageId(page)).toBe('wallet-register-email');
    const cards = await b.go(`${WALLET}/account/cards`);
    expect(pageId(cards)).toBe('wallet-register-email');
  });
});

/** Registers the wallet of the signed-in shop account (captcha, mailbox link, details) with this password. */
async function registerWallet(password: string) {
  let page = await b.go(`${WALLET}/go`);
  if (pageId(page) === 'login') {
    const returnUrl = pick(page, /name="return_url" value="([^"]+)"/);
    page = await b.go(`${LOGIN}/`, { return_url: returnUrl, loginId: 'shopper@example.com', password: 'x' });
  }
  expect(pageId(page)).toBe('wallet-register-email');
  const captcha = pick(page, /aria-label="Captcha characters: ([A-Z0-9]{5})"/);
  await b.go(`${WALLET}/register/email`, { email: 'shopper@example.com', captcha });
  const inbox = await b.go(`${MAIL}/?to=shopper%40example.com`);
  const msg = await b.go(`${MAIL}${pick(inbox, /<a class="mail-link" href="([^"]+)"/)}`);
  await b.go(pick(msg, /id="confirm-link" href="([^"]+)"/));
  page = await b.go(`${WALLET}/register/details`, {
    password,
    passwordRepeat: password,
    q1: '0',
    a1: 'a',
    q2: '1',
    a2: 'b',
    q3: '2',
    a3: 'c',
  });
  expect(pageId(page)).toBe('wallet-register-done');
}

const dialogOpen = (p: SitePage) => /<dialog class="confirm-dialog" id="remove-card-dialog"[^>]* open>/.test(p.body);

describe("today's flow: the payment password", () => {
  it('is asked in the remove dialog; none or a wrong one is an error that loses nothing; the right one removes', async () => {
    await seedAndOpenWallet('registered=1&cards=2');
    const [first, second] = (await state()).cards; // the first is the default
    expect((await state()).wallet).toMatchObject({ flow: 'today', list: 'shown' });
    const confirm = await b.go(`${WALLET}/account/cards?confirm=${second.id}`);
    expect(dialogOpen(confirm)).toBe(true);
    expect(confirm.body).toMatch(
      /<label for="pay-password">Payment password<\/label>\s*<input id="pay-password" name="paymentPassword" type="password"/,
    );
    expect(textOf(confirm)).toContain('Your Alipay password');

    let page = await b.go(`${WALLET}/account/cards/remove`, { id: second.id });
    expect(new URL(page.url).search).toBe(`?confirm=${second.id}&error=nopassword`);
    expect(dialogOpen(page)).toBe(true);
    expect(textOf(page)).toContain('Please enter your payment password.');

    page = await b.go(`${WALLET}/account/cards/remove`, { id: second.id, paymentPassword: 'Wallet-pass-41' });
    expect(dialogOpen(page)).toBe(true);
    expect(pick(page, /id="remove-card-id" value="([^"]*)"/)).toBe(second.id);
    expect(textOf(page)).toContain('The payment password is incorrect. Please try again.');
    expect(page.body).toMatch(/id="pay-password"[^>]*aria-invalid="true"/);
    expect(page.body).not.toContain('Wallet-pass-41');
    expect(page.body).not.toContain('id="cards-error"');
    expect((await state()).cards).toHaveLength(2);

    // The right one, with a space typed at the end, is still wrong: a password is taken as typed.
    page = await b.go(`${WALLET}/account/cards/remove`, { id: second.id, paymentPassword: 'Wallet-pass-42 ' });
    expect(textOf(page)).toContain('is incorrect');
    page = await b.go(`${WALLET}/account/cards/remove`, { id: second.id, paymentPassword: 'Wallet-pass-42' });
    expect(dialogOpen(page)).toBe(false);
    expect(textOf(page)).toContain('The card ending in 4444 was removed.');
    // The default card, now the last one: the same password removes it, and the list is empty.
    page = await b.go(`${WALLET}/account/cards/remove`, { id: first.id, paymentPassword: 'Wallet-pass-42' });
    expect(textOf(page)).toContain('Oops, You Have no Card in Alipay');
    expect((await state()).cards).toEqual([]);
  });

  it('the default card still goes last: the right password does not remove it while others remain', async () => {
    await seedAndOpenWallet('registered=1&cards=2');
    const [first] = (await state()).cards;
    expect(first.default).toBe(true);
    const page = await b.go(`${WALLET}/account/cards/remove`, { id: first.id, paymentPassword: 'Wallet-pass-42' });
    expect(textOf(page)).toContain('You can’t remove your default card');
    expect((await state()).cards).toHaveLength(2);
  });

  it('is the one set at registration', async () => {
    await b.go(`${SHOP}/__test/seed?cards=1`);
    await registerWallet('My-own-pass-7');
    const [card] = (await state()).cards;
    let page = await b.go(`${WALLET}/account/cards/remove`, { id: card.id, paymentPassword: 'Wallet-pass-42' });
    expect(textOf(page)).toContain('The payment password is incorrect.');
    page = await b.go(`${WALLET}/account/cards/remove`, { id: card.id, paymentPassword: 'My-own-pass-7' });
    expect(textOf(page)).toContain('Oops, You Have no Card in Alipay');
  });
});

describe('wallet variants', () => {
  it("the card lists: Delete always shown (default), or Remove Card on hover; both reached the seed's three ways", async () => {
    for (const [list, label] of [
      ['shown', 'Delete'],
      ['hover', 'Remove Card'],
    ] as const) {
      await seedAndOpenWallet(`registered=1&cards=2&list=${list}`);
      expect((await state()).wallet.list).toBe(list);
      const cards = await b.go(`${WALLET}/account/cards`);
      expect(cards.body.match(new RegExp(`<button type="submit" class="remove-card"[^>]*>${label}</button>`, 'g'))).toHaveLength(2);
      expect(cards.body.includes('class="card-list actions-on-hover"')).toBe(list === 'hover');
      expect(textOf(cards)).toContain('History My Account');
      expect(cards.body).toContain('MANAGE YOUR CARDS');
      expect(cards.body).toContain('id="settings-manage-cards" href="/account/cards">Manage your cards<');
      const mine = await b.go(`${WALLET}/account/my-account`);
      expect(mine.body).toContain('id="edit-cards-link" href="/account/cards">Edit cards<');
    }
    // The hover rule is the list's own: a shown list never hides its actions.
    const css = (await b.go(`${WALLET}/account/cards`)).body;
    expect(css).toContain('.actions-on-hover .card-actions{opacity:0}');
    expect(css).not.toMatch(/(^|[}\n])\.card-actions\{[^}]*opacity:0/);
  });

  it('flow and list are per account, and the seed refuses unknown values', async () => {
    await b.go(`${SHOP}/__test/seed?user=doc@example.com&registered=1&cards=1&flow=document&list=hover`);
    const other = new SiteClient(srv.port);
    await other.go(`${SHOP}/__test/seed?user=today@example.com&registered=1&cards=1`);
    expect((await state()).wallet).toMatchObject({ flow: 'document', list: 'hover' });
    expect((await state(other)).wallet).toMatchObject({ flow: 'today', list: 'shown' });
    for (const q of ['flow=2019', 'list=always']) {
      const bad = await b.go(`${SHOP}/__test/seed?${q}`);
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.body).error).toMatch(/is one of/);
    }
    // An account made by signing in gets the defaults.
    const fresh = new SiteClient(srv.port);
    const form = await fresh.go(`${SHOP}/p/order/index.html`);
    await fresh.go(`${LOGIN}/`, {
      return_url: pick(form, /name="return_url" value="([^"]+)"/),
      loginId: 'new@example.com',
      password: 'x',
    });
    expect((await state(fresh)).wallet).toMatchObject({ flow: 'today', list: 'shown' });
  });

  it("the guide's texts are in what the pages show, never only in an attribute", async () => {
    const { default: raw } = await import('../../src/data/guides/aliexpress.json');
    const { Guide } = await import('../../src/guide/schema');
    const guide = Guide.parse(raw);
    const step = (id: string) => guide.steps.find((s) => s.id === id)!;
    // A text marker or target, on the text between the tags (attributes left out); a CSS one never is.
    const shows = (p: SitePage, t: Marker | Target) => 'text' in t && t.text.some((w) => textOf(p).toLowerCase().includes(w.toLowerCase()));
    for (const [flow, list] of [
      ['today', 'shown'],
      ['document', 'hover'],
    ]) {
      await seedAndOpenWallet(`registered=1&cards=1&flow=${flow}&list=${list}`);
      const history = await b.go(`${WALLET}/account/`);
      const cards = await b.go(`${WALLET}/account/cards`);
      const { id } = (await state()).cards[0];
      const dialog = await b.go(`${WALLET}/account/cards?confirm=${id}`);
      // Every marker of the card-list step, and some target of each way in, on the page's own text.
      for (const [p, s] of [
        [history, 'cards'],
        [cards, 'remove'],
      ] as const) {
        const place = step(s).places[0]!;
        for (const m of place.markers) expect(shows(p, m), `${s}: ${JSON.stringify(m)}`).toBe(true);
        expect(
          (place.point ?? []).some((t) => 'text' in t && !t.dialog && shows(p, t)),
          `${s}: nothing to point at in the text`,
        ).toBe(true);
      }
      expect(shows(cards, guide.cardList.card)).toBe(true);
      // Today's dialog says what it asks for; the seed's does not ask.
      const asks = step('remove').places.slice(1);
      expect(
        asks.some((pl) => pl.markers.every((m) => shows(dialog, m))),
        flow,
      ).toBe(flow === 'today');
    }
  });
});

describe('PAGES.md', () => {
  it('names only ids the site renders', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const dir = new URL('../../fixtures/sites/ali/', import.meta.url);
    const doc = await readFile(new URL('PAGES.md', dir), 'utf8');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.mjs'));
    const source = (await Promise.all(files.map((f) => readFile(new URL(f, dir), 'utf8')))).join('\n');
    const ids = [...new Set([...doc.matchAll(/`[^`]*?#([a-z][a-z0-9-]*)/g)].map((m) => m[1] ?? ''))];
    expect(ids.length).toBeGreaterThan(60);
    const missing = ids.filter((id) => {
      if (source.includes(`id="${id}"`) || source.includes(`'${id}'`)) return false; // literal, or passed to a helper
      // Built from a template: question-1 as id="question-${n}", ship-city as id="ship-${key}" with 'city' in a list.
      const parts = id.split('-');
      return !parts.slice(1).some((_, k) => {
        const prefix = parts.slice(0, k + 1).join('-');
        const rest = parts.slice(k + 1).join('-');
        return source.includes(`id="${prefix}-\${`) && (/^\d+$/.test(rest) || source.includes(`'${rest}'`));
      });
    });
    expect(missing).toEqual([]);
  });
});

describe('hosts and reset', () => {
  it('redirects intl.alipay.com to www.alipay.com', async () => {
    const p = await b.go('http://intl.alipay.com/');
    expect(p.url).toBe(`${WALLET}/`);
    expect(pageId(p)).toBe('wallet-landing');
  });

  it('reset forgets accounts, sessions and mail', async () => {
    await seedAndOpenWallet('registered=1&cards=2');
    expect((await state()).cards).toHaveLength(2);
    srv.reset();
    expect((await state()).error).toBeTruthy();
    const cards = await b.go(`${WALLET}/account/cards`);
    expect(pageId(cards)).toBe('login');
    const mail = await b.go(`${MAIL}/`);
    expect(mail.body).toContain('id="mail-empty"');
  });
});
