// Pure decision: is this control a consent to keep a card or payment method for later use?
// Works on plain facts gathered from the page (see facts.ts), so it is testable without a browser.
import type { Lexicon } from './lexicon';

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
}

export type Reason =
  | 'label' | 'context' | 'label-weak' | 'context-weak' | 'attributes'
  | 'opt-out' | 'look-alike' | 'no-signal';

export interface Verdict { save: boolean; reason: Reason }

/** Lower case, compatibility forms folded, one space, straight apostrophes. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/\s+/g, ' ').trim();
}

type TextVerdict = 'save' | 'weak' | 'opt-out' | 'look-alike' | 'neutral';

export function readText(text: string, lx: Lexicon): TextVerdict {
  if (!text) return 'neutral';
  if (lx.never.test(text)) return 'look-alike';
  if (lx.optOut.test(text) && !lx.instruction.test(text)) return 'opt-out';
  if (lx.phrases.test(text) || (lx.save.test(text) && lx.card.test(text))) return 'save';
  if (lx.weak.test(text)) return 'weak';
  return 'neutral';
}

export function classify(f: ControlFacts, lx: Lexicon): Verdict {
  const label = normalise(f.label);
  let context = '';
  // The label speaks first; the context only when the label says nothing either way.
  for (const where of ['label', 'context'] as const) {
    const text = where === 'label' ? label : (context = normalise(get(f.context)));
    const v = readText(text, lx);
    if (v === 'save') return { save: true, reason: where };
    if (v === 'weak' && get(f.paymentContext)) return { save: true, reason: `${where}-weak` };
    if (v === 'opt-out' || v === 'look-alike') return { save: false, reason: v };
  }
  const attrs = get(f.attrs).toLowerCase();
  if (attrs && !lx.attrNever.test(attrs) && lx.attrSave.test(attrs) && (lx.card.test(`${label} ${context}`) || get(f.paymentContext))) {
    return { save: true, reason: 'attributes' };
  }
  return { save: false, reason: 'no-signal' };
}
