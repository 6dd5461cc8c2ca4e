// The guard against what real apps and UI libraries do: a box ticked later through the `checked`
// property (no attribute, no event), one input reused for another question, composite controls (an
// ARIA button with a hidden native input, form-associated web components named from outside, closed
// shadow roots), and a site the person allowed, where the guard's scripts never run at all.
import type { Page } from 'puppeteer';
import { beforeEach, describe, expect, it } from 'vitest';
import { readOutcomes, visit } from '../support/outcomes.mjs';
import { badgeText, clearStored, setStored, useEnv } from '../support/env';
import { sleep } from '../support/sleep.mjs';

/** The Radix save box: a React useId id, as shadcn/ui's FormItem gives it (nothing in it says "card"). */
const SAVE_ID = ':r5:-form-item';
const SAVE = `[id="${SAVE_ID}"]`;

interface Paint {
  paints: number;
  tickedPaints: number;
  boxesSeen: number;
}

describe('checkout guard on components and late ticks', () => {
  const env = useEnv();
  let page: Page;
  beforeEach(async () => {
    await clearStored(env);
    page = await env.browser.newPage();
    return () => page.close();
  });
  /** The page's paint counts, once it has painted at least `min` times (a loaded machine paints slowly). */
  const paint = async (min = 20) => {
    await page.waitForFunction((n) => (window as unknown as { __paint: Paint }).__paint.paints >= n, { timeout: 30000 }, min);
    return page.evaluate(() => (window as unknown as { __paint: Paint }).__paint);
  };
  const submission = <T>() => page.evaluate(() => (window as unknown as { __submission: () => unknown }).__submission()) as Promise<T>;
  const failed = async () => (await readOutcomes(page)).filter((o) => !o.ok);

  it('a box the app ticks later through the checked property is never painted ticked, and the app agrees', async () => {
    await visit(page, env.checkout('save-late-property-tick'), { settleMs: 1200 });
    const p = await paint();
    expect(p.boxesSeen).toBe(2);
    expect(p.paints).toBeGreaterThanOrEqual(20);
    expect(p.tickedPaints).toBe(0);
    expect(await failed()).toEqual([]);
    const sent = await submission<{ model: Record<string, boolean>; form: Record<string, string> }>();
    expect(sent.model).toEqual({ save_card: false, remember_card: false, newsletter: true });
    expect(sent.form).toEqual({ cardnumber: '', exp: '', cvc: '', newsletter: '1' });
    expect(await badgeText(env, page)).toBe('2');
  });

  it("the person's own tick of a late-ticked box wins, also when the app writes its state again", async () => {
    await visit(page, env.checkout('save-late-property-tick'), { settleMs: 1000 });
    await page.click('#save');
    // The app re-renders from its model (true now), through the property: it stays the person's.
    await page.evaluate(() => {
      (document.getElementById('save') as HTMLInputElement).checked = true;
    });
    await sleep(600);
    expect(await page.$eval('#save', (b) => (b as HTMLInputElement).checked)).toBe(true);
    const sent = await submission<{ model: Record<string, boolean> }>();
    expect(sent.model.save_card).toBe(true);
  });

  it('Radix and Headless UI checkboxes are unticked through the visible control: button and hidden input agree', async () => {
    await visit(page, env.checkout('save-composite-radix-headless'), { settleMs: 1000 });
    expect((await paint()).tickedPaints).toBe(0);
    expect(await failed()).toEqual([]);
    const sent = await submission<{ state: Record<string, boolean>; form: Record<string, string> }>();
    expect(sent.state).toMatchObject({ [SAVE_ID]: false, billing: true, terms: false, remember: false });
    // The hidden inputs carry what the buttons show: no keepForNextTime or rememberCard reaches the form.
    expect(sent.form).toEqual({ number: '', expiry: '', cvc: '', billingSame: 'on' });
    expect(await page.$eval(SAVE, (b) => b.getAttribute('data-state'))).toBe('unchecked');
    expect(await page.$eval(`${SAVE} + input`, (i) => (i as HTMLInputElement).checked)).toBe(false);
  });

  it("a person's click on the Radix button ticks it for good, in the button and the form", async () => {
    await visit(page, env.checkout('save-composite-radix-headless'), { settleMs: 800 });
    await page.click(SAVE);
    await sleep(600);
    expect(await page.$eval(SAVE, (b) => b.getAttribute('aria-checked'))).toBe('true');
    const sent = await submission<{ form: Record<string, string> }>();
    expect(sent.form.keepForNextTime).toBe('on');
  });

  it('form-associated web components named from outside, open and closed roots: unticked through their own box', async () => {
    await visit(page, env.checkout('save-form-associated-element'), { settleMs: 1000 });
    const p = await paint();
    expect(p.boxesSeen).toBe(2);
    expect(p.tickedPaints).toBe(0);
    expect(await failed()).toEqual([]);
    const sent = await submission<{ hosts: Record<string, boolean>; form: Record<string, string> }>();
    expect(sent.hosts).toEqual({ save_card: false, card_on_file: false, newsletter: true });
    expect(sent.form).toEqual({ cardnumber: '', exp: '', cvc: '', newsletter: 'on' });
    expect(await badgeText(env, page)).toBe('2');
  });

  it("a person's click on a web component's box wins", async () => {
    await visit(page, env.checkout('save-form-associated-element'), { settleMs: 800 });
    await page.click('#save');
    await sleep(600);
    const sent = await submission<{ hosts: Record<string, boolean> }>();
    expect(sent.hosts.save_card).toBe(true);
  });

  it('one input reused for another question is judged again when its label changes', async () => {
    await visit(page, env.checkout('save-reused-step-input'), { settleMs: 1200 });
    expect(await page.evaluate(() => (window as unknown as { __step: () => number }).__step())).toBe(2);
    expect((await paint()).tickedPaints).toBe(0);
    expect(await failed()).toEqual([]);
    const sent = await submission<{ a: boolean; b: boolean; answers: { question: string; b: boolean }[] }>();
    // "Keep me signed in" stayed ticked on its step; as "Save this card" it was unticked.
    expect(sent.a).toBe(false);
    expect(sent.answers[0]).toMatchObject({ question_a: 'Keep me signed in', a: true });
    // "Save my card details" was unticked on the payment step; as the billing question it is the app's.
    expect(sent.answers[1]).toMatchObject({ question: 'Save my card details', b: false });
    expect(sent.b).toBe(true);
  });

  it('on an allowed site the guard never runs: no hook, no box touched, not even for a moment', async () => {
    await setStored(env, { settings: { version: 1, guardEnabled: true, allowList: ['127.0.0.1'] } });
    await page.evaluateOnNewDocument(() => {
      // Counts every click and change a save box gets, from before the page's own scripts, and, at every
      // frame, whether the pre-ticked switch is shown and whether it is off. (The page's other save box
      // starts off and is ticked by the page later, so frames showing "any save box" say nothing here.)
      const w = window as unknown as { __touched: number; __switch: { shown: number; off: number } };
      w.__touched = 0;
      w.__switch = { shown: 0, off: 0 };
      const count = (e: Event) => {
        if ((e.target as Element | null)?.closest?.('[data-kind=save]')) w.__touched++;
      };
      document.addEventListener('click', count, true);
      document.addEventListener('change', count, true);
      const sample = () => {
        const sw = document.getElementById('headlessui-switch-:r1:');
        if (sw) {
          w.__switch.shown++;
          if (sw.getAttribute('aria-checked') !== 'true') w.__switch.off++;
        }
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await visit(page, env.checkout('save-composite-radix-headless'), { settleMs: 800 });
    const seen = await page.evaluate(() => ({
      touched: (window as unknown as { __touched: number }).__touched,
      setterNative: /\[native code\]/.test(String(Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'checked')?.set)),
      attachShadowNative: /\[native code\]/.test(String(Element.prototype.attachShadow)),
      switchOn: document.getElementById('headlessui-switch-:r1:')?.getAttribute('aria-checked'),
    }));
    expect(seen).toEqual({ touched: 0, setterNative: true, attachShadowNative: true, switchOn: 'true' });
    const frames = await page.evaluate(() => (window as unknown as { __switch: { shown: number; off: number } }).__switch);
    expect(frames.shown).toBeGreaterThanOrEqual(15);
    expect(frames.off).toBe(0); // the pre-ticked switch was on at every frame that showed it
    expect(await badgeText(env, page)).toBe('');
    // Another site is still guarded.
    await visit(page, `${env.server.originB}/checkout/save-composite-radix-headless.html`, { settleMs: 800 });
    expect(await page.evaluate(() => (window as unknown as { __touched: number }).__touched)).toBeGreaterThan(0);
    expect(await failed()).toEqual([]);
  });
});
