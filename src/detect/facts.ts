// Gathers the plain facts that classify() decides on, from a live DOM. Reads names, labels and
// attributes only: never the value of a card field.
import type { ControlFacts } from './classify';
import { DATA_GRID, kindOf } from './controls';

const MAX_TEXT = 300;
/** Other controls: a container holding one of these is no longer "this control's" text. */
const OTHER_CONTROLS = 'input:not([type=hidden]),select,textarea,[role=checkbox],[role=switch],[role=radio],button[aria-pressed]';

/** Elements that begin a box of their own (a line, a cell, a control): their text never runs into the
 *  text beside them. Inline elements (b, span, a, small...) join their text as the page shows it. */
const BLOCKS = new Set(
  (
    'address article aside blockquote br button caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 ' +
    'h3 h4 h5 h6 header hr img input legend li main nav ol option p pre section select summary table tbody td textarea tfoot th thead tr ul'
  ).split(' '),
);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

/** Two pieces of text from different nodes with no space between them: do they still read as two
 *  words? Yes after a sentence's end ("payments.Summit") or where a lower-case word meets a capital
 *  ("paymentsSummit": a label and the description a framework put after it). No inside a word
 *  ("<b>S</b>ave"), and never in scripts that write no spaces (Chinese, Japanese, Thai...). */
function apart(before: string, after: string): boolean {
  return /[.!?:;,)\]»”]$/u.test(before) ? /^\p{L}/u.test(after) : /\p{Ll}$/u.test(before) && /^\p{Lu}/u.test(after);
}

/** Text read from the DOM as a person reads the page, into at most MAX_TEXT characters. */
class TextRun {
  out = '';
  private gap = false;
  get full(): boolean {
    return this.out.length >= MAX_TEXT;
  }
  /** The next text starts a new box. */
  boundary(): void {
    this.gap = true;
  }
  add(text: string): void {
    if (!text) return;
    const last = this.out.at(-1);
    if (last !== undefined && !/\s/.test(last) && !/^\s/.test(text) && (this.gap || apart(this.out.slice(-2), text))) this.out += ' ';
    this.out += text;
    this.gap = false;
  }
}

function walk(node: Node, run: TextRun): void {
  if (run.full) return;
  if (node.nodeType === Node.TEXT_NODE) {
    run.add(node.nodeValue ?? '');
    return;
  }
  if (!(node instanceof Element)) {
    // A document fragment or shadow root: its children.
    if (node instanceof DocumentFragment) for (const c of node.childNodes) walk(c, run);
    return;
  }
  if (SKIPPED.has(node.localName)) return;
  const block = BLOCKS.has(node.localName);
  if (block) run.boundary();
  // An icon-only control names itself with aria-label; an image in a label says its words in alt.
  const aria =
    node.childNodes.length === 0 ? (node.getAttribute('aria-label') ?? (node.localName === 'img' ? node.getAttribute('alt') : null)) : null;
  if (aria) {
    run.boundary();
    run.add(aria);
    run.boundary();
  } else if (node instanceof HTMLSlotElement) {
    // A web component's label text is often slotted in from the page: read what the slot shows.
    const shown = node.assignedNodes({ flatten: true });
    for (const c of shown.length ? shown : node.childNodes) walk(c, run);
  } else {
    // An element with an open shadow root shows that tree (its slots bring in the light children).
    for (const c of (node.shadowRoot ?? node).childNodes) walk(c, run);
  }
  if (block) run.boundary();
}

function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  // Node types as numbers (3 text, 1 element), not Node.TEXT_NODE or instanceof: this runs for every
  // ticked box, and in a content script each global lookup goes through the isolated world's window.
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  if (SKIPPED.has(el.localName)) return '';
  // The common label, one run of text around its own input: one native call instead of a walk (this
  // runs for every ticked box).
  if (el.localName !== 'slot' && !el.shadowRoot && !el.hasAttribute('aria-label') && plain(el)) return el.textContent ?? '';
  const run = new TextRun();
  walk(el, run);
  return run.out;
}

/** At most one text node, and no element but an input: textContent reads it as the page shows it. */
function plain(node: Element): boolean {
  const n = node.childNodes.length;
  if (n > 2) return false;
  let texts = 0;
  for (const c of node.childNodes) {
    if (c.nodeType === 3) texts++;
    else if (!(c.nodeType === 1 && (c as Element).localName === 'input')) return false;
  }
  return texts <= 1;
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

/** The `<label for>` pointing at `el` in its own document or shadow root, if any. */
export function labelFor(el: Element): Element | null {
  if (!el.id) return null;
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.querySelector(`label[for="${CSS.escape(el.id)}"]`);
}

/** The text of the `<label>` around `el`, or else pointing at it ('' if none): for controls that
 *  labelOf() reads by their own text (a button, a custom element) but that a label names from outside. */
export const labelElementText = (el: Element): string => clip(textOf(el.closest('label') ?? labelFor(el)));

/** The accessible name, from its main sources. Not `input.labels`: that live list walks the whole
 *  document after every change, which on a busy page costs more than all the rest together. */
export function labelOf(el: Element): string {
  const named = `${byIds(el, 'aria-labelledby')} ${el.getAttribute('aria-label') ?? ''}`;
  let label = named.length > 1 ? clip(named) : '';
  if (kindOf(el) === 'native') {
    const wrapping = el.closest('label');
    if (wrapping) label = clip(label ? `${label} ${textOf(wrapping)}` : textOf(wrapping));
    if (!label) label = clip(textOf(labelFor(el)));
  } else {
    label = clip(`${label} ${textOf(el)}`);
  }
  return label || clip(el.getAttribute('title') ?? '');
}

/** Text of the largest nearby container that holds no other control (its row, its group), plus its
 *  description: this catches sibling text and a label in another table cell. A control with no such
 *  container (it shares one with other controls) gets the words beside it (besideText). */
export function contextOf(el: Element): string {
  let best = '';
  let node: Element = el;
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
  if (!best) best = clip(besideText(node));
  // A question just before the box's own container ("Save this card?" then a box "Yes").
  const prev = node === el ? null : node.previousElementSibling;
  if (prev && !isControl(prev)) {
    const question = clip(textOf(prev));
    if (question.length <= 150 && /[?:？：]$/u.test(question)) best = `${question} ${best}`;
  }
  return clip(`${best} ${byIds(el, 'aria-describedby')}`);
}

const isControl = (n: Element) => n.matches(OTHER_CONTROLS) || n.querySelector(OTHER_CONTROLS) !== null;

/** The words that go with `own` (a control, or the element that holds it alone) among siblings it
 *  shares with other controls, as in "<input> Save my card<br><input> Email me offers" or a grid of
 *  "words, box, words, box". A line (up to a `br` or `hr`) is read as words and controls in turn: where
 *  it starts with words and ends with a control, each control's words come before it; else after. */
function besideText(own: Element): string {
  const parent = own.parentElement;
  if (!parent) return '';
  const words: string[] = ['']; // words[i]: the words after the i-th control of the line (0: before the first)
  let mine = -1;
  for (const n of parent.childNodes) {
    if (n.nodeType === 1) {
      const e = n as Element;
      if (e.localName === 'br' || e.localName === 'hr') {
        if (mine >= 0) break;
        words.length = 1;
        words[0] = '';
        continue;
      }
      if (e === own || isControl(e)) {
        if (e === own) mine = words.length;
        words.push('');
        continue;
      }
    }
    const i = words.length - 1;
    words[i] = `${words[i]} ${textOf(n)}`.trim();
    if (words[i].length >= MAX_TEXT) words[i] = words[i].slice(0, MAX_TEXT);
  }
  if (mine < 0) return '';
  const wordsFirst = words[0] !== '' && words[words.length - 1] === '';
  return words[wordsFirst ? mine - 1 : mine] ?? '';
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

/** What a sign-in form has and a card form has not: there, "Remember me" is about the person. */
const SIGN_IN = 'input[type=password],input[autocomplete~=username],input[autocomplete~=current-password]';
/** The containers a page groups one part of a form in. */
const GROUPS = 'form,fieldset,section,[role=form],[role=group],[role=region]';

/** Do card fields share the control's form, fieldset or section (the nearest such group that holds
 *  either card fields or a password field decides), or is the control in a payment provider's frame
 *  with no sign-in around it? Shadow roots are crossed through their hosts. */
export function inCardForm(el: Element, cardFieldSelector: string, inPaymentFrame: boolean): boolean {
  for (let node: Element | null = el.parentElement ?? hostOf(el); node; node = node.parentElement ?? hostOf(node)) {
    if (!node.matches(GROUPS)) continue;
    if (node.querySelector(SIGN_IN)) return false;
    if (cardFieldSelector && node.querySelector(cardFieldSelector)) return true;
  }
  return inPaymentFrame && !el.ownerDocument.querySelector(SIGN_IN);
}

const hostOf = (el: Element): Element | null => {
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
};

/** Is the control inside an interactive data grid of its own document or shadow root? One native
 *  call, no text read: a grid may add thousands of ticked row boxes. */
export const inDataGrid = (el: Element): boolean => el.closest(DATA_GRID) !== null;

/** The page will not submit without it ticked, or does not let it be changed now (disabled, also by
 *  its fieldset): unticking it would only block the purchase, or show unticked what the page still
 *  holds ticked. */
export const isRequired = (el: Element): boolean =>
  el.hasAttribute('required') || el.getAttribute('aria-required') === 'true' || isDisabled(el);

export const isDisabled = (el: Element): boolean => el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true';

/** The facts of a control; context, attributes and payment context are looked up only if needed.
 *  `cardForm`: whether it sits in the card form (see inCardForm), asked only for "Remember me". */
export function factsOf(el: Element, paymentContext: () => boolean, cardForm: () => boolean = () => false): ControlFacts {
  return {
    label: labelOf(el),
    context: () => contextOf(el),
    attrs: () => attrsOf(el),
    paymentContext,
    cardForm,
    required: () => isRequired(el),
  };
}
