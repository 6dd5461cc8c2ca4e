// Composite controls: a box whose state or name lives in more than one element. Two shapes are common
// in UI libraries: a visible ARIA control paired with a hidden native input that only carries the
// value for a form (Radix's "bubble input", Headless UI's hidden input), and a web component whose
// inner control is named from outside its shadow root (a <label> around the host or pointing at it,
// the host's own slotted text). Pure DOM reading, no chrome.* API.
import { kindOf } from '../../detect/controls';
import { labelElementText, labelOf } from '../../detect/facts';

const ARIA_SIBLINGS = 8;

/** The control a person sees and clicks for `el`: for a hidden native input next to (or inside) a
 *  single ARIA checkbox or switch, that ARIA control; otherwise `el` itself. Unticking the visible one
 *  lets the component update both; flipping only the hidden input would leave them disagreeing. */
export function faceOf(el: Element): Element {
  // By tag name, not `instanceof` (a global lookup through the isolated world's window): this runs
  // for every ticked box a page adds.
  if (el.localName !== 'input' || !((el as HTMLElement).hidden || el.getAttribute('aria-hidden') === 'true')) return el;
  const parent = el.parentElement;
  if (!parent) return el;
  if (kindOf(parent) === 'aria-checked') return parent;
  let found: Element | null = null;
  let n = 0;
  for (let c = parent.firstElementChild; c && n < ARIA_SIBLINGS; c = c.nextElementSibling, n++) {
    if (c === el || kindOf(c) !== 'aria-checked') continue;
    if (found) return el; // two ARIA controls: which one it belongs to is not clear
    found = c;
  }
  return found ?? el;
}

const CONTROLS_IN_COMPONENT = 'input:not([type=hidden]),select,textarea,button,[role=checkbox],[role=switch]';

/** The name of a control the usual sources leave empty: a <label for> or a wrapping <label> around a
 *  labelable element that is not an input (a button, a form-associated custom element), or, for the
 *  one control in a web component's shadow root, the name of the component's host. */
export function outerLabelOf(el: Element, depth = 0): string {
  const own = labelOf(el) || labelElementText(el);
  if (own || depth > 3) return own;
  const root = el.getRootNode();
  if (!(root instanceof ShadowRoot)) return '';
  // A component holding a whole form is not one control: its host's text is not this box's name.
  if (root.querySelectorAll(CONTROLS_IN_COMPONENT).length > 1) return '';
  return outerLabelOf(root.host, depth + 1);
}
