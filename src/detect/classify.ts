// Pure decision: is this control a consent to keep a card or payment method for later use?
// Works on plain facts gathered from the page (see facts.ts), so it is testable without a browser.
import type { Lexicon } from './lexicon';
import type { LookAlike } from './patterns';

/** A fact, or a way to get it: the costly ones are only looked up when the decision needs them. */
export type Lazy<T> = T | (() => T);
const get = <T>(v: Lazy<T>): T => (typeof v === 'function' ? (v as () => T)() : v);

export interface ControlFacts {
  /** The control's accessible name (label, aria-label, aria-labelledby...). */
  label: string;
  /** Text near the control that belongs to it alone (its row or group, description). */
  context: Lazy<string>;
  /** Naming attributes (name, id, class, test ids) and value of the control and its wrapper. */
  attrs: Lazy<string>;
  /** Card fields or a payment provider's frame are on the page. */
  paymentContext: Lazy<boolean>;
  /** Card fields share the control's own form, fieldset or section (no password field there), or the
   *  control is in a payment provider's frame: where a plain "Remember me" can only mean the card. */
  cardForm?: Lazy<boolean>;
  /** The control is `required` or `aria-required` (the purchase cannot go through without it), or
   *  disabled (the page does not let it be changed now). */
  required?: Lazy<boolean>;
}

/** Why, as a person would say it (the list is in fixtures/README.md):
 *  - `label`: the label says it; `nearby-text`: the label is silent, the text around the control says it;
 *  - `label+card-fields`, `nearby-text+card-fields`: a weak phrase ("save my info for faster checkout")
 *    that counts only with card fields or a payment frame on the page;
 *  - `attribute+card-words`, `attribute+card-fields`: a naming attribute (storePaymentMethod...), with
 *    card words in the label or nearby text, or else with card fields or a payment frame;
 *  - `label+card-form`, `nearby-text+card-form`: "Remember me" inside the card form or a payment frame;
 *  - `negated`: opt-out wording ("Don't save my card"); `look-alike:<kind>`: terms, newsletter...;
 *  - `required`: it reads as a save box, but the page requires it (unticking would only block the
 *    purchase) or does not let it be changed now (disabled);
 *  - `no-signal`: nothing says it. */
export type Reason =
  | 'label'
  | 'nearby-text'
  | 'label+card-fields'
  | 'nearby-text+card-fields'
  | 'attribute+card-fields'
  | 'attribute+card-words'
  | 'label+card-form'
  | 'nearby-text+card-form'
  | 'negated'
  | 'required'
  | `look-alike:${LookAlike}`
  | 'no-signal';

export interface Verdict {
  save: boolean;
  reason: Reason;
}

/** Lower case, compatibility forms folded, invisible hyphens and joiners out, one space, straight
 *  apostrophes. */
export function normalise(text: string): string {
  // NFKC only matters outside ASCII (full-width forms, ligatures); most labels are plain ASCII. Soft
  // hyphens (&shy; in long German or Finnish words), word joiners and BOMs would split a word.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "anything outside ASCII", not a control character
  return (/[^\x00-\x7f]/.test(text) ? text.normalize('NFKC').replace(/[\u00ad\u2060\ufeff]/g, '') : text)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export type TextVerdict = 'save' | 'weak' | 'negated' | `look-alike:${LookAlike}` | 'neutral';

/** At most this many labels are remembered by a memo (a page cannot grow it without bound). */
const MEMO_LIMIT = 500;

export function readText(text: string, lx: Lexicon): TextVerdict {
  if (!text) return 'neutral';
  if (lx.never.test(text)) {
    const kind = lx.lookAlikeOf(text);
    // "Save my address and card for next time" keeps the card too: an address is no reason to keep it.
    if (!(kind === 'address' && lx.save.test(text) && lx.card.test(text))) return `look-alike:${kind}`;
  }
  if (lx.optOut.test(text) && !lx.instruction.test(text)) return 'negated';
  if (lx.phrases.test(text) || (lx.save.test(text) && lx.card.test(text))) return 'save';
  if (lx.weak.test(text)) return 'weak';
  return 'neutral';
}

/** readText for a label, remembered in `memo` with numbers of two or more digits folded: no pattern
 *  depends on them (the data's only digit is a single "1", as in "1-click"). */
function readLabel(label: string, lx: Lexicon, memo?: Map<string, TextVerdict>): TextVerdict {
  if (!memo) return readText(label, lx);
  const key = label.replace(/[0-9]{2,}/g, '00');
  let v = memo.get(key);
  if (v === undefined) {
    v = readText(label, lx);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, v);
  }
  return v;
}

/** `memo`: optional, for callers that classify many controls (see readLabel). */
export function classify(f: ControlFacts, lx: Lexicon, memo?: Map<string, TextVerdict>): Verdict {
  // Whatever the words, a box the page requires is left alone: unticking it would only stop the purchase.
  const save = (reason: Reason): Verdict => (get(f.required ?? false) ? { save: false, reason: 'required' } : { save: true, reason });
  const label = normalise(f.label);
  let context = '';
  // The label speaks first; the context only when the label says nothing either way.
  for (const where of ['label', 'nearby-text'] as const) {
    if (where === 'nearby-text') context = normalise(get(f.context));
    const text = where === 'label' ? label : context;
    const v = where === 'label' ? readLabel(text, lx, memo) : readText(text, lx);
    if (v === 'save') return save(where);
    if (v === 'weak') {
      if (get(f.paymentContext)) return save(`${where}+card-fields`);
    } else if (v === 'look-alike:remember-me' && get(f.cardForm ?? false)) {
      // "Remember me" beside the card fields, with no password to remember, can only mean the card.
      return save(`${where}+card-form`);
    } else if (v !== 'neutral') return { save: false, reason: v };
  }
  const attrs = get(f.attrs).toLowerCase();
  if (attrs && !lx.attrNever.test(attrs) && lx.attrSave.test(attrs)) {
    // Card words first: they cost nothing, the card fields a look through the page.
    if (lx.card.test(`${label} ${context}`)) return save('attribute+card-words');
    if (get(f.paymentContext)) return save('attribute+card-fields');
  }
  return { save: false, reason: 'no-signal' };
}
