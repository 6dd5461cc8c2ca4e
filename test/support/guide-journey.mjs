// Follows any site's removal guide the way a person would: open the popup, read the current step, do
// what a person does on that step (type what the site asks, or act where Unbind has nothing to ring),
// press "Show me on the page", and click what the pointer rings. Nothing else tells it where to go.
// Shared by every guide's e2e spec and by the main job.
import { openPopup, popupLooks } from './popup.mjs';
import { shadowElements } from './shadow.mjs';
import { sleep } from './sleep.mjs';

/** The guide as the real popup shows it, and "Where your cards are" by guide (e.g. `cards.paypal`:
 *  "No card left"). */
export async function readPopup(popup) {
  return popup.evaluate(() => ({
    guide: document.querySelector('[data-testid=guide]')?.getAttribute('data-guide') ?? null,
    current: document.querySelector('[data-testid=guide-current]')?.getAttribute('data-step') ?? null,
    finished: !!document.querySelector('[data-testid=guide-finished]'),
    steps: [...document.querySelectorAll('ol.steps li')].map((li) => `${li.getAttribute('data-step')}:${li.getAttribute('data-status')}`),
    /** How many cards the current step says are left, as it says it; null when it does not. */
    left: document.querySelector('[data-testid=guide-cards-left]')?.textContent ?? null,
    /** @type {Record<string, string | null>} */
    cards: Object.fromEntries(
      [...document.querySelectorAll('[data-testid=cards] [data-guide]')].map((e) => [
        e.getAttribute('data-guide'),
        e.querySelector('[data-testid=cards-state]')?.textContent ?? null,
      ]),
    ),
  }));
}

/** What the popup shows for this tab now (opens it, reads it, closes it). */
export async function popupNow(ext, page) {
  const popup = await openPopup(ext, page);
  const seen = await readPopup(popup);
  await popup.close();
  return seen;
}

/** What the pointer rings now, in whichever frame it is (its box in the top page's viewport), with
 *  its label, or null. */
export async function readPointer(page) {
  const ring = (await shadowElements(page, 'unbind-pointer', '.ring')).find((r) => r.shown);
  if (!ring) return null;
  const tip = (await shadowElements(page, 'unbind-pointer', '.tip span')).find((t) => t.host === ring.host);
  return { box: ring.box, label: tip?.text ?? '' };
}

/** After the page's next two frames: the pointer repaints in an animation frame after it hears an event. */
export const nextPaint = (page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined)))));

/** After a click that may or may not load a page, in the top frame or in a frame: wait until every
 *  frame's page is done. */
export async function settle(page) {
  await sleep(300);
  await page.waitForFunction(() => document.readyState === 'complete', { timeout: 10000 });
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || frame.detached) continue;
    // A frame removed meanwhile has nothing left to wait for.
    await frame
      .waitForFunction(() => document.readyState === 'complete', { timeout: 10000 })
      .catch((err) => {
        if (!frame.detached) throw err;
      });
  }
  await sleep(150);
}

/**
 * @typedef {{
 *   fill?: (step: string) => Promise<boolean>,
 *   act?: (step: string) => Promise<boolean>,
 *   check?: (step: string) => Promise<void>,
 * }} Person
 * `fill`: types what the site asks on this step's page (Unbind never does); true if it typed.
 * `act`: where Unbind has nothing to ring, does what the popup's text says (e.g. open the mailbox);
 *   true if it did something.
 * `check`: after each click; throws if the site refused (following the guide must never lead there).
 */

/**
 * Follows the guide from the current page until the popup says it is finished.
 * @param {{ ext: { browser: import('puppeteer').Browser, extensionId: string, worker: () => Promise<any> },
 *           page: import('puppeteer').Page, person?: Person,
 *           snap?: (name: string, p?: import('puppeteer').Page) => Promise<void>, maxSteps?: number }} o
 * @returns {Promise<string[]>} the steps in the order they were met, then 'finished'
 */
export async function followGuide({ ext, page, person = {}, snap = async () => {}, maxSteps = 40 }) {
  const looks = popupLooks(ext, page);
  try {
    return await follow({ page, person, looks, snap, maxSteps });
  } finally {
    await looks.close();
  }
}

/** followGuide's steps, with its looks at the popup. */
async function follow({ page, person, looks, snap, maxSteps }) {
  const met = [];
  for (let i = 0; i < maxSteps; i++) {
    let popup = await looks.open();
    const g = await readPopup(popup);
    if (!g.guide) throw new Error('the popup offers no guide on this site');
    if (g.finished) {
      met.push('finished');
      await snap('popup-finished', popup);
      await looks.done(popup);
      return met;
    }
    const step = g.current;
    met.push(step);
    await snap(`popup-${step}`, popup);
    await popup.click('[data-testid=guide-point]');
    await popup.waitForSelector('[data-pointed]');
    const pointed = !(await popup.$('[data-pointed=false]'));
    const open = !pointed && !!(await popup.$('[data-testid=guide-open]'));
    // Typing on the page closes the popup, as it would for a person: they read the step and pressed
    // "Show me" first, then type what the site asks (Unbind never does) and click what is ringed.
    await looks.done(popup);
    if (await person.fill?.(step)) await snap(`filled-${step}`);
    if (!pointed) {
      if (await person.act?.(step)) continue;
      if (!open) throw new Error(`step ${step}: nothing to point at, no page to open, and nothing a person would do`);
      popup = await looks.open();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), popup.click('[data-testid=guide-open]')]);
      await looks.done(popup);
      continue;
    }
    await nextPaint(page);
    let ring = await readPointer(page);
    if (!ring) throw new Error(`step ${step}: the pointer is not shown`);
    await snap(`pointer-${step}`);
    // Hover first: a control that shows only on hover is ringed through its row until then.
    const centre = (r) => [r.box.x + r.box.w / 2, r.box.y + r.box.h / 2];
    await page.mouse.move(...centre(ring));
    await nextPaint(page);
    ring = (await readPointer(page)) ?? ring;
    await page.mouse.move(...centre(ring));
    await page.mouse.click(...centre(ring));
    await settle(page);
    await person.check?.(step);
  }
  throw new Error(`the guide did not finish within ${maxSteps} steps: ${met.join(' → ')}`);
}
