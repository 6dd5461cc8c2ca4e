// Deciding: is this ticked control a consent to keep a card? Reads the DOM, no chrome.* API, so it
// runs under happy-dom in the unit tests.
import { classify, type TextVerdict, type Verdict } from '../../detect/classify';
import { contextOf, factsOf, inCardForm, inDataGrid, isDisabled } from '../../detect/facts';
import type { Lexicon } from '../../detect/lexicon';
import { outerLabelOf } from './composite';

/** The classifier's verdict, or the site's own rule; `label` names the box in the notice ('' if not save). */
export interface Decision {
  save: boolean;
  reason: Verdict['reason'] | 'site-rule';
  label: string;
}

/** The label is not parsed yet: ask again once the parser has got further. */
export const WAIT = 'wait';

const SITE_RULE = { save: true, reason: 'site-rule' } as const;
/** A row's select box in a data grid: it selects the row, whatever a grid names it. */
const GRID_ROW: Decision = Object.freeze({ save: false, reason: 'look-alike:row-select', label: '' });

/** Is the control's name worth watching for a change (label-watch.ts)? Not a row's select box: a page
 *  never reuses one for another question, and a grid of them would fill the watch for nothing. */
export const nameMatters = (d: Decision): boolean => d.reason !== 'look-alike:row-select';

export class Decider {
  /** One decision per element, until its name changes (see label-watch.ts and forget()). */
  private readonly verdicts = new WeakMap<Element, Decision>();
  /** The control's name changed (one input reused for another question): decide again next time.
   *  Returns the decision it had. */
  forget(el: Element): Decision | undefined {
    const before = this.verdicts.get(el);
    this.verdicts.delete(el);
    return before;
  }

  /** Card fields by scope (form, document, shadow root), valid for one batch of mutations. */
  private readonly payment = new Map<Node, boolean>();
  /** What a label says, by label (numbers folded): a grid's "Select row 1..20000" is read once. */
  private readonly labelMemo = new Map<string, TextVerdict>();

  /** The lexicon is built on first use: frames that never show a ticked box never pay for it. */
  constructor(private readonly lexicon: () => Lexicon) {}

  /** A new batch: the page may have added or removed card fields since the last one. */
  newBatch(): void {
    this.payment.clear();
  }

  decide(el: Element): Decision | typeof WAIT {
    let verdict = this.verdicts.get(el);
    if (verdict) return verdict;
    // A box in a data grid is told before anything is read or built (the lexicon's regexes are not
    // needed for it): a grid page adds rows by the hundred, and no checkout asks to keep a card in a
    // grid's row. The main-world hook leaves these boxes out too (page-hook.ts).
    if (inDataGrid(el)) {
      this.verdicts.set(el, GRID_ROW);
      return GRID_ROW;
    }
    const lx = this.lexicon();
    const bySite = lx.siteSaveBoxes !== '' && el.matches(lx.siteSaveBoxes);
    const read = factsOf(
      el,
      () => this.inPaymentContext(el),
      () => inCardForm(el, lx.cardFieldSelector, lx.paymentFrameHosts.test(location.hostname)),
    );
    // A control the usual sources leave unnamed is named from outside (composite.ts).
    const facts = read.label ? read : { ...read, label: outerLabelOf(el) };
    // Its label may come later in the HTML: decide once the parser has got further.
    if (!facts.label && document.readyState === 'loading') return WAIT;
    // A site's own rule wins over the generic reading (see the guides' "checkout" rules).
    const v = bySite ? SITE_RULE : classify(facts, lx, this.labelMemo);
    // Whole (up to 300 characters): the background cuts it for the popup and the notice.
    verdict = { save: v.save, reason: v.reason, label: v.save ? facts.label || contextOf(el) : '' };
    // "Not a save box" may rest on what may change: the card fields below a plain "Remember me" that the
    // parser has not reached yet (the rescan at DOMContentLoaded asks again), or a box disabled for now
    // (the guard watches `disabled` and asks again).
    const mayChange = document.readyState === 'loading' || (v.reason === 'required' && isDisabled(el));
    if (v.save || !mayChange) this.verdicts.set(el, verdict);
    return verdict;
  }

  /** Card fields or a payment frame near the control: in its form, else its document or shadow root,
   *  else in the trees of the shadow hosts around it (a web component's checkbox in its own root). */
  private inPaymentContext(el: Element): boolean {
    const lx = this.lexicon();
    if (!lx.cardFieldSelector) return false;
    if (lx.paymentFrameHosts.test(location.hostname)) return true;
    for (let node: Element | null = el; node; ) {
      const root = node.getRootNode() as Document | ShadowRoot;
      const form = node.closest('form');
      if ((form && this.hasCardFields(form)) || this.hasCardFields(root)) return true;
      node = root instanceof ShadowRoot ? root.host : null;
    }
    return false;
  }

  private hasCardFields(scope: ParentNode & Node): boolean {
    let v = this.payment.get(scope);
    if (v === undefined) {
      v = scope.querySelector(this.lexicon().cardFieldSelector) !== null;
      this.payment.set(scope, v);
    }
    return v;
  }
}
