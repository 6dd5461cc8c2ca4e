// The ledger: the boxes Unbind holds unticked, and what became of each. Pages that tick a box again
// are undone, up to a point; a box replaced by the page's framework carries over.
import { isOn, type ControlKind } from '../../detect/controls';
import type { BoxState } from '../../shared/messages';
import { setTicked } from '../toggle';
import { safely } from './safely';

/** A page that re-ticks a box more often than this is fighting us: stop, and say so. */
export const MAX_FIGHTS = 3;
/** A hostile page with thousands of "save card" boxes gets no more work than this. */
export const MAX_TRACKED = 50;

export interface Box {
  id: number;
  el: Element;
  kind: ControlKind;
  label: string;
  state: BoxState;
  fights: number;
}

export interface LedgerHooks {
  /** A box changed state (unticked, reticked, person, gave-up). */
  report(box: Box): void;
  /** Errors are caught at every entry point and handed here, never thrown into the page. */
  error(err: unknown): void;
}

export class Ledger {
  private readonly boxes = new Map<number, Box>();
  private readonly byElement = new WeakMap<Element, Box>();
  private nextId = 1;
  private paintHandle = 0;
  private paintsLeft = 0;

  constructor(private readonly hooks: LedgerHooks) {}

  boxOf(el: Element): Box | undefined {
    return this.byElement.get(el);
  }

  /** Unticks a save box and holds it unticked. */
  hold(el: Element, kind: ControlKind, label: string): void {
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
    // Whole, up to the message's 300 characters: the background cuts it at a word for the popup.
    const box: Box = { id: this.nextId++, el, kind, label: label.slice(0, 300), state: 'unticked', fights: 0 };
    this.boxes.set(box.id, box);
    this.byElement.set(el, box);
    setTicked(el, kind, false);
    this.hooks.report(box);
    this.checkPaints();
  }

  /** The control now asks another question: stop holding it. Its record stays (the page did show a
   *  save box that Unbind unticked), no longer tied to the element. */
  release(el: Element): void {
    this.byElement.delete(el);
  }

  /** Is the box's element still the save box it was (not released)? */
  private holds(box: Box): boolean {
    return this.byElement.get(box.el) === box;
  }

  /** The page ticked a held box again. */
  refight(box: Box): void {
    if (++box.fights > MAX_FIGHTS) {
      box.state = 'gave-up';
      this.hooks.report(box);
      return;
    }
    setTicked(box.el, box.kind, false);
    this.checkPaints();
  }

  /** A person clicked or keyed the control: if we hold it, it is theirs now. */
  personChose(el: Element): void {
    const box = this.byElement.get(el);
    if (box && box.state !== 'person') {
      box.state = 'person';
      queueMicrotask(() => this.hooks.report(box));
    }
  }

  /** The person chose in the notice: tick it again and leave it be. */
  retick(id: number): void {
    const box = this.boxes.get(id);
    if (!box || box.state === 'reticked') return;
    box.state = 'reticked';
    if (this.holds(box)) setTicked(box.el, box.kind, true);
    this.hooks.report(box);
  }

  /** Ticks again every box we unticked. None is left 'unticked', so the paint check ends by itself. */
  giveBack(): void {
    for (const box of this.boxes.values()) {
      if (box.state !== 'unticked') continue;
      box.state = 'reticked';
      safely(() => {
        if (box.el.isConnected && this.holds(box)) setTicked(box.el, box.kind, true);
        this.hooks.report(box);
      }, this.hooks.error);
    }
  }

  /** A check at each paint for a while after the guard acted (frames; about a second). Script ticks on
   *  a held box reach the guard by the main-world hook, script clicks by their events and re-inserts by
   *  the observer; this net is for what none of them reports (a form reset, a page restored from the
   *  back-forward cache). Checking at every paint for as long as a box is held kept the page drawing
   *  frames and cost an idle checkout about 15% of a core. */
  static readonly PAINTS = 60;

  /** Checks the held boxes at each paint for the next PAINTS frames. */
  checkPaints(): void {
    this.paintsLeft = Ledger.PAINTS;
    if (!this.paintHandle) this.paintHandle = requestAnimationFrame(this.onPaint);
  }

  private readonly onPaint = (): void =>
    safely(() => {
      this.paintHandle = 0;
      let any = false;
      for (const box of this.boxes.values()) {
        if (box.state !== 'unticked' || !box.el.isConnected || !this.holds(box)) continue;
        any = true;
        if (isOn(box.el, box.kind)) this.refight(box);
      }
      if (any && --this.paintsLeft > 0) this.paintHandle = requestAnimationFrame(this.onPaint);
    }, this.hooks.error);
}
