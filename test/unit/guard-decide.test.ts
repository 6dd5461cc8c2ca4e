// Deciding whether a ticked control is a save-card consent, on a live (happy-dom) DOM: the per-element
// verdict, the label memo, where card fields count as near, the site's own rule, and waiting for a label.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Decider, nameMatters, WAIT } from '../../src/content/guard/decide';
import { compileData } from '../../src/detect/lexicon-schema';
import { buildLexicon } from '../../src/detect/lexicon';
import { readData } from '../../scripts/data.ts';

const { tables, signals } = readData();
const lx = buildLexicon(compileData(tables, signals).data);
const WEAK = 'Save my information for a faster checkout'; // counts only with card fields near
const CARD_FIELD = '<input autocomplete="cc-number">';
const box = (label: string, attrs = '') => `<label><input type="checkbox" checked ${attrs}> ${label}</label>`;

function page(html: string): HTMLInputElement[] {
  document.body.innerHTML = html;
  return [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('Decider', () => {
  it('decides a save-card box save, with its label, and a look-alike not', () => {
    const [save, remember] = page(box('Save my card for future payments') + box('Remember me'));
    const d = new Decider(() => lx);
    expect(d.decide(save!)).toMatchObject({ save: true, label: 'Save my card for future payments' });
    expect(d.decide(remember!)).toMatchObject({ save: false, label: '' });
  });

  it('keeps its verdict for an element: a label changed later is not read again (known gap)', () => {
    const [el] = page(box('Save my card for future payments'));
    const d = new Decider(() => lx);
    const first = d.decide(el!);
    el!.parentElement!.lastChild!.nodeValue = ' Remember me';
    expect(d.decide(el!)).toBe(first);
    expect(new Decider(() => lx).decide(el!)).toMatchObject({ save: false });
  });

  it('reads a label once for all its numbers: "Select row 12" and "Select row 9999"', () => {
    const never = new RegExp(lx.never);
    const read = vi.spyOn(never, 'test');
    const [a, b] = page(box('Select row 12') + box('Select row 9999'));
    const d = new Decider(() => ({ ...lx, never }));
    expect(d.decide(a!)).toMatchObject({ save: false });
    expect(d.decide(b!)).toMatchObject({ save: false });
    expect(read.mock.calls.filter(([text]) => text.startsWith('select row'))).toHaveLength(1);
  });

  it('the site rule wins over the generic reading', () => {
    const [el] = page(box('Remember me', 'id="store"'));
    expect(new Decider(() => lx).decide(el!)).toMatchObject({ save: false });
    expect(new Decider(() => ({ ...lx, siteSaveBoxes: '#store' })).decide(el!)).toEqual({
      save: true,
      reason: 'site-rule',
      label: 'Remember me',
    });
  });

  it('waits for a box with no label while the document is being parsed', () => {
    const [bare, labelled] = page(`<input type="checkbox" checked>${box('Save my card for future payments')}`);
    const d = new Decider(() => lx);
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    try {
      expect(d.decide(bare!)).toBe(WAIT);
      expect(d.decide(labelled!)).toMatchObject({ save: true });
    } finally {
      delete (document as { readyState?: unknown }).readyState;
    }
    expect(d.decide(bare!)).toMatchObject({ save: false });
  });
});

describe('Decider: a row box in a data grid', () => {
  // The shapes of AG Grid (role=grid, rows in role=rowgroup) and of a tree grid, a box per row; beside
  // a layout table and role=table, which checkouts use too.
  const row = (label: string) => `<div role="row"><div role="gridcell">${box(label)}</div><div role="gridcell">Order 1042</div></div>`;

  it('selects a row in a grid or tree grid, whatever its text or a site rule: decided before the lexicon is built', () => {
    const [a, b] = page(
      `<div role="grid"><div role="rowgroup">${row('Save my card for future payments').replace('checked', 'checked id="store"')}</div></div>` +
        `<div role="treegrid">${row('Select row 7')}</div>`,
    );
    // The lexicon (its regexes compiled on first use, 20 ms on a grid page) is never asked for.
    const built = vi.fn(() => ({ ...lx, siteSaveBoxes: '#store' }));
    const d = new Decider(built);
    for (const el of [a!, b!]) {
      const v = d.decide(el);
      expect(v).toEqual({ save: false, reason: 'look-alike:row-select', label: '' });
      if (v !== WAIT) expect(nameMatters(v)).toBe(false);
    }
    expect(built).not.toHaveBeenCalled();
  });

  it('a layout table or role=table is no grid: its save box is read as usual, and its name watched', () => {
    const [inTable, inAriaTable] = page(
      `<table><tr><td>${box('Save my card for future payments')}</td></tr></table>` +
        `<div role="table"><div role="row"><div role="cell">${box('Save my card for future payments')}</div></div></div>`,
    );
    const d = new Decider(() => lx);
    for (const el of [inTable!, inAriaTable!]) {
      const v = d.decide(el);
      expect(v).toMatchObject({ save: true, reason: 'label' });
      if (v !== WAIT) expect(nameMatters(v)).toBe(true);
    }
  });
});

describe('Decider: card fields near the box', () => {
  it('none anywhere: a weak label is not enough', () => {
    const [el] = page(`<form>${box(WEAK)}</form>`);
    expect(new Decider(() => lx).decide(el!)).toMatchObject({ save: false });
  });

  it('in its form: found there, without searching the whole document', () => {
    const [el] = page(`<form>${CARD_FIELD}${box(WEAK)}</form>`);
    const inDocument = vi.spyOn(document, 'querySelector');
    expect(new Decider(() => lx).decide(el!)).toMatchObject({ save: true });
    expect(inDocument.mock.calls.filter(([s]) => s === lx.cardFieldSelector)).toEqual([]);
  });

  it('elsewhere in its document', () => {
    const [el] = page(`<form>${box(WEAK)}</form><div>${CARD_FIELD}</div>`);
    expect(new Decider(() => lx).decide(el!)).toMatchObject({ save: true });
  });

  it('in its shadow root, and in the tree of the shadow host', () => {
    for (const [inside, outside] of [
      [CARD_FIELD, ''],
      ['', CARD_FIELD],
    ]) {
      document.body.innerHTML = `<pay-form></pay-form>${outside}`;
      const root = document.querySelector('pay-form')!.attachShadow({ mode: 'open' });
      root.innerHTML = inside + box(WEAK);
      expect(new Decider(() => lx).decide(root.querySelector('input[type=checkbox]')!)).toMatchObject({ save: true });
    }
  });

  it('looks once per batch of mutations: card fields added later count from the next batch', () => {
    const [a, b, c] = page(box(WEAK) + box(WEAK) + box(WEAK));
    const d = new Decider(() => lx);
    expect(d.decide(a!)).toMatchObject({ save: false });
    document.body.insertAdjacentHTML('beforeend', CARD_FIELD);
    expect(d.decide(b!)).toMatchObject({ save: false });
    d.newBatch();
    expect(d.decide(c!)).toMatchObject({ save: true });
  });
});

describe('Decider: where a "Remember me" is, and the label it names the box by', () => {
  it('unticks "Remember me" in the card form, not in the sign-in form or a form without card fields', () => {
    const [signIn, inCard, elsewhere] = page(
      `<form><input type="password">${box('Remember me')}</form>` +
        `<form><fieldset>${CARD_FIELD}</fieldset>${box('Remember me')}</form>` +
        `<form>${box('Remember me')}</form>`,
    );
    const d = new Decider(() => lx);
    expect(d.decide(signIn!)).toMatchObject({ save: false, reason: 'look-alike:remember-me' });
    expect(d.decide(inCard!)).toEqual({ save: true, reason: 'label+card-form', label: 'Remember me' });
    expect(d.decide(elsewhere!)).toMatchObject({ save: false, reason: 'look-alike:remember-me' });
  });

  it('leaves a required box ticked, whatever it says', () => {
    const [el] = page(`<form>${CARD_FIELD}${box('Save my card for future payments', 'required')}</form>`);
    expect(new Decider(() => lx).decide(el!)).toEqual({ save: false, reason: 'required', label: '' });
  });

  it('leaves a disabled box ticked, and decides again once it is enabled', () => {
    // (A fieldset's `disabled` is not seen by happy-dom's :disabled; the e2e test has it.)
    const [own] = page(`<form>${CARD_FIELD}${box('Save my card for future payments', 'disabled')}</form>`);
    document.body.insertAdjacentHTML('beforeend', '<div role="switch" aria-checked="true" aria-disabled="true">Remember my card</div>');
    const aria = document.querySelector('[role=switch]')!;
    const d = new Decider(() => lx);
    for (const el of [own!, aria]) expect(d.decide(el)).toMatchObject({ save: false, reason: 'required' });
    own!.disabled = false;
    aria.removeAttribute('aria-disabled');
    for (const el of [own!, aria]) expect(d.decide(el)).toMatchObject({ save: true });
  });

  it('names the box by its own label, words kept apart, whole (the background cuts it)', () => {
    const [el] = page('<input type="checkbox" id="s" checked><label for="s"></label>');
    const label = document.querySelector('label')!;
    label.append(
      'Save card for future payments',
      `Summit Coffee Club can charge this card for your next orders. ${'More words here. '.repeat(10)}`,
    );
    const v = new Decider(() => lx).decide(el!);
    if (v === WAIT) throw new Error('decided to wait');
    expect(v.label.startsWith('Save card for future payments Summit Coffee Club can charge')).toBe(true);
    expect(v.label.endsWith('More words here.')).toBe(true);
    expect(v.label.length).toBeLessThanOrEqual(300);
  });
});
