// Accessibility, checked: axe-core (WCAG 2.2 AA) on the popup in each of its states, on the notice and
// on the guide pointer, in the light and the dark theme; every control reached and worked by keyboard,
// with a focus ring that shows; Escape closes the notice; the notice's live region says what was
// unticked. One browser; the popup is one page (the real popup document in a tab) moved from state to
// state through storage, as the background would.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, JSHandle, Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { inWorker, openPopup, setStored, useEnv } from '../support/env';
import { visit } from '../support/outcomes.mjs';
import { seededPaypalGuide, seededPlaces, seededTab } from '../support/seeded-places';
import { WALLET } from '../support/people/aliexpress.mjs';
import { sleep } from '../support/sleep.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe's tags). */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;

type Theme = (typeof THEMES)[number];
const theme = (page: Page, t: Theme) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: t }]);

/** axe's violations in `selector` (default: the whole document) in a page or frame, axe's source put
 *  in when missing; each as "rule: target, target…", so a failure says what and where. */
async function violations(where: Page | Frame, selector = 'html'): Promise<string[]> {
  if (!(await where.evaluate(() => 'axe' in window))) await where.evaluate(AXE_SOURCE);
  return where.evaluate(
    async (sel, tags) => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe;
      const r = await axe.run(document.querySelector(sel), { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    selector,
    WCAG_AA,
  );
}
interface AxeResults {
  violations: { id: string; nodes: { target: string[] }[] }[];
}

/** The closed shadow root of the page's `<hostTag>`, found the way DevTools does (shadow.mjs), kept in
 *  the page as `window[name]` for the checks, and shown to axe as the host's `shadowRoot`: axe walks
 *  `shadowRoot`, which a closed root hides, so without this it would check an empty host. */
async function exposeRoot(page: Page, hostTag: string, name: string): Promise<JSHandle<ShadowRoot>> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type N = { nodeName: string; nodeId: number; children?: N[]; shadowRoots?: N[] };
    const find = (n: N): N | undefined => (n.nodeName === hostTag.toUpperCase() ? n : (n.children ?? []).map(find).find(Boolean));
    const shadow = find(root as N)?.shadowRoots?.[0];
    expect(shadow, `${hostTag} is shown`).toBeTruthy();
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow!.nodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      arguments: [{ value: name }],
      functionDeclaration: `function (name) { window[name] = this; Object.defineProperty(this.host, 'shadowRoot', { get: () => this }); }`,
    });
  } finally {
    await cdp.detach().catch(() => {});
  }
  return page.evaluateHandle((n) => (window as unknown as Record<string, ShadowRoot>)[n]!, name);
}

/** Tabs through the document (from its start) until focus comes back round, and says for each control
 *  reached whether it showed a focus ring (`:focus-visible` with a drawn outline, on it or on the
 *  label that wraps it). `root`: the shadow root to read focus in (the notice's), else the document. */
async function tabWalk(page: Page, max: number, root?: string) {
  const seen: { name: string; ring: boolean }[] = [];
  await page.evaluate(() => {
    (window as unknown as { __tabbed: Set<Element> }).__tabbed = new Set();
  });
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate((r) => {
      const w = window as unknown as Record<string, ShadowRoot> & { __tabbed: Set<Element> };
      const el = (r ? w[r]! : document).activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      if (w.__tabbed.has(el)) return 'again';
      w.__tabbed.add(el);
      const drawn = (e: Element) => getComputedStyle(e).outlineStyle !== 'none' && Number.parseFloat(getComputedStyle(e).outlineWidth) >= 2;
      const ring = el.matches(':focus-visible') && (drawn(el) || drawn(el.closest('label') ?? el));
      const name = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}: ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}`;
      return { name, ring };
    }, root);
    if (at === 'again') break;
    if (at) seen.push(at);
  }
  return seen;
}

/** The controls of a document a person can act on now (a disabled one waits for its input). */
const CONTROLS = ':is(button, input, select, textarea):not(:disabled), a[href], summary, [tabindex]:not([tabindex="-1"])';

describe('accessibility (axe at WCAG 2.2 AA), keyboard, dark theme', () => {
  const env = useEnv();

  it('the popup in each state, light and dark: no violations; every control by keyboard, focus shown', async () => {
    const page = await env.browser.newPage();
    const popupUrl = `chrome-extension://${env.extensionId}/src/popup/index.html`;
    await page.goto(popupUrl, { waitUntil: 'load' });
    const tabId = await page.evaluate(async () => (await chrome.tabs.getCurrent())!.id!);
    const day = Date.UTC(2026, 10, 27);
    const setTab = (site: string, n: number) =>
      inWorker(
        env,
        (key, value) => chrome.storage.session.set({ [key]: value }),
        `tab:${tabId}`,
        seededTab(site, (['unticked', 'reticked', 'gave-up'] as const).slice(0, n), 'Save this card for faster checkout'),
      );
    const paypal = (finishedAt: number | null) => seededPaypalGuide(1, finishedAt);
    const STATES: [string, () => Promise<void>][] = [
      [
        'guard only',
        async () => {
          await inWorker(env, () => chrome.storage.local.clear());
          await setTab('shop.example', 3);
          await setStored(env, { settings: { version: 1, guardEnabled: true, allowList: ['allowed.example'] } });
        },
      ],
      [
        'guide under way',
        async () => {
          await setTab('paypal.com', 1);
          await setStored(env, { guides: paypal(null) });
        },
      ],
      ['guide finished', () => setStored(env, { guides: paypal(day) })],
      ['where your cards are', () => setStored(env, seededPlaces(day))],
      ['settings problem', () => setStored(env, { settings: { version: 'x', guardEnabled: 'yes', allowList: 42 } })],
    ];
    const found: Record<string, string[]> = {};
    for (const [name, enter] of STATES) {
      await enter();
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('main[data-ready]');
      // The state is the one meant (else axe would pass an empty popup).
      const shown = await page.evaluate(() => ({
        boxes: document.querySelectorAll('[data-testid=boxes] li').length,
        guide: !!document.querySelector('[data-testid=guide-current]'),
        finished: !!document.querySelector('[data-testid=guide-finished]'),
        places: document.querySelectorAll('li.place').length,
        problem: !!document.querySelector('.problem'),
      }));
      expect(shown.boxes, name).toBeGreaterThan(0);
      if (name === 'guide under way') expect(shown.guide).toBe(true);
      if (name === 'guide finished') expect(shown.finished).toBe(true);
      if (name === 'where your cards are') expect(shown.places).toBeGreaterThanOrEqual(4);
      if (name === 'settings problem') expect(shown.problem).toBe(true);
      for (const t of THEMES) {
        await theme(page, t);
        found[`${name}, ${t}`] = await violations(page);
      }
      await theme(page, 'light');
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));

    // The fullest state (guide, places, boxes, a problem): every control is reached by Tab, and shows
    // where focus is.
    const walk = await tabWalk(page, 60);
    const missed = await page.$$eval(CONTROLS, (els) =>
      els
        .filter((e) => !(window as unknown as { __tabbed: Set<Element> }).__tabbed.has(e))
        .map((e) => `${e.outerHTML.slice(0, 120)} ${(e as HTMLElement).offsetParent === null ? '(not shown)' : ''}`),
    );
    expect(missed, 'every control reached by Tab').toEqual([]);
    expect(walk.length).toBeGreaterThan(20);
    expect(walk.filter((w) => !w.ring).map((w) => w.name)).toEqual([]);
    // Worked by keyboard: Space turns the guard off (through the background, into storage).
    await page.focus('[data-testid=guard]');
    await page.keyboard.press('Space');
    await sleep(300);
    const stored = await inWorker(env, () => chrome.storage.local.get('settings'));
    expect((stored.settings as { guardEnabled: boolean }).guardEnabled).toBe(false);
    await page.close();
  });

  it('the notice: no violations in either theme, its own colours on any page, keyboard, Escape, live region', async () => {
    await inWorker(env, () => chrome.storage.local.clear());
    await setStored(env, { settings: { version: 1, guardEnabled: true, allowList: [] } });
    const page = await env.browser.newPage();
    // A page that paints itself dark and loud: the notice must not take any of it.
    await page.evaluateOnNewDocument(() => {
      addEventListener('DOMContentLoaded', () => {
        const s = document.createElement('style');
        s.textContent = ':root { color-scheme: dark; color: #0f0; background: #000; font: 30px serif; letter-spacing: 4px; }';
        document.head.append(s);
      });
    });
    await visit(page, env.checkout('e2e-simple'));
    const notice = await exposeRoot(page, 'unbind-notice', '__notice');
    const found: Record<string, string[]> = {};
    const seen: Record<string, unknown> = {};
    for (const t of THEMES) {
      await theme(page, t);
      found[t] = await violations(page, 'unbind-notice');
      seen[t] = await notice.evaluate((root) => {
        const s = getComputedStyle(root.querySelector('.box')!);
        return { color: s.color, background: s.backgroundColor, font: s.fontSize, spacing: s.letterSpacing };
      });
    }
    expect(found).toEqual({ light: [], dark: [] });
    // Its own colours, light or dark with the person's theme, never the page's green on black.
    expect(seen.light).toEqual({ color: 'rgb(27, 27, 31)', background: 'rgb(255, 255, 255)', font: '14px', spacing: 'normal' });
    expect(seen.dark).toEqual({ color: 'rgb(236, 236, 241)', background: 'rgb(31, 31, 36)', font: '14px', spacing: 'normal' });

    // The live region: polite, says what was unticked, and stays the same element when the notice
    // changes (a region that appears with its text is not read).
    const live = () =>
      notice.evaluate((root) => {
        const el = root.querySelector('[aria-live]');
        const w = window as unknown as { __live?: Element };
        const same = !w.__live || w.__live === el;
        w.__live = el ?? undefined;
        return { polite: el?.getAttribute('aria-live'), text: el?.textContent ?? '', same };
      });
    const first = await live();
    expect(first).toEqual({ polite: 'polite', text: expect.stringContaining('Save this card for future purchases'), same: true });

    // Keyboard: from the page, Tab reaches each of the notice's buttons, each showing a focus ring.
    const buttons = await notice.evaluate((root) => root.querySelectorAll('button').length);
    const walk = await tabWalk(page, 30, '__notice');
    expect(walk.length, `every notice button by Tab: ${walk.map((w) => w.name).join(' | ')}`).toBe(buttons);
    expect(walk.filter((w) => !w.ring)).toEqual([]);
    // Enter on "Keep it ticked" ticks the box again, and the live region says so.
    await notice.evaluate((root) => root.querySelector<HTMLElement>('button.retick')!.focus());
    await page.keyboard.press('Enter');
    await sleep(500);
    expect(await page.$eval('#save', (b) => (b as HTMLInputElement).checked)).toBe(true);
    const after = await live();
    expect(after.same, 'the live region stays the same element').toBe(true);
    expect(after.text).toContain('Ticked again');
    // Escape, with focus in the notice, closes it.
    await notice.evaluate((root) => root.querySelector<HTMLElement>('button')!.focus());
    await page.keyboard.press('Escape');
    await sleep(200);
    expect(await page.$('unbind-notice')).toBeNull();
    await page.close();
  });

  it('the guide pointer: no violations, its close button by keyboard', async () => {
    await inWorker(env, () => chrome.storage.local.clear());
    const page = await env.browser.newPage();
    await page.goto(`${WALLET}/`, { waitUntil: 'load' });
    await sleep(300);
    const popup = await openPopup(env, page);
    // "Show me" by keyboard, in the real popup.
    await popup.focus('[data-testid=guide-point]');
    await popup.keyboard.press('Enter');
    await popup.close().catch(() => {});
    const pointer = await exposeRoot(page, 'unbind-pointer', '__pointer');
    const found: Record<string, string[]> = {};
    for (const t of THEMES) {
      await theme(page, t);
      found[t] = await violations(page, 'unbind-pointer');
    }
    expect(found).toEqual({ light: [], dark: [] });
    // Its close button takes focus, shows it, and Enter closes the pointer.
    const ring = await pointer.evaluate((root) => {
      const b = root.querySelector<HTMLElement>('.tip button')!;
      b.focus();
      return b.matches(':focus') ? getComputedStyle(b).outlineStyle : 'not focused';
    });
    await page.keyboard.press('Enter');
    await sleep(200);
    expect(ring).not.toBe('none');
    expect(await page.$('unbind-pointer')).toBeNull();
    await page.close();
  });
});
