// The checkout guard: watches a document and its shadow roots for ticked save-card boxes and unticks
// them before they are painted. Mutation observer callbacks run before the next frame, so a box in the
// initial HTML or inserted later is caught before it is ever drawn ticked; a per-frame check catches
// boxes a script re-ticks through the `checked` property, which no observer sees.
import { classify, type TextVerdict } from '../detect/classify';
import { isOn, kindOf, TICKED_SELECTOR, type ControlKind } from '../detect/controls';
import { contextOf, factsOf } from '../detect/facts';
import type { Lexicon } from '../detect/lexicon';
import type { BoxState } from '../shared/messages';
import { setTicked } from './toggle';

/** A page that re-ticks a box more often than this is fighting us: stop, and say so. */
export const MAX_FIGHTS = 3;
/** A hostile page with thousands of "save card" boxes gets no more work than this. */
const MAX_TRACKED = 50;

export interface Box { id: number; el: Element; kind: ControlKind; label: string; state: BoxState; fights: number }

export interface GuardHooks {
  /** A box changed state (unticked, kept, user, gave-up). */
  report(box: Box): void;
  /** The shadow root of a host, open or closed, or null. */
  shadowRootOf(el: Element): ShadowRoot | null;
  /** Errors are caught at every entry point and handed here, never thrown into the page. */
  error(err: unknown): void;
}

export class Guard {
  private readonly verdicts = new WeakMap<Element, { save: boolean; label: string }>();
  private readonly boxes = new Map<number, Box>();
  private readonly byElement = new WeakMap<Element, Box>();
  /** Controls a person has clicked or keyed: never touched again. */
  private readonly touched = new WeakSet<Element>();
  /** Ticked candidates with no label yet, while the document is still being parsed. */
  private readonly pending = new Set<Element>();
  private readonly roots = new WeakSet<Document | ShadowRoot>();
  private readonly payment = new Map<Node, boolean>();
  /** What a label says, by label (numbers folded): a grid's "Select row 1..20000" is read once. */
  private readonly labelMemo = new Map<string, TextVerdict>();
  private readonly observer: MutationObserver;
  private nextId = 1;
  private frame = 0;
  private running = true;

  /** The lexicon is built on first use: frames that never show a ticked box never pay for it. */
  constructor(private readonly lexicon: () => Lexicon, private readonly hooks: GuardHooks) {
    this.observer = new MutationObserver((records) => this.safely(() => this.onMutations(records)));
  }

  /** Starts watching a document or shadow root (once), and checks what it already holds. */
  watch(root: Document | ShadowRoot): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['checked', 'aria-checked', 'aria-pressed'] });
    for (const type of ['click', 'keydown', 'change']) root.addEventListener(type, this.onEvent, true);
    if (this.running) this.scan(root, true);
  }

  /** Checks the whole document again, shadow roots included (at DOMContentLoaded, and on resume). */
  rescan(): void {
    this.safely(() => {
      for (const el of this.pending) this.consider(el);
      this.pending.clear();
      this.scan(document, true);
    });
  }

  /** The person chose in the notice: tick it again and leave it be. */
  keep(id: number): void {
    this.safely(() => {
      const box = this.boxes.get(id);
      if (!box || box.state === 'kept') return;
      box.state = 'kept';
      setTicked(box.el, box.kind, true);
      this.hooks.report(box);
    });
  }

  /** Guard turned off for this site: give back every box we unticked, and stop acting. */
  standDown(): void {
    this.running = false;
    for (const box of this.boxes.values()) {
      if (box.state !== 'unticked') continue;
      box.state = 'kept';
      this.safely(() => { if (box.el.isConnected) setTicked(box.el, box.kind, true); this.hooks.report(box); });
    }
  }

  resume(): void {
    this.running = true;
    this.rescan();
  }

  private get lx(): Lexicon { return this.lexicon(); }

  private safely(fn: () => void): void {
    try { fn(); } catch (err) { this.hooks.error(err); }
  }

  private scan(root: ParentNode, deep: boolean): void {
    if (deep) this.payment.clear();
    for (const el of root.querySelectorAll(TICKED_SELECTOR)) this.consider(el);
    if (!deep) return;
    // Shadow roots inside: declarative ones, and any we watch already. Open roots cost nothing to see;
    // a closed one costs an extension call per element, so only custom elements get one (roots that
    // scripts attach are announced by the main-world hook anyway).
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n as Element;
      const sr = el.shadowRoot ?? (el.localName.includes('-') ? this.hooks.shadowRootOf(el) : null);
      if (!sr) continue;
      if (this.roots.has(sr)) this.scan(sr, true);
      else this.watch(sr);
    }
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.running) return;
    this.payment.clear();
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      if (r.type === 'attributes') { this.consider(r.target as Element); continue; }
      const added = r.addedNodes;
      for (let j = 0; j < added.length; j++) {
        const n = added[j]!;
        if (n.nodeType !== Node.ELEMENT_NODE) continue;
        const el = n as Element;
        if (el.matches(TICKED_SELECTOR)) this.consider(el);
        else if (el.firstElementChild) this.scan(el, false);
        // Shadow roots attached after insertion are announced by the main-world hook; this catches a
        // custom element that arrives with its root already attached, cheaply (no call per element).
        if (el.localName.includes('-')) { const sr = this.hooks.shadowRootOf(el); if (sr) this.watch(sr); }
      }
    }
    if (this.pending.size) {
      const waiting = [...this.pending];
      this.pending.clear();
      for (const el of waiting) this.consider(el);
    }
  }

  private consider(el: Element): void {
    const kind = kindOf(el);
    if (!kind || !this.running) return;
    const known = this.byElement.get(el);
    if (known) { if (known.state === 'unticked' && isOn(el, kind)) this.refight(known); return; }
    if (this.touched.has(el) || !isOn(el, kind)) return;
    let verdict = this.verdicts.get(el);
    if (!verdict) {
      const facts = factsOf(el, () => this.inPaymentContext(el));
      // Its label may come later in the HTML: decide once the parser has got further.
      if (!facts.label && document.readyState === 'loading') { this.pending.add(el); return; }
      // A site's own rule wins over the generic reading (see the guides' "checkout" rules).
      const bySite = !!this.lx.siteSaveBoxes && el.matches(this.lx.siteSaveBoxes);
      const save = bySite || classify(facts, this.lx, this.labelMemo).save;
      verdict = { save, label: save ? facts.label || contextOf(el) : '' };
      this.verdicts.set(el, verdict);
    }
    if (verdict.save) this.untick(el, kind, verdict.label);
  }

  private untick(el: Element, kind: ControlKind, label: string): void {
    // A framework that replaced the element keeps the same box: the person's choice carries over.
    const same = [...this.boxes.values()].find((b) => !b.el.isConnected && b.label === label);
    if (same) {
      this.byElement.set(el, same);
      same.el = el;
      same.kind = kind;
      if (same.state === 'unticked') setTicked(el, kind, false);
      return;
    }
    if (this.boxes.size >= MAX_TRACKED) return;
    const box: Box = { id: this.nextId++, el, kind, label: label.slice(0, 120), state: 'unticked', fights: 0 };
    this.boxes.set(box.id, box);
    this.byElement.set(el, box);
    setTicked(el, kind, false);
    this.hooks.report(box);
    this.watchFrames();
  }

  private refight(box: Box): void {
    if (++box.fights > MAX_FIGHTS) {
      box.state = 'gave-up';
      this.hooks.report(box);
      return;
    }
    setTicked(box.el, box.kind, false);
  }

  /** Once per frame while boxes we unticked are on the page: catches `el.checked = true` by script. */
  private watchFrames(): void {
    if (this.frame) return;
    const tick = () => this.safely(() => {
      this.frame = 0;
      let any = false;
      for (const box of this.boxes.values()) {
        if (box.state !== 'unticked' || !box.el.isConnected) continue;
        any = true;
        if (isOn(box.el, box.kind)) this.refight(box);
      }
      if (any && this.running) this.frame = requestAnimationFrame(tick);
    });
    this.frame = requestAnimationFrame(tick);
  }

  /** A person's click or key marks the control as theirs. A script's click or change (a page that
   *  ticks its box after mounting) gets the control looked at again, still before the next paint. */
  private readonly onEvent = (e: Event): void => {
    // Every keystroke in every field of the page comes here: only Space and Enter toggle a control.
    if (e.type === 'keydown' && (e as KeyboardEvent).key !== ' ' && (e as KeyboardEvent).key !== 'Enter') return;
    this.safely(() => {
      const control = this.controlIn(e);
      if (!control) return;
      // The change event that a script's el.click() causes is marked trusted too: only clicks and keys
      // tell a person from a script.
      if (e.isTrusted && e.type !== 'change') {
        this.touched.add(control);
        const box = this.byElement.get(control);
        if (box && box.state !== 'user') {
          box.state = 'user';
          queueMicrotask(() => this.hooks.report(box));
        }
      } else if (this.running) {
        queueMicrotask(() => this.safely(() => this.consider(control)));
      }
    });
  };

  /** The checkbox-like control an event is about (a click on a label is a click on its control). */
  private controlIn(e: Event): Element | null {
    for (const node of e.composedPath()) {
      if (!(node instanceof Element)) continue;
      const control = node instanceof HTMLLabelElement ? node.control : node;
      if (control && kindOf(control)) return control;
    }
    return null;
  }

  /** Card fields or a payment frame near the control: in its form, else its document or shadow root,
   *  else in the trees of the shadow hosts around it (a web component's checkbox in its own root). */
  private inPaymentContext(el: Element): boolean {
    if (!this.lx.cardFieldSelector) return false;
    if (this.lx.paymentFrameHosts.test(location.hostname)) return true;
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
    if (v === undefined) this.payment.set(scope, (v = scope.querySelector(this.lx.cardFieldSelector) !== null));
    return v;
  }
}
