// Pure decision: is this control a consent to keep a card or payment method for later use?
// Works on plain facts gathered from the page (see facts.ts), so it is testable without a browser.
import type { Lexicon } from './lexicon';

export interface ControlFacts {
  /** The control's accessible name (label, aria-label, aria-labelledby...). */
  label: string;
  /** Text near the control that belongs to it alone (its row or group, description). */
  context: string;
  /** name, id, class, data-* and value tokens of the control and its wrapper. */
  attrs: string;
  /** Card fields or a payment provider's frame are on the page. */
  paymentContext: boolean;
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
  const context = normalise(f.context);
  // The label speaks first; the context only when the label says nothing either way.
  for (const [text, where] of [[label, 'label'], [context, 'context']] as const) {
    const v = readText(text, lx);
    if (v === 'save') return { save: true, reason: where };
    if (v === 'weak' && f.paymentContext) return { save: true, reason: `${where}-weak` };
    if (v === 'opt-out' || v === 'look-alike') return { save: false, reason: v };
  }
  const attrs = f.attrs.toLowerCase();
  if (attrs && !lx.attrNever.test(attrs) && lx.attrSave.test(attrs) && (f.paymentContext || lx.card.test(label + ' ' + context))) {
    return { save: true, reason: 'attributes' };
  }
  return { save: false, reason: 'no-signal' };
}
