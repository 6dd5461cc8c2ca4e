// Reads what each fixture page says it expects (data-expect) and what its controls are now, in every
// frame, open shadow roots included, and closed ones the page exposes (window.__fixtureControls).
import { sleep } from './sleep.mjs';

/** Runs in the page: the [data-expect] controls of this frame and their state. */
function readControls() {
  const found = new Set();
  const visit = (root) => {
    for (const el of root.querySelectorAll('[data-expect]')) found.add(el);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  try {
    for (const el of window.__fixtureControls?.() ?? []) found.add(el);
  } catch {
    /* page's own problem */
  }
  const stateOf = (el) =>
    el instanceof HTMLInputElement
      ? el.checked
      : el.hasAttribute('aria-checked')
        ? el.getAttribute('aria-checked') === 'true'
        : el.getAttribute('aria-pressed') === 'true';
  // What a person reads as the control's name, for the printout: rendered text (innerText keeps the
  // breaks between a label and the text after it, which textContent glues together).
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
  const text = (n) => (n instanceof HTMLElement ? n.innerText : (n?.textContent ?? '')) || '';
  const labelledBy = (el) =>
    (el.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((id) => text(el.ownerDocument.getElementById(id)))
      .join(' ')
      .trim(); // ids that name nothing must not leave a blank name that stops the fallbacks below
  const nameOf = (el) =>
    (
      text(el.labels?.[0]) ||
      labelledBy(el) ||
      el.getAttribute('aria-label') ||
      text(el) ||
      text(el.parentElement) ||
      text(el.closest('tr, li')) ||
      el.id ||
      el.name ||
      ''
    )
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80);
  return [...found].map((el) => ({
    expect: el.getAttribute('data-expect'),
    kind: el.getAttribute('data-kind') ?? '?',
    on: stateOf(el),
    name: nameOf(el),
  }));
}

/**
 * Every [data-expect] control on the page, in all frames.
 * @param {import('puppeteer').Page} page
 *   `top`: in the page's own document, not a frame's (a frame the page wrote itself has the page's URL
 *   in Firefox, so the URL does not tell).
 * @returns {Promise<{ frame: string, top: boolean, expect: string, kind: string, on: boolean, name: string, ok: boolean }[]>}
 */
export async function readOutcomes(page) {
  const out = [];
  for (const frame of page.frames()) {
    let controls = [];
    try {
      controls = await frame.evaluate(readControls);
    } catch {
      continue; /* detached while loading */
    }
    for (const c of controls)
      out.push({
        frame: frame.url(),
        top: frame === page.mainFrame(),
        ...c,
        ok: (c.expect === 'on') === c.on && (c.expect === 'on' || c.expect === 'off'),
      });
  }
  return out;
}

/** Loads a page and lets late boxes (timers, frames, re-renders) appear before reading. */
export async function visit(page, url, { settleMs = 1200 } = {}) {
  await page.goto(url, { waitUntil: 'load' });
  await sleep(settleMs);
}
