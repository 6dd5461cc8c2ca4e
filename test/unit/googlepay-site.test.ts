// @vitest-environment node
// The Google account / Google Pay twin over HTTP with real Host headers: sign-in with a wrong password
// and a wrong 2-Step Verification code, the password asked again before payment pages, the
// subscription rule, removal to the empty list (in the payments.google.com frame that the payment
// methods page embeds), the old payments.google.com addresses and the test hooks.
import { describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../fixtures/server.mjs';
import { pageId, type SiteClient, type SitePage, textOf, useSites } from '../support/site-client.ts';

const PAY = 'https://pay.google.com';
const ACCOUNTS = 'https://accounts.google.com';
const PAYMENTS = 'https://payments.google.com';
/** The list's frame, as the real page embeds it (gpay-script). */
const FRAME = `${PAYMENTS}/payments/u/0/payment_methods`;
const USER = 'payer@example.com';
const PASSWORD = 'fixture-pass-1';

const formAction = (p: SitePage, id: string) => {
  const m = new RegExp(`<form[^>]*action="([^"]+)"[^>]*id="${id}"`).exec(p.body);
  if (!m?.[1]) throw new Error(`no form #${id} on ${p.url}`);
  return new URL(m[1].replace(/&amp;/g, '&'), p.url).href;
};

let b: SiteClient;
useSites(startFixtureServer, (client) => {
  b = client;
});

const seed = (query: string) => b.go(`${PAY}/__test/seed?user=${USER}&${query}`);
const state = () => b.json(`${PAY}/__test/state?user=${USER}`);

/** From any page that asks for sign-in: e-mail, password (and code), back where it started. */
async function signIn(start: SitePage, { password = PASSWORD } = {}) {
  expect(pageId(start)).toBe('signin-identifier');
  const pwd = await b.go(formAction(start, 'identifier-form'), {
    identifier: USER,
    continue: /name="continue" value="([^"]+)"/.exec(start.body)?.[1]?.replace(/&amp;/g, '&') ?? '',
  });
  expect(pageId(pwd)).toBe('signin-password');
  return b.go(formAction(pwd, 'password-form'), { Passwd: password });
}

describe('Google sign-in twin', () => {
  it('signs in with e-mail and password and returns to the page that asked', async () => {
    await seed('cards=1');
    const start = await b.go(`${PAY}/gp/w/home/paymentmethods`);
    expect(start.url).toMatch(/\/v3\/signin\/identifier\?continue=/);
    expect(start.body).toContain('id="identifierNext"');
    expect(start.body).toContain('type="email"');
    const done = await signIn(start);
    expect(pageId(done)).toBe('pay-paymentmethods');
    expect((await state()).signedIn).toBe(true);
  });

  it('refuses an unknown account and an empty e-mail', async () => {
    const start = await b.go(`${PAY}/`);
    const empty = await b.go(formAction(start, 'identifier-form'), { identifier: '', continue: `${PAY}/` });
    expect(textOf(empty)).toContain('Enter an email or phone number');
    const unknown = await b.go(formAction(start, 'identifier-form'), { identifier: 'nobody@example.com', continue: `${PAY}/` });
    expect(textOf(unknown)).toContain('Couldn’t find your Google Account');
    expect(unknown.status).toBe(400);
  });

  it('a wrong password: an error, the same page, and the right one still works', async () => {
    await seed('cards=1');
    const start = await b.go(`${PAY}/`);
    const pwd = await b.go(formAction(start, 'identifier-form'), { identifier: USER, continue: `${PAY}/gp/w/home/` });
    const wrong = await b.go(formAction(pwd, 'password-form'), { Passwd: 'nope' });
    expect(pageId(wrong)).toBe('signin-password');
    expect(textOf(wrong)).toContain('Wrong password. Try again or click Forgot password to reset it.');
    const ok = await b.go(formAction(wrong, 'password-form'), { Passwd: PASSWORD });
    expect(pageId(ok)).toBe('pay-home');
  });

  it('2-Step Verification: the SMS code, a wrong code refused, the right one signs in', async () => {
    await seed('cards=1&twostep=1');
    const code = await signIn(await b.go(`${PAY}/`));
    expect(pageId(code)).toBe('signin-code');
    expect(code.body).toContain('id="idvPin"');
    expect(code.body).toContain('id="idvPreregisteredPhoneNext"');
    const sms = /id="sms-code-text">(\d{6})</.exec(code.body)?.[1] ?? '';
    expect((await state()).smsCode).toBe(sms);
    const wrong = await b.go(formAction(code, 'code-form'), { Pin: sms === '123456' ? '654321' : '123456' });
    expect(pageId(wrong)).toBe('signin-code');
    expect(textOf(wrong)).toContain('Wrong code. Try again.');
    const ok = await b.go(formAction(wrong, 'code-form'), { Pin: sms });
    expect(pageId(ok)).toBe('pay-home');
  });

  it('sign-in lives on accounts.google.com, every host answers https only, and the cookie is shared by google.com hosts', async () => {
    await seed('cards=1');
    const plain = await b.send('GET', `http://accounts.google.com/ServiceLogin?continue=x`);
    expect([plain.status, plain.location]).toEqual([301, `${ACCOUNTS}/ServiceLogin?continue=x`]);
    expect((await b.send('GET', `${PAY}/v3/signin/identifier`)).status).toBe(404);
    const start = await b.go(`${ACCOUNTS}/ServiceLogin?continue=${encodeURIComponent(`${PAY}/gp/w/home/settings`)}`);
    expect(pageId(start)).toBe('signin-identifier');
    const pwd = await b.go(formAction(start, 'identifier-form'), { identifier: USER, continue: `${PAY}/gp/w/home/settings` });
    expect(pwd.url.startsWith(`${ACCOUNTS}/v3/signin/challenge/pwd?TL=`)).toBe(true);
    const done = await b.go(formAction(pwd, 'password-form'), { Passwd: PASSWORD });
    expect(pageId(done)).toBe('pay-settings');
  });

  it('never sends a sign-in on to a host outside google.com, nor to plain http', async () => {
    await seed('cards=1');
    for (const away of ['https://evil.example/', 'http://pay.google.com/gp/w/home/settings']) {
      const start = await b.go(`${ACCOUNTS}/v3/signin/identifier?continue=${encodeURIComponent(away)}`);
      const pwd = await b.go(formAction(start, 'identifier-form'), { identifier: USER, continue: away });
      const done = await b.go(formAction(pwd, 'password-form'), { Passwd: PASSWORD });
      expect(done.url).toBe(`${PAY}/gp/w/home/`);
      await b.go(`${ACCOUNTS}/Logout?continue=${encodeURIComponent(`${PAY}/`)}`);
    }
  });
});

describe('Google Pay twin', () => {
  it('asks for the password again before payment methods when the sign-in is old, not before other tabs', async () => {
    await seed('cards=1&signedIn=1&reauth=1');
    expect(pageId(await b.go(`${PAY}/gp/w/home/`))).toBe('pay-home');
    const reauth = await b.go(`${PAY}/gp/w/home/paymentmethods`);
    expect(pageId(reauth)).toBe('signin-reauth');
    expect(textOf(reauth)).toContain("To continue, first verify it's you");
    const wrong = await b.go(formAction(reauth, 'password-form'), { Passwd: 'nope' });
    expect(pageId(wrong)).toBe('signin-reauth');
    const list = await b.go(formAction(wrong, 'password-form'), { Passwd: PASSWORD });
    expect(pageId(list)).toBe('pay-paymentmethods');
    // Fresh now: no second question.
    expect(pageId(await b.go(`${PAY}/gp/w/home/paymentmethods`))).toBe('pay-paymentmethods');
  });

  it('the payment methods page embeds the list from payments.google.com; the frame has no list for a stale sign-in', async () => {
    await seed('cards=2&signedIn=1&reauth=1');
    const stale = await b.go(FRAME);
    expect(pageId(stale)).toBe('payments-signin');
    expect(stale.body).toContain('target="_top"');
    expect(stale.body).not.toContain('Visa •••• 4242');
    await seed('cards=2&signedIn=1');
    const page = await b.go(`${PAY}/gp/w/home/paymentmethods`);
    expect(page.body).toMatch(/<iframe[^>]*src="https:\/\/payments\.google\.com\/payments\/u\/0\/payment_methods"/);
    // Nothing of the list is in the embedding page itself.
    expect(page.body).not.toContain('Visa •••• 4242');
    expect(page.body).not.toMatch(/>Remove</);
    expect(pageId(await b.go(`${PAY}/gp/w/u/0/home/paymentmethods`))).toBe('pay-paymentmethods');
  });

  it('lists the cards with Remove in the frame; Remove opens the confirmation; Remove again removes; the empty list says so', async () => {
    await seed('cards=2&signedIn=1');
    const list = await b.go(FRAME);
    expect(pageId(list)).toBe('payments-paymentmethods');
    expect(textOf(list)).toContain('Visa •••• 4242');
    expect(textOf(list)).toContain('Mastercard •••• 4444');
    expect(list.body.match(/>Remove</g)).toHaveLength(2);
    expect(list.body).toContain('class="b3-instrument-details-default-actions"');
    const dialog = await b.go(`${FRAME}?remove=pm_1`);
    expect(dialog.body).toMatch(/<dialog open data-modal id="remove-dialog"/);
    expect(dialog.body).toContain('class="b3-primary-button" id="confirm-remove">Remove<');
    const after = await b.go(`${FRAME}/remove`, { id: 'pm_1' });
    expect(after.url).toBe(`${FRAME}?removed=4242`);
    expect(textOf(after)).toContain('Payment method removed (•••• 4242)');
    expect((await state()).cards.map((c: { last4: string }) => c.last4)).toEqual(['4444']);
    const empty = await b.go(`${FRAME}/remove`, { id: 'pm_2' });
    expect(textOf(empty)).toContain('No payment methods yet?');
    expect(empty.body).not.toMatch(/>Remove</);
    // A card already gone: back to the list, nothing else happens.
    expect(pageId(await b.go(`${FRAME}/remove`, { id: 'pm_2' }))).toBe('payments-paymentmethods');
  });

  it('refuses to remove a card that pays an active subscription, until the subscription moves or is canceled', async () => {
    await seed('cards=3&subscription=1&signedIn=1');
    const refused = await b.go(`${FRAME}/remove`, { id: 'pm_1' });
    expect(textOf(refused)).toContain('You can’t remove Visa •••• 4242 because it pays for an active subscription: Google One.');
    // The way out leaves the frame for the whole page.
    expect(refused.body).toMatch(/href="https:\/\/pay\.google\.com\/gp\/w\/home\/subscriptions" target="_top"/);
    expect((await state()).cards).toHaveLength(3);
    // Pay with another card: the first card goes, the new one is now the blocked one.
    const subs = await b.go(`${PAY}/gp/w/home/subscriptions`);
    expect(textOf(subs)).toContain('Pay with: Visa •••• 4242');
    expect(subs.body).toMatch(/href="\/gp\/w\/home\/subscriptions\/sub_4"[^>]*>Manage</);
    await b.go(`${PAY}/gp/w/home/subscriptions/sub_4/paywith`, { cardId: 'pm_2' });
    expect(textOf(await b.go(`${FRAME}/remove`, { id: 'pm_1' }))).toContain('Payment method removed (•••• 4242)');
    expect(textOf(await b.go(`${FRAME}/remove`, { id: 'pm_2' }))).toContain('pays for an active subscription');
    // Cancel: confirmation first, then the card can go.
    const detail = await b.go(`${PAY}/gp/w/home/subscriptions/sub_4?cancel=1`);
    expect(detail.body).toMatch(/<dialog open data-modal id="cancel-dialog"/);
    const canceled = await b.go(`${PAY}/gp/w/home/subscriptions/sub_4/cancel`, {});
    expect(textOf(canceled)).toContain('Google One was canceled.');
    expect(canceled.body).not.toMatch(/>Manage</);
    expect(textOf(await b.go(`${FRAME}/remove`, { id: 'pm_2' }))).toContain('Payment method removed (•••• 4444)');
    expect((await state()).subscriptions[0].status).toBe('canceled');
  });

  it('sends an account without a payments profile to signup; /gp/w/u/0/ and payments.google.com reach the same pages', async () => {
    await seed('profile=0&signedIn=1');
    expect(pageId(await b.go(`${PAY}/gp/w/home/paymentmethods`))).toBe('pay-signup');
    expect(pageId(await b.go(`${PAY}/gp/w/home/signup`, {}))).toBe('pay-home');
    expect(pageId(await b.go(`${PAY}/gp/w/u/0/home/activity`))).toBe('pay-activity');
    const old = await b.send('GET', `${PAYMENTS}/gp/w/home/paymentmethods`);
    expect(old.location).toBe(`${PAY}/gp/w/home/paymentmethods`);
    expect(pageId(await b.go(`${PAY}/pay/u/0/paymentmethods`))).toBe('pay-paymentmethods');
    expect((await b.go(`${PAY}/nothing-here`)).status).toBe(404);
  });

  it('signs out, and the reset hook forgets everything', async () => {
    await seed('cards=1&signedIn=1');
    const out = await b.go(`${ACCOUNTS}/Logout?continue=${encodeURIComponent(`${PAY}/`)}`);
    expect(pageId(out)).toBe('signin-identifier');
    await b.go(`${PAY}/__test/reset`);
    expect((await b.send('GET', `${PAY}/__test/state?user=${USER}`)).status).toBe(404);
  });
});
