// The interface's languages for the e2e width check: each locale's texts, put into the real popup and
// the real notice of one browser (whatever its own language), and a measure of what overflows.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './browser.mjs';

const DIR = path.join(ROOT, 'public/_locales');

/** Every shipped locale's messages.json, by folder name (en, ru, zh_CN...). */
export function readLocales() {
  return Object.fromEntries(
    readdirSync(DIR)
      .sort()
      .map((l) => [l, JSON.parse(readFileSync(path.join(DIR, l, 'messages.json'), 'utf8'))]),
  );
}

/**
 * Runs in a page (serialised: self-contained). A message with its substitutions, the way
 * chrome.i18n.getMessage makes it: `$NAME$` through the placeholders block to `$1`..., `$$` a dollar.
 * @param {Record<string, { message: string, placeholders?: Record<string, { content: string }> }>} table
 * @param {string} key
 * @param {string | string[]} [subs]
 */
export function fillMessage(table, key, subs) {
  const m = table[key];
  if (!m) return '';
  const s = subs === undefined ? [] : [].concat(subs).map(String);
  const ph = Object.fromEntries(Object.entries(m.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const positional = (t) => t.replace(/\$(\d)/g, (_, n) => s[n - 1] ?? '');
  return m.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (all, name, n) =>
    all === '$$' ? '$' : name ? positional(ph[name.toLowerCase()] ?? '') : (s[n - 1] ?? ''),
  );
}

/** Chrome's right-to-left UI languages among its locales. */
export const RTL = ['ar', 'fa', 'he'];

/**
 * Source for page.evaluateOnNewDocument (runs in every frame before the page's scripts): an extension
 * page opened with `#<locale>` reads that locale's messages.json and answers chrome.i18n.getMessage
 * from it, so the real popup renders in any language inside one browser. The keys asked for are kept
 * in `globalThis.unbindAsked`.
 */
export function overrideSource() {
  return `(() => {
    const lang = decodeURIComponent(location.hash.slice(1));
    if (!lang || location.protocol !== 'chrome-extension:') return;
    const x = new XMLHttpRequest();
    x.open('GET', '/_locales/' + lang + '/messages.json', false);
    x.send();
    const table = JSON.parse(x.responseText);
    const fill = ${fillMessage.toString()};
    const asked = (globalThis.unbindAsked = new Set());
    const getMessage = (key, subs) => {
      asked.add(key);
      return fill(table, key, subs);
    };
    Object.defineProperty(chrome.i18n, 'getMessage', { value: getMessage, configurable: true, writable: true });
  })();`;
}

/**
 * Runs in a page (serialised: self-contained). What overflows under `root`: an element whose content
 * is wider than its box (scrollWidth against clientWidth), an element that sticks out of `root`
 * (either side: a right-to-left layout overflows on the left), an input whose placeholder is wider
 * than its field, and a one-line slot (`oneLine`) whose text takes more than one line.
 * @param {Element | ShadowRoot} root
 * @param {string} oneLine a selector
 * @returns {string[]}
 */
export function overflows(root, oneLine) {
  const out = [];
  const frame = (root instanceof ShadowRoot ? root.host : root).getBoundingClientRect();
  const name = (el) =>
    `${el.localName}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}${el.dataset?.testid ? `[${el.dataset.testid}]` : ''}`;
  const text = (el) => JSON.stringify((el.textContent ?? '').trim().slice(0, 60));
  const canvas = document.createElement('canvas').getContext('2d');
  for (const el of root.querySelectorAll('*')) {
    if (el.localName === 'style' || el.localName === 'script' || !el.getClientRects().length) continue;
    // Hidden on purpose: a 1px clipped label for screen readers (the popup's .visually-hidden).
    if (getComputedStyle(el).clipPath !== 'none') continue;
    const r = el.getBoundingClientRect();
    const display = getComputedStyle(el).display;
    if (display !== 'inline' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      out.push(`${name(el)} ${text(el)}: content ${el.scrollWidth}px wide in ${el.clientWidth}px`);
    if (r.width > 0 && (r.right > frame.right + 1 || r.left < frame.left - 1))
      out.push(
        `${name(el)} ${text(el)}: sticks out (${Math.round(r.left)}..${Math.round(r.right)} in ${Math.round(frame.left)}..${Math.round(frame.right)})`,
      );
    if (el.localName === 'input' && el.placeholder) {
      const cs = getComputedStyle(el);
      canvas.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = el.clientWidth - Number.parseFloat(cs.paddingLeft) - Number.parseFloat(cs.paddingRight);
      const need = canvas.measureText(el.placeholder).width;
      if (need > room + 1) out.push(`${name(el)} placeholder ${JSON.stringify(el.placeholder)}: ${Math.ceil(need)}px in ${room}px`);
    }
    if (el.matches(oneLine)) {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = [...range.getClientRects()].filter((q) => q.width > 0).map((q) => q.top);
      const lineHeight = Number.parseFloat(getComputedStyle(el).fontSize);
      const lines = tops.sort((a, b) => a - b).filter((t, i, all) => i === 0 || t - all[i - 1] > lineHeight / 2).length;
      if (lines > 1) out.push(`${name(el)} ${text(el)}: ${lines} lines in a one-line slot`);
    }
  }
  return out;
}

/**
 * Runs in a page (serialised: self-contained). The letters of `text` that no installed font draws (each
 * drawn like a private-use character, the empty box): widths measured in such boxes say nothing of the
 * real text, so a machine without a font for a locale's script cannot check it.
 * @param {string} text
 * @param {string} font a CSS font, e.g. the popup's
 * @returns {string[]}
 */
export function missingGlyphs(text, font) {
  const draw = (ch) => {
    const c = document.createElement('canvas');
    c.width = c.height = 40;
    const g = c.getContext('2d');
    g.font = font;
    g.fillText(ch, 4, 30);
    return c.toDataURL();
  };
  const box = draw('\uE000');
  const letters = [...new Set([...text].filter((ch) => /\p{L}/u.test(ch) && ch > '\u024F'))].slice(0, 24);
  return letters.filter((ch) => draw(ch) === box);
}
