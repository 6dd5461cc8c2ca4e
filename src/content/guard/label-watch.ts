// Watches the names of the controls the guard has judged: a single-page app may reuse one input for
// several questions (step 1 "Keep me signed in", step 2 "Save this card"), changing only its label.
// A mutation observer on each judged control's name sources (its labels, aria-labelledby targets,
// its row, and the same for the host of a web component) tells which control to judge again.
import { labelFor } from '../../detect/facts';
import { outerLabelOf } from './composite';
import { safely } from './safely';

/** Judged controls watched per frame: a grid of ticked rows gets no more work than this. */
export const MAX_WATCHED = 200;
/** Shadow hosts followed outward from a control inside web components. */
const MAX_HOSTS = 3;

export class LabelWatch {
  private readonly observer: MutationObserver;
  /** The name each watched control had when last judged. */
  private readonly names = new WeakMap<Element, string>();
  /** Observed node -> the controls whose name it holds. */
  private readonly owners = new WeakMap<Node, Element[]>();
  private watched = 0;

  constructor(
    private readonly renamed: (control: Element) => void,
    private readonly error: (err: unknown) => void,
  ) {
    this.observer = new MutationObserver((records) => safely(() => this.onRecords(records), error));
  }

  /** Starts watching the name of a control just judged (once per control). */
  track(el: Element): void {
    if (this.names.has(el) || this.watched >= MAX_WATCHED) return;
    this.watched++;
    this.names.set(el, outerLabelOf(el));
    let node: Element | null = el;
    for (let depth = 0; node && depth <= MAX_HOSTS; depth++) {
      this.observer.observe(node, { attributes: true, attributeFilter: ['aria-label', 'aria-labelledby'] });
      this.own(node, el);
      for (const source of nameSources(node)) {
        this.observer.observe(source, { childList: true, characterData: true, subtree: true });
        this.own(source, el);
      }
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
  }

  /** Handles changes not delivered yet, so a check that follows sees the current names. */
  flush(): void {
    const records = this.observer.takeRecords();
    if (records.length) safely(() => this.onRecords(records), this.error);
  }

  private own(node: Node, control: Element): void {
    const list = this.owners.get(node);
    if (!list) this.owners.set(node, [control]);
    else if (!list.includes(control)) list.push(control);
  }

  private onRecords(records: MutationRecord[]): void {
    const hit = new Set<Element>();
    for (const r of records) {
      for (let n: Node | null = r.target; n; n = n.parentNode) {
        const list = this.owners.get(n);
        if (list) for (const c of list) hit.add(c);
      }
    }
    for (const el of hit) {
      const now = outerLabelOf(el);
      if (now === this.names.get(el)) continue;
      this.names.set(el, now);
      this.renamed(el);
    }
  }
}

/** The elements whose text can name `el`: its <label>s, its aria-labelledby targets, and its row
 *  (parent), except the document's body, whose every change would come here. */
function nameSources(el: Element): Element[] {
  const out: Element[] = [];
  const root = el.getRootNode() as Document | ShadowRoot;
  const wrapping = el.closest('label');
  if (wrapping) out.push(wrapping);
  const byFor = labelFor(el);
  if (byFor) out.push(byFor);
  for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
    const target = id ? root.getElementById?.(id) : null;
    if (target) out.push(target);
  }
  const parent = el.parentElement;
  if (parent && parent !== el.ownerDocument.body && parent !== el.ownerDocument.documentElement) out.push(parent);
  return out;
}
