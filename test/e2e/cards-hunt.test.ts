// "Where your cards are" as a list a person works through, with the built extension in real Chromium:
// what Unbind saw (a box left ticked, a card page open, a guide's count on the card page), the person's
// own changes, the browsing history looked through only when asked (optional permission: refused,
// granted, given back), and the list as a file (export, import, a bad file).
//
// How the optional `history` permission is granted here: the real chrome.permissions.request, called
// by a real click in the popup (a user gesture), in a profile whose Preferences say the person granted
// `history` to Unbind once before (grantedBefore in test/support/browser.mjs). Chromium then answers true
// without showing its prompt, the path it takes for a permission a person allowed earlier. The prompt
// itself cannot be answered in headless Chromium: it is a native dialog, not reachable through the
// DevTools protocol, and no command-line switch auto-accepts it any more. The last test shows that
// prompt is really reached from the popup in a profile that never allowed history.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, launch, ROOT, unpackedExtensionId } from '../support/browser.mjs';
import { grantedBefore, inWorker, openPopup, useEnv } from '../support/env';
import { openPopup as openRealPopup } from '../support/popup.mjs';
import { visit } from '../support/outcomes.mjs';
import { sleep } from '../support/sleep.mjs';

const SHOP = 'http://www.aliexpress.com';
const WALLET = 'http://www.alipay.com';
const AIRBNB = 'https://www.airbnb.com';
const SHOTS = path.join(ROOT, 'out/screenshots/cards-hunt');

const fileInput = async (p: Page) => (await p.$('[data-testid=import]')) as ElementHandle<HTMLInputElement>;
const placeSel = (key: string) => `[data-testid=places] [data-place="${key}"]`;

/** A part of the popup (its state: a message shown after a click), saved under out/screenshots/cards-hunt/. */
async function shot(popup: Page, selector: string, name: string) {
  await (await popup.$(selector))!.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

describe('Where your cards are (a profile that allowed history once before)', () => {
  const env = useEnv({ preferences: grantedBefore(['history']) });
  let page: Page;
  const stored = () => inWorker(env, () => chrome.storage.local.get(null)) as Promise<Record<string, unknown>>;
  const places = async () => ((await stored()).cardPlaces as { places: Record<string, Record<string, unknown>> } | undefined)?.places ?? {};
  const hasHistory = () => inWorker(env, () => chrome.permissions.contains({ permissions: ['history'] }));
  const until = async (what: string, test: () => Promise<boolean>) => {
    for (let i = 0; i < 50; i++) {
      if (await test()) return;
      await sleep(200);
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const text = (p: Page, sel: string) => p.$eval(sel, (e) => e.textContent ?? '');
  /** The whole list, as tall as it is: the popup's page in a tab (a popup is at most 600 px high). */
  const shotList = async (name: string) => {
    const tab = await env.browser.newPage();
    await tab.setViewport({ width: 380, height: 2400 });
    await tab.goto(`chrome-extension://${env.extensionId}/src/popup/index.html`, { waitUntil: 'load' });
    await tab.waitForSelector('main[data-ready]');
    await shot(tab, '[data-testid=cards]', name);
    await tab.close();
    await page.bringToFront();
  };

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    await inWorker(env, () => chrome.storage.local.clear());
    page = await env.browser.newPage();
  });

  it('runs in the profile the grant was written for; history is not granted until asked', async () => {
    expect(env.extensionId).toBe(unpackedExtensionId(DIST));
    expect(await hasHistory()).toBe(false);
  });

  it("lists what Unbind saw: a box left ticked, a directory site's card page, a guide's count on the card page", async () => {
    await visit(page, env.checkout('e2e-simple'), { settleMs: 300 });
    await page.click('#save'); // the person ticks it again: left ticked
    await sleep(800);
    await page.goto(`${AIRBNB}/account-settings/payments/payment-methods`, { waitUntil: 'load' });
    await page.goto(`${SHOP}/__test/seed?registered=1&cards=2&next=/`, { waitUntil: 'load' });
    await page.goto(`${SHOP}/alipay/go`, { waitUntil: 'load' });
    await page.goto(`${WALLET}/account/cards`, { waitUntil: 'load' });
    await until('the card page and the count to be noted', async () => {
      const p = await places();
      return !!p['dir:airbnb']?.cardPageAt && (p['dir:aliexpress']?.seen as { cards?: number } | undefined)?.cards === 2;
    });
    // Nothing but dates, a count and who counted: no path, no card.
    expect(await places()).toEqual({
      'dir:airbnb': { cardPageAt: expect.any(Number) },
      'dir:aliexpress': { seen: { cards: 2, at: expect.any(Number), by: 'page' } },
    });

    const popup = await openPopup(env, page);
    const left = placeSel('site:127.0.0.1');
    expect(await text(popup, `${left} [data-testid=cards-state]`)).toBe('Not checked yet');
    expect(await text(popup, `${left} [data-reason=left-ticked]`)).toMatch(/left ticked/);

    const airbnb = placeSel('dir:airbnb');
    expect(await text(popup, `${airbnb} strong`)).toBe('Airbnb');
    expect(await text(popup, `${airbnb} [data-reason=card-page]`)).toMatch(/^Card page visited on /);
    expect(await popup.$eval(`${airbnb} [data-testid=manage]`, (b) => b.getAttribute('data-href'))).toBe(
      'https://www.airbnb.com/account-settings/payments/payment-methods',
    );
    expect(await text(popup, `${airbnb} [data-testid=manage-path]`)).toBe(
      'Account settings › Payments & payouts › the three dots next to the payment method › Remove',
    );
    expect(await popup.$(`${airbnb} [data-testid=guide-me]`)).toBeNull();

    // A guide's place: the count from the card page, "Guide me" to its first page; no count by hand.
    const ali = placeSel('dir:aliexpress');
    expect(await popup.$eval(ali, (li) => li.getAttribute('data-guide'))).toBe('aliexpress');
    expect(await text(popup, `${ali} [data-testid=cards-state]`)).toBe('Cards seen: 2');
    expect(await popup.$(`${ali} [data-testid=state-date]`)).not.toBeNull();
    // On the scheme the wallet was seen on (Chromium tries https first, and the fixture server speaks both).
    const scheme = ((await stored()).guides as { byGuide: { aliexpress: { scheme: string } } }).byGuide.aliexpress.scheme;
    expect(await popup.$eval(`${ali} [data-testid=guide-me]`, (b) => b.getAttribute('data-href'))).toBe(`${scheme}//www.alipay.com/`);
    expect(await popup.$(`${ali} [data-testid=count-form]`)).toBeNull();
    await popup.close();
    await shotList('1-seen'); // (a tab takes the focus: the popup would close)
  });

  it('the person marks a place removed and undoes it, counts cards, says none are left', async () => {
    const popup = await openPopup(env, page);
    const left = placeSel('site:127.0.0.1');
    await popup.click(`${left} [data-testid=mark-removed]`);
    await popup.waitForSelector(`${left}[data-state=removed] [data-testid=undo-removed]`);
    expect(await text(popup, `${left} [data-testid=cards-state]`)).toBe('Removed by you');
    expect(await popup.$(`${left} [data-testid=state-date]`)).not.toBeNull();
    await popup.click(`${left} [data-testid=undo-removed]`);
    await popup.waitForSelector(`${left}[data-state=unchecked]`);

    const airbnb = placeSel('dir:airbnb');
    await popup.type(`${airbnb} [data-testid=count-input]`, '1');
    await popup.click(`${airbnb} [data-testid=count-save]`);
    await popup.waitForSelector(`${airbnb}[data-state=cards]`);
    expect(await text(popup, `${airbnb} [data-testid=cards-state]`)).toBe('Cards seen: 1');
    await popup.click(`${airbnb} [data-testid=none-left]`);
    await popup.waitForSelector(`${airbnb}[data-state=none-left]`);
    expect(await text(popup, `${airbnb} [data-testid=cards-state]`)).toBe('No card left');
    // Done places go to the end of the list.
    const order = await popup.$$eval('[data-testid=places] > li', (lis) => lis.map((li) => li.getAttribute('data-place')));
    expect(order.at(-1)).toBe('dir:airbnb');
    await popup.close();
  });

  it('"I have a card at…": a place from the directory by name, a shop not in it by address', async () => {
    const popup = await openPopup(env, page);
    await popup.type('[data-testid=place-search]', 'zalan');
    await popup.waitForSelector('[data-testid=place-results] [data-place="dir:zalando"] [data-testid=place-add]');
    await popup.click('[data-testid=place-results] [data-place="dir:zalando"] [data-testid=place-add]');
    await popup.waitForSelector(`${placeSel('dir:zalando')} [data-reason=added]`);
    expect(await text(popup, `${placeSel('dir:zalando')} strong`)).toBe('Zalando');

    await popup.type('[data-testid=place-search]', 'airbnb.com');
    await popup.waitForSelector('[data-testid=place-results] [data-place="dir:airbnb"] [data-testid=on-list]');
    await popup.click('[data-testid=place-search]', { count: 3 });
    await popup.type('[data-testid=place-search]', 'https://www.myshop.example/cart');
    const add = '[data-testid=place-results] [data-place="site:myshop.example"] [data-testid=place-add]';
    await popup.waitForSelector(add);
    expect(await text(popup, add)).toBe('Add myshop.example');
    await popup.click(add);
    await popup.waitForSelector(placeSel('site:myshop.example'));
    await popup.close();
  });

  it('"Guide me" opens the guide\'s first page in a new tab', async () => {
    const popup = await openPopup(env, page);
    const opened = env.browser.waitForTarget((t) => t.type() === 'page' && /^https?:\/\/www\.alipay\.com\/$/.test(t.url()), {
      timeout: 10_000,
    });
    await popup.click(`${placeSel('dir:aliexpress')} [data-testid=guide-me]`);
    const tab = await (await opened).asPage();
    expect(tab).not.toBeNull();
    await tab!.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('history, refused: a request without a user gesture is refused by Chromium; nothing is read or kept', async () => {
    const before = await places();
    // The popup is opened and read without Puppeteer's evaluate, which runs as a user gesture (and the
    // page keeps that activation for a few seconds): only CDP calls with userGesture: false.
    await page.bringToFront();
    const isPopup = (t: import('puppeteer').Target) => t.url().startsWith(`chrome-extension://${env.extensionId}/src/popup/`);
    await inWorker(env, () => chrome.action.openPopup());
    const popup = await (await env.browser.waitForTarget(isPopup)).asPage();
    const cdp = await popup.createCDPSession();
    const run = async (expression: string) =>
      (await cdp.send('Runtime.evaluate', { expression, userGesture: false, returnByValue: true })).result.value as unknown;
    await until('the popup', async () => (await run("!!document.querySelector('[data-testid=history-look]')")) === true);
    // A script's click, not the person's: Chromium refuses ("must be called during a user gesture").
    await run("document.querySelector('[data-testid=history-look]').click()");
    await until('the refusal', async () => (await run("!!document.querySelector('[data-testid=history-refused]')")) === true);
    expect(await text(popup, '[data-testid=history-refused]')).toBe('Unbind did not get access to your history, so nothing was read.');
    expect(await hasHistory()).toBe(false);
    expect(await places()).toEqual(before);
    expect(((await stored()).cardPlaces as { historyAt: unknown }).historyAt).toBeNull();
    await shot(popup, '[data-testid=history]', '2-history-refused');
    await popup.close();
  });

  it('history, granted from the popup click: the visited shops are found, only place, site and date are kept; access given back', async () => {
    // The browsing history: an AliExpress order page and a Walmart order page (their paidPaths in
    // the directory), checkouts on two other shops (localhost, 127.0.0.1), and pages that show nothing.
    await page.goto(`${SHOP}/__test/seed?registered=1&cards=1&next=/p/order/index.html`, { waitUntil: 'load' });
    await page.goto(`${AIRBNB}/trips/v1/5550123`, { waitUntil: 'load' });
    await page.goto(`${env.server.originB}/checkout/save-lang-en.html`, { waitUntil: 'load' });
    await page.goto(env.checkout('e2e-simple'), { waitUntil: 'load' });
    await page.goto('http://mail.fixture.test/', { waitUntil: 'load' });
    await page.goto(`${env.server.originA}/`, { waitUntil: 'load' });

    let popup = await openPopup(env, page);
    expect(await text(popup, '[data-testid=history-look]')).toBe('Look through my history');
    await popup.click('[data-testid=history-look]'); // the person's click: chrome.permissions.request
    await popup.waitForSelector('[data-testid=history-looked]', { timeout: 20_000 });
    expect(await hasHistory()).toBe(true);

    expect(await text(popup, `${placeSel('dir:aliexpress')} [data-reason=paid]`)).toMatch(/you paid here/);
    expect(await text(popup, `${placeSel('dir:airbnb')} [data-reason=paid]`)).toMatch(/you paid here/);
    expect(await text(popup, `${placeSel('site:localhost')} [data-reason=checkout]`)).toMatch(/may keep your card/);
    expect(await text(popup, '[data-testid=history-looked]')).toMatch(/^Looked through your history on .*\. Places found: 4\.$/);
    const record = JSON.stringify((await stored()).cardPlaces);
    expect(record).not.toMatch(/mail\.fixture|\/p\/order|orders|2000139|checkout\/|http/);
    expect((await places())['site:localhost']).toEqual({ history: { kind: 'checkout', site: 'localhost', at: expect.any(Number) } });
    await popup.close();
    await shotList('3-history-found');
    popup = await openPopup(env, page);

    // Given back from the popup: the permission goes, what was found stays until forgotten.
    await popup.click('[data-testid=history-give-back]');
    await popup.waitForSelector('[data-testid=history][data-access=no] [data-testid=history-given-back]');
    expect(await hasHistory()).toBe(false);
    expect(await popup.$(placeSel('site:localhost'))).not.toBeNull();
    await popup.close();

    // Asked again: Chromium gives it back without a prompt (allowed before); then forget what it showed.
    popup = await openPopup(env, page);
    expect(await text(popup, '[data-testid=history-look]')).toBe('Look through my history again');
    await popup.click('[data-testid=history-look]');
    await popup.waitForSelector('[data-testid=history][data-access=yes] [data-testid=history-look]:not([disabled])');
    await popup.click('[data-testid=history-forget]');
    await popup.waitForFunction((sel) => !document.querySelector(sel), {}, placeSel('site:localhost'));
    expect(await popup.$('[data-testid=history-looked]')).toBeNull();
    expect(await popup.$(`${placeSel('dir:airbnb')} [data-reason=paid]`)).toBeNull();
    expect(await popup.$(placeSel('dir:airbnb'))).not.toBeNull(); // still on the list: its count stays
    await popup.click('[data-testid=history-give-back]');
    await popup.waitForSelector('[data-testid=history][data-access=no]');
    await popup.close();
  });

  it('export, then import: the same list comes back; a bad file changes nothing and says why', async () => {
    const downloads = mkdtempSync(path.join(os.tmpdir(), 'unbind-downloads-'));
    try {
      const cdp = await env.browser.target().createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      const before = await stored();
      let popup = await openPopup(env, page);
      await popup.click('[data-testid=export]');
      let file = '';
      await until('the download', async () => {
        file = readdirSync(downloads).find((f) => f.endsWith('.json')) ?? '';
        return !!file && existsSync(path.join(downloads, file));
      });
      expect(file).toMatch(/^unbind-cards-\d{4}-\d{2}-\d{2}\.json$/);
      await sleep(200); // written in full
      const exported = JSON.parse(readFileSync(path.join(downloads, file), 'utf8'));
      expect(exported).toMatchObject({ format: 'unbind-card-places', version: 1 });
      expect(exported.places).toEqual((before.cardPlaces as { places: unknown }).places);
      expect(exported.leftTicked).toEqual((before.leftTicked as { sites: unknown }).sites);

      // Forget two places, then load the file: both come back, as they were.
      await popup.click(`${placeSel('site:myshop.example')} [data-testid=forget]`);
      await popup.click(`${placeSel('site:127.0.0.1')} [data-testid=forget]`);
      await popup.waitForFunction(() => !document.querySelector('[data-place="site:127.0.0.1"]'));
      const input = await fileInput(popup);
      await input.uploadFile(path.join(downloads, file));
      await popup.waitForSelector('[data-testid=import-done]');
      await popup.waitForSelector(placeSel('site:127.0.0.1'));
      const after = await stored();
      expect(after.cardPlaces).toEqual(before.cardPlaces);
      expect(after.leftTicked).toEqual(before.leftTicked);

      // A damaged list and a file that is not JSON: an error, and nothing changed.
      const bad = path.join(downloads, 'bad.json');
      writeFileSync(bad, JSON.stringify({ ...exported, places: { 'dir:airbnb': { seen: { cards: -3, at: 1, by: 'person' } } } }));
      await input.uploadFile(bad);
      await popup.waitForSelector('[data-testid=import-error]');
      expect(await text(popup, '[data-testid=import-error]')).toMatch(
        /^This Unbind list is damaged \(places\.dir:airbnb\.seen\.cards: .*\)\. Nothing was changed\.$/,
      );
      await shot(popup, '.transfer', '4-import-error');
      await popup.close();
      popup = await openPopup(env, page);
      const notJson = path.join(downloads, 'notes.json');
      writeFileSync(notJson, 'my cards: walmart, zalando');
      await (await fileInput(popup)).uploadFile(notJson);
      await popup.waitForSelector('[data-testid=import-error]');
      expect(await text(popup, '[data-testid=import-error]')).toMatch(/^This file is not JSON/);
      expect(await stored()).toEqual(after);
      await popup.close();
    } finally {
      rmSync(downloads, { recursive: true, force: true });
    }
  });
});

describe('history in a profile that never allowed it: the real prompt', () => {
  let browser: Browser;
  let ext: { browser: Browser; extensionId: string; worker: () => Promise<import('puppeteer').WebWorker> };
  let close = async () => {};
  beforeAll(async () => {
    const b = await launch();
    browser = b.browser;
    ext = { browser, extensionId: b.extensionId!, worker: b.worker };
    close = b.close;
  });
  afterAll(() => close());

  it("the popup's click reaches Chromium's permission prompt; until the person answers, nothing is read or kept", async () => {
    const page = await browser.newPage();
    await page.goto('about:blank');
    const popup = await openRealPopup(ext, page);
    const url = popup.url();
    // The click may not even get its answer: the popup can close while it is being delivered.
    await popup.click('[data-testid=history-look]').catch((err: unknown) => expect(String(err)).toMatch(/Target closed|detached/i));
    // Chromium shows its prompt, which takes the focus: the popup closes, as it does on a desktop
    // (so the background, not the popup, does the looking once the person allows: permissions.onAdded).
    for (let i = 0; i < 50 && browser.targets().some((t) => t.url() === url); i++) await sleep(100);
    expect(browser.targets().some((t) => t.url() === url)).toBe(false);
    const worker = await ext.worker();
    expect(await worker.evaluate(() => chrome.permissions.contains({ permissions: ['history'] }))).toBe(false);
    expect(await worker.evaluate(() => chrome.storage.local.get('cardPlaces'))).toEqual({});
  });
});
