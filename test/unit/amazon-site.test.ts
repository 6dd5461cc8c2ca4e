// @vitest-environment node
// The Amazon twin over HTTPS with its real host names (www.amazon.com and the other country domains the
// directory lists): sign-in (e-mail, then password; empty fields, a wrong password), Two-Step Verification
// (a wrong code, Resend, the right code), Your Account, the wallet with its Edit popover, Remove from
// wallet and Confirm remove, the site's rules (the default card, a card paying a subscription), Settings,
// the empty wallet, separate sessions per country domain, and the test hooks.
import { describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server.mjs';
import { pageId, pick, SiteClient, type SitePage, textOf, useSites } from '../support/site-client.ts';

const COM = 'https://www.amazon.com';
const USER = 'shopper@example.com';
const PASSWORD = 'fixture-pass-1';
const DOMAINS = ['amazon.com', 'amazon.ca', 'amazon.com.mx', 'amazon.com.br', 'amazon.co.uk', 'amazon.de', 'amazon.fr'];

let srv: FixtureServer;
let b: SiteClient;
useSites(startFixtureServer, (client, server) => {
  b = client;
  srv = server;
});

const seed = (query: string, site = COM) => b.json(`${site}/__test/seed?user=${USER}&${query}`);
const state = (site = COM) => b.json(`${site}/__test/state?user=${USER}`);
const cardIds = (p: SitePage) =>
  [...p.body.matchAll(/href="\/cpe\/yourpayments\/wallet\?instrumentId=([^"]+)" class="apx-wallet/g)].map((m) => m[1]!);

async function signIn(site = COM, password = PASSWORD): Promise<SitePage> {
  const first = await b.go(`${site}/cpe/yourpayments/wallet`);
  expect(pageId(first)).toBe('signin-email');
  expect(new URL(first.url).pathname).toBe('/ap/signin');
  expect(pageId(await b.go(`${site}/ap/signin`, { email: USER }))).toBe('signin-password');
  return b.go(`${site}/ap/signin`, { email: USER, password });
}

/** Edit → Remove from wallet → Confirm remove, as the pages' own forms post them. */
async function removeCard(id: string, site = COM): Promise<SitePage> {
  const edit = await b.go(`${site}/cpe/yourpayments/wallet?instrumentId=${id}&edit=1`);
  expect(edit.body).toMatch(/role="dialog"[\s\S]*value="Remove from wallet"/);
  const confirm = await b.go(`${site}/cpe/yourpayments/wallet`, {
    instrumentId: id,
    'ppw-widgetEvent:ShowDeleteInstrumentEvent': 'Remove from wallet',
  });
  expect(pageId(confirm)).toBe('wallet-remove');
  expect(confirm.body).toMatch(/name="ppw-widgetEvent:DeleteInstrumentEvent" value="Confirm remove"/);
  return b.go(`${site}/cpe/yourpayments/wallet`, { instrumentId: id, 'ppw-widgetEvent:DeleteInstrumentEvent': 'Confirm remove' });
}

describe('Amazon twin', () => {
  it('serves every country domain of the directory over https only', async () => {
    expect(srv.httpsHosts).toEqual(expect.arrayContaining(DOMAINS.map((d) => `www.${d}`)));
    const p = await b.send('GET', 'http://www.amazon.de/cpe/yourpayments/wallet');
    expect(p.status).toBe(301);
    expect(p.location).toBe('https://www.amazon.de/cpe/yourpayments/wallet');
  });

  it('signs in with e-mail then password, refuses empty fields and a wrong password, and returns to the page asked for', async () => {
    await seed('cards=2');
    const home = await b.go(`${COM}/`);
    expect(pick(home, /<a id="nav-link-accountList" href="([^"]+)"/)).toMatch(/^\/ap\/signin\?openid\.return_to=/);
    expect(textOf(home)).toContain('Hello, sign in Account & Lists');
    const empty = await b.go(`${COM}/ap/signin`, { email: '' });
    expect(textOf(empty)).toContain('Enter your mobile number or email');
    await b.go(`${COM}/cpe/yourpayments/wallet`);
    await b.go(`${COM}/ap/signin`, { email: USER });
    const noPassword = await b.go(`${COM}/ap/signin`, { email: USER, password: '' });
    expect(textOf(noPassword)).toContain('Enter your password');
    const wrong = await b.go(`${COM}/ap/signin`, { email: USER, password: 'nope' });
    expect(pageId(wrong)).toBe('signin-password');
    expect(pick(wrong, /id="auth-error-message-box" role="alert"><h4>([^<]+)</)).toBe('There was a problem');
    const wallet = await b.go(`${COM}/ap/signin`, { email: USER, password: PASSWORD });
    expect(pageId(wallet)).toBe('wallet');
    expect(cardIds(wallet)).toHaveLength(2);
    // The default card is listed first and says so.
    expect(textOf(wallet)).toMatch(/Visa •••• 4242 Default Mastercard •••• 4444/);
    const account = await b.go(`${COM}/gp/css/homepage.html`);
    expect(pageId(account)).toBe('your-account');
    expect(pick(account, /href="([^"]+)" id="ya-payments"/)).toBe('/cpe/yourpayments/wallet?ref_=ya_d_c_pmt_mpo');
    expect(textOf(await b.go(`${COM}/`))).toContain('Hello, Shopper Account & Lists');
  });

  it('Two-Step Verification: a wrong code, Resend, then the right code', async () => {
    await seed('cards=1&twoStep=1');
    const mfa = await signIn();
    expect(pageId(mfa)).toBe('mfa');
    expect(new URL(mfa.url).pathname).toBe('/ap/mfa');
    expect(textOf(mfa)).toContain('Two-Step Verification');
    expect((await state()).signedIn).toBe(false);
    const first = (await state()).textMessage.code as string;
    const wrong = await b.go(`${COM}/ap/mfa`, { action: 'verify', otpCode: first === '000000' ? '111111' : '000000' });
    expect(pageId(wrong)).toBe('mfa');
    expect(wrong.body).toContain('id="auth-error-message-box"');
    await b.go(`${COM}/ap/mfa`, { action: 'resend' });
    const fresh = (await state()).textMessage.code as string;
    if (fresh !== first) expect(pageId(await b.go(`${COM}/ap/mfa`, { action: 'verify', otpCode: first }))).toBe('mfa');
    const wallet = await b.go(`${COM}/ap/mfa`, { action: 'verify', otpCode: fresh });
    expect(pageId(wallet)).toBe('wallet');
    expect((await state()).signedIn).toBe(true);
    // No way around the password: the code page without a sign-in in progress goes back to it.
    const other = new SiteClient(srv.port);
    expect(pageId(await other.go(`${COM}/ap/mfa`))).toBe('signin-email');
  });

  it('removes through Edit, Remove from wallet and Confirm remove; refuses the default card while others remain; then the wallet is empty', async () => {
    await seed('cards=3&default=1');
    const wallet = await signIn();
    const [def, second, third] = cardIds(wallet);
    const card = await b.go(`${COM}/cpe/yourpayments/wallet?instrumentId=${def}`);
    expect(pageId(card)).toBe('wallet-card');
    expect(textOf(card)).toContain('Edit');
    // The default card first: refused.
    const refused = await removeCard(def!);
    expect(pick(refused, /id="wallet-error" role="alert"><h4>There was a problem<\/h4><p>([^<]+)</)).toMatch(/default payment method/);
    expect((await state()).cards).toHaveLength(3);
    for (const id of [second, third]) {
      const after = await removeCard(id!);
      expect(pageId(after)).toBe('wallet');
      expect(after.body).toContain('id="wallet-notice"');
    }
    const empty = await removeCard(def!);
    expect(cardIds(empty)).toEqual([]);
    expect(empty.body).toContain('id="wallet-empty"');
    expect((await state()).cards).toEqual([]);
    // A removed card's address shows the wallet and says it is gone.
    expect(textOf(await b.go(`${COM}/cpe/yourpayments/wallet?instrumentId=${def}`))).toContain('no longer in your wallet');
  });

  it('a card paying a subscription is refused; Settings moves the subscription and the default, and the refusals follow', async () => {
    await seed('cards=2&default=1&subscription=2');
    const [first, second] = cardIds(await signIn());
    const card = await b.go(`${COM}/cpe/yourpayments/wallet?instrumentId=${second}`);
    expect(textOf(card)).toContain('Used for: Prime membership');
    const refused = await removeCard(second!);
    expect(textOf(refused)).toContain('This payment method cannot be removed because it is linked to a subscription.');
    await b.go(`${COM}/cpe/yourpayments/settings`, { what: 'subscription', name: 'Prime membership', instrumentId: first! });
    await b.go(`${COM}/cpe/yourpayments/settings`, { what: 'default', instrumentId: second! });
    expect((await state()).default).toBe('4444');
    expect(textOf(await removeCard(first!))).toContain('linked to a subscription'); // now it pays Prime
    expect(textOf(await removeCard(second!))).toContain('default payment method'); // now the default
    expect((await state()).cards.map((c: { last4: string }) => c.last4)).toEqual(['4444', '4242']); // the default first
  });

  it('each country domain has its own session; the account is the same', async () => {
    await seed('cards=2');
    await signIn(COM);
    const de = await b.go('https://www.amazon.de/cpe/yourpayments/wallet');
    expect(pageId(de)).toBe('signin-email');
    expect(b.cookiesFor('www.amazon.de').has('session-id')).toBe(true);
    const wallet = await b
      .go('https://www.amazon.de/ap/signin', { email: USER, password: PASSWORD })
      .then(async (p) =>
        pageId(p) === 'signin-password' ? b.go('https://www.amazon.de/ap/signin', { email: USER, password: PASSWORD }) : p,
      );
    expect(pageId(wallet)).toBe('wallet');
    expect(new URL(wallet.url).hostname).toBe('www.amazon.de');
    expect(cardIds(wallet)).toHaveLength(2);
  });

  it('test hooks: seed redirects to next, state needs a user, reset forgets everyone', async () => {
    const r = await b.send('GET', `${COM}/__test/seed?user=${USER}&cards=1&next=/cpe/yourpayments/wallet`);
    expect(r.status).toBe(302);
    expect((await state()).cards).toHaveLength(1);
    expect((await b.send('GET', `${COM}/__test/state`)).status).toBe(404);
    await b.go(`${COM}/__test/reset`);
    expect((await b.send('GET', `${COM}/__test/state?user=${USER}`)).status).toBe(404);
  });
});
