// The checkout guard: watches a document and its shadow roots for ticked save-card boxes and unticks
// them before they are painted. Mutation observer callbacks run before the next paint, so a box in the
// initial HTML or inserted later is caught before it is ever drawn ticked. This file wires the parts:
// decide.ts (is it a save-card consent), ledger.ts (the boxes held, and a per-paint check for a
// while after it acts, for ticks nothing reports), input.ts (a person's click told from a script's),
// composite.ts (a hidden input that stands for a visible control; names from outside a component),
// label-watch.ts (a control reused for another question is judged again). A script's `checked = true`
// on a box not held yet is announced by the main-world hook (CHECKED_EVENT), read here as a hint; so
// are the document's insertions that may hold a ticked box (INSERTED_EVENT), which cost far less to
// read in the page's world. This world's observer keeps the attributes and the shadow roots.
import { isOn, kindOf, TICKED_SELECTOR } from '../../detect/controls';
import type { Lexicon } from '../../detect/lexicon';
import type { BoxState } from '../../shared/messages';
import { BATCH_EVENT, CHECKED_EVENT, INSERTED_EVENT, SHADOW_EVENT } from '../hook-events';
import { faceOf } from './composite';
import { Decider, nameMatters, WAIT } from './decide';
import { Input } from './input';
import { LabelWatch } from './label-watch';
import { Ledger, type LedgerHooks } from './ledger';
import { safely } from './safely';

export { MAX_FIGHTS, type Box } from './ledger';

export interface GuardHooks extends LedgerHooks {
  /** The shadow root of a host, open or closed, or null. */
  shadowRootOf(el: Element): ShadowRoot | null;
}

export class Guard {
  private readonly decider: Decider;
  private readonly ledger: Ledger;
  private readonly input: Input;
  private readonly labels: LabelWatch;
  /** Ticked candidates with no label yet, while the document is still being parsed. */
  private readonly pending = new Set<Element>();
  private readonly roots = new WeakSet<Document | ShadowRoot>();
  private readonly observer: MutationObserver;
  /** The document's own children: replaced when a script opens the document again. */
  private readonly replaced: MutationObserver;
  private running = true;
  /** The document's insertions come from the main-world hook (leaveInsertionsToPage()). */
  private pageSeesInsertions = false;
  /** Inside a batch the hook announces: the payment-context memo holds until its end. */
  private inBatch = false;

  constructor(
    lexicon: () => Lexicon,
    private readonly hooks: GuardHooks,
  ) {
    this.decider = new Decider(lexicon);
    this.ledger = new Ledger(hooks);
    this.labels = new LabelWatch((el) => this.safely(() => this.renamed(el)), hooks.error);
    this.input = new Input({
      person: (el) => {
        this.ledger.personChose(el);
        // Its name is watched too: if the page reuses it for another question, the tick was not for that.
        const decision = this.decider.decide(el);
        if (decision !== WAIT && nameMatters(decision)) this.labels.track(el);
      },
      script: (el) => {
        if (this.running) queueMicrotask(() => this.safely(() => this.consider(el)));
      },
      error: hooks.error,
    });
    this.observer = new MutationObserver((records) => this.safely(() => this.onMutations(records)));
    this.replaced = new MutationObserver(() => this.safely(() => this.onReplaced()));
  }

  /** Starts watching a document or shadow root (once), and checks what it already holds. */
  watch(root: Document | ShadowRoot): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    this.observe(root);
    this.listen(root);
    if (root instanceof Document) this.replaced.observe(root, { childList: true });
    if (this.running) this.scan(root, true);
  }

  /** Adds the guard's listeners (again: adding one twice changes nothing). A document's go on its
   *  window, where a capture listener added now runs before any page script's, so a page cannot stop
   *  the events before they reach it. */
  private listen(root: Document | ShadowRoot): void {
    const win = root instanceof Document ? root.defaultView : null;
    const events = win ?? root;
    this.input.listen(events);
    events.addEventListener(CHECKED_EVENT, this.onChecked, true);
    // A form reset puts back the boxes' initial ticks without a setter, an event on them or a mutation.
    events.addEventListener('reset', this.onRestore, true);
    if (!win) return;
    win.addEventListener('pageshow', this.onRestore);
    win.addEventListener(SHADOW_EVENT, this.onShadow, true);
    win.addEventListener(INSERTED_EVENT, this.onInserted, true);
    win.addEventListener(BATCH_EVENT, this.onBatchEnd, true);
  }

  /** The main-world hook watches the document's insertions and announces the ones that matter
   *  (onInserted); this observer keeps the document's attributes and the shadow roots' insertions. */
  leaveInsertionsToPage(): void {
    this.pageSeesInsertions = true;
    if (this.roots.has(document)) this.observe(document);
  }

  /** The main-world hook announced an element just inserted into the document. */
  private readonly onInserted = (e: Event): void =>
    this.safely(() => {
      if (!this.running || !(e.target instanceof Element)) return;
      if (!this.inBatch) this.decider.newBatch();
      this.inBatch = true;
      this.added(e.target);
    });

  /** The main-world hook's batch of insertions is over: boxes that waited for a label are asked again. */
  private readonly onBatchEnd = (): void => {
    this.inBatch = false;
    if (this.running) this.safely(() => this.considerPending());
  };

  /** A shadow root attached to an element in the document (announced by the main-world hook). */
  private readonly onShadow = (e: Event): void =>
    this.safely(() => {
      const root = e.target instanceof Element ? this.hooks.shadowRootOf(e.target) : null;
      if (root) this.watch(root);
    });

  /** The document was opened again (document.open, as a parent writing a frame's whole page does): that
   *  removed every listener on it and on its window, so they are added again, and what it now holds is
   *  checked. Insertions the hook announced before this ran were missed; the scan finds them. */
  private onReplaced(): void {
    this.listen(document);
    if (this.running) this.scan(document, true);
  }

  /** Checks the whole document again, shadow roots included (at DOMContentLoaded, and on resume). */
  rescan(): void {
    this.safely(() => {
      for (const el of this.pending) this.consider(el);
      this.pending.clear();
      this.scan(document, true);
    });
  }

  /** What Unbind did to this control, if it is a box it held. */
  stateOf(el: Element): BoxState | undefined {
    return this.ledger.boxOf(el)?.state;
  }

  /** The person chose in the notice: tick it again and leave it be. */
  retick(id: number): void {
    this.safely(() => this.ledger.retick(id));
  }

  /** Guard turned off for this site: give back every box we unticked, and stop acting. */
  standDown(): void {
    this.running = false;
    this.ledger.giveBack();
  }

  resume(): void {
    this.running = true;
    this.rescan();
  }

  /** The main-world hook saw `checked = true` on this box: a hint only (any page can fire it). Its
   *  microtask runs before the next paint; name changes not delivered yet are handled first. */
  private readonly onChecked = (e: Event): void =>
    this.safely(() => {
      if (!this.running || !(e.target instanceof HTMLInputElement)) return;
      this.labels.flush();
      this.consider(e.target);
    });

  /** A form was reset or the page came back from the back-forward cache: boxes may be ticked again. */
  private readonly onRestore = (): void => this.safely(() => this.ledger.checkPaints());

  /** A judged control's name changed. The same question in other words changes nothing (a person's
   *  tick stays theirs); a different question is judged afresh, as if the control were new. */
  private renamed(el: Element): void {
    const before = this.decider.forget(el);
    const after = this.decider.decide(el);
    if (after === WAIT || (before && before.save === after.save)) return;
    this.ledger.release(el);
    this.input.forget(el);
    if (this.running) this.consider(el);
  }

  private observe(root: Document | ShadowRoot): void {
    this.observer.observe(root, {
      childList: !(this.pageSeesInsertions && root instanceof Document),
      subtree: true,
      attributes: true,
      // disabled: a box left because the page did not let it be changed is judged again once it does.
      attributeFilter: ['checked', 'aria-checked', 'aria-pressed', 'disabled', 'aria-disabled'],
    });
  }

  private safely(fn: () => void): void {
    safely(fn, this.hooks.error);
  }

  private scan(root: ParentNode, deep: boolean): void {
    if (deep) this.decider.newBatch();
    // An added subtree mostly holds no ticked box (a grid's new rows): a first-match query, which builds
    // no list, tells so.
    else if (!root.querySelector(TICKED_SELECTOR)) return;
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
    this.decider.newBatch();
    // Hot on busy pages (a grid edits hundreds of nodes a second) in shadow roots, and in documents
    // where the main-world hook does not run: every DOM object touched here gets a wrapper in this
    // isolated world, so touch as few as possible: numbers over objects (childElementCount, not
    // firstElementChild), literals over globals (1, not Node.ELEMENT_NODE).
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      if (r.type === 'attributes') {
        const target = r.target as Element;
        // A fieldset's `disabled` enables or disables every box in it.
        if (r.attributeName === 'disabled' && target.localName === 'fieldset') this.scan(target, false);
        else this.consider(target);
        continue;
      }
      const added = r.addedNodes;
      for (let j = 0; j < added.length; j++) {
        const n = added[j]!;
        // An element; text edits are most records on a busy page.
        if (n.nodeType === 1) this.added(n as Element);
      }
    }
    this.considerPending();
  }

  private added(el: Element): void {
    // Removed again before this callback (a virtualised grid replacing a row it just added): never
    // painted, and read outside its page it would be judged without its context.
    if (!el.isConnected) return;
    if (el.matches(TICKED_SELECTOR)) this.consider(el);
    else if (el.childElementCount) this.scan(el, false);
    // Shadow roots attached after insertion are announced by the main-world hook; this catches a
    // custom element that arrives with its root already attached, cheaply (no call per element).
    if (el.localName.includes('-')) {
      const sr = this.hooks.shadowRootOf(el);
      if (sr) this.watch(sr);
    }
  }

  private considerPending(): void {
    if (!this.pending.size) return;
    const waiting = [...this.pending];
    this.pending.clear();
    for (const el of waiting) this.consider(el);
  }

  private consider(control: Element): void {
    // A hidden input that only mirrors a visible control: judge and untick the visible one.
    const el = faceOf(control);
    const kind = kindOf(el);
    if (!kind || !this.running) return;
    const known = this.ledger.boxOf(el);
    if (known) {
      if (known.state === 'unticked' && isOn(el, kind)) this.ledger.refight(known);
      return;
    }
    if (this.input.isTouched(el) || !isOn(el, kind)) return;
    const decision = this.decider.decide(el);
    if (decision === WAIT) {
      this.pending.add(el);
      return;
    }
    if (nameMatters(decision)) this.labels.track(el);
    if (decision.save) this.ledger.hold(el, kind, decision.label);
  }
}
