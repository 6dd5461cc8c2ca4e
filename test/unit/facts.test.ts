// Facts gathered from markup: labels in their usual arrangements, and the text that belongs to a control.
import { describe, expect, it } from 'vitest';
import { attrsOf, contextOf, factsOf, inCardForm, isRequired, labelOf } from '../../src/detect/facts';
import { shortLabel } from '../../src/shared/short-label';

const first = (html: string, selector = 'input, [role]') => {
  document.body.innerHTML = html;
  return document.body.querySelector(selector)!;
};

describe('labelOf', () => {
  it('reads a wrapping label', () => {
    expect(labelOf(first('<label><input type="checkbox"> Save this card </label>'))).toBe('Save this card');
  });
  it('keeps the words of inner elements apart', () => {
    expect(labelOf(first('<label><input type="checkbox">Save card<small>Use it next time</small></label>'))).toBe(
      'Save card Use it next time',
    );
  });
  it('reads label[for], aria-labelledby and aria-label', () => {
    expect(labelOf(first('<input type="checkbox" id="s"><label for="s">Remember my card</label>'))).toBe('Remember my card');
    expect(
      labelOf(first('<span id="t">Store payment details</span><div role="checkbox" aria-checked="true" aria-labelledby="t"></div>')),
    ).toBe('Store payment details');
    expect(labelOf(first('<input type="checkbox" aria-label="Save card">'))).toBe('Save card');
  });
  it("reads an image's words in a label", () => {
    expect(labelOf(first('<label><input type="checkbox"><img alt="Save card for future purchases" src="data:,"></label>'))).toBe(
      'Save card for future purchases',
    );
  });
  it('skips script and style text', () => {
    expect(labelOf(first('<label><input type="checkbox"><style>.x{}</style>Save card<script>var a</script></label>'))).toBe('Save card');
  });
  it('clips a huge label', () => {
    expect(labelOf(first(`<label><input type="checkbox">${'Save my card '.repeat(5000)}</label>`)).length).toBeLessThanOrEqual(300);
  });
});

describe('contextOf', () => {
  it('reads a label in another table cell, and stops at a container with other controls', () => {
    const box = first(
      '<table><tr><td><input type="checkbox" id="a"></td><td>Save my card</td></tr><tr><td><input type="checkbox"></td><td>Newsletter</td></tr></table>',
    );
    expect(contextOf(box)).toBe('Save my card');
  });

  it('reads the words beside a control that shares its container with others: after it, or before it where the line starts with words', () => {
    const after = '<div><input type="checkbox" id="a"> Save my card for next time<br><input type="checkbox" id="b"> Email me offers</div>';
    const before = '<div>Remember my card <input type="checkbox" id="a"><br>Send me the newsletter <input type="checkbox" id="b"></div>';
    const grid =
      '<div class="grid"><span>Save card details</span><span class="box"><input type="checkbox" id="a"></span><div>Subscribe to the newsletter</div><input type="checkbox" id="b"></div>';
    const at = (html: string, id: string) => contextOf(first(html, `#${id}`));
    expect([at(after, 'a'), at(after, 'b')]).toEqual(['Save my card for next time', 'Email me offers']);
    expect([at(before, 'a'), at(before, 'b')]).toEqual(['Remember my card', 'Send me the newsletter']);
    expect([at(grid, 'a'), at(grid, 'b')]).toEqual(['Save card details', 'Subscribe to the newsletter']);
    // The question just before its own container: "Save this card?" then "Yes".
    expect(
      at('<form><h3>Save this card?</h3><div><label><input type="checkbox" id="a"> Yes</label></div><input type="checkbox"></form>', 'a'),
    ).toBe('Save this card? Yes');
    expect(
      at('<form><h3>Your order</h3><div><label><input type="checkbox" id="a"> Yes</label></div><input type="checkbox"></form>', 'a'),
    ).toBe('Yes');
    // A control with a container of its own keeps reading that container alone.
    expect(at('<div><p><input type="checkbox" id="a"> Store my card</p><p><input type="checkbox"> Terms</p></div>', 'a')).toBe(
      'Store my card',
    );
  });
});

describe('attrsOf', () => {
  it('reads naming attributes, not data-expect or other data', () => {
    const box = first(
      '<div class="wrap" id="w"><input type="checkbox" name="storePaymentMethod" class="adyen-checkout__checkbox__input" data-expect="off" data-kind="save" value="true"></div>',
    );
    expect(attrsOf(box)).toBe('true storePaymentMethod adyen-checkout__checkbox__input w wrap');
  });
});

describe('text keeps its word boundaries', () => {
  it('two text nodes side by side, as a framework writes a label and its description, stay two words', () => {
    const box = first('<input type="checkbox" id="s"><label for="s"></label>');
    document
      .querySelector('label')!
      .append('Save card for future payments', 'Summit Coffee Club can charge this card for your next orders.');
    expect(labelOf(box)).toBe('Save card for future payments Summit Coffee Club can charge this card for your next orders.');
  });
  it('a sentence end before the next text is a boundary', () => {
    const box = first('<label><input type="checkbox">Save card.<span>Use it next time</span></label>');
    expect(labelOf(box)).toBe('Save card. Use it next time');
  });
  it('inline elements inside a word do not split it', () => {
    expect(labelOf(first('<label><input type="checkbox">S<b>ave</b> my <em>card</em>s</label>'))).toBe('Save my cards');
    expect(labelOf(first('<label><input type="checkbox"><span>Save</span> <span>card</span></label>'))).toBe('Save card');
  });
  it('block elements and line breaks are boundaries, whatever the letters', () => {
    expect(labelOf(first('<label><input type="checkbox"><div>Save card</div><div>for later</div></label>'))).toBe('Save card for later');
    expect(labelOf(first('<label><input type="checkbox">Save card<br>for later</label>'))).toBe('Save card for later');
    expect(labelOf(first('<label><input type="checkbox"><p>Save card</p><p>securely</p></label>'))).toBe('Save card securely');
  });
  it('scripts without spaces are joined as written', () => {
    expect(labelOf(first('<label><input type="checkbox">保存<b>卡片</b>信息</label>'))).toBe('保存卡片信息');
  });
  it("reads what a web component's shadow tree shows, slots filled from the page", () => {
    const host = first('<x-check role="checkbox" aria-checked="true">card for later</x-check>');
    host.attachShadow({ mode: 'open' }).innerHTML = '<style>b{}</style><b>Save</b> <slot></slot>';
    expect(labelOf(host)).toBe('Save card for later');
  });
  it('an empty slot shows its fallback text', () => {
    const host = first('<x-check role="checkbox" aria-checked="true"></x-check>');
    host.attachShadow({ mode: 'open' }).innerHTML = '<slot>Save this card</slot>';
    expect(labelOf(host)).toBe('Save this card');
  });
});

describe('shortLabel', () => {
  const long = 'Save card for future payments Summit Coffee Club can charge this card for your next orders.';
  it('leaves a short label as it is, spaces tidied', () => {
    expect(shortLabel('  Save   card ')).toBe('Save card');
  });
  it('cuts at the last word boundary before the limit, with an ellipsis', () => {
    expect(shortLabel(long, 40)).toBe('Save card for future payments Summit…');
    expect(shortLabel(long, 30)).toBe('Save card for future payments…');
    expect(shortLabel(long, 29)).toBe('Save card for future…');
    for (let max = 10; max < long.length; max++) {
      const cut = shortLabel(long, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      // Every word shown is a whole word of the label.
      for (const w of cut.slice(0, -1).split(' ')) expect(long.split(' ')).toContain(w);
    }
  });
  it('cuts a text without spaces at the limit, never inside a surrogate pair', () => {
    expect(shortLabel('保存卡片信息以便下次快速支付', 7)).toBe('保存卡片信息…');
    expect(shortLabel('😀😀😀😀', 6)).toBe('😀😀…');
  });
});

describe('where a control is', () => {
  const CARD = "input[autocomplete='cc-number']";
  it('card fields in its form, fieldset or section make the card form; a password field makes a sign-in', () => {
    document.body.innerHTML = `
      <form id="login"><input type="email" autocomplete="username"><input type="password"><input type="checkbox" id="a"></form>
      <form id="pay"><fieldset><input autocomplete="cc-number"></fieldset><input type="checkbox" id="b"></form>
      <section><div><input autocomplete="cc-number"></div><div><input type="checkbox" id="c"></div></section>
      <form id="news"><input type="checkbox" id="d"></form>`;
    const at = (id: string) => document.getElementById(id)!;
    expect(inCardForm(at('a'), CARD, false)).toBe(false);
    expect(inCardForm(at('b'), CARD, false)).toBe(true);
    expect(inCardForm(at('c'), CARD, false)).toBe(true);
    // Card fields elsewhere on the page do not make this form a card form.
    expect(inCardForm(at('d'), CARD, false)).toBe(false);
  });
  it("a payment provider's frame is a card form, unless it asks for a password", () => {
    document.body.innerHTML = '<div><input type="checkbox" id="a"></div>';
    expect(inCardForm(document.getElementById('a')!, CARD, true)).toBe(true);
    document.body.insertAdjacentHTML('beforeend', '<input type="password">');
    expect(inCardForm(document.getElementById('a')!, CARD, true)).toBe(false);
  });
  it('crosses a shadow root to the form around its host', () => {
    document.body.innerHTML = '<form><input autocomplete="cc-number"><x-box></x-box></form>';
    const root = document.querySelector('x-box')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<span><input type="checkbox"></span>';
    expect(inCardForm(root.querySelector('input')!, CARD, false)).toBe(true);
  });
  it('required and aria-required are read; factsOf asks for the card form only when told how', () => {
    expect(isRequired(first('<input type="checkbox" required>'))).toBe(true);
    expect(isRequired(first('<div role="checkbox" aria-required="true"></div>'))).toBe(true);
    expect(isRequired(first('<div role="checkbox" aria-required="false"></div>'))).toBe(false);
    const f = factsOf(first('<input type="checkbox" required>'), () => false);
    expect(typeof f.cardForm === 'function' && f.cardForm()).toBe(false);
    expect(typeof f.required === 'function' && f.required()).toBe(true);
  });
});
