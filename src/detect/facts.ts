// Gathers the plain facts that classify() decides on, from a live DOM. Reads names, labels and
// attributes only: never the value of a card field.
import type { ControlFacts } from './classify';
import { kindOf } from './controls';

const MAX_TEXT = 300;
/** Other controls: a container holding one of these is no longer "this control's" text. */
const OTHER_CONTROLS = 'input:not([type=hidden]),select,textarea,[role=checkbox],[role=switch],[role=radio],button[aria-pressed]';

function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  if (node.nodeType === Node.TEXT_NODE) return node.nodeValue ?? '';
  if (!(node instanceof Element)) return '';
  if (node.localName === 'script' || node.localName === 'style' || node.localName === 'template') return '';
  // The common label, text around its own input: one native call instead of a walk (this runs for
  // every ticked box). With other elements inside, the walk keeps their words apart ("card<small>Use").
  const only = node.firstElementChild;
  if (
    node.localName !== 'slot' &&
    !node.hasAttribute('aria-label') &&
    (!only || (node.childElementCount === 1 && only.localName === 'input'))
  ) {
    return node.textContent ?? '';
  }
  let out = node.getAttribute('aria-label') && node.childNodes.length === 0 ? node.getAttribute('aria-label')! : '';
  // A web component's label text is often slotted in from the page: read what the slot shows.
  const children = node instanceof HTMLSlotElement ? node.assignedNodes({ flatten: true }) : node.childNodes;
  for (const c of children) {
    if (out.length >= MAX_TEXT) break;
    out += ` ${textOf(c)}`;
  }
  return out;
}

const clip = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);

function byIds(el: Element, attr: string): string {
  const ids = el.getAttribute(attr);
  if (!ids) return '';
  const root = el.getRootNode() as Document | ShadowRoot;
  return ids
    .split(/\s+/)
    .map((id) => textOf(root.getElementById?.(id)))
    .join(' ');
}

/** The accessible name, from its main sources. Not `input.labels`: that live list walks the whole
 *  document after every change, which on a busy page costs more than all the rest together. */
export function labelOf(el: Element): string {
  let label = clip(`${byIds(el, 'aria-labelledby')} ${el.getAttribute('aria-label') ?? ''}`);
  if (kindOf(el) === 'native') {
    const wrapping = el.closest('label');
    if (wrapping) label = clip(`${label} ${textOf(wrapping)}`);
    if (!label && el.id) {
      const root = el.getRootNode() as Document | ShadowRoot;
      label = clip(textOf(root.querySelector(`label[for="${CSS.escape(el.id)}"]`)));
    }
  } else {
    label = clip(`${label} ${textOf(el)}`);
  }
  return label || clip(el.getAttribute('title') ?? '');
}

/** Text of the largest nearby container that holds no other control (its row, its group), plus its
 *  description: this catches sibling text and a label in another table cell. */
export function contextOf(el: Element): string {
  let best = '';
  let node: Element | null = el;
  for (let depth = 0; depth < 5; depth++) {
    const parent: Element | null = node.parentElement;
    if (!parent || parent === el.ownerDocument.body || parent === el.ownerDocument.documentElement) break;
    const others = parent.querySelectorAll(OTHER_CONTROLS);
    if (others.length > 1 || (others.length === 1 && others[0] !== el)) break;
    const t = clip(textOf(parent));
    if (t.length >= MAX_TEXT) break;
    best = t;
    node = parent;
  }
  return clip(`${best} ${byIds(el, 'aria-describedby')}`);
}

/** Attributes whose values developers fill with what a control is for. */
const NAMING_ATTRS = ['name', 'id', 'class', 'data-testid', 'data-test', 'data-qa', 'data-cy', 'data-field', 'data-name'];

/** Naming attributes of the control and its wrapper, and the control's value, as one string. */
export function attrsOf(el: Element): string {
  const out: string[] = [el.getAttribute('value') ?? ''];
  for (const node of [el, el.parentElement]) {
    if (node) for (const name of NAMING_ATTRS) out.push(node.getAttribute(name) ?? '');
  }
  return out.join(' ').replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** The facts of a control; context, attributes and payment context are looked up only if needed. */
export function factsOf(el: Element, paymentContext: () => boolean): ControlFacts {
  return { label: labelOf(el), context: () => contextOf(el), attrs: () => attrsOf(el), paymentContext };
}
