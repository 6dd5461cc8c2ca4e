// @vitest-environment node
// The Google account / Google Pay twin over HTTP with real Host headers: sign-in with a wrong password
// and a wrong 2-Step Verification code, the password asked again before payment pages, the
// subscription rule, removal to the empty list (in the payments.google.com frame that the payment
// methods page embeds), the old payments.google.com addresses and the test hooks.
import http from 'node:http';
import https from 'node:https';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureServer, readTls, startFixtureServer } from '../../fixtures/server.mjs';

const PAY = 'https://pay.google.com';
const ACCOUNTS = 'https://accounts.google.com';
const PAYMENTS = 'https://payments.google.com';
/** The list's frame, as the real page embeds it (gpay-script). */
const FRAME = `${PAYMENTS}/payments/u/0/payment_methods`;
const USER = 'payer@example.com';
const PASSWORD = 'fixture-pass-1';

interface Page {
  status: number;
  url: string;
  body: string;
  location?: string;
}
type Form = Record<string, string>;

const pageId = (p: Page) => /<body[^>]*data-page="([^"]+)"/.exec(p.body)?.[1];
const text = (p: Page) =>
  p.body
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const formAction = (p: Page, id: string) => {
  const m = new RegExp(`<form[^>]*action="([^"]+)"[^>]*id="${id}"`).exec(p.body);
  if (!m?.[1]) throw new Error(`no form #${id} on ${p.url}`);
  return new URL(m[1].replace(/&amp;/g, '&'), p.url).href;
};

/** A minimal browser over http and https (trusting the test-only certificate): cookies with a Domain
 *  attribute go to every host under it, others to their own host. */
class Browser {
  private jar: { name: string; value: string; domain: string; hostOnly: boolean }[] = [];
  private ca = readTls().cert;
  constructor(private port: number) {}

  private cookieHeader(host: string) {
    return this.jar
      .filter((c) => (c.hostOnly ? c.domain === host : host === c.domain || host.endsWith(`.${c.domain}`)))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private send(method: 'GET' | 'POST', url: string, form?: Form): Promise<Page> {
    const u = new URL(url);
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: Record<string, string> = { host: u.hostname };
    const cookie = this.cookieHeader(u.hostname);
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const options = { host: '127.0.0.1', port: this.port, method, path: u.pathname + u.search, headers };
    return new Promise((resolve, reject) => {
      const onResponse = (res: http.IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          for (const c of res.headers['set-cookie'] ?? []) {
            const [pair = '', ...attrs] = c.split(';');
            const i = pair.indexOf('=');
            const name = pair.slice(0, i).trim();
            const domainAttr = attrs.map((a) => /^\s*domain=(.+)$/i.exec(a)?.[1]?.trim()).find(Boolean);
            const domain = domainAttr ?? u.hostname;
            this.jar = this.jar.filter((x) => !(x.name === name && x.domain === domain));
            if (!attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)))
              this.jar.push({ name, value: pair.slice(i + 1).trim(), domain, hostOnly: !domainAttr });
          }
          const location = res.headers.location ? new URL(res.headers.location, u).href : undefined;
          resolve({ status: res.statusCode ?? 0, url: u.href, body: Buffer.concat(chunks).toString('utf8'), location });
        });
      };
      const req =
        u.protocol === 'https:'
          ? https.request({ ...options, servername: u.hostname, ca: this.ca, agent: false }, onResponse)
          : http.request(options, onResponse);
      req.on('error', reject);
      req.end(body);
    });
  }

  async go(url: string, form?: Form): Promise<Page> {
    let page = await this.send(form ? 'POST' : 'GET', url, form);
    for (let hops = 0; page.location && hops < 10; hops++) page = await this.send('GET', page.location);
    return page;
  }
  first(url: string): Promise<Page> {
    return this.send('GET', url);
  }
  // biome-ignore lint/suspicious/noExplicitAny: an untyped JSON document from the fixture server
  async state(): Promise<any> {
    return JSON.parse((await this.send('GET', `${PAY}/__test/state?user=${USER}`)).body);
  }
  seed(query: string) {
    return this.go(`${PAY}/__test/seed?user=${USER}&${query}`);
  }
}

let srv: FixtureServer;
let b: Browser;
beforeAll(async () => {
  srv = await startFixtureServer();
});
afterAll(async () => {
  await srv.close();
});
beforeEach(() => {
  srv.reset();
  b = new Browser(srv.port);
});

/** From any page that asks for sign-in: e-mail, password (and code), back where it started. */
async function signIn(start: Page, { password = PASSWORD } = {}) {
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
    await b.seed('cards=1');
    const start = await b.go(`${PAY}/gp/w/home/paymentmethods`);
    expect(start.url).toMatch(/\/v3\/signin\/identifier\?continue=/);
    expect(start.body).toContain('id="identifierNext"');
    expect(start.body).toContain('type="email"');
    const done = await signIn(start);
    expect(pageId(done)).toBe('pay-paymentmethods');
    expect((await b.state()).signedIn).toBe(true);
  });

  it('refuses an unknown account and an empty e-mail', async () => {
    const start = await b.go(`${PAY}/`);
    const empty = await b.go(formAction(start, 'identifier-form'), { identifier: '', continue: `${PAY}/` });
    expect(text(empty)).toContain('Enter an email or phone number');
    const unknown = await b.go(formAction(start, 'identifier-form'), { identifier: 'nobody@example.com', continue: `${PAY}/` });
    expect(text(unknown)).toContain('Couldn’t find your Google Account');
    expect(unknown.status).toBe(400);
  });

  it('a wrong password: an error, the same page, and the right one still works', async () => {
    await b.seed('cards=1');
    const start = await b.go(`${PAY}/`);
    const pwd = await b.go(formAction(start, 'identifier-form'), { identifier: USER, continue: `${PAY}/gp/w/home/` });
    const wrong = await b.go(formAction(pwd, 'password-form'), { Passwd: 'nope' });
    expect(pageId(wrong)).toBe('signin-password');
    expect(text(wrong)).toContain('Wrong password. Try again or click Forgot password to reset it.');
    const ok = await b.go(formAction(wrong, 'password-form'), { Passwd: PASSWORD });
    expect(pageId(ok)).toBe('pay-home');
  });

  it('2-Step Verification: the SMS code, a wrong code refused, the right one signs in', async () => {
    await b.seed('cards=1&twostep=1');
    const code = await signIn(await b.go(`${PAY}/`));
    expect(pageId(code)).toBe('signin-code');
    expect(code.body).toContain('id="idvPin"');
    expect(code.body).toContain('id="idvPreregisteredPhoneNext"');
    const sms = /id="sms-code-text">(\d{6})</.exec(code.body)?.[1] ?? '';
    expect((await b.state()).smsCode).toBe(sms);
    const wrong = await b.go(formAction(code, 'code-form'), { Pin: sms === '123456' ? '654321' : '123456' });
    expect(pageId(wrong)).toBe('signin-code');
    expect(text(wrong)).toContain('Wrong code. Try again.');
    const ok = await b.go(formAction(wrong, 'code-form'), { Pin: sms });
    expect(pageId(ok)).toBe('pay-home');
  });

  it('sign-in lives on accounts.google.com, every host answers https only, and the cookie is shared by google.com hosts', async () => {
    await b.seed('cards=1');
    const plain = await b.first(`http://accounts.google.com/ServiceLogin?continue=x`);
    expect([plain.status, plain.location]).toEqual([301, `${ACCOUNTS}/ServiceLogin?continue=x`]);
    expect((await b.first(`${PAY}/v3/signin/identifier`)).status).toBe(404);
    const start = await b.go(`${ACCOUNTS}/ServiceLogin?continue=${encodeURIComponent(`${PAY}/gp/w/home/settings`)}`);
    expect(pageId(start)).toBe('signin-identifier');
    const pwd = await b.go(formAction(start, 'identifier-form'), { identifier: USER, continue: `${PAY}/gp/w/home/settings` });
    expect(pwd.url.startsWith(`${ACCOUNTS}/v3/signin/challenge/pwd?TL=`)).toBe(true);
    const done = await b.go(formAction(pwd, 'password-form'), { Passwd: PASSWORD });
    expect(pageId(done)).toBe('pay-settings');
  });

  it('never sends a sign-in on to a host outside google.com, nor to plain http', async () => {
    await b.seed('cards=1');
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
    await b.seed('cards=1&signedIn=1&reauth=1');
    expect(pageId(await b.go(`${PAY}/gp/w/home/`))).toBe('pay-home');
    const reauth = await b.go(`${PAY}/gp/w/home/paymentmethods`);
    expect(pageId(reauth)).toBe('signin-reauth');
    expect(text(reauth)).toContain("To continue, first verify it's you");
    const wrong = await b.go(formAction(reauth, 'password-form'), { Passwd: 'nope' });
    expect(pageId(wrong)).toBe('signin-reauth');
    const list = await b.go(formAction(wrong, 'password-form'), { Passwd: PASSWORD });
    expect(pageId(list)).toBe('pay-paymentmethods');
    // Fresh now: no second question.
    expect(pageId(await b.go(`${PAY}/gp/w/home/paymentmethods`))).toBe('pay-paymentmethods');
  });

  it('the payment methods page embeds the list from payments.google.com; the frame has no list for a stale sign-in', async () => {
    await b.seed('cards=2&signedIn=1&reauth=1');
    const stale = await b.go(FRAME);
    expect(pageId(stale)).toBe('payments-signin');
    expect(stale.body).toContain('target="_top"');
    expect(stale.body).not.toContain('Visa •••• 4242');
    await b.seed('cards=2&signedIn=1');
    const page = await b.go(`${PAY}/gp/w/home/paymentmethods`);
    expect(page.body).toMatch(/<iframe[^>]*src="https:\/\/payments\.google\.com\/payments\/u\/0\/payment_methods"/);
    // Nothing of the list is in the embedding page itself.
    expect(page.body).not.toContain('Visa •••• 4242');
    expect(page.body).not.toMatch(/>Remove</);
    expect(pageId(await b.go(`${PAY}/gp/w/u/0/home/paymentmethods`))).toBe('pay-paymentmethods');
  });

  it('lists the cards with Remove in the frame; Remove opens the confirmation; Remove again removes; the empty list says so', async () => {
    await b.seed('cards=2&signedIn=1');
    const list = await b.go(FRAME);
    expect(pageId(list)).toBe('payments-paymentmethods');
    expect(text(list)).toContain('Visa •••• 4242');
    expect(text(list)).toContain('Mastercard •••• 4444');
    expect(list.body.match(/>Remove</g)).toHaveLength(2);
    expect(list.body).toContain('class="b3-instrument-details-default-actions"');
    const dialog = await b.go(`${FRAME}?remove=pm_1`);
    expect(dialog.body).toMatch(/<dialog open data-modal id="remove-dialog"/);
    expect(dialog.body).toContain('class="b3-primary-button" id="confirm-remove">Remove<');
    const after = await b.go(`${FRAME}/remove`, { id: 'pm_1' });
    expect(after.url).toBe(`${FRAME}?removed=4242`);
    expect(text(after)).toContain('Payment method removed (•••• 4242)');
    expect((await b.state()).cards.map((c: { last4: string }) => c.last4)).toEqual(['4444']);
    const empty = await b.go(`${FRAME}/remove`, { id: 'pm_2' });
    expect(text(empty)).toContain('No payment methods yet?');
    expect(empty.body).not.toMatch(/>Remove</);
    // A card already gone: back to the list, nothing else happens.
    expect(pageId(await b.go(`${FRAME}/remove`, { id: 'pm_2' }))).toBe('payments-paymentmethods');
  });

  it('refuses to remove a card that pays an active subscription, until the subscription moves or is canceled', async () => {
    await b.seed('cards=3&subscription=1&signedIn=1');
    const refused = await b.go(`${FRAME}/remove`, { id: 'pm_1' });
    expect(text(refused)).toContain('You can’t remove Visa •••• 4242 because it pays for an active subscription: Google One.');
    // The way out leaves the frame for the whole page.
    expect(refused.body).toMatch(/href="https:\/\/pay\.google\.com\/gp\/w\/home\/subscriptions" target="_top"/);
    expect((await b.state()).cards).toHaveLength(3);
    // Pay with another card: the first card goes, the new one is now the blocked one.
    const subs = await b.go(`${PAY}/gp/w/home/subscriptions`);
    expect(text(subs)).toContain('Pay with: Visa •••• 4242');
    expect(subs.body).toMatch(/href="\/gp\/w\/home\/subscriptions\/sub_4"[^>]*>Manage</);
    await b.go(`${PAY}/gp/w/home/subscriptions/sub_4/paywith`, { cardId: 'pm_2' });
    expect(text(await b.go(`${FRAME}/remove`, { id: 'pm_1' }))).toContain('Payment method removed (•••• 4242)');
    expect(text(await b.go(`${FRAME}/remove`, { id: 'pm_2' }))).toContain('pays for an active subscription');
    // Cancel: confirmation first, then the card can go.
    const detail = await b.go(`${PAY}/gp/w/home/subscriptions/sub_4?cancel=1`);
    expect(detail.body).toMatch(/<dialog open data-modal id="cancel-dialog"/);
    const canceled = await b.go(`${PAY}/gp/w/home/subscriptions/sub_4/cancel`, {});
    expect(text(canceled)).toContain('Google One was canceled.');
    expect(canceled.body).not.toMatch(/>Manage</);
    expect(text(await b.go(`${FRAME}/remove`, { id: 'pm_2' }))).toContain('Payment method removed (•••• 4444)');
    expect((await b.state()).subscriptions[0].status).toBe('canceled');
  });

  it('sends an account without a payments profile to signup; /gp/w/u/0/ and payments.google.com reach the same pages', async () => {
    await b.seed('profile=0&signedIn=1');
    expect(pageId(await b.go(`${PAY}/gp/w/home/paymentmethods`))).toBe('pay-signup');
    expect(pageId(await b.go(`${PAY}/gp/w/home/signup`, {}))).toBe('pay-home');
    expect(pageId(await b.go(`${PAY}/gp/w/u/0/home/activity`))).toBe('pay-activity');
    const old = await b.first(`${PAYMENTS}/gp/w/home/paymentmethods`);
    expect(old.location).toBe(`${PAY}/gp/w/home/paymentmethods`);
    expect(pageId(await b.go(`${PAY}/pay/u/0/paymentmethods`))).toBe('pay-paymentmethods');
    expect((await b.go(`${PAY}/nothing-here`)).status).toBe(404);
  });

  it('signs out, and the reset hook forgets everything', async () => {
    await b.seed('cards=1&signedIn=1');
    const out = await b.go(`${ACCOUNTS}/Logout?continue=${encodeURIComponent(`${PAY}/`)}`);
    expect(pageId(out)).toBe('signin-identifier');
    await b.go(`${PAY}/__test/reset`);
    expect((await b.first(`${PAY}/__test/state?user=${USER}`)).status).toBe(404);
  });
});
