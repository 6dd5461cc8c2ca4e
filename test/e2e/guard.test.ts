// The checkout guard's behaviours, each on a page built to show it, with the built extension loaded.
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextPaint } from '../support/guide-journey.mjs';
import { readOutcomes, visit } from '../support/outcomes.mjs';
import { badgeText, clearStored, guardScriptsReady, inWorker, noticeElements, openPopup, setStored, useEnv } from '../support/env';
import { sleep } from '../support/sleep.mjs';

const MAX_FIGHTS = 3; // src/content/guard/ledger.ts

describe('checkout guard', () => {
  const env = useEnv();
  let page: Page;
  beforeEach(async () => {
    await clearStored(env);
    page = await env.browser.newPage();
    return () => page.close();
  });
  const checked = (sel: string, p: Page | import('puppeteer').Frame = page) => p.$eval(sel, (el) => (el as HTMLInputElement).checked);

  it('never paints a save box ticked: initial HTML, timer inserts, re-renders, late shadow root', async () => {
    await visit(page, env.checkout('e2e-paint'), { settleMs: 0 });
    // All 10 boxes in (1 initial + 8 by timer + 1 in a late shadow root), then two more paints.
    await page.waitForFunction(() => (window as unknown as { __paint: { inserted: number } }).__paint.inserted === 10, { polling: 100 });
    await nextPaint(page);
    const paint = await page.evaluate(
      () => (window as unknown as { __paint: { paints: number; tickedPaints: number; boxesSeen: number } }).__paint,
    );
    // A timer's box replaced before any paint is never drawn (a busy machine paints less often); the
    // initial box, the last timer's and the shadow root's stay, and each is painted.
    expect(paint.boxesSeen).toBeGreaterThanOrEqual(3);
    expect(paint.paints).toBeGreaterThan(5);
    expect(paint.tickedPaints).toBe(0);
    expect((await readOutcomes(page)).filter((o) => !o.ok)).toEqual([]);
  });

  it('a form reset long after the page settled ticks the box again: unticked before the next paint', async () => {
    await visit(page, env.checkout('e2e-simple'), { settleMs: 1500 });
    const seen = await page.evaluate(async () => {
      const box = document.querySelector<HTMLInputElement>('#save')!;
      box.form!.reset(); // back to the HTML's `checked`, with no setter, event or mutation
      const afterReset = box.checked;
      // The guard's check was asked for during the reset, so it runs before this callback.
      await new Promise((r) => requestAnimationFrame(r));
      return { afterReset, atNextPaint: box.checked };
    });
    expect(seen).toEqual({ afterReset: true, atNextPaint: false });
  });

  it('counts the boxes it unticked on the badge and names them in the notice', async () => {
    await visit(page, env.checkout('e2e-simple'));
    expect(await checked('#save')).toBe(false);
    expect(await checked('#news')).toBe(true);
    expect(await badgeText(env, page)).toBe('1');
    const labels = await noticeElements(page, '.label');
    expect(labels.map((l) => l.text)).toEqual(['“Save this card for future purchases”']);
  });

  it('places the notice where it does not cover the pay button', async () => {
    await page.setViewport({ width: 700, height: 420 });
    // The pay button where the notice goes first (the top corner at the end of the line), as in a
    // sticky order summary: the notice must read the button's words and take another corner.
    const { identifier } = await page.evaluateOnNewDocument(() => {
      const put = () => {
        const style = document.createElement('style');
        style.textContent = '#pay { position: fixed; top: 0; right: 0; margin: 0; width: 300px; height: 120px; }';
        document.documentElement.append(style);
      };
      if (document.documentElement) put();
      else
        new MutationObserver((_, o) => {
          if (!document.documentElement) return;
          o.disconnect();
          put();
        }).observe(document, { childList: true });
    });
    await visit(page, env.checkout('e2e-simple'));
    await page.removeScriptToEvaluateOnNewDocument(identifier);
    const pay = await page.$eval('#pay', (b) => b.getBoundingClientRect().toJSON() as DOMRect);
    const notice = await page.$eval('unbind-notice', (n) => n.getBoundingClientRect().toJSON() as DOMRect);
    const overlaps = pay.left < notice.right && pay.right > notice.left && pay.top < notice.bottom && pay.bottom > notice.top;
    expect(notice.width).toBeGreaterThan(0);
    expect(overlaps).toBe(false);
    // Fixed in a corner of the viewport, whole.
    expect(await page.$eval('unbind-notice', (n) => getComputedStyle(n).position)).toBe('fixed');
    expect(notice.left).toBeGreaterThanOrEqual(0);
    expect(notice.top).toBeGreaterThanOrEqual(0);
    expect(notice.right).toBeLessThanOrEqual(700);
    expect(notice.bottom).toBeLessThanOrEqual(420);
    expect(Math.min(notice.top, 420 - notice.bottom)).toBeLessThanOrEqual(13);
  });

  it('leaves alone a box the person ticks again, and remembers where a card may be kept', async () => {
    await visit(page, env.checkout('e2e-simple'), { settleMs: 300 });
    expect(await checked('#save')).toBe(false);
    await page.click('#save');
    await sleep(800);
    expect(await checked('#save')).toBe(true);
    expect(await badgeText(env, page)).toBe('');
    const popup = await openPopup(env, page);
    expect(await popup.$eval('[data-testid=boxes] [data-state]', (li) => li.getAttribute('data-state'))).toBe('person');
    expect(await popup.$eval('[data-testid=places] [data-place="site:127.0.0.1"]', (li) => li.textContent)).toMatch(/left ticked/);
    await popup.click('[data-testid=places] [data-place="site:127.0.0.1"] [data-testid=forget]');
    await popup.waitForFunction(() => !document.querySelector('[data-testid=places] [data-place="site:127.0.0.1"]'));
    await popup.close();
  });

  it('Where your cards are: a known site comes with the way to its manage-cards page', async () => {
    await setStored(env, { leftTicked: { version: 1, sites: { 'amazon.de': { at: Date.UTC(2026, 10, 20), label: 'Save this card' } } } });
    await visit(page, env.checkout('e2e-simple'), { settleMs: 200 });
    const popup = await openPopup(env, page);
    const entry = '[data-testid=places] [data-place="dir:amazon"][data-site="amazon.de"]';
    expect(await popup.$eval(`${entry} strong`, (e) => e.textContent)).toBe('Amazon');
    expect(await popup.$eval(`${entry} [data-testid=manage]`, (b) => b.getAttribute('data-href'))).toBe(
      'https://amazon.de/cpe/yourpayments/wallet',
    );
    expect(await popup.$eval(`${entry} [data-testid=manage-path]`, (e) => e.textContent)).toContain('Your payments');
    await popup.close();
  });

  it('leaves alone an ARIA checkbox the person ticks again', async () => {
    await visit(page, env.checkout('save-role-checkbox'), { settleMs: 400 });
    const sel = '[role=checkbox][data-kind=save]';
    const state = () => page.$eval(sel, (b) => b.getAttribute('aria-checked'));
    expect(await state()).toBe('false');
    await page.click(sel);
    await sleep(800);
    expect(await state()).toBe('true');
  });

  it('the notice is reached by keyboard and works from it', async () => {
    await visit(page, env.checkout('e2e-simple'));
    await page.focus('#pay');
    await page.keyboard.press('Tab'); // into the notice: its close button
    await page.keyboard.press('Tab'); // "Keep it ticked"
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('unbind-notice');
    await page.keyboard.press('Enter');
    await sleep(500);
    expect(await checked('#save')).toBe(true);
    await page.keyboard.press('Escape');
    await sleep(100);
    expect(await page.$('unbind-notice')).toBeNull();
  });

  it('"Keep it ticked" ticks it again, this once', async () => {
    await visit(page, env.checkout('e2e-simple'));
    const [keep] = await noticeElements(page, 'button.retick');
    expect(keep?.text).toBe('Keep it ticked');
    await keep!.click();
    await sleep(500);
    expect(await checked('#save')).toBe(true);
    expect(await badgeText(env, page)).toBe('');
    expect((await noticeElements(page, 'li')).map((l) => l.text).join()).toContain('Ticked again');
  });

  it('"Always allow on this site" restores the box and leaves the site alone from then on', async () => {
    await visit(page, env.checkout('e2e-simple'));
    const [allow] = await noticeElements(page, 'button.allow');
    await allow!.click();
    await sleep(500);
    expect(await checked('#save')).toBe(true);
    const stored = await inWorker(env, () => chrome.storage.local.get('settings'));
    expect((stored.settings as { allowList: string[] }).allowList).toEqual(['127.0.0.1']);
    await guardScriptsReady(env);
    await visit(page, env.checkout('e2e-simple'));
    expect(await checked('#save')).toBe(true);
    expect(await badgeText(env, page)).toBe('');
    expect(await noticeElements(page, 'li')).toEqual([]);
  });

  it('the guard switched off in settings leaves every box as the page set it', async () => {
    await setStored(env, { settings: { version: 1, guardEnabled: false, allowList: [] } });
    await visit(page, env.checkout('e2e-simple'));
    expect(await checked('#save')).toBe(true);
    expect(await badgeText(env, page)).toBe('');
  });

  it('stops after a few tries against a page that re-ticks in a loop, and says so', async () => {
    await visit(page, env.checkout('e2e-loop'), { settleMs: 1500 });
    const unticks = await page.evaluate(() => (window as unknown as { __unticks: number }).__unticks);
    expect(unticks).toBeGreaterThanOrEqual(1);
    expect(unticks).toBeLessThanOrEqual(MAX_FIGHTS + 1);
    const warn = await noticeElements(page, '.warn');
    expect(warn[0]?.text).toMatch(/keeps ticking it again/);
  });

  it("unticks in a cross-site frame, counts it, and keeps it from the top frame's notice", async () => {
    await visit(page, env.checkout('save-iframe-cross-site'));
    const frame = page.frames().find((f) => f.url().startsWith(env.server.originB));
    expect(frame, 'cross-site frame').toBeTruthy();
    const inFrame = await readOutcomes(page);
    const frameSave = inFrame.filter((o) => o.frame.startsWith(env.server.originB) && o.kind === 'save');
    expect(frameSave.length).toBeGreaterThan(0);
    expect(frameSave.every((o) => !o.on)).toBe(true);
    expect(Number(await badgeText(env, page))).toBeGreaterThanOrEqual(1);
    const keeps = await noticeElements(page, 'button.retick');
    for (const k of keeps) await k.click();
    await sleep(600);
    const after = (await readOutcomes(page)).filter((o) => o.frame.startsWith(env.server.originB) && o.kind === 'save');
    expect(after.every((o) => o.on)).toBe(true);
  });

  // The background wakes a frame before it speaks to it (src/background/wake.ts): that reaches frames the
  // page made itself too, with no URL of their own.
  for (const name of ['save-iframe-srcdoc', 'save-iframe-blank-written']) {
    it(`"Keep it ticked" reaches the box in ${name}`, async () => {
      await visit(page, env.checkout(name));
      const inFrames = async () => (await readOutcomes(page)).filter((o) => !o.top && o.kind === 'save');
      const before = await inFrames();
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((o) => !o.on)).toBe(true);
      const keeps = await noticeElements(page, 'button.retick');
      expect(keeps).toHaveLength(before.length);
      for (const k of keeps) await k.click();
      await sleep(600);
      expect((await inFrames()).every((o) => o.on)).toBe(true);
    });
  }

  it("a framework-controlled box ends unticked in the framework's own state", async () => {
    await visit(page, env.checkout('save-mini-framework'));
    expect((await readOutcomes(page)).filter((o) => !o.ok)).toEqual([]);
    const state = await page.$eval('#state', (o) => o.textContent ?? '');
    expect(state).toMatch(/false/);
    expect(state).not.toMatch(/true/);
  });

  for (const name of ['save-shadow-late', 'save-shadow-closed']) {
    it(`finds the box in ${name} and reports it`, async () => {
      await visit(page, env.checkout(name));
      const outcomes = await readOutcomes(page);
      expect(outcomes.some((o) => o.kind === 'save')).toBe(true);
      expect(outcomes.filter((o) => !o.ok)).toEqual([]);
      expect(Number(await badgeText(env, page))).toBeGreaterThanOrEqual(1);
    });
  }

  it('corrupt stored settings: the guard still works, the popup says so, the original is set aside', async () => {
    await setStored(env, { settings: { version: 'x', guardEnabled: 'yes', allowList: 42 } });
    await sleep(300);
    await visit(page, env.checkout('e2e-simple'));
    expect(await checked('#save')).toBe(false);
    const stored = await inWorker(env, () => chrome.storage.local.get(null));
    expect(stored['settings.unreadable']).toEqual({ version: 'x', guardEnabled: 'yes', allowList: 42 });
    expect(stored.settings).toEqual({ version: 1, guardEnabled: true, allowList: [] });
    const popup = await openPopup(env, page);
    expect(await popup.$eval('.problem', (p) => p.textContent)).toMatch(/could not be read/);
    await popup.close();
  });

  it('malformed messages are dropped without breaking anything', async () => {
    await visit(page, env.checkout('e2e-simple'));
    await inWorker(env, async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      for (const junk of [null, 42, { type: 'notice', boxes: 'no' }, { type: 'retick', boxId: 'x' }, { type: 'evil', code: 'alert(1)' }]) {
        await chrome.tabs.sendMessage(tab!.id!, junk).catch(() => {});
      }
    });
    await page.reload({ waitUntil: 'load' });
    await sleep(800);
    expect(await checked('#save')).toBe(false);
    expect(await badgeText(env, page)).toBe('1');
  });

  it('a hostile page: many boxes, a huge label, replaced prototypes, fake events, its notice deleted', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await visit(page, env.checkout('e2e-hostile'), { settleMs: 1000 });
    const state = await page.evaluate(() => ({
      unticked: [...document.getElementsByClassName('many')].filter((b) => !(b as HTMLInputElement).checked).length,
      alive: (window as unknown as { __alive: number }).__alive,
    }));
    // At most 50 boxes per frame get work (a page cannot make Unbind spin); the first ones are unticked.
    expect(state.unticked).toBe(50);
    expect(state.alive).toBeGreaterThan(20); // the page kept running
    expect(errors).toEqual([]);
    expect(await badgeText(env, page)).toBe('50');
  });

  it('a page that patches the DOM and stops our events after the guard started cannot blind it', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(env.checkout('e2e-blind'));
    type Blind = { paints: number; tickedPaints: number; boxes: number; ticked: number; arrived: number };
    const blind = () => page.evaluate(() => (window as unknown as { __blind: Blind }).__blind);
    // Three boxes: inserted ticked, ticked later by property, and in a closed root attached late.
    await page.waitForFunction(() => (window as unknown as { __blind: Blind }).__blind.arrived === 3, { polling: 50 });
    await nextPaint(page);
    const seen = await blind();
    expect(seen).toMatchObject({ boxes: 3, ticked: 0, tickedPaints: 0 });
    expect(seen.paints).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    // The badge follows by message, after the boxes are unticked (a busy machine's Firefox lags).
    await expect.poll(() => badgeText(env, page), { timeout: 10_000 }).toBe('3');
    // A person ticks one again: heard before the page's own window listener stops the click, so theirs.
    const at = await page.evaluate(() => {
      const r = (window as unknown as { __late: HTMLElement }).__late.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.click(at.x, at.y);
    await sleep(600);
    await nextPaint(page);
    expect(await blind()).toMatchObject({ boxes: 3, ticked: 1 });
  });

  it('leaves a disabled save box ticked, and unticks it once the page enables it (by itself or by its fieldset)', async () => {
    await page.goto(env.checkout('e2e-disabled'));
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, { polling: 50 });
    await nextPaint(page);
    const whileDisabled = await page.evaluate(() => (window as unknown as { __whileDisabled: boolean[] }).__whileDisabled);
    expect(whileDisabled.length).toBeGreaterThan(3);
    expect(whileDisabled.every(Boolean)).toBe(true);
    expect([await checked('#own'), await checked('#in-group'), await checked('#fixed')]).toEqual([false, false, true]);
    await expect.poll(() => badgeText(env, page), { timeout: 10_000 }).toBe('2');
  });

  it('the popup lists what was unticked on this page and changes settings', async () => {
    await visit(page, env.checkout('e2e-simple'));
    const popup = await openPopup(env, page);
    await popup.waitForSelector('[data-state="unticked"]');
    expect(await popup.$eval('[data-testid="boxes"]', (l) => l.textContent)).toContain('Save this card for future purchases');
    await popup.click('[data-testid="allow-site"]');
    await sleep(300);
    const stored = await inWorker(env, () => chrome.storage.local.get('settings'));
    expect((stored.settings as { allowList: string[] }).allowList).toEqual(['127.0.0.1']);
    expect(await checked('#save')).toBe(true); // allowed: the page's own choice comes back
    await popup.close();
  });
});
