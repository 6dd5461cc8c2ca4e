// @vitest-environment node
// The PayPal twin over HTTPS with its real host name: log in (e-mail, then password; a wrong password),
// the security check (a wrong code, Resend, Try another way, then the right code), the Wallet and a card's
// page, removal with confirmation, the site's rules (preferred card, pending payment, negative balance,
// the only card paying an automatic payment), the empty Wallet, and the test hooks.
import { describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../fixtures/server.mjs';
import { pageId, pick, type SiteClient, type SitePage, textOf, useSites } from '../support/site-client.ts';

const PP = 'https://www.paypal.com';
const USER = 'payer@example.com';
const PASSWORD = 'fixture-pass-1';

let b: SiteClient;
useSites(startFixtureServer, (client) => {
  b = client;
});

const seed = (query: string) => b.json(`${PP}/__test/seed?user=${USER}&${query}`);
const state = () => b.json(`${PP}/__test/state?user=${USER}`);
const cardIds = (p: SitePage) =>
  [...p.body.matchAll(/href="\/myaccount\/money\/cards\/(CC-[A-Z0-9]+)" data-name="viewCard"/g)].map((m) => m[1]!);

async function logIn(password = PASSWORD): Promise<SitePage> {
  const first = await b.go(`${PP}/myaccount/money`);
  expect(pageId(first)).toBe('signin-email');
  const pw = await b.go(`${PP}/signin`, { login_email: USER });
  expect(pageId(pw)).toBe('signin-password');
  return b.go(`${PP}/signin`, { login_email: USER, login_password: password });
}

describe('PayPal twin', () => {
  it('serves https only: plain http moves to https', async () => {
    const p = await b.send('GET', 'http://www.paypal.com/myaccount/money');
    expect(p.status).toBe(301);
    expect(p.location).toBe(`${PP}/myaccount/money`);
  });

  it('logs in with e-mail then password, refuses a wrong password, and goes on to the page asked for', async () => {
    await seed('cards=2');
    const home = await b.go(`${PP}/`);
    expect(pageId(home)).toBe('home');
    expect(home.body).toContain('id="ul-btn"');
    const bad = await logIn('wrong');
    expect(pageId(bad)).toBe('signin-password');
    expect(textOf(bad)).toContain("Some of your info isn't correct. Please try again.");
    const wallet = await b.go(`${PP}/signin`, { login_email: USER, login_password: PASSWORD });
    expect(pageId(wallet)).toBe('wallet');
    expect(new URL(wallet.url).pathname).toBe('/myaccount/money');
    expect(cardIds(wallet)).toHaveLength(2);
    expect(textOf(wallet)).toContain('Link a card');
    expect(textOf(wallet)).toMatch(/Credit •••• 4242 Preferred/);
    // Signed in: the home page goes to the Summary, which links the Wallet.
    const summary = await b.go(`${PP}/`);
    expect(pageId(summary)).toBe('summary');
    expect(pick(summary, /<a href="([^"]+)" id="header-wallet"/)).toBe('/myaccount/money');
    // Log out: the Wallet asks to log in again.
    await b.go(`${PP}/signout`);
    expect(pageId(await b.go(`${PP}/myaccount/money`))).toBe('signin-email');
  });

  it('an empty e-mail is refused on the first page', async () => {
    const p = await b.go(`${PP}/signin`, { login_email: '' });
    expect(pageId(p)).toBe('signin-email');
    expect(p.body).toContain('id="signin-error"');
  });

  it('asks for a 6-digit code with 2-step verification: wrong code, Resend, Try another way, then in', async () => {
    await seed('cards=1&twoStep=1');
    const choose = await logIn();
    expect(pageId(choose)).toBe('security-choose');
    expect(new URL(choose.url).pathname).toBe('/authflow/twofactor/');
    expect(textOf(choose)).toContain('Receive a text');
    expect((await state()).signedIn).toBe(false);
    const code = await b.go(`${PP}/authflow/twofactor/`, { action: 'send', method: 'sms' });
    expect(pageId(code)).toBe('security-code');
    const sent = (await state()).textMessage.code as string;
    expect(sent).toMatch(/^\d{6}$/);
    const wrong = await b.go(`${PP}/authflow/twofactor/`, { action: 'verify', otpCode: sent === '000000' ? '111111' : '000000' });
    expect(pageId(wrong)).toBe('security-code');
    expect(wrong.body).toContain('id="security-error"');
    const resent = await b.go(`${PP}/authflow/twofactor/`, { action: 'resend' });
    expect(textOf(resent)).toContain('We sent you a new code.');
    const fresh = (await state()).textMessage.code as string;
    expect(pageId(await b.go(`${PP}/authflow/twofactor/`, { action: 'another' }))).toBe('security-choose');
    expect((await state()).textMessage).toBeNull(); // a new way means a new code
    await b.go(`${PP}/authflow/twofactor/`, { action: 'send', method: 'sms' });
    const now = (await state()).textMessage.code as string;
    expect(now).toMatch(/^\d{6}$/);
    if (fresh !== now) expect(pageId(await b.go(`${PP}/authflow/twofactor/`, { action: 'verify', otpCode: fresh }))).toBe('security-code');
    const inside = await b.go(`${PP}/authflow/twofactor/`, { action: 'verify', otpCode: now });
    expect(pageId(inside)).toBe('wallet');
    expect((await state()).signedIn).toBe(true);
  });

  it('the security check is no way around the password', async () => {
    await seed('cards=1&twoStep=1');
    expect(pageId(await b.go(`${PP}/authflow/twofactor/`))).toBe('signin-email');
  });

  it('removes cards with confirmation, refuses the preferred card while others remain, then the Wallet is empty', async () => {
    await seed('cards=3&preferred=1');
    const wallet = await logIn();
    const [first, second, third] = cardIds(wallet);
    // The preferred card first: its page, the dialog, the refusal.
    const card = await b.go(`${PP}/myaccount/money/cards/${first}`);
    expect(pageId(card)).toBe('wallet-card');
    expect(textOf(card)).toContain('Preferred when paying online');
    expect(textOf(card)).toContain('Remove card');
    expect(card.body).not.toContain('<dialog');
    const dialog = await b.go(`${PP}/myaccount/money/cards/${first}?confirm=remove`);
    expect(dialog.body).toMatch(/<dialog open[^>]*>[\s\S]*Remove this card\?[\s\S]*>Remove<\/button>/);
    const refused = await b.go(`${PP}/myaccount/money/cards/${first}/remove`, {});
    expect(pick(refused, /id="wallet-error" role="alert">([^<]+)</)).toMatch(/preferred/);
    expect((await state()).cards).toHaveLength(3);
    // The others go; then the preferred one, the last, goes too and the balance becomes preferred.
    for (const id of [second, third]) {
      const after = await b.go(`${PP}/myaccount/money/cards/${id}/remove`, {});
      expect(pageId(after)).toBe('wallet');
      expect(after.body).toContain('id="wallet-notice"');
    }
    const empty = await b.go(`${PP}/myaccount/money/cards/${first}/remove`, {});
    expect(pageId(empty)).toBe('wallet');
    expect(cardIds(empty)).toEqual([]);
    expect(textOf(empty)).toContain('Link a card');
    const s = await state();
    expect(s.cards).toEqual([]);
    expect(s.preferred).toBe('balance');
    // A removed card's address goes back to the Wallet.
    expect(pageId(await b.go(`${PP}/myaccount/money/cards/${first}`))).toBe('wallet');
  });

  it('Set as preferred moves the preference, and then the old preferred card can go', async () => {
    await seed('cards=2&preferred=1');
    const [first, second] = cardIds(await logIn());
    await b.go(`${PP}/myaccount/money/cards/${second}/preferred`, {});
    expect((await state()).preferred).toBe('4444');
    expect(pageId(await b.go(`${PP}/myaccount/money/cards/${first}/remove`, {}))).toBe('wallet');
  });

  it('refuses with a pending payment or a negative balance', async () => {
    await seed('cards=2&preferred=0&pending=2&balance=-5');
    const [first, second] = cardIds(await logIn());
    const negative = await b.go(`${PP}/myaccount/money/cards/${first}/remove`, {});
    expect(pick(negative, /id="wallet-error" role="alert">([^<]+)</)).toMatch(/balance is negative/);
    await seed('cards=2&preferred=0&pending=2');
    const pending = await b.go(`${PP}/myaccount/money/cards/${second}/remove`, {});
    expect(pageId(pending)).toBe('wallet'); // the re-seed gave the cards new ids: the old one is gone
    const ids = cardIds(pending);
    const refused = await b.go(`${PP}/myaccount/money/cards/${ids[1]}/remove`, {});
    expect(pick(refused, /id="wallet-error" role="alert">([^<]+)</)).toMatch(/pending/);
    expect(pageId(await b.go(`${PP}/myaccount/money/cards/${ids[0]}/remove`, {}))).toBe('wallet');
  });

  it('warns before removing the only card of an automatic payment, and removing it cancels the payment', async () => {
    await seed('cards=2&preferred=0&subscription=2');
    const [, second] = cardIds(await logIn());
    const card = await b.go(`${PP}/myaccount/money/cards/${second}?confirm=remove`);
    expect(textOf(card)).toContain('StreamBox Media');
    expect(card.body).toContain('id="automatic-warning"');
    const after = await b.go(`${PP}/myaccount/money/cards/${second}/remove`, {});
    expect(textOf(after)).toContain('Automatic payments cancelled: StreamBox Media');
    expect((await state()).cancelled).toEqual(['StreamBox Media']);
  });

  it('test hooks: seed redirects to next, state needs a user, reset forgets everyone', async () => {
    const r = await b.send('GET', `${PP}/__test/seed?user=${USER}&cards=1&next=/myaccount/money`);
    expect(r.status).toBe(302);
    expect((await state()).cards).toHaveLength(1);
    expect((await b.send('GET', `${PP}/__test/state`)).status).toBe(404);
    await b.go(`${PP}/__test/reset`);
    expect((await b.send('GET', `${PP}/__test/state?user=${USER}`)).status).toBe(404);
  });
});
