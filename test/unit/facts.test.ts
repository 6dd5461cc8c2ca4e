// Facts gathered from markup: labels in their usual arrangements, and the text that belongs to a control.
import { describe, expect, it } from 'vitest';
import { attrsOf, contextOf, labelOf } from '../../src/detect/facts';

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
});

describe('attrsOf', () => {
  it('reads naming attributes, not data-expect or other data', () => {
    const box = first(
      '<div class="wrap" id="w"><input type="checkbox" name="storePaymentMethod" class="adyen-checkout__checkbox__input" data-expect="off" data-kind="save" value="true"></div>',
    );
    expect(attrsOf(box)).toBe('true storePaymentMethod adyen-checkout__checkbox__input w wrap');
  });
});
