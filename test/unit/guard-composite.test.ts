// Composite controls on a happy-dom page: the visible control a hidden native input stands for, and
// the name a control gets from outside (a label pointing at a button, a web component's host); and
// the label watch that judges a reused control again when its name changes.
import { afterEach, describe, expect, it } from 'vitest';
import { faceOf, outerLabelOf } from '../../src/content/guard/composite';
import { LabelWatch } from '../../src/content/guard/label-watch';

afterEach(() => {
  document.body.innerHTML = '';
});

const $ = (sel: string) => document.querySelector(sel)!;

describe('faceOf', () => {
  it('a Radix bubble input stands for the role=checkbox button beside it', () => {
    document.body.innerHTML =
      '<div><button type="button" role="checkbox" aria-checked="true" id="b"></button><input type="checkbox" aria-hidden="true" tabindex="-1" checked><label for="b">Save card</label></div>';
    expect(faceOf($('input'))).toBe($('button'));
  });

  it('a Headless UI hidden input stands for its switch; a hidden input inside an ARIA control for that control', () => {
    document.body.innerHTML = '<div><button role="switch" aria-checked="true"></button><input type="checkbox" hidden checked></div>';
    expect(faceOf($('input'))).toBe($('button'));
    document.body.innerHTML = '<span role="checkbox" aria-checked="true"><input type="checkbox" hidden checked></span>';
    expect(faceOf($('input'))).toBe($('span'));
  });

  it('a visible input, or a hidden one between two ARIA controls, stands for itself', () => {
    document.body.innerHTML = '<div><button role="checkbox" aria-checked="true"></button><input type="checkbox" checked></div>';
    expect(faceOf($('input'))).toBe($('input'));
    document.body.innerHTML =
      '<div><button role="checkbox"></button><input type="checkbox" aria-hidden="true"><button role="switch"></button></div>';
    expect(faceOf($('input'))).toBe($('input'));
    expect(faceOf($('button'))).toBe($('button'));
  });
});

describe('outerLabelOf', () => {
  it('names a button by the <label for> that points at it', () => {
    document.body.innerHTML =
      '<button role="checkbox" id=":r5:-form-item"><svg></svg></button><label for=":r5:-form-item">Save card for future payments</label>';
    expect(outerLabelOf($('button'))).toBe('Save card for future payments');
  });

  it("names the one control in a web component by its host's label, wrapping or for=", () => {
    document.body.innerHTML =
      '<label><x-box></x-box> Save this card for next time</label><x-box id="h2"></x-box><label for="h2">Keep my card on file</label>';
    const [a, b] = [...document.querySelectorAll('x-box')];
    const inner = (host: Element) => {
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<input type="checkbox">';
      return root.querySelector('input')!;
    };
    expect(outerLabelOf(inner(a!))).toBe('Save this card for next time');
    expect(outerLabelOf(inner(b!))).toBe('Keep my card on file');
  });

  it("does not lend a host's text to a control in a component that holds a whole form", () => {
    document.body.innerHTML = '<checkout-app>Save this card</checkout-app>';
    const root = $('checkout-app').attachShadow({ mode: 'open' });
    root.innerHTML = '<input autocomplete="cc-number"><input type="checkbox">';
    expect(outerLabelOf(root.querySelector('input[type=checkbox]')!)).toBe('');
  });
});

describe('LabelWatch', () => {
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('calls back when a watched control is renamed, not when its text is rewritten the same', async () => {
    document.body.innerHTML = '<form><label><input type="checkbox" checked> <span>Keep me signed in</span></label></form>';
    const renamed: Element[] = [];
    const watch = new LabelWatch(
      (el) => renamed.push(el),
      (e) => {
        throw e;
      },
    );
    watch.track($('input'));
    $('span').textContent = 'Keep me signed in';
    await settle();
    expect(renamed).toEqual([]);
    $('span').textContent = 'Save this card for faster checkout';
    watch.flush();
    expect(renamed).toEqual([$('input')]);
  });

  it('hears aria-label changes and the text of an aria-labelledby target', async () => {
    document.body.innerHTML =
      '<div><span id="t">Remember me</span></div><p><span role="checkbox" aria-checked="true" aria-labelledby="t"></span></p>';
    const renamed: Element[] = [];
    const watch = new LabelWatch(
      (el) => renamed.push(el),
      (e) => {
        throw e;
      },
    );
    watch.track($('[role=checkbox]'));
    $('#t').textContent = 'Save my card';
    await settle();
    expect(renamed.length).toBe(1);
    $('[role=checkbox]').setAttribute('aria-label', 'Store card');
    await settle();
    expect(renamed.length).toBe(2);
  });
});
